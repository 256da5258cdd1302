// Command searchbytes measures how many bytes of a built site's search
// index one-word queries load: the manifest, search-index.js, and the
// shards the site's own js/search.js asks for, each query starting from
// nothing loaded. It runs search.js in node.
//
//	go run ./bench/searchbytes -public public
//
// It samples -words words spread evenly over the index, then the word in
// the most docs, and prints the median and maximum bytes, raw and
// gzipped (each file on its own, as a server would send it), the
// figures for the most common word, and the index's total size. On a site
// built before the index was split, every query loads the whole
// search-index.js.
package main

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed plan.js
var planJS []byte

func main() {
	public := flag.String("public", "public", "the built site (or its language folder, like public/fa-af)")
	words := flag.Int("words", 200, "how many words to sample")
	flag.Parse()
	if err := run(*public, *words); err != nil {
		fmt.Fprintln(os.Stderr, "searchbytes:", err)
		os.Exit(1)
	}
}

type plan struct {
	Words   int
	Queries []struct {
		Q       string
		Docs    int
		Results int
		Files   []string
	}
}

func run(public string, words int) error {
	node, err := exec.LookPath("node")
	if err != nil {
		return fmt.Errorf("needs node: %v", err)
	}
	searchJS := filepath.Join(public, "js", "search.js")
	if _, err := os.Stat(searchJS); err != nil {
		// A language folder shares the scripts of the root.
		searchJS = filepath.Join(public, "..", "js", "search.js")
	}
	tmp, err := os.CreateTemp("", "searchbytes-*.js")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(planJS); err != nil {
		return err
	}
	tmp.Close()
	cmd := exec.Command(node, tmp.Name(), searchJS, filepath.Join(public, "search-index.js"), fmt.Sprint(words))
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("node: %v", err)
	}
	var p plan
	if err := json.Unmarshal(out, &p); err != nil {
		return err
	}

	sizes := map[string][2]int{} // file → raw, gzipped
	size := func(f string) ([2]int, error) {
		if s, ok := sizes[f]; ok {
			return s, nil
		}
		data, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(f)))
		if err != nil {
			return [2]int{}, err
		}
		s := [2]int{len(data), gzipLen(data)}
		sizes[f] = s
		return s, nil
	}
	var raw, gz, terms, docs []int
	for _, q := range p.Queries {
		var r, g, t, d int
		for _, f := range q.Files {
			s, err := size(f)
			if err != nil {
				return err
			}
			r, g = r+s[0], g+s[1]
			switch {
			case strings.HasPrefix(f, "search-index/t"):
				t += s[0]
			case strings.HasPrefix(f, "search-index/d"):
				d += s[0]
			}
		}
		raw, gz = append(raw, r), append(gz, g)
		terms, docs = append(terms, t), append(docs, d)
	}
	if len(raw) == 0 {
		return fmt.Errorf("no queries")
	}
	n := len(raw) - 1 // the last is the most common word
	common := p.Queries[n]

	total, files := 0, 0
	filepath.WalkDir(filepath.Join(public, "search-index"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				total += int(info.Size())
				files++
			}
		}
		return nil
	})
	m, _ := size("search-index.js")
	total += m[0]
	files++

	fmt.Printf("index: %d words, %d files, %s\n", p.Words, files, kb(total))
	fmt.Printf("one-word query, %d words sampled: median %s (gzip %s), max %s (gzip %s)\n",
		n, kb(median(raw[:n])), kb(median(gz[:n])), kb(slices.Max(raw[:n])), kb(slices.Max(gz[:n])))
	fmt.Printf("  of which term shards: median %s, max %s; doc shards: median %s, max %s\n",
		kb(median(terms[:n])), kb(slices.Max(terms[:n])), kb(median(docs[:n])), kb(slices.Max(docs[:n])))
	fmt.Printf("most common word %q (%d docs): %s (gzip %s), %d files\n",
		common.Q, common.Docs, kb(raw[n]), kb(gz[n]), len(common.Files))
	fmt.Printf("manifest search-index.js: %s\n", kb(m[0]))
	if os.Getenv("SEARCHBYTES_VERBOSE") != "" {
		for i, q := range p.Queries {
			fmt.Printf("  %-24s %6d docs %3d results %3d files %s\n", q.Q, q.Docs, q.Results, len(q.Files), kb(raw[i]))
		}
	}
	return nil
}

func median(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func kb(n int) string {
	return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/1000), ".0") + " KB"
}

func gzipLen(data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Len()
}
