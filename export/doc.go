// Package export turns an incident snapshot into what leaves scribe: the
// blameless postmortem in Markdown (through a text/template, the default one
// embedded, a team's own accepted), the versioned JSON document, and the lint
// warnings a facilitator should address before publishing.
//
// Everything here is a pure function of incident.Snapshot: no I/O besides
// writing to the io.Writer it is given, no store, no clock (the caller passes
// Options.Now). The TUI calls Markdown and Lint on every preview, so both stay
// proportional to the snapshot's size.
package export
