package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier/generator/build"
)

// lockedBuffer collects what the server writes from its goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// start serves the site in dir on a free port until the test ends, and
// returns its address and what it prints on stderr.
func start(t *testing.T, dir string) (string, *lockedBuffer) {
	t.Helper()
	base, stderr, _ := startServer(t, dir)
	return base, stderr
}

func startServer(t *testing.T, dir string) (string, *lockedBuffer, *Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stderr := &lockedBuffer{}
	done := make(chan error, 1)
	s := New(dir, stderr, stderr)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String(), stderr, s
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// waitFor gets url until its body satisfies ok, and returns that body.
// The timeout is generous: it only bounds a test that would otherwise
// hang.
func waitFor(t *testing.T, url, what string, ok func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, body := get(t, url)
		if ok(body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never served %s; last body:\n%s", url, what, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var overlayLine = regexp.MustCompile(`content/events/2025-12-24-shooting\.md:\d+:\d+: `)

// An edit is served; a broken edit shows its errors over the last good
// page; the fix takes them away.
func TestServeRebuilds(t *testing.T) {
	dir := siteDir(t)
	base, stderr := start(t, dir)
	page := base + "/events/2025-12-24-shooting.html"

	resp, body := get(t, page)
	if resp.StatusCode != 200 || !strings.Contains(body, "A shooting") {
		t.Fatalf("GET %s: %s\n%s", page, resp.Status, body)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if !strings.Contains(body, eventsPath) || strings.Index(body, eventsPath) > strings.LastIndex(body, "</body>") {
		t.Errorf("no reload script before </body>")
	}
	if strings.Contains(body, "serve-errors") {
		t.Errorf("error overlay on a good build")
	}

	writeFile(t, dir, shooting, incrementalSteps[0].files[shooting])
	waitFor(t, page, "the new title", func(b string) bool { return strings.Contains(b, "A shooting in Tehran") })

	writeFile(t, dir, shooting, "+++\ntitle = \"Broken\nstatus = \"reported\"\n+++\n")
	body = waitFor(t, page, "the error overlay", func(b string) bool { return strings.Contains(b, `id="serve-errors"`) })
	if !overlayLine.MatchString(body) {
		t.Errorf("overlay has no path:line:col for the broken file:\n%s", body[strings.Index(body, `id="serve-errors"`):])
	}
	if !strings.Contains(body, "A shooting in Tehran") {
		t.Errorf("the last good page is not served under the overlay")
	}
	_, other := get(t, base+"/people/grace-hopper.html")
	if !strings.Contains(other, `id="serve-errors"`) {
		t.Errorf("overlay missing from other pages")
	}
	if !overlayLine.MatchString(stderr.String()) {
		t.Errorf("errors not printed to stderr: %q", stderr.String())
	}

	writeFile(t, dir, shooting, strings.Replace(incrementalSteps[0].files[shooting], "in Tehran", "in the capital", 1))
	body = waitFor(t, page, "the fixed page", func(b string) bool { return strings.Contains(b, "A shooting in the capital") })
	if strings.Contains(body, "serve-errors") {
		t.Errorf("overlay still shown after the fix")
	}
}

// Folders made while serving are watched, and their files served.
func TestServeNewFolder(t *testing.T) {
	dir := siteDir(t)
	base, _ := start(t, dir)
	get(t, base+"/") // wait for the first build
	writeFile(t, dir, "static/img/new/dot.svg", `<svg xmlns="http://www.w3.org/2000/svg"/>`)
	waitFor(t, base+"/img/new/dot.svg", "the new file", func(b string) bool { return strings.Contains(b, "<svg") })
	writeFile(t, dir, "static/img/new/dot.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="1"/>`)
	waitFor(t, base+"/img/new/dot.svg", "the edited file", func(b string) bool { return strings.Contains(b, `width="1"`) })
	resp, _ := get(t, base+"/img/new/dot.svg")
	if ct := resp.Header.Get("Content-Type"); ct != "image/svg+xml" {
		t.Errorf("Content-Type = %q", ct)
	}
}

// The event stream sends the build count on connecting and after each
// build.
func TestServeEvents(t *testing.T) {
	dir := siteDir(t)
	base, _ := start(t, dir)
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				lines <- sc.Text()
			}
		}
		close(lines)
	}()
	next := func() string {
		select {
		case l := <-lines:
			return l
		case <-time.After(30 * time.Second):
			t.Fatal("no event")
		}
		return ""
	}
	if first := next(); first != "data: 1" {
		t.Errorf("first event %q, want data: 1", first)
	}
	writeFile(t, dir, meeting, strings.Replace(incrementalSteps[1].files[meeting], "They met", "They met again", 1))
	if second := next(); second != "data: 2" {
		t.Errorf("second event %q, want data: 2", second)
	}
}

// Paths that climb out of the site are refused, encoded or not; "/" and
// "/x/" serve index pages; anything else missing is a 404 page.
func TestServePaths(t *testing.T) {
	dir := siteDir(t)
	base, _ := start(t, dir)
	for _, tc := range []struct {
		path string
		code int
		has  string
	}{
		{"/", 200, "A shooting"},
		{"/tags/", 200, "<html"},
		{"/people/index.html", 200, "Grace Hopper"},
		{"/css/site.css", 200, ""},
		{"/../site.toml", 400, ""},
		{"/%2e%2e/site.toml", 400, ""},
		{"/css/%2E%2E/%2e%2e/site.toml", 400, ""},
		{"/..%2fsite.toml", 400, ""},
		{"/site.toml", 404, eventsPath},
		{"/content/events/2025-12-24-shooting.md", 404, ""},
		{"/nope.html", 404, "Not found"},
	} {
		code, body := rawGet(t, base, tc.path)
		if code != tc.code || !strings.Contains(body, tc.has) {
			t.Errorf("GET %s: %d, want %d with %q\n%.300s", tc.path, code, tc.code, tc.has, body)
		}
	}
	resp, _ := get(t, base+"/tags")
	if resp.Request.URL.Path != "/tags/" {
		t.Errorf("/tags not redirected to /tags/: %s", resp.Request.URL)
	}
}

// rawGet sends path exactly as written, which an HTTP client might
// clean first.
func rawGet(t *testing.T, base, path string) (int, string) {
	t.Helper()
	addr := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The script and the overlay are added when serving; the build command's
// output has neither.
func TestBuildHasNoServeScript(t *testing.T) {
	dir := siteDir(t)
	out := filepath.Join(t.TempDir(), "public")
	if problems, err := build.Build(dir, out); err != nil {
		t.Fatalf("build: %v %v", err, problems)
	}
	n := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		if bytes.Contains(b, []byte("_serve")) || bytes.Contains(b, []byte("serve-errors")) {
			t.Errorf("%s has the serve script", p)
		}
		n++
		return nil
	})
	if n == 0 {
		t.Fatal("nothing built")
	}
}

// A site that does not build at first shows its errors until it does.
func TestServeBrokenFromStart(t *testing.T) {
	dir := siteDir(t)
	good := incrementalSteps[0].files[shooting]
	writeFile(t, dir, shooting, "+++\ntitle = 1\n+++\n")
	base, _ := start(t, dir)
	resp, body := get(t, base+"/")
	if resp.StatusCode != 500 || !overlayLine.MatchString(body) {
		t.Errorf("GET /: %s\n%s", resp.Status, body)
	}
	writeFile(t, dir, shooting, good)
	waitFor(t, base+"/", "the built site", func(b string) bool { return strings.Contains(b, "A shooting in Tehran") })
}

func TestOverlayEscapes(t *testing.T) {
	got := string(inject([]byte("<html><body><p>page</p></body></html>"), 3, []string{`a.md:1:2: bad "<script>" & more`}))
	for _, want := range []string{`a.md:1:2: bad &#34;&lt;script&gt;&#34; &amp; more`, `"3"`, "<p>page</p><div"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in %s", want, got)
		}
	}
	if !strings.HasSuffix(got, "</script></body></html>") {
		t.Errorf("not injected before </body>: %s", got)
	}
}
