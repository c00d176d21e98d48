// Package incident is scribe's domain: incidents, their timeline events,
// role assignments, action items and retro notes, the vocabularies they use,
// validation, the time grammar, metrics derived from milestones and the
// versioned JSON document that export writes and ingest reads.
//
// It imports nothing but the standard library and performs no I/O.
package incident
