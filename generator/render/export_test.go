package render

// SetPrintMaxEvents sets the most events the print edition holds, for a
// test, and returns a function that puts it back.
func SetPrintMaxEvents(n int) (restore func()) {
	old := printMaxEvents
	printMaxEvents = n
	return func() { printMaxEvents = old }
}
