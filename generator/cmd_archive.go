package main

import (
	"fmt"
	"io"
)

// runArchive is a placeholder until the archive command lands.
func runArchive(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "archive: not yet available")
	return 2
}
