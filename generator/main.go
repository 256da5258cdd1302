// Command generator builds the dossier's static site.
//
// Usage:
//
//	go run ./generator build   [-site DIR] [-out DIR]
//	go run ./generator check   [-site DIR] [-format text|github|json] [-strict]
//	go run ./generator serve   [-site DIR] [-addr HOST:PORT]
//	go run ./generator new     [-site DIR] KIND ID
//	go run ./generator archive [-site DIR] [-out DIR] [-zip|-tgz] | -verify BAG
//
// Exit status is 0 on success, 1 when the content has errors, 2 on bad
// usage. Content errors are printed as path:line:col: message.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/diag"
)

const usage = `usage: go run ./generator COMMAND [flags]

commands:
  build     build the site into public/ (or -out DIR)
  check     check all content and links; write nothing
  serve     build, serve on 127.0.0.1:8080 and rebuild on every change
  new       write a new entry from a template: new KIND ID
  archive   build and write an offline archive as a BagIt bag

Run "go run ./generator COMMAND -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(args, stdout, stderr)
	case "check":
		return runCheck(args, stdout, stderr)
	case "serve":
		return runServe(args, stdout, stderr)
	case "new":
		return runNew(args, stdout, stderr)
	case "archive":
		return runArchive(args, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", cmd, usage)
	return 2
}

func flags(name string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	site := fs.String("site", ".", "the site's root `folder`")
	return fs, site
}

// parse parses flags and rejects stray arguments; ok is false on bad usage.
func parse(fs *flag.FlagSet, args []string) bool {
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return false
	}
	return true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("build", stderr)
	out := fs.String("out", "", "output `folder` (default SITE/public)")
	if !parse(fs, args) {
		return 2
	}
	if *out == "" {
		*out = filepath.Join(*site, "public")
	}
	build.TuneGC(*site)
	r, problems, err := build.Rebuild(*site, *out)
	problems.Print(stderr, "text")
	if errors.Is(err, build.ErrUnsafeOut) {
		fmt.Fprintf(stderr, "build: %v\n", err)
		return 2
	}
	if errors.Is(err, build.ErrContent) {
		fmt.Fprintf(stderr, "%s; %s was left as it was\n", diag.Plural(problems.Errors(), "error", "errors"), *out)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "build: %v\n", err)
		return 1
	}
	// A first build says nothing; a rebuild says what it changed.
	switch {
	case r.UpToDate:
		fmt.Fprintf(stdout, "%s is up to date: nothing changed\n", *out)
	case r.Earlier:
		fmt.Fprintf(stdout, "%s: %s written, %d unchanged\n", *out, diag.Plural(r.Written, "file", "files"), r.Kept)
	}
	return 0
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("check", stderr)
	format := fs.String("format", "text", "output `format`: text, github or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if !parse(fs, args) {
		return 2
	}
	if *format != "text" && *format != "github" && *format != "json" {
		fmt.Fprintf(stderr, "check: unknown -format %q (want text, github or json)\n", *format)
		return 2
	}
	build.TuneGC(*site)
	s, problems := build.Load(content.SiteFS(*site))
	w := stderr
	if *format != "text" {
		w = stdout
	}
	problems.Print(w, *format)
	if *format == "github" {
		if msg := problems.GitHubCut(); msg != "" {
			fmt.Fprintln(w, msg)
		}
		if err := githubSummary(problems); err != nil {
			fmt.Fprintf(stderr, "check: job summary: %v\n", err)
			return 1
		}
	}
	if s == nil || (*strict && len(problems) > 0) {
		return 1
	}
	return 0
}

// githubSummary appends every problem, as a table, to the job summary
// when the runner names one in GITHUB_STEP_SUMMARY: annotations stop at
// GitHub's limit, the summary does not.
func githubSummary(problems diag.List) error {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	link := diag.GitHubLink(os.Getenv("GITHUB_SERVER_URL"), os.Getenv("GITHUB_REPOSITORY"), os.Getenv("GITHUB_SHA"))
	if err := problems.Summary(f, link); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
