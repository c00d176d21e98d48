package cli

import (
	"fmt"
	"strings"

	"scribe/incident"
)

// The longest path and file name the kernel takes (Linux's PATH_MAX and
// NAME_MAX). A longer -o or --template cannot name a file, and the error
// the system gives repeats it, twice, whole: a 130 KB value pasted by
// mistake came back as 260 KB of stderr.
const (
	maxPathLen = 4096
	maxNameLen = 255
)

// checkPathFlag refuses a file flag's value that no file can have, quoting
// only a short prefix of it.
func checkPathFlag(flag, p string) error {
	if len(p) > maxPathLen {
		return usageError{fmt.Errorf("%s %s is %d bytes long: a path is at most %d", flag, incident.Quote(p), len(p), maxPathLen)}
	}
	for _, name := range strings.Split(p, "/") {
		if len(name) > maxNameLen {
			return usageError{fmt.Errorf("%s %s has a name of %d bytes: a file name is at most %d", flag, incident.Quote(p), len(name), maxNameLen)}
		}
	}
	return nil
}
