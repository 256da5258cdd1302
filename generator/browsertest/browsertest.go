// Package browsertest checks the built dossier in a real browser, the way a
// reader meets it: opened from disk (file://), with JavaScript on and off,
// searched, printed, and checked with axe-core for WCAG 2.2 AA.
//
// The package is its tests. They build the test dossier of internal/testsite
// once (not the shipped content/, which a content pull request may change),
// then drive headless Chromium through chromedp. Every test fails on a
// console error, an uncaught exception, a failed load, or any request that
// would leave the disk (only file:, data: and about: URLs are allowed).
//
// What the tests need, and where they look for it:
//
//   - Chromium: /usr/bin/chromium, else "chromium" on PATH. On Debian:
//     apt-get install chromium.
//   - axe-core (npm): the file named by $AXE_JS, else axe-core/axe.min.js in
//     node_modules at the repository root, in $HOME/.cache/dossier-ci (where
//     .ci/run installs it) or in the global npm root.
//
// When one is missing the tests that need it are skipped, except when the
// environment variable DOSSIER_REQUIRE_BROWSER is set (.ci/run, and so the
// pull-request check, sets it), where they fail: the check must run them.
package browsertest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// requireBrowser names the environment variable that turns a missing
// browser or axe-core from a skip into a failure.
const requireBrowser = "DOSSIER_REQUIRE_BROWSER"

// chromiumPath returns the browser to run.
func chromiumPath() (string, error) {
	const debian = "/usr/bin/chromium"
	if _, err := os.Stat(debian); err == nil {
		return debian, nil
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p, nil
	}
	return "", errors.New("no chromium at /usr/bin/chromium; install Debian's chromium to run browser tests")
}

// axePath returns axe.min.js of the npm package axe-core. root is the
// repository root.
func axePath(root string) (string, error) {
	if p := os.Getenv("AXE_JS"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("AXE_JS: %v", err)
		}
		return p, nil
	}
	const rel = "node_modules/axe-core/axe.min.js"
	dirs := []string{root}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".cache", "dossier-ci"))
	}
	var tried []string
	for _, d := range dirs {
		p := filepath.Join(d, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	if out, err := exec.Command("npm", "root", "-g").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "axe-core", "axe.min.js")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	return "", fmt.Errorf("no axe-core found (set AXE_JS, or npm install axe-core@4; tried %s)", strings.Join(tried, ", "))
}
