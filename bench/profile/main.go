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
	diags, err := build.Build(*site, *out)
	pprof.StopCPUProfile()
	f.Close()
	if *mem != "" {
		if err := writeAllocs(*mem); err != nil {
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

// writeAllocs writes the profile of every allocation since the start.
func writeAllocs(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
