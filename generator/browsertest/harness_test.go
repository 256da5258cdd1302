package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"dossier/generator/build"
	"dossier/internal/testsite"
)

// The site is built once per test binary, from the test dossier of
// internal/testsite, so that a change to the shipped content/ cannot
// break these tests.
var (
	repoRoot string // the repository, where axe-core may be installed
	siteDir  string // the test site's build output
	siteURL  string // file URL of siteDir, ending in "/"
)

// Generous bounds: they only stop a test that would hang. Nothing here
// measures how long a step takes.
const (
	testTimeout = 3 * time.Minute
	stepTimeout = 45 * time.Second
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	root, err := filepath.Abs("../..")
	if err != nil {
		fmt.Fprintln(os.Stderr, "browsertest:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "dossier-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "browsertest:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	src, out := filepath.Join(tmp, "site"), filepath.Join(tmp, "public")
	if err := testsite.Write(src); err != nil {
		fmt.Fprintln(os.Stderr, "browsertest:", err)
		return 1
	}
	if problems, err := build.Build(src, out); err != nil {
		fmt.Fprintln(os.Stderr, "browsertest: build:", err)
		problems.Print(os.Stderr, "text")
		return 1
	}
	repoRoot, siteDir = root, out
	siteURL = (&url.URL{Scheme: "file", Path: filepath.ToSlash(out) + "/"}).String()
	return m.Run()
}

// need skips the test for a missing tool, or fails it when
// DOSSIER_REQUIRE_BROWSER is set, as .ci/run sets it: the pull-request
// check must run every test. CI alone does not require a browser, so a
// clone tested on any CI service without Chromium still passes.
func need(t testing.TB, err error) {
	t.Helper()
	if os.Getenv(requireBrowser) != "" {
		t.Fatalf("%v (%s is set, so browser tests must run)", err, requireBrowser)
	}
	t.Skip(err)
}

// A browser is one headless Chromium with one tab, for one test. It records
// what must never happen on a page: console errors, uncaught exceptions,
// failed loads and requests to the network. The test fails on any of them
// when it ends.
type browser struct {
	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

func newBrowser(t testing.TB) *browser {
	t.Helper()
	exe, err := chromiumPath()
	if err != nil {
		need(t, err)
	}
	dataDir := t.TempDir()
	ctx, cancelTimeout := context.WithTimeout(context.Background(), testTimeout)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(dataDir),
	)
	tctx, cancelTab := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: tctx}
	t.Cleanup(func() {
		// A last command: the events that came before its reply have
		// been recorded.
		if tctx.Err() == nil {
			ctx, cancel := context.WithTimeout(tctx, stepTimeout)
			chromedp.Run(ctx, chromedp.NavigationEntries())
			cancel()
		}
		for _, p := range b.seen() {
			t.Error(p)
		}
		cancelTab()
		cancelAlloc() // waits for the browser to exit
		cancelTimeout()
		removeAll(dataDir)
	})
	// Listen starts the browser.
	if err := chromedp.Listen(tctx, b.record); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	return b
}

// record runs in the loop that reads the tab's events: it must be quick.
func (b *browser) record(ev any) {
	var p string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			p = fmt.Sprintf("console.%s: %s", ev.Type, argsText(ev.Args))
		}
	case *runtime.EventExceptionThrown:
		p = "uncaught exception: " + exceptionText(ev.ExceptionDetails)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p = fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		if u := ev.Request.URL; !offline(u) {
			p = fmt.Sprintf("request to the network: %s (from %s)", u, ev.DocumentURL)
		}
	}
	if p != "" {
		b.mu.Lock()
		b.problems = append(b.problems, p)
		b.mu.Unlock()
	}
}

func (b *browser) seen() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.problems...)
}

// offline reports whether a URL stays on the machine.
func offline(u string) bool {
	for _, s := range []string{"file:", "data:", "about:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	s := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		s += " " + d.Exception.Description
	}
	if d.URL != "" {
		s += fmt.Sprintf(" (%s:%d:%d)", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return s
}

// fatalf stops the test, with what the page reported so far: a wait that
// times out is often explained by an exception.
func (b *browser) fatalf(format string, args ...any) {
	b.t.Helper()
	msg := fmt.Sprintf(format, args...)
	if ps := b.seen(); len(ps) > 0 {
		msg += "\npage problems so far:\n\t" + strings.Join(ps, "\n\t")
	}
	b.t.Fatal(msg)
}

// do runs steps, bounded by stepTimeout.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fatalf("%s: %v", what, err)
	}
}

// run runs one action for its value, bounded by stepTimeout.
func run[T any](b *browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.fatalf("%s: %v", what, err)
	}
	return v
}

// eval evaluates JavaScript in the page, awaiting a promise result.
func eval[T any](b *browser, what, js string) T {
	b.t.Helper()
	return run(b, what, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
}

// call sends one protocol command.
func call[P, R any](cmd cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, cmd, params)
		return err
	})
}

// open loads a page of the built site, such as "events/x.html?q=y".
func (b *browser) open(rel string) {
	b.t.Helper()
	b.do("open "+rel, chromedp.Navigate(siteURL+rel))
}

// follow clicks the first element matching sel and waits for the page it
// leads to.
func (b *browser) follow(sel string) {
	b.t.Helper()
	b.loadAfter("follow "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// loadAfter runs trigger and waits for the page load it causes.
func (b *browser) loadAfter(what string, trigger chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	run(b, what, chromedp.WaitEvent(page.LoadEventFired, nil, trigger))
}

// back goes back in history and waits for the page.
func (b *browser) back() {
	b.t.Helper()
	b.do("history back", chromedp.NavigateBack())
}

// at returns the current page's URL relative to the site, such as
// "people/x.html" or "search.html?q=y". It needs no JavaScript.
func (b *browser) at() string {
	b.t.Helper()
	h := run(b, "navigation history", chromedp.NavigationEntries())
	if h.CurrentIndex < 0 || int(h.CurrentIndex) >= len(h.Entries) {
		b.fatalf("navigation history has no current entry")
	}
	u := h.Entries[h.CurrentIndex].URL
	if !strings.HasPrefix(u, siteURL) {
		b.fatalf("at %s, outside the site %s", u, siteURL)
	}
	return strings.TrimPrefix(u, siteURL)
}

// count returns how many elements match sel now, without waiting and
// without JavaScript.
func (b *browser) count(sel string) int {
	b.t.Helper()
	return len(run(b, "query "+sel, chromedp.QueryNodeIDs(chromedp.CSSAll(sel), chromedp.AtLeast(0))))
}

// attrs returns the attributes of every element matching sel, without
// JavaScript. It waits for at least one.
func (b *browser) attrs(sel string) []map[string]string {
	b.t.Helper()
	return run(b, "attributes of "+sel, chromedp.AttributesAll(chromedp.CSSAll(sel)))
}

// scripting turns JavaScript off or on, for this tab from now on.
func (b *browser) scripting(on bool) {
	b.t.Helper()
	b.do("set script execution", call(emulation.SetScriptExecutionDisabled,
		emulation.SetScriptExecutionDisabledParams{Value: !on}))
}

// media emulates a CSS media type, such as "print"; "" ends it.
func (b *browser) media(m string) {
	b.t.Helper()
	b.do("emulate media "+m, call(emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m}))
}

// landmarks checks what every page needs: exactly one h1 and one main
// landmark.
func (b *browser) landmarks() {
	b.t.Helper()
	where := b.at()
	if n := b.count("h1"); n != 1 {
		b.t.Errorf("%s: %d h1 elements, want 1", where, n)
	}
	if n := b.count(`main, [role="main"]`); n != 1 {
		b.t.Errorf("%s: %d main landmarks, want 1", where, n)
	}
}

// removeAll removes the browser's profile. Chromium's helper processes can
// write to it for a moment after the browser exits.
func removeAll(dir string) {
	for i := 0; ; i++ {
		err := os.RemoveAll(dir)
		if err == nil || i == 50 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// eventPage returns the page of the Tehran shooting, found by name in the
// built site so that the test follows the content.
func eventPage(t *testing.T) string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(siteDir, "events", "*tehran*.html"))
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, n := range names {
		if strings.Contains(filepath.Base(n), "shooting") {
			found = append(found, "events/"+filepath.Base(n))
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one events/*tehran*shooting*.html page, found %q (of %q)", found, names)
	}
	return found[0]
}
