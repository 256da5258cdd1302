package serve

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"dossier/generator/build"
)

// With content/ moved away while serving, the page shows the error that
// build gives, over the last good output, not an empty timeline.
func TestContentMovedAway(t *testing.T) {
	dir := siteDir(t)
	base, _ := start(t, dir)
	waitFor(t, base+"/", "the timeline", func(body string) bool { return strings.Contains(body, "A shooting") })
	if err := os.Rename(filepath.Join(dir, "content"), filepath.Join(t.TempDir(), "content")); err != nil {
		t.Fatal(err)
	}
	_, problems := build.Load(os.DirFS(dir))
	if problems.Errors() == 0 {
		t.Fatal("build gives no error without content/")
	}
	want := html.EscapeString(problems[0].String())
	body := waitFor(t, base+"/", "the error of build", func(body string) bool {
		return strings.Contains(body, want)
	})
	if !strings.Contains(body, "A shooting") {
		t.Errorf("the last good timeline is not served under the error:\n%s", body)
	}
}

// An event for content/ itself, after the folder is forgotten, still
// means the whole tree, however the events are batched.
func TestContentFolderEvent(t *testing.T) {
	dir := siteDir(t)
	w, err := newWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	os.Rename(filepath.Join(dir, "content"), filepath.Join(t.TempDir(), "content"))
	ev := fsnotify.Event{Name: filepath.Join(dir, "content"), Op: fsnotify.Rename}
	for i := range 2 { // the folder's own watch, then the site's
		var c change
		w.note(ev, &c)
		if !c.content || len(c.files) > 0 {
			t.Errorf("event %d: %+v, want the content tree", i+1, c)
		}
	}
	b := newBuilder(os.DirFS(dir))
	b.build(change{config: true, layouts: true, content: true})
	r := b.build(change{content: true, files: map[string]bool{"content": true}})
	if r.files != nil || r.problems.Errors() == 0 {
		t.Errorf("a build without content/ succeeded: %v", r.problems)
	}
}
