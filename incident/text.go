package incident

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Every field a user types is checked here, once, whatever it came
// through: the CLI, the TUI, an import or a JSON document. Two shapes exist:
//
//   - a name (title, person, owner, author, role, service, zone) is one
//     line: no line break of any kind (CR, LF, NEL, U+2028, U+2029);
//   - a text (event text, narrative, description, retro note, status
//     message) may span lines.
//
// Both refuse invalid UTF-8 and NUL: SQLite and every tool downstream
// (terminals, GitHub, Markdown renderers) treat them differently from one
// another, so what was typed would not be what is read back. Other control
// characters and escape sequences are kept as typed (a pasted alert may
// carry colours) and dropped wherever text is shown, by PlainText and
// PlainBlock: what is stored is what was typed, what is displayed is safe.

// Length limits, in characters.
const (
	MaxNameLen     = 100 // a person, owner, author or service
	MaxRoleLen     = 60
	MaxZoneNameLen = 64
	MaxServices    = 50
)

// maxQuoted bounds how much of a refused value an error message repeats:
// enough to recognise it, never a 130 KB argument echoed back.
const maxQuoted = 40

// Quote renders a value for an error message: Go-quoted (so control
// characters and invalid bytes show as escapes), cut to its first 40
// characters with "…" when longer.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	n := 0
	for i := range s {
		if n == maxQuoted {
			return strconv.Quote(s[:i]) + "…"
		}
		n++
	}
	return strconv.Quote(s)
}

// ValidateName checks a one-line value: valid UTF-8, no NUL, no line
// break, at most max characters, and not blank when required. what
// names the field in the message ("owner", "--by").
func ValidateName(what, s string, max int, required bool) error {
	t := strings.TrimSpace(s)
	if t == "" {
		if required {
			return Errorf(EINVALID, "%s is empty", what)
		}
		return nil
	}
	if err := checkEncoding(what, s); err != nil {
		return err
	}
	if err := checkVisible(what, s); err != nil {
		return err
	}
	if strings.ContainsFunc(s, isLineBreak) {
		return Errorf(EINVALID, "%s spans several lines: write it on one line (got %s)", what, Quote(s))
	}
	if n := utf8.RuneCountInString(t); n > max {
		return Errorf(EINVALID, "%s is %d characters long: at most %d are accepted", what, n, max)
	}
	return nil
}

// ValidateText rejects overlong text, invalid UTF-8 and NUL, and empty text
// when required. Line breaks and tabs are text.
func ValidateText(what, text string, required bool) error {
	if required && strings.TrimSpace(text) == "" {
		return Errorf(EINVALID, "%s is empty: type what happened", what)
	}
	if err := checkEncoding(what, text); err != nil {
		return err
	}
	if required {
		if err := checkVisible(what, text); err != nil {
			return err
		}
	}
	if n := utf8.RuneCountInString(text); n > MaxTextLen {
		return Errorf(EINVALID, "%s is %d characters long: at most %d are accepted", what, n, MaxTextLen)
	}
	return nil
}

// checkVisible refuses a value that is not blank but shows as nothing once
// sanitised (only escape sequences and control characters): every display
// and export would print it empty.
func checkVisible(what, s string) error {
	if strings.TrimSpace(PlainText(s)) == "" {
		return Errorf(EINVALID, "%s %s is only control characters, which are never shown: type it as plain text", what, Quote(s))
	}
	return nil
}

// checkEncoding refuses invalid UTF-8 and NUL, saying where.
func checkEncoding(what, s string) error {
	if !utf8.ValidString(s) {
		i := 0
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return Errorf(EINVALID, "%s is not valid UTF-8 (byte %d): save or paste it as UTF-8 text", what, i+1)
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return Errorf(EINVALID, "%s holds a NUL character (at byte %d): type it as plain text", what, i+1)
	}
	return nil
}

// isLineBreak reports the characters that end a line somewhere: a
// terminal, a Markdown table, a JSON-reading script.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// ValidatePerson rejects an empty, overlong or multi-line name of someone
// holding a role.
func ValidatePerson(name string) error {
	if strings.TrimSpace(name) == "" {
		return Errorf(EINVALID, "person is empty: give a name, e.g. \"Rosa M.\"")
	}
	return ValidateName("person", name, MaxNameLen, true)
}

// ValidateOwner checks an action item's owner; empty means unowned.
func ValidateOwner(owner string) error { return ValidateName("owner", owner, MaxNameLen, false) }

// ValidateAuthor checks who wrote an event (--by, SCRIBE_AUTHOR, the TUI's
// author); empty means unknown.
func ValidateAuthor(author string) error { return ValidateName("author", author, MaxNameLen, false) }

// ValidateServices checks an incident's affected services.
func ValidateServices(services []string) error {
	if len(services) > MaxServices {
		return Errorf(EINVALID, "%d services: at most %d are accepted", len(services), MaxServices)
	}
	for _, s := range services {
		if err := ValidateName("service", s, MaxNameLen, true); err != nil {
			return err
		}
	}
	return nil
}
