//go:build !linux && !darwin

package swap

// exchange is not available here: Swap uses SwapByRenames.
func exchange(a, b string) error { return errNoExchange }
