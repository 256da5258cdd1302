//go:build !unix

package swap

import "os"

// tryLock cannot lock here. Clean then never finds a folder free, and
// leaves every temporary folder alone.
func tryLock(f *os.File) (bool, error) { return false, errNoLock }
