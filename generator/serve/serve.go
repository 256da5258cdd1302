// Package serve builds a site into memory, serves it over HTTP for
// previewing, and rebuilds it on every change.
//
// # Serving
//
// The output lives in a map from path to bytes, replaced as a whole after
// each build, so a reader never sees half a build. "/" serves index.html
// and "/x/" serves x/index.html. Paths with ".." are refused, and nothing
// is read from disk while serving.
//
// # Rebuilding
//
// The server watches site.toml, content/, layouts/ and static/, adding
// folders as they appear. Events are gathered for a moment (debounce) and
// then built together. An edit to an entry reloads that file alone and
// builds the site model again, which is cheap; then only the pages that
// can show the entry, before or after the edit, are rendered again: its
// own pages, the pages of the entries it names and that name it, its
// neighbours in time, its tags, status and year, the lists, and the
// site-wide files such as the search index. Those are rendered when first
// asked for, so the edited page is served at once, and in the background
// otherwise. Settings, layouts, menu pages, and folders made or removed
// render everything; a static file is copied alone.
//
// # In the browser
//
// Every HTML page served gets a small script that listens to
// /_serve/events and reloads the page when a build finishes. When a build
// has content errors, the last good output is still served, with the
// errors, as path:line:col: message, shown over every page until a build
// succeeds. None of this is ever in the output of the build command.
//
// # Who may ask
//
// The server answers only requests addressed to it by an IP address, by
// localhost (or a name ending in .localhost) or by the host name given in
// -addr, at the port it listens on; others get 421 Misdirected Request.
// Otherwise a web page on any domain could point its name at 127.0.0.1
// (DNS rebinding) and read the preview as its own; such a request gives
// itself away by the name in its Host header.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"dossier/generator/content"
	"dossier/generator/diag"
)

// debounce is how long the server waits after a change for more changes
// before building: saving a file is often several events, and a checkout
// many.
const debounce = 30 * time.Millisecond

// backgroundDelay is how long after a build the pages it left to render
// on demand start rendering anyway.
const backgroundDelay = 300 * time.Millisecond

// A Server serves a site folder and rebuilds it when it changes.
type Server struct {
	dir            string
	name           string // the host name given to listen on, if not an address
	stdout, stderr io.Writer
	b              *builder

	mu   sync.RWMutex
	snap *snapshot

	stop     chan struct{} // closed on shutdown, to end event streams
	stopOnce sync.Once
	bg       sync.WaitGroup // renders what builds leave for later
}

// A snapshot is what is being served. A new one replaces it after each
// build.
type snapshot struct {
	files  map[string][]byte // the last good output; nil before the first
	lazy   map[string]*lazy  // its files still to render, which win over files
	errs   []string          // the latest build's errors, shown in every page
	gen    int               // builds finished, for the reload script
	newer  chan struct{}     // closed when a newer snapshot replaces this one
	failed bool              // the latest build failed
}

// New returns a server for the site in dir; it writes what it does to
// stdout and the content's problems to stderr.
func New(dir string, stdout, stderr io.Writer) *Server {
	return &Server{
		dir:    dir,
		stdout: stdout,
		stderr: stderr,
		b:      newBuilder(content.SiteFS(dir)),
		snap:   &snapshot{newer: make(chan struct{})},
		stop:   make(chan struct{}),
	}
}

// Run serves the site in dir on addr until ctx is done.
func Run(ctx context.Context, dir, addr string, stdout, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := New(dir, stdout, stderr)
	if host, _, err := net.SplitHostPort(addr); err == nil && net.ParseIP(host) == nil {
		s.name = host
	}
	return s.Serve(ctx, ln)
}

// Serve builds the site, then serves it on ln and rebuilds it on every
// change until ctx is done. It then stops the HTTP server and the
// watcher, and returns nil.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer ln.Close()
	w, err := newWatcher(s.dir)
	if err != nil {
		return fmt.Errorf("watching %s: %v", s.dir, err)
	}
	defer w.Close()
	// The watcher starts first, so that no change made during the first
	// build is missed.
	s.rebuild(change{config: true, layouts: true, content: true})
	fmt.Fprintf(s.stdout, "serving %s at %s\n", s.dir, url(ln.Addr()))

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { s.watch(ctx, w) })

	srv := &http.Server{Handler: allowHosts(s, ln.Addr(), s.name), ReadHeaderTimeout: 10 * time.Second}
	srv.RegisterOnShutdown(s.shutdown)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err = <-errc:
	case <-ctx.Done():
		stop, done := context.WithTimeout(context.Background(), 5*time.Second)
		err = srv.Shutdown(stop)
		done()
		<-errc
	}
	s.shutdown()
	cancel()
	wg.Wait()
	s.bg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

func (s *Server) shutdown() { s.stopOnce.Do(func() { close(s.stop) }) }

// allowHosts answers 421 to requests not addressed to this server (see
// the package comment), and passes the others to h.
func allowHosts(h http.Handler, addr net.Addr, name string) http.Handler {
	_, port, _ := net.SplitHostPort(addr.String())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r.Host, port, name) {
			msg := fmt.Sprintf("This preview server answers to localhost:%s or an IP address of this machine, not to %q:\n"+
				"other names are refused so that no web site can read the preview through its own name (DNS rebinding).\n", port, r.Host)
			http.Error(w, msg, http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// allowedHost reports whether a Host header names this server: an IP
// address, localhost, a name under .localhost, or name; with port.
func allowedHost(hostport, port, name string) bool {
	host, p, err := net.SplitHostPort(hostport)
	if err != nil {
		host, p = hostport, "80" // no port: the default one
	}
	if p != port || host == "" {
		return false
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	switch {
	case net.ParseIP(host) != nil:
		return true // an address is never another site's name
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true // names that always mean this machine (RFC 6761)
	}
	return name != "" && host == strings.ToLower(name)
}

// url is the address to print for a listener.
func url(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost" // every interface: this machine's name works too
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}

// watch gathers file events and rebuilds once they pause.
func (s *Server) watch(ctx context.Context, w *watcher) {
	var c change
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if w.note(ev, &c) {
				timer.Reset(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			fmt.Fprintf(s.stderr, "serve: watching: %v\n", err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: take everything again.
				c.config, c.layouts, c.content, c.theme = true, true, true, true
				timer.Reset(debounce)
			}
		case <-timer.C:
			if !c.empty() {
				s.rebuild(c)
			}
			c = change{}
		}
	}
}

// rebuild builds a change and serves the result: the new output, or the
// last good one with the errors.
func (s *Server) rebuild(c change) {
	start := time.Now()
	r := s.b.build(c)
	took := time.Since(start)

	r.problems.Print(s.stderr, "text")
	var errs []string
	for _, p := range r.problems {
		if p.Severity == 0 {
			errs = append(errs, p.String())
		}
	}
	if r.err != nil {
		errs = append(errs, r.err.Error())
		fmt.Fprintf(s.stderr, "serve: %v\n", r.err)
	}

	s.mu.Lock()
	old := s.snap
	next := &snapshot{errs: errs, gen: old.gen + 1, newer: make(chan struct{})}
	if r.files != nil {
		next.files, next.lazy = r.files, r.lazy
	} else {
		next.files, next.lazy, next.failed = old.files, old.lazy, true
	}
	s.snap = next
	s.mu.Unlock()
	close(old.newer)
	if len(r.lazy) > 0 {
		// After a pause, in which the reloading browser asks for its page
		// and the next save may come; then entries' pages first: they
		// are quick, and the next build waits for them if under way.
		s.bg.Go(func() {
			select {
			case <-time.After(backgroundDelay):
			case <-next.newer:
				return
			case <-s.stop:
				return
			}
			for _, pure := range []bool{false, true} {
				for _, l := range r.lazy {
					if l.pure != pure {
						continue
					}
					if _, _, err := l.get(); err != nil {
						fmt.Fprintf(s.stderr, "serve: %v\n", err)
					}
				}
			}
		})
	}

	switch {
	case next.failed:
		fmt.Fprintf(s.stderr, "build failed with %s in %v; serving the last good build\n", diag.Plural(len(errs), "error", "errors"), took.Round(time.Millisecond))
	case r.full:
		fmt.Fprintf(s.stdout, "built %d pages in %v\n", r.pages, took.Round(time.Millisecond))
	default:
		fmt.Fprintf(s.stdout, "rebuilt in %v; %d pages render as they are asked for\n", took.Round(time.Millisecond), r.pages)
	}
}

func (s *Server) current() *snapshot {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.snap
}

// eventsPath is where pages listen for finished builds.
const eventsPath = "/_serve/events"

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == eventsPath {
		s.events(w, r)
		return
	}
	name, ok := clean(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	snap := s.current()
	data, found := snap.files[name]
	errs := snap.errs
	if l := snap.lazy[name]; l != nil {
		// Not rendered only when a newer build has taken over; this
		// request then gets the file as it was, and a reload the new one.
		if m, ok, err := l.get(); ok {
			if err != nil {
				errs = append(slices.Clip(errs), err.Error())
			}
			data, found = m[name]
		}
	}
	code := http.StatusOK
	switch {
	case snap.files == nil:
		name, data, code = "index.html", unbuilt, http.StatusInternalServerError
	case !found && snap.files[name+"/index.html"] != nil:
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	case !found:
		page, ok := snap.files["404.html"] // a site's own, if it has one
		if !ok {
			page = notFound(name)
		}
		name, data, code = "404.html", page, http.StatusNotFound
	}
	ctype := contentType(name)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, snap.gen, errs)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", fmt.Sprint(len(data)))
	h.Set("Cache-Control", "no-store") // every reload shows the latest build
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// clean turns a request path into an output path, refusing any that
// climbs out of the site.
func clean(p string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for part := range strings.SplitSeq(p, "/") {
		if part == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean(p), "/")
	switch {
	case name == "":
		return "index.html", true
	case strings.HasSuffix(p, "/"):
		return name + "/index.html", true
	}
	return name, true
}

// types are the content types of the files a site has; others are looked
// up by extension.
var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml",
	".atom": "application/atom+xml",
	".csv":  "text/csv; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".webp": "image/webp",
	".ico":  "image/x-icon",
	".woff": "font/woff", ".woff2": "font/woff2",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := types[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// events streams the build count to a page's reload script, once on
// connecting and again after each build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flush, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	for {
		snap := s.current()
		if _, err := fmt.Fprintf(w, "data: %d\n\n", snap.gen); err != nil {
			return
		}
		flush.Flush()
		select {
		case <-snap.newer:
		case <-r.Context().Done():
			return
		case <-s.stop:
			return
		}
	}
}
