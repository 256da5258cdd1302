package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	const url = "https://github.com/o/r/actions/runs/1/artifacts/2"
	tests := []struct {
		name       string
		base, head string // files in testdata
		artifact   string
		want       string
	}{
		{"added, changed, removed", "base.json", "head.json", url, "### Entries this pull request changes\n\n" +
			"2 added, 1 changed, 1 removed. The built site is the artifact [site-preview](" + url + "): download it, unzip it and open the page named here (or index.html).\n\n" +
			"| | entry | page | fields changed |\n|---|---|---|---|\n" +
			"| added | organization Tehran (`tehran`) | [`organizations/tehran.html`](" + url + ") |  |\n" +
			"| added | source B &lt;i&gt;report&lt;/i&gt; (`src-b`) | [`sources/src-b.html`](" + url + ") |  |\n" +
			"| changed | event Shooting (`2025-12-24-shooting`) | [`events/2025-12-24-shooting.html`](" + url + ") | sources, status |\n" +
			"| removed | place Tehran (`tehran`) | `places/tehran.html` (no longer built) |  |\n"},
		{"nothing changed", "base.json", "base.json", url, "### Entries this pull request changes\n\nNo entry is added, changed or removed.\n"},
		{"no artifact to link", "head.json", "base.json", "", "### Entries this pull request changes\n\n" +
			"1 added, 1 changed, 2 removed.\n\n" +
			"| | entry | page | fields changed |\n|---|---|---|---|\n" +
			"| added | place Tehran (`tehran`) | `places/tehran.html` |  |\n" +
			"| changed | event Shooting (`2025-12-24-shooting`) | `events/2025-12-24-shooting.html` | sources, status |\n" +
			"| removed | organization Tehran (`tehran`) | `organizations/tehran.html` (no longer built) |  |\n" +
			"| removed | source B &lt;i&gt;report&lt;/i&gt; (`src-b`) | `sources/src-b.html` (no longer built) |  |\n"},
		{"the base did not build", "missing.json", "base_url.json", "", "### Entries this pull request changes\n\n" +
			"The base branch's site did not build, so every entry is listed as added.\n\n" +
			"1 added, 0 changed, 0 removed.\n\n" +
			"| | entry | page | fields changed |\n|---|---|---|---|\n" +
			"| added | person Ada (`ada`) | `people/ada.html` |  |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := []string{"-base", filepath.Join("testdata", tt.base), "-head", filepath.Join("testdata", tt.head)}
			if tt.artifact != "" {
				args = append(args, "-artifact", tt.artifact)
			}
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if stdout.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", stdout.String(), tt.want)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stderr string
	}{
		{nil, 2, "usage: dossierdiff"},
		{[]string{"-base", "testdata/base.json"}, 2, "usage: dossierdiff"},
		{[]string{"-base", "testdata/base.json", "-head", "testdata/missing.json"}, 1, "missing.json"},
		{[]string{"-base", "main.go", "-head", "testdata/head.json"}, 1, "main.go: invalid character"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("run %q = %d, %q; want %d, %q", tt.args, code, stderr.String(), tt.code, tt.stderr)
		}
	}
}
