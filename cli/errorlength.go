package cli

import (
	"fmt"
	"unicode/utf8"
)

// maxErrorRunes bounds the one line of error a command ends with. Messages
// quote what was refused; each quoting site should keep to a short prefix
// (incident.Quote), and this is the backstop for one that does not (a path
// in an error from the system, a value some check repeats whole): a 130 KB
// argument must not come back as 130 KB of stderr.
const maxErrorRunes = 1000

// boundError cuts msg to maxErrorRunes, saying how much was left out.
func boundError(msg string) string {
	if utf8.RuneCountInString(msg) <= maxErrorRunes {
		return msg
	}
	n := 0
	for i := range msg {
		if n == maxErrorRunes {
			return fmt.Sprintf("%s… (message cut: %d more bytes)", msg[:i], len(msg)-i)
		}
		n++
	}
	return msg
}
