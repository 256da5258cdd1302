package build

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dossier/generator/content"
	"dossier/generator/site"
	"dossier/internal/synth"
)

// The build's stages on synthetic dossiers of 1k, 5k and 20k events:
//
//	go test ./generator/build -run '^$' -bench . -benchtime 3x
//
// Load reads and checks each file; Validate resolves the ids across the
// site; Render renders every page in memory; Write is the whole build
// into a folder, as `generator build` does it.
func BenchmarkLoad(b *testing.B) {
	stages(b, func(b *testing.B, dir string) {
		for b.Loop() {
			content.Load(os.DirFS(dir))
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	stages(b, func(b *testing.B, dir string) {
		cfg, _ := content.LoadConfig(os.DirFS(dir))
		entries, _ := content.Load(os.DirFS(dir))
		for b.Loop() {
			site.New(cfg, entries)
		}
	})
}

func BenchmarkRender(b *testing.B) {
	stages(b, func(b *testing.B, dir string) {
		fsys := os.DirFS(dir)
		for b.Loop() {
			// Rendering lets go of what it has rendered (see
			// render.Final), so each round starts from a fresh load,
			// outside the timing.
			b.StopTimer()
			s, _ := Load(fsys)
			b.StartTimer()
			if err := Render(fsys, s, func(string, []byte) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkWrite(b *testing.B) {
	stages(b, func(b *testing.B, dir string) {
		out := filepath.Join(b.TempDir(), "public")
		for b.Loop() {
			if _, err := Build(dir, out); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func stages(b *testing.B, run func(b *testing.B, dir string)) {
	for _, n := range []int{1000, 5000, 20000} {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			dir := filepath.Join(b.TempDir(), "site")
			if err := synth.Write(dir, synth.Defaults(n)); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			run(b, dir)
		})
	}
}
