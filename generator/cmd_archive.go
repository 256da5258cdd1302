package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"dossier/generator/archive"
	"dossier/generator/build"
	"dossier/generator/content"
	"dossier/generator/diag"
)

func runArchive(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("archive", stderr)
	out := fs.String("out", "", "bag `folder` to write (default SITE/bag)")
	zip := fs.Bool("zip", false, "also pack the bag as OUT.zip")
	tgz := fs.Bool("tgz", false, "also pack the bag as OUT.tar.gz")
	force := fs.Bool("force", false, "replace an existing bag")
	verify := fs.String("verify", "", "check the bag `folder` (or a .zip of it) instead of writing one")
	if !parse(fs, args) {
		return 2
	}
	if *verify != "" {
		return verifyBag(*verify, stdout, stderr)
	}
	if *out == "" {
		*out = filepath.Join(*site, "bag")
	}
	targets := []string{*out}
	if *zip {
		targets = append(targets, *out+".zip")
	}
	if *tgz {
		targets = append(targets, *out+".tar.gz")
	}
	for _, t := range targets {
		if msg := refuseTarget(t, t == *out, *force); msg != "" {
			fmt.Fprintf(stderr, "archive: %s\n", msg)
			return 1
		}
	}

	tmp, err := os.MkdirTemp("", "dossier-archive-")
	if err != nil {
		fmt.Fprintf(stderr, "archive: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	build.TuneGC(*site)
	built := filepath.Join(tmp, "site")
	problems, err := build.Build(*site, built)
	problems.Print(stderr, "text")
	if errors.Is(err, build.ErrContent) {
		fmt.Fprintf(stderr, "%s; no archive written\n", diag.Plural(problems.Errors(), "error", "errors"))
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "archive: %v\n", err)
		return 1
	}
	// The bag keeps the site; the stamp only marks a folder that a
	// later build may replace.
	os.Remove(filepath.Join(built, build.Stamp))
	cfg, errs := content.LoadConfig(content.SiteFS(*site))
	if errs.Errors() > 0 {
		errs.Print(stderr, "text")
		fmt.Fprintf(stderr, "%s; no archive written\n", diag.Plural(errs.Errors(), "error", "errors"))
		return 1
	}

	// Each file is written aside and swapped in only when complete, so
	// that a failure leaves an earlier bag or archive as it was.
	info := archive.Info{Title: cfg.Title, Description: cfg.Description}
	write := archive.Write
	if _, err := os.Lstat(*out); err == nil {
		write = archive.Replace
	}
	if err := write(built, *out, info); err != nil {
		fmt.Fprintf(stderr, "archive: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	if *zip {
		if err := archive.WriteZip(*out, *out+".zip"); err != nil {
			fmt.Fprintf(stderr, "archive: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s.zip\n", *out)
	}
	if *tgz {
		if err := archive.WriteTarGz(*out, *out+".tar.gz"); err != nil {
			fmt.Fprintf(stderr, "archive: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote %s.tar.gz\n", *out)
	}
	return 0
}

// refuseTarget says why the archive command must not write path, or "".
// An existing bag or archive is replaced only with -force, and only if it
// is one: a bag folder holding bagit.txt, an archive a regular file.
func refuseTarget(path string, isBag, force bool) string {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return ""
	case err != nil:
		return err.Error()
	case !force:
		return path + " already exists; remove it or pass -force"
	case isBag && !st.IsDir():
		return path + " exists and is not a bag folder; not replacing it"
	case isBag:
		if st, err := os.Lstat(filepath.Join(path, "bagit.txt")); err != nil || !st.Mode().IsRegular() {
			return path + " exists and is not a bag; not replacing it"
		}
	case !st.Mode().IsRegular():
		return path + " exists and is not a file; not replacing it"
	}
	return ""
}

// verifyBag re-checks a bag's fixity and names every file that changed.
func verifyBag(bag string, stdout, stderr io.Writer) int {
	r, err := archive.Verify(bag)
	if err != nil {
		fmt.Fprintf(stderr, "archive: cannot verify %s: %v\n", bag, err)
		return 1
	}
	if !r.OK() {
		for _, p := range r.Problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "%s is NOT valid: %s\n", bag, diag.Plural(len(r.Problems), "problem", "problems"))
		return 1
	}
	fmt.Fprintf(stdout, "%s is valid: every file is present and unaltered\n", bag)
	return 0
}
