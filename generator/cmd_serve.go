package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"dossier/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs, site := flags("serve", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to serve on; the default is reachable from this machine only")
	if !parse(fs, args) {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, *site, *addr, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}
