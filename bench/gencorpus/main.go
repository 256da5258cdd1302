// Command gencorpus writes a synthetic dossier for benchmarks, in this
// project's content format or as the equivalent Hugo site:
//
//	go run ./bench/gencorpus -events 5000 -seed 1 -format dossier -out bench/out/dossier-5000
//	go run ./bench/gencorpus -events 5000 -seed 1 -format hugo -out bench/out/hugo-5000
//	go run ./bench/gencorpus -corpus b -events 5000 -format dossier -out bench/out/dossier-b-5000
//
// -corpus a (the default) is the project's own synthetic dossier; -corpus b
// is a second one written differently (see synth.DefaultsB), so that a
// benchmark is not tuned to one generator of corpora. People,
// organizations, places and sources scale with -events (see synth.Defaults
// and synth.DefaultsB) unless given. -out must be empty or not exist.
package main

import (
	"flag"
	"fmt"
	"os"

	"dossier/internal/synth"
)

func main() {
	events := flag.Int("events", 5000, "number of events")
	people := flag.Int("people", -1, "number of people (default: events/5)")
	orgs := flag.Int("organizations", -1, "number of organizations (default: events/100)")
	places := flag.Int("places", -1, "number of places (default: events/100)")
	sources := flag.Int("sources", -1, "number of sources (default: events/200)")
	seed := flag.Int64("seed", 1, "random seed: the same seed and counts give the same files")
	format := flag.String("format", "dossier", "dossier or hugo")
	style := flag.String("corpus", "a", "a (the project's own corpus) or b (written differently)")
	out := flag.String("out", "", "directory to write (must be empty or not exist)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || (*format != "dossier" && *format != "hugo") || (*style != "a" && *style != "b") {
		flag.Usage()
		os.Exit(2)
	}

	o := synth.Defaults(*events)
	if *style == "b" {
		o = synth.DefaultsB(*events)
	}
	o.Seed = *seed
	for _, f := range []struct {
		flag *int
		dst  *int
	}{{people, &o.People}, {orgs, &o.Organizations}, {places, &o.Places}, {sources, &o.Sources}} {
		if *f.flag >= 0 {
			*f.dst = *f.flag
		}
	}

	write := synth.Write
	if *format == "hugo" {
		write = synth.WriteHugo
	}
	if err := write(*out, o); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
}
