package ingest

import "fmt"

// ProblemTally counts what a parse reported: what was left out, and what
// was imported but not exactly as written. A JSON document's problems are
// its entries (an event, a role, an action item); text's are its lines.
type ProblemTally struct {
	NotImported, Changed int
	Entries              bool
}

// Tally counts problems.
func Tally(problems []Problem) ProblemTally {
	var t ProblemTally
	for _, p := range problems {
		if p.Changed {
			t.Changed++
		} else {
			t.NotImported++
		}
		t.Entries = t.Entries || p.Entry != ""
	}
	return t
}

// NotImportedPhrase says what was left out: "2 lines could not be read",
// "1 entry could not be read"; "" when nothing was.
func (t ProblemTally) NotImportedPhrase() string {
	if t.NotImported == 0 {
		return ""
	}
	return t.count(t.NotImported) + " could not be read"
}

// ChangedPhrase says what was imported with a change: "1 line imported
// with a change" (a text cut to what an event holds), "2 entries imported
// without values that could not be read"; "" when nothing was.
func (t ProblemTally) ChangedPhrase() string {
	switch {
	case t.Changed == 0:
		return ""
	case !t.Entries:
		return t.count(t.Changed) + " imported with a change"
	case t.Changed == 1:
		return "1 entry imported without a value that could not be read"
	}
	return t.count(t.Changed) + " imported without values that could not be read"
}

// Phrases are the non-empty phrases, what was left out first.
func (t ProblemTally) Phrases() []string {
	var out []string
	for _, s := range []string{t.NotImportedPhrase(), t.ChangedPhrase()} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Short says the same in few words, for a heading: "2 lines not read, 1
// changed", "1 entry left out, 1 without a value"; "" when nothing was
// reported.
func (t ProblemTally) Short() string {
	left, changed := " not read", " changed"
	if t.Entries {
		left, changed = " left out", " without a value"
	}
	switch {
	case t.NotImported > 0 && t.Changed > 0:
		return t.count(t.NotImported) + left + ", " + fmt.Sprint(t.Changed) + changed
	case t.NotImported > 0:
		return t.count(t.NotImported) + left
	case t.Changed > 0 && t.Entries:
		return t.count(t.Changed) + " imported without a value"
	case t.Changed > 0:
		return t.count(t.Changed) + changed
	}
	return ""
}

func (t ProblemTally) count(n int) string {
	switch {
	case t.Entries && n == 1:
		return "1 entry"
	case t.Entries:
		return fmt.Sprintf("%d entries", n)
	case n == 1:
		return "1 line"
	}
	return fmt.Sprintf("%d lines", n)
}
