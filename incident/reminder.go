package incident

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MaxReminderTextLen bounds a reminder, in characters.
const MaxReminderTextLen = 500

// ReminderState is where a reminder stands. An open reminder whose time has
// come is due; it stays due until someone marks it done or dismisses it.
type ReminderState string

// Reminder states.
const (
	ReminderOpen      ReminderState = "open"
	ReminderDone      ReminderState = "done"
	ReminderDismissed ReminderState = "dismissed"
)

// ReminderStates lists the states in order.
var ReminderStates = []ReminderState{ReminderOpen, ReminderDone, ReminderDismissed}

// ParseReminderState accepts open, done or dismissed.
func ParseReminderState(in string) (ReminderState, error) {
	s := ReminderState(strings.ToLower(strings.TrimSpace(in)))
	for _, v := range ReminderStates {
		if s == v {
			return s, nil
		}
	}
	return "", Errorf(EINVALID, "invalid reminder state %q: use one of %s", in, joinStrings(ReminderStates))
}

// Reminder is a time-boxed ask: "in 15m, check replica lag (@ana)".
type Reminder struct {
	ID         int64
	IncidentID int64
	UUID       string
	Text       string
	// Who is the person asked, from an @name in the text; "" when nobody
	// in particular.
	Who   string
	DueAt time.Time
	State ReminderState
	// By set the reminder at CreatedAt; ClosedAt is when it was done or
	// dismissed.
	By        string
	CreatedAt time.Time
	ClosedAt  time.Time

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid).
	Invalid Unreadable
}

// Due reports whether the reminder is open and its time has come.
func (r *Reminder) Due(now time.Time) bool {
	return r.State == ReminderOpen && !r.DueAt.IsZero() && !now.Before(r.DueAt)
}

// Validate checks a reminder before it is stored.
func (r *Reminder) Validate() error {
	if err := validateReminderText(r.Text); err != nil {
		return err
	}
	if r.DueAt.IsZero() {
		return Errorf(EINVALID, "reminder %q has no due time", r.Text)
	}
	if _, err := ParseReminderState(string(r.State)); err != nil {
		return err
	}
	for _, p := range []struct{ what, name string }{{"reminder's person", r.Who}, {"reminder's author", r.By}} {
		if p.name != "" && (len(p.name) > 100 || strings.ContainsAny(p.name, "\r\n\t")) {
			return Errorf(EINVALID, "%s %q is not a short one-line name", p.what, firstLine(p.name))
		}
	}
	for _, t := range []struct {
		what string
		at   time.Time
	}{{"reminder due time", r.DueAt}, {"reminder creation time", r.CreatedAt}, {"reminder closing time", r.ClosedAt}} {
		if err := CheckInstant(t.what, t.at); err != nil {
			return err
		}
	}
	return nil
}

func validateReminderText(text string) error {
	t := strings.TrimSpace(text)
	switch {
	case t == "":
		return Errorf(EINVALID, "reminder is empty: say what to do, e.g. 15m check replica lag @ana")
	case !utf8.ValidString(t):
		return Errorf(EINVALID, "reminder is not valid UTF-8")
	case strings.ContainsAny(t, "\r\n"):
		return Errorf(EINVALID, "reminder spans several lines: a reminder is one line")
	case utf8.RuneCountInString(t) > MaxReminderTextLen:
		return Errorf(EINVALID, "reminder is %d characters long: at most %d are accepted", utf8.RuneCountInString(t), MaxReminderTextLen)
	}
	return nil
}

// ParseReminder reads what `/remind` and `scribe remind` take: a span, then
// the text, with an optional @name for the person asked ("15m check
// replica lag @ana", "in 1h30m rotate the on-call"). The reminder is due
// the span after now.
func ParseReminder(in string, now time.Time) (Reminder, error) {
	fields := strings.Fields(in)
	if len(fields) > 0 && strings.EqualFold(fields[0], "in") {
		fields = fields[1:]
	}
	if len(fields) == 0 {
		return Reminder{}, Errorf(EINVALID, "reminder needs a time and a text: e.g. 15m check replica lag @ana")
	}
	span, err := ParseInterval("reminder time", fields[0])
	if err != nil {
		return Reminder{}, err
	}
	return NewReminder(span, strings.Join(fields[1:], " "), now)
}

// NewReminder makes an open reminder due span after now, taking the person
// asked from the first @name in text. The text is kept as typed.
func NewReminder(span time.Duration, text string, now time.Time) (Reminder, error) {
	text = strings.TrimSpace(text)
	if err := validateReminderText(text); err != nil {
		return Reminder{}, err
	}
	r := Reminder{Text: text, DueAt: now.Add(span).UTC(), State: ReminderOpen, CreatedAt: now.UTC()}
	for _, w := range strings.Fields(text) {
		if name, ok := strings.CutPrefix(strings.TrimLeft(w, "([{\"'"), "@"); ok {
			name = strings.TrimRight(name, ".,;:!?)")
			if name != "" {
				r.Who = name
				break
			}
		}
	}
	return r, r.Validate()
}
