package serve

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	corpus  = flag.String("corpus", "", "site `folder` to measure rebuilds on, such as bench/out/dossier-5000 made by bench/gencorpus")
	profile = flag.String("rebuildprofile", "", "write a CPU profile of the incremental rebuilds to `file`")
)

var titleLine = regexp.MustCompile(`(?m)^title = ".*"$`)

// TestLatency measures, on -corpus, a full build into memory, the
// rebuild after an edit, and the time from writing an edited file to the
// server serving the new page. It reports and asserts nothing about the
// times themselves.
//
//	go test ./generator/serve -run Latency -v -corpus $PWD/bench/out/dossier-5000
func TestLatency(t *testing.T) {
	if *corpus == "" {
		t.Skip("no -corpus")
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(*corpus)); err != nil {
		t.Fatal(err)
	}
	events, _ := filepath.Glob(filepath.Join(dir, "content", "events", "*.md"))
	slices.Sort(events)
	if len(events) == 0 {
		t.Fatal("no events")
	}
	file := events[len(events)/2]
	rel, _ := filepath.Rel(dir, file)
	rel = filepath.ToSlash(rel)
	page := "events/" + strings.TrimSuffix(filepath.Base(file), ".md") + ".html"
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(n int) string {
		mark := fmt.Sprintf("Edited %d", n)
		if err := os.WriteFile(file, titleLine.ReplaceAll(orig, []byte(`title = "`+mark+`"`)), 0o644); err != nil {
			t.Fatal(err)
		}
		return mark
	}

	t0 := time.Now()
	b := newBuilder(os.DirFS(dir))
	r := b.build(change{config: true, layouts: true, content: true})
	if r.files == nil {
		t.Fatalf("build failed: %v %v", r.err, r.problems[:min(len(r.problems), 10)])
	}
	t.Logf("full build into memory: %d events, %d pages, %d files in %v", len(events), r.pages, len(r.files), time.Since(t0).Round(time.Millisecond))

	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			t.Fatal(err)
		}
		pprof.StartCPUProfile(f)
	}
	var took, page1, rest []time.Duration
	for i := range 5 {
		mark := edit(i)
		var c change
		c.file(rel)
		t0 := time.Now()
		r := b.build(c)
		took = append(took, time.Since(t0))
		if r.files == nil {
			t.Fatalf("rebuild %d failed: %v %v", i, r.err, r.problems.Errors())
		}
		t1 := time.Now()
		m, _, err := r.lazy[page].get()
		if err != nil || !strings.Contains(string(m[page]), mark) {
			t.Fatalf("rebuild %d did not take the edit: %v", i, err)
		}
		page1 = append(page1, time.Since(t1))
		t2 := time.Now()
		for _, l := range r.lazy {
			l.get()
		}
		rest = append(rest, time.Since(t2))
		if i == 0 {
			t.Logf("an edited event title renders %d of %d pages", r.pages, len(b.pages))
		}
	}
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	t.Logf("incremental rebuild, to serving: %v", summary(took))
	t.Logf("then rendering the edited page: %v", summary(page1))
	t.Logf("then rendering the other pages and site-wide files: %v", summary(rest))

	base, log, srv := startServer(t, dir)
	defer func() { t.Logf("server output:\n%s", log) }()
	get(t, base+"/")
	for _, idle := range []bool{true, false} {
		took = took[:0]
		for i := range 5 {
			if idle {
				srv.bg.Wait() // the last edit's other pages are rendered
			}
			mark := edit(100 + i)
			t0 := time.Now()
			for {
				_, body := get(t, base+"/"+page)
				if strings.Contains(body, mark) {
					break
				}
				if time.Since(t0) > time.Minute {
					t.Fatal("edit never served")
				}
				time.Sleep(2 * time.Millisecond)
			}
			took = append(took, time.Since(t0))
		}
		if idle {
			t.Logf("edit to served, after the last edit's pages are rendered, with %v debounce: %v", debounce, summary(took))
		} else {
			t.Logf("edit to served, edits back to back: %v", summary(took))
		}
	}
}

func summary(d []time.Duration) string {
	s := slices.Clone(d)
	slices.Sort(s)
	var parts []string
	for _, x := range d {
		parts = append(parts, x.Round(time.Millisecond).String())
	}
	return fmt.Sprintf("median %v, min %v, max %v (%s)", s[len(s)/2].Round(time.Millisecond), s[0].Round(time.Millisecond), s[len(s)-1].Round(time.Millisecond), strings.Join(parts, " "))
}
