// Package incident is scribe's domain: incidents, their timeline events,
// role assignments, action items and retro notes, the checklist items and
// reminders of running one (checklist.go, reminder.go, comms.go for the
// update cadence), the vocabularies they use, validation, the time
// grammar, metrics derived from milestones, follow-up deadlines
// (followup.go), every write as data (operation.go: what a store applies
// and the outbox keeps) and the versioned JSON document that export writes
// and ingest reads (document*.go).
//
// It imports nothing but the standard library and performs no I/O.
//
// Where to find a rule, by its noun: the accepted range of instants in
// instant.go (CheckInstant); the validation of every field a user types,
// whatever it came through, in text.go (names one line, texts free of NUL
// and invalid UTF-8, the length limits, Quote for error messages); times in
// when.go (ParseWhen, CutLeadingTime), due dates in due.go (ParseDue),
// zones in zone.go; three-way merging of an edited field in merge.go; how a
// severity change is recorded in severity.go; the sanitizers for terminals
// (plaintext.go) and JSON (jsontext.go).
//
// Where the code differs from DESIGN.md, and why:
//
//   - A bare clock time is the nearest such moment among yesterday, today
//     and tomorrow, and a time more than a minute ahead of the clock is
//     refused (naming the date it would have had), not moved to yesterday:
//     "15:50" typed at 15:34 is a typo, never a line 23 hours back.
//   - Every instant entering scribe lies in 1970..2199 UTC (CheckInstant),
//     checked in each type's Validate, so no caller can forget it.
//   - Severity changes are events of their own kind (KindSeverity), with the
//     severity set and the one replaced, and so are checklist ticks and
//     reminders (KindChecklist, KindReminder): DESIGN.md's list of kinds
//     has neither.
//   - A severity set after the incident is resolved is a correction, dated
//     at the incident's beginning and saying when it was made
//     (SeverityChangeAt, SeverityHeadline), not a timeline line dated
//     months later.
//   - The blameless rules (who is named, how, the lint) live in export, not
//     here: they are about the postmortem, not the incident.
//   - The JSON document is read by a hand-written decoder (documentreader.go)
//     and written by one in export, because encoding/json takes three times
//     (reading) and six times (writing) as long for 100,000 events; see the
//     benchmarks and README. Tests compare both with encoding/json field by
//     field, so a field added to Document and forgotten in either fails.
package incident
