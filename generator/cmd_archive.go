package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier/generator/archive"
	"dossier/generator/build"
	"dossier/generator/content"
)

func runArchive(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("archive", stderr)
	out := fs.String("out", "", "bag `folder` to write (default SITE/bag)")
	zip := fs.Bool("zip", false, "also pack the bag as OUT.zip")
	tgz := fs.Bool("tgz", false, "also pack the bag as OUT.tar.gz")
	force := fs.Bool("force", false, "replace an existing bag")
	verify := fs.String("verify", "", "check the bag `folder` instead of writing one")
	if !parse(fs, args) {
		return 2
	}
	if *verify != "" {
		return verifyBag(*verify, stdout, stderr)
	}
	if *out == "" {
		*out = filepath.Join(*site, "bag")
	}
	cfg, _ := content.LoadConfig(content.SiteFS(*site))

	tmp, err := os.MkdirTemp("", "dossier-archive-")
	if err != nil {
		fmt.Fprintf(stderr, "archive: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	tuneGC()
	problems, err := build.Build(*site, filepath.Join(tmp, "site"))
	problems.Print(stderr, "text")
	if errors.Is(err, build.ErrContent) {
		fmt.Fprintf(stderr, "%d errors; no archive written\n", problems.Errors())
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "archive: %v\n", err)
		return 1
	}

	targets := []string{*out}
	if *zip {
		targets = append(targets, *out+".zip")
	}
	if *tgz {
		targets = append(targets, *out+".tar.gz")
	}
	for _, t := range targets {
		if _, err := os.Stat(t); err == nil {
			if !*force {
				fmt.Fprintf(stderr, "archive: %s already exists; remove it or pass -force\n", t)
				return 1
			}
			if t == *out {
				if _, err := os.Stat(filepath.Join(t, "bagit.txt")); err != nil {
					fmt.Fprintf(stderr, "archive: %s exists and is not a bag; not replacing it\n", t)
					return 1
				}
			}
			if err := os.RemoveAll(t); err != nil {
				fmt.Fprintf(stderr, "archive: %v\n", err)
				return 1
			}
		}
	}

	info := archive.Info{Title: cfg.Title, Description: cfg.Description}
	if err := archive.Write(filepath.Join(tmp, "site"), *out, info); err != nil {
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
		fmt.Fprintf(stderr, "%s is NOT valid: %d problems\n", bag, len(r.Problems))
		return 1
	}
	fmt.Fprintf(stdout, "%s is valid: every file is present and unaltered\n", bag)
	return 0
}
