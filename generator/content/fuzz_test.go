package content

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"dossier/generator/markdown"
)

// The fuzz tests hold the loader to what a contributor's file, however
// broken, must get: no panic, no hang, and positions that are in the
// file. Seeds are in testdata/fuzz/FuzzXxx and the shipped content.
// Run one with, for instance:
//
//	go test -run=^$ -fuzz=FuzzSplit -fuzztime=60s -parallel=1 ./generator/content/

// addContent seeds a fuzz test with the shipped dossier's entries.
func addContent(f *testing.F, add func(src []byte)) {
	files, _ := filepath.Glob("../../content/*/*.md")
	for _, p := range files {
		if src, err := os.ReadFile(p); err == nil && len(src) < 64<<10 {
			add(src)
		}
	}
}

// FuzzSplit checks front matter splitting: the blanked copy keeps every
// offset and newline of the file, the front matter is returned as
// written, and the body is untouched.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"+++\ntitle = \"x\"\n+++\nbody\n", "+++\n+++", "+++\r\na = 1\r\n+++\r\n", "\uFEFF+++\n+++\n", "+++", "", "\n+++\n+++\n", "+++\n+++ \n+++\n"} {
		f.Add([]byte(s))
	}
	addContent(f, func(src []byte) { f.Add(src) })
	f.Fuzz(func(t *testing.T, data []byte) {
		orig := bytes.Clone(data)
		fl := newFile("x.md", data)
		fm, err := fl.split()
		if !bytes.Equal(data, orig) {
			t.Fatal("split changed the bytes it was given")
		}
		if len(fl.src) != len(orig) {
			t.Fatalf("blanked copy is %d bytes, file %d", len(fl.src), len(orig))
		}
		for i, c := range orig {
			if (c == '\n') != (fl.src[i] == '\n') {
				t.Fatalf("newline moved at offset %d", i)
			}
		}
		if err != nil {
			return
		}
		if fl.fmStart > fl.fmEnd || fl.fmEnd > len(orig) {
			t.Fatalf("front matter at %d:%d of %d bytes", fl.fmStart, fl.fmEnd, len(orig))
		}
		if !bytes.Equal(fm, orig[fl.fmStart:fl.fmEnd]) {
			t.Fatalf("front matter %q, file has %q there", fm, orig[fl.fmStart:fl.fmEnd])
		}
		// Past the closing +++ line, the body is as written.
		end := bytes.IndexByte(orig[fl.fmEnd:], '\n')
		if end >= 0 && !bytes.Equal(fl.src[fl.fmEnd+end:], orig[fl.fmEnd+end:]) {
			t.Fatal("the body was changed")
		}
		for i := 0; i < fl.fmEnd; i++ {
			if c := fl.src[i]; c != ' ' && c != '\n' && c != '\r' {
				t.Fatalf("front matter byte %d not blanked: %q", i, c)
			}
		}
	})
}

// checkPositions fails if a problem or a reference points outside the
// file.
func checkPositions(t *testing.T, path string, src []byte, e *Entry, problems []problemPos) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, p := range problems {
		if p.path != path {
			t.Errorf("problem reported for %q, not %q", p.path, path)
		}
		if p.line < 0 || p.line > lines || p.col < 0 {
			t.Errorf("%s: position %d:%d is outside a file of %d lines", p.msg, p.line, p.col, lines)
		}
		if p.line > 0 && utf8.Valid(src) {
			text := strings.Split(string(src), "\n")[p.line-1]
			if p.col > utf8.RuneCountInString(text)+1 {
				t.Errorf("%s: column %d is past the end of line %d (%d characters)", p.msg, p.col, p.line, utf8.RuneCountInString(text))
			}
		}
	}
	if e == nil {
		return
	}
	for _, r := range e.Refs {
		if r.Line < 1 || r.Line > lines || r.Col < 1 {
			t.Errorf("ref to %s at %d:%d, outside a file of %d lines", r.ID, r.Line, r.Col, lines)
		}
	}
	if refused(e) {
		return
	}
	ast.Walk(markdown.Parse(e.Source()), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*markdown.Citation); ok && entering && !bytes.HasPrefix(src[c.Offset:], []byte("[@"+c.ID)) {
			t.Errorf("citation of %q at offset %d, but the file has %q there", c.ID, c.Offset, src[c.Offset:min(len(src), c.Offset+20)])
		}
		return ast.WalkContinue, nil
	})
}

type problemPos struct {
	path      string
	line, col int
	msg       string
}

// FuzzLoadFile runs whole files through the loader as each kind.
func FuzzLoadFile(f *testing.F) {
	f.Add(uint8(0), []byte("+++\ntitle = \"T\"\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"a\"]\n[roles]\nx = \"y\"\n[[accounts]]\nsource = \"a\"\nsays = \"z\"\n+++\nText [@a, p. 2] [x](../people/x.md#h).\n"))
	f.Add(uint8(1), []byte("+++\nname = \"N\"\naliases = [\"a\", \"a\"]\nborn = 1990-01-01\naffiliations = [\"o\"]\n+++\n"))
	f.Add(uint8(3), []byte("+++\nname = \"P\"\nlat = 95.0\nlon = \"x\"\n[[corrections]]\ndate = \"2025\"\nnote = \"n\"\n+++\n"))
	f.Add(uint8(4), []byte("+++\ntitle = 'S'\nurl = \"javascript:x\"\n+++\n<b>x</b>\n"))
	addContent(f, func(src []byte) { f.Add(uint8(0), src) })
	f.Fuzz(func(t *testing.T, kind uint8, data []byte) {
		k := Kinds[int(kind)%len(Kinds)]
		id := "x"
		if k == Event {
			id = "2025-12-24-x"
		}
		p := "content/" + k.Dir() + "/" + id + ".md"
		e, errs := loadFile(fstest.MapFS{p: {Data: data}}, p)
		var ps []problemPos
		for _, pr := range errs {
			ps = append(ps, problemPos{pr.Path, pr.Line, pr.Col, pr.Msg})
		}
		checkPositions(t, p, data, e, ps)
	})
}

// FuzzScanBody runs Markdown bodies under a valid front matter, where
// the citation and link scanner does its work.
func FuzzScanBody(f *testing.F) {
	for _, s := range []string{
		"Text [@src-a] and [@src-a, para. 3] and [@].",
		"[Grace](../people/grace-hopper.md) [x](../people/x.md#early-life) [y](/abs.md) [z](javascript:alert(1))",
		"[@a [@b, c] [@[@x]] [@x,]",
		"> [@a]\n> - [b](../places/b.md)\n\n    [@code]\n\n`[@code]`",
		"| a | [@b] |\n|---|---|\n| [c](../events/c.md) | d |\n",
		"[^1]\n\n[^1]: A note [@src-a].",
		"<https://example.org> <javascript:x> ![img](x.png) <b>html</b>",
		"[a]: ../people/a.md\n\n[link][a] [@a]",
		"\u202e[@ايران] [ملاحظه](../people/ناوی.md)",
	} {
		f.Add(s)
	}
	const fm = "+++\ntitle = \"T\"\ndate = \"2025-12-24\"\nstatus = \"reported\"\nsources = [\"src-a\"]\n+++\n"
	f.Fuzz(func(t *testing.T, body string) {
		src := []byte(fm + body)
		p := "content/events/2025-12-24-x.md"
		e, errs := loadFile(fstest.MapFS{p: {Data: src}}, p)
		var ps []problemPos
		for _, pr := range errs {
			ps = append(ps, problemPos{pr.Path, pr.Line, pr.Col, pr.Msg})
		}
		checkPositions(t, p, src, e, ps)
		if e != nil && !refused(e) {
			var buf bytes.Buffer
			if err := e.HTML.Write(&buf, markdown.Fill{}); err != nil {
				t.Errorf("render: %v", err)
			}
		}
	})
}

// refused reports whether loading refused to parse e's body, as too
// costly to parse: a page never renders it, since the site has errors.
func refused(e *Entry) bool {
	src := e.Source()
	deep, _ := deepLine(src, e.Body)
	costly, _ := costlyInline(src, e.Body)
	return deep >= 0 || costly >= 0
}
