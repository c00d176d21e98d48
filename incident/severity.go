package incident

import (
	"strings"
	"time"
)

// SeverityCorrected is the State of a severity event that corrects the
// record after the incident was resolved, rather than recording a change
// made while it ran (see SeverityChangeAt).
const SeverityCorrected State = "corrected"

// SeverityChangeAt decides when a severity change made at at (now, or a
// backdated time) happens in inc's timeline, and whether it is a
// correction.
//
// While the incident runs, a change is part of its story, at the time it
// was made. Once the incident is resolved, a change is a correction of the
// record, not something that happened: a retro that decides months later
// that it was a SEV2 must not add a line dated today to the end of the
// timeline. The correction is dated at the incident's beginning (declared,
// else the earliest milestone); the event's logged time keeps the real
// moment, so the history of who changed what and when stays, and the
// event says when it was made (SeverityHeadline).
func SeverityChangeAt(inc Incident, at time.Time) (time.Time, bool) {
	if inc.State != Resolved {
		return at, false
	}
	if begin, ok := inc.beginning(); ok {
		return begin, true
	}
	return at, true
}

// Corrected reports whether a severity event corrects the record after the
// incident was resolved.
func (e *Event) Corrected() bool { return e.Kind == KindSeverity && e.State == SeverityCorrected }

// SeverityHeadline is how a severity event reads, without its reason:
// "Severity changed from SEV3 to SEV2", "Severity set to SEV2" when the
// severity it replaced is not known, and for a correction "Severity
// corrected from SEV3 to SEV2 on 2 Jan 2026, after the incident was
// resolved", the date being when it was made, in loc.
func SeverityHeadline(e Event, loc *time.Location) string {
	if !e.Corrected() {
		if e.PreviousSeverity.Valid() {
			return "Severity changed from " + e.PreviousSeverity.String() + " to " + e.Severity.String()
		}
		return "Severity set to " + e.Severity.String()
	}
	s := "Severity corrected to " + e.Severity.String()
	if e.PreviousSeverity.Valid() {
		s = "Severity corrected from " + e.PreviousSeverity.String() + " to " + e.Severity.String()
	}
	if !e.LoggedAt.IsZero() {
		if loc == nil {
			loc = time.UTC
		}
		s += " on " + e.LoggedAt.In(loc).Format("2 Jan 2006")
	}
	return s + ", after the incident was resolved"
}

// SeverityText is how a severity event reads in full: its headline, then
// the reason given, after a dash.
func SeverityText(e Event, loc *time.Location) string {
	return withReason(SeverityHeadline(e, loc), e.Text)
}

// withReason appends a non-blank reason or message after a dash.
func withReason(head, reason string) string {
	if reason = strings.TrimSpace(reason); reason != "" {
		return head + " — " + reason
	}
	return head
}

// validateSeverity checks a severity event's fields.
func (e *Event) validateSeverity() error {
	if !e.Severity.Valid() {
		return Errorf(EINVALID, "a severity change needs the new severity (1 to 5), not %d", e.Severity)
	}
	if e.PreviousSeverity != 0 && !e.PreviousSeverity.Valid() {
		return Errorf(EINVALID, "a severity change's previous severity is 1 to 5, or 0 when not known, not %d", e.PreviousSeverity)
	}
	if e.State != "" && e.State != SeverityCorrected {
		return Errorf(EINVALID, "a severity change's state is empty, or %q for a correction made after the incident was resolved, not %s", SeverityCorrected, Quote(string(e.State)))
	}
	return nil
}

// beginning is when the incident is on record as having begun: its
// declaration, else the earliest milestone set.
func (inc *Incident) beginning() (time.Time, bool) {
	if t, ok := inc.Milestones.Get(MilestoneDeclared); ok {
		return t, true
	}
	var first time.Time
	for _, m := range MilestoneOrder {
		if t, ok := inc.Milestones.Get(m); ok && (first.IsZero() || t.Before(first)) {
			first = t
		}
	}
	return first, !first.IsZero()
}
