package feed

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentCases are JSON texts whose marshaled form appendIndented must lay
// out as json.Indent does: empty and nested objects and arrays, and
// strings holding punctuation, escapes and quotes.
var indentCases = []string{
	`{}`, `[]`, `{"a":{}}`, `{"a":[]}`, `[[],{},[[]]]`, `"x"`, `1.5`, `null`, `true`,
	`{"a":1,"b":[1,2,{"c":null}],"d":{"e":"f"}}`,
	`{"s":"{[,:]}\"\\","t":"a\\\"b","u":"\\\\"}`,
	`{"html":"<script>&</script>","nl":"a\nb\tc","u":"\u2028 ☃ \ud83d\ude00"}`,
	`[{"id":"x","roles":{"p":"shooter","q":"witness"},"lat":34.5,"lon":-69.25}]`,
}

func TestAppendIndented(t *testing.T) {
	for _, c := range indentCases {
		checkIndented(t, []byte(c))
	}
}

// FuzzAppendIndented checks appendIndented against json.Indent on the
// marshaled form of any JSON value.
func FuzzAppendIndented(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkIndented(t, data)
	})
}

func checkIndented(t *testing.T, data []byte) {
	t.Helper()
	var v any
	if json.Unmarshal(data, &v) != nil {
		return
	}
	src, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := json.Indent(&want, src, "    ", "  "); err != nil {
		t.Fatal(err)
	}
	if got := appendIndented([]byte("head"), src, "    ", "  "); string(got) != "head"+want.String() {
		t.Errorf("appendIndented(%s):\n%s\nwant:\n%s", src, got, want.String())
	}
}
