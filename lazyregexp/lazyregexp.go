// Package lazyregexp holds regular expressions that are compiled the first
// time they are used rather than when the program starts.
//
// Every package's variables are initialised when the process starts,
// whichever command runs: a `scribe log` from an alert hook used to spend
// more time compiling the import and export parsers' expressions than
// writing its line. A package's expressions now cost nothing until one of
// its functions needs them.
package lazyregexp

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same *regexp.Regexp on every call. Like regexp.MustCompile it panics
// when expr is not a valid expression: expressions given to New are
// constants of the program, and the tests of the package holding one use
// it, so a bad one fails there, never in a user's hands.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
