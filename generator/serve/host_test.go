package serve

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// Only requests addressed to this server by an address, localhost or the
// name it listens on are answered; a DNS-rebinding page's name is not.
func TestHostHeader(t *testing.T) {
	base, _ := start(t, siteDir(t))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	for _, tc := range []struct {
		host string
		path string
		code int
	}{
		{"127.0.0.1:" + port, "/", 200},
		{"localhost:" + port, "/", 200},
		{"LOCALHOST.:" + port, "/", 200},
		{"preview.localhost:" + port, "/", 200},
		{"[::1]:" + port, "/", 200},
		{"192.168.1.20:" + port, "/", 200},
		{"evil.example:" + port, "/", 421},
		{"evil.example:" + port, eventsPath, 421},
		{"evil.example", "/", 421},
		{"localhost.evil.example:" + port, "/", 421},
		{"127.0.0.1.nip.io:" + port, "/", 421},
		{"localhost:1", "/", 421},
		{"localhost", "/", 421},
		{":" + port, "/", 421},
	} {
		req, _ := http.NewRequest("GET", base+tc.path, nil)
		req.Host = tc.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		if tc.path == eventsPath && resp.StatusCode == 200 {
			resp.Body.Close() // a stream: do not read to the end
		} else {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if tc.code == 421 && !strings.Contains(string(b), "DNS rebinding") {
				t.Errorf("Host %s: %q, want a word on why", tc.host, b)
			}
		}
		if resp.StatusCode != tc.code {
			t.Errorf("Host %s, GET %s: %d, want %d", tc.host, tc.path, resp.StatusCode, tc.code)
		}
	}
}

// The host name given to listen on is allowed, and only with its port.
func TestAllowedHostName(t *testing.T) {
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"devbox:8080", true},
		{"DevBox:8080", true},
		{"devbox:8081", false},
		{"devbox.evil.example:8080", false},
	} {
		if got := allowedHost(tc.host, "8080", "devbox"); got != tc.ok {
			t.Errorf("allowedHost(%q) = %v, want %v", tc.host, got, tc.ok)
		}
	}
}
