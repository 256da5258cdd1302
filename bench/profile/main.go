// Command profile builds a site once under the CPU profiler, for finding
// where a build spends its time:
//
//	go run ./bench/profile -site bench/out/dossier-5000 -out /tmp/site -cpuprofile /tmp/cpu.out
//	go tool pprof -top /tmp/cpu.out
//
// With -memprofile it also writes what the build allocated, for finding
// what makes the garbage collector work:
//
//	go tool pprof -sample_index=alloc_space -top /tmp/mem.out
//
// With -heapprofile and -heapat it writes what was live at a moment of
// the build, for finding what each collection has to scan:
//
//	go run ./bench/profile -site bench/out/dossier-50000 -out /tmp/site -heapprofile /tmp/heap.out -heapat 13s
//	go tool pprof -sample_index=inuse_space -top /tmp/heap.out
//
// It sets the collector and calls build.Build as `generator build` does.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"dossier/generator/build"
)

func main() {
	site := flag.String("site", ".", "site directory")
	out := flag.String("out", "", "output directory")
	cpu := flag.String("cpuprofile", "cpu.out", "write the CPU profile here")
	mem := flag.String("memprofile", "", "write the allocation profile here")
	heap := flag.String("heapprofile", "", "write what is live here, at -heapat")
	at := flag.Duration("heapat", 0, "when to write -heapprofile, from the build's start")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	f, err := os.Create(*cpu)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	build.TuneGC(*site) // as generator build sets the collector
	start := time.Now()
	if *heap != "" {
		// What is live as of the collection before this moment: the
		// heap a build holds at that stage, which its collections scan.
		time.AfterFunc(*at, func() {
			if err := writeProfile("heap", *heap); err != nil {
				fmt.Fprintln(os.Stderr, err)
			}
		})
	}
	diags, err := build.Build(*site, *out)
	pprof.StopCPUProfile()
	f.Close()
	if *mem != "" {
		if err := writeProfile("allocs", *mem); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "built in %v, %d diagnostics\n", time.Since(start).Round(time.Millisecond), len(diags))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// writeProfile writes the named profile into the file name: "allocs",
// every allocation since the start, or "heap", what was live at the
// last collection.
func writeProfile(profile, name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup(profile).WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
