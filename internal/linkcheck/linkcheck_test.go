package linkcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestCrawl(t *testing.T) {
	site := map[string]string{
		"index.html": `<link rel="stylesheet" href="css/a.css"><link rel="alternate" href="https://example.org/feed.xml">
			<a href="people/x.html#bio">x</a> <a href="people/">folder</a> <a href="missing.html">m</a>
			<a href="https://example.org/">outside</a> <a href="javascript:alert(1)">js</a>
			<script src="https://cdn.example.org/x.js"></script> <a href="#top">top</a><h1 id="top">T</h1>`,
		"people/x.html": `<p id="bio"><a href="../index.html#nowhere">back</a> <img src="//example.org/i.png"></p>`,
		"css/a.css":     `body { background: url("../img/bg.png") } @font-face { src: url(https://fonts.example.org/f.woff2) }`,
		"orphan.html":   `never linked`,
	}
	dir := t.TempDir()
	for name, body := range site {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	r, err := Crawl(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`css/a.css: url() "../img/bg.png": no such file img/bg.png`,
		`css/a.css: url() "https://fonts.example.org/f.woff2" leaves the site`,
		`index.html: href "javascript:alert(1)" leaves the site`,
		`index.html: href "missing.html": no such file missing.html`,
		`index.html: href "people/" names a folder, which file:// cannot open`,
		`index.html: src "https://cdn.example.org/x.js" leaves the site`,
		`people/x.html: no id "nowhere" in index.html`,
		`people/x.html: src "//example.org/i.png" leaves the site`,
	}
	if !slices.Equal(r.Problems, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", r.Problems, want)
	}
	if !slices.Equal(r.Pages, []string{"index.html", "people/x.html"}) {
		t.Errorf("pages = %q", r.Pages)
	}
}
