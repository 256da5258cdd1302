package main

import (
	"fmt"
	"io"
)

// runServe is a placeholder until the serve command lands.
func runServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "serve: not yet available")
	return 2
}
