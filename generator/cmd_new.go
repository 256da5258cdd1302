package main

import (
	"fmt"
	"io"
)

// runNew is a placeholder until the new command lands.
func runNew(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "new: not yet available")
	return 2
}
