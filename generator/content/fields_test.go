package content

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestInlineTables: an array of inline tables is another way TOML writes
// an array of tables, so it must give the same entry as [[...]] blocks.
func TestInlineTables(t *testing.T) {
	const head = "+++\ntitle = \"T\"\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n"
	blocks := head + `
[[accounts]]
source = "src-a"
says = "Near his home."
about = "place"
[[accounts]]
source = "src-b"
says = "At his office."
[[corrections]]
date = 2025-12-25
note = "Date fixed."
+++
`
	inline := head + `accounts = [
  {source = "src-a", says = "Near his home.", about = "place"},
  {source = "src-b", says = "At his office."},
]
corrections = [{date = 2025-12-25, note = "Date fixed."}]
+++
`
	load := func(src string) *Entry {
		p := "content/events/2025-12-24-x.md"
		e, errs := loadFile(fstest.MapFS{p: {Data: []byte(src)}}, p)
		if errs.Errors() > 0 || e == nil {
			t.Fatalf("problems: %v", errs)
		}
		return e
	}
	a, b := load(blocks), load(inline)
	if len(a.Accounts) != 2 || len(a.Corrections) != 1 {
		t.Fatalf("blocks: %d accounts, %d corrections; want 2, 1", len(a.Accounts), len(a.Corrections))
	}
	if !reflect.DeepEqual(a.Accounts, b.Accounts) || !reflect.DeepEqual(a.Corrections, b.Corrections) {
		t.Errorf("blocks give %+v %+v\ninline gives %+v %+v", a.Accounts, a.Corrections, b.Accounts, b.Corrections)
	}
	var ids []string
	for _, r := range b.Refs {
		if r.Field == "accounts" {
			ids = append(ids, r.ID)
		}
	}
	if !reflect.DeepEqual(ids, []string{"src-a", "src-b"}) {
		t.Errorf("inline accounts name %v, want [src-a src-b]", ids)
	}
}
