package incident

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxChecklistTextLen bounds a checklist item, in characters: an item is a
// short instruction, read at a glance.
const MaxChecklistTextLen = 200

// ChecklistState is where a checklist item stands.
type ChecklistState string

// Checklist item states. Skipped is a decision ("no customer comms needed"),
// not a forgotten item: the postmortem lists the two apart.
const (
	ChecklistOpen    ChecklistState = "open"
	ChecklistDone    ChecklistState = "done"
	ChecklistSkipped ChecklistState = "skipped"
)

// ChecklistStates lists the states in order.
var ChecklistStates = []ChecklistState{ChecklistOpen, ChecklistDone, ChecklistSkipped}

// ParseChecklistState accepts open, done or skipped (and a few synonyms).
func ParseChecklistState(in string) (ChecklistState, error) {
	switch strings.ToLower(strings.TrimSpace(in)) {
	case "open", "todo", "unchecked":
		return ChecklistOpen, nil
	case "done", "checked", "ticked":
		return ChecklistDone, nil
	case "skipped", "skip", "n/a", "na":
		return ChecklistSkipped, nil
	}
	return "", Errorf(EINVALID, "invalid checklist state %q: use one of %s", in, joinStrings(ChecklistStates))
}

// ChecklistItem is one step of a severity's runbook, attached to an
// incident when it is declared or escalated to that severity.
type ChecklistItem struct {
	ID         int64
	IncidentID int64
	UUID       string
	Text       string
	// Severity is the severity whose checklist brought the item.
	Severity Severity
	Order    int
	State    ChecklistState
	// At and By say when and by whom the item was last ticked, unticked or
	// skipped; zero and "" while it has never been touched.
	At time.Time
	By string

	CreatedAt time.Time

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid).
	Invalid Unreadable
}

// Validate checks an item before it is stored.
func (c *ChecklistItem) Validate() error {
	if err := ValidateChecklistText(c.Text); err != nil {
		return err
	}
	if !c.Severity.Valid() {
		return Errorf(EINVALID, "checklist item %q has severity %d: use a number from 1 (worst) to 5", c.Text, c.Severity)
	}
	if _, err := ParseChecklistState(string(c.State)); err != nil {
		return err
	}
	if c.By != "" {
		if err := ValidatePerson(c.By); err != nil {
			return err
		}
	}
	return CheckInstant("checklist item time", c.At)
}

// ValidateChecklistText rejects an empty, multi-line or overlong item.
func ValidateChecklistText(text string) error {
	t := strings.TrimSpace(text)
	switch {
	case t == "":
		return Errorf(EINVALID, "checklist item is empty: write the step, e.g. \"Open the status page incident\"")
	case strings.ContainsAny(t, "\r\n"):
		return Errorf(EINVALID, "checklist item %q spans several lines: an item is one line", firstLine(t))
	case !utf8.ValidString(t):
		return Errorf(EINVALID, "checklist item is not valid UTF-8")
	case utf8.RuneCountInString(t) > MaxChecklistTextLen:
		return Errorf(EINVALID, "checklist item is %d characters long: at most %d are accepted", utf8.RuneCountInString(t), MaxChecklistTextLen)
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i] + "…"
	}
	return s
}

// SameChecklistText reports whether two items say the same thing, whatever
// their case and spacing: escalating never attaches an item twice.
func SameChecklistText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// ChecklistToAttach returns the items of a severity's checklist that the
// incident does not have yet, in the checklist's order, numbered after the
// existing ones. Existing items are kept as they are: escalating adds the
// higher severity's steps and loses nothing ticked.
func ChecklistToAttach(existing []ChecklistItem, sev Severity, texts []string) []ChecklistItem {
	order := 0
	for _, c := range existing {
		order = max(order, c.Order)
	}
	var out []ChecklistItem
	for _, t := range texts {
		t = strings.TrimSpace(t)
		dup := false
		for _, c := range existing {
			dup = dup || SameChecklistText(c.Text, t)
		}
		for _, c := range out {
			dup = dup || SameChecklistText(c.Text, t)
		}
		if dup || t == "" {
			continue
		}
		order++
		out = append(out, ChecklistItem{Text: t, Severity: sev, Order: order, State: ChecklistOpen})
	}
	return out
}

// FindChecklistItem finds the item a user means by ref: its number in the
// list (1-based, as `scribe checklist N` prints it), or words of its text
// (case-insensitive; a unique prefix or a unique substring).
func FindChecklistItem(items []ChecklistItem, ref string) (int, error) {
	ref = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ref), "#"))
	if ref == "" {
		return -1, Errorf(EINVALID, "which checklist item? give its number or words of its text")
	}
	if n, err := strconv.Atoi(ref); err == nil {
		if n <= 0 || n > len(items) {
			return -1, Errorf(ENOTFOUND, "no checklist item %d: the checklist has %d", n, len(items))
		}
		return n - 1, nil
	}
	want := strings.ToLower(strings.Join(strings.Fields(ref), " "))
	match := func(ok func(text string) bool) []int {
		var found []int
		for i, c := range items {
			if ok(strings.ToLower(strings.Join(strings.Fields(c.Text), " "))) {
				found = append(found, i)
			}
		}
		return found
	}
	for _, found := range [][]int{
		match(func(t string) bool { return t == want }),
		match(func(t string) bool { return strings.HasPrefix(t, want) }),
		match(func(t string) bool { return strings.Contains(t, want) }),
	} {
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return -1, Errorf(EINVALID, "%q matches %d checklist items (%s): give its number", ref, len(found), quoteItems(items, found))
		}
	}
	return -1, Errorf(ENOTFOUND, "no checklist item matches %q: give its number (scribe checklist N lists them)", ref)
}

func quoteItems(items []ChecklistItem, idx []int) string {
	var parts []string
	for _, i := range idx {
		parts = append(parts, strconv.Itoa(i+1)+" "+strings.TrimSpace(items[i].Text))
	}
	return strings.Join(parts, "; ")
}

// ChecklistProgress is how far the checklist is, in words: "3 of 10 done,
// 1 skipped" (the CLI's list and the TUI's pane say it alike).
func ChecklistProgress(items []ChecklistItem) string {
	done, skipped := 0, 0
	for _, c := range items {
		switch c.State {
		case ChecklistDone:
			done++
		case ChecklistSkipped:
			skipped++
		}
	}
	s := fmt.Sprintf("%d of %d done", done, len(items))
	if skipped > 0 {
		s += fmt.Sprintf(", %d skipped", skipped)
	}
	return s
}
