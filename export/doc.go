// Package export turns an incident snapshot into what leaves scribe: the
// blameless postmortem in Markdown (through a text/template, the default one
// embedded, a team's own accepted) and as a self-contained HTML page
// (html.go, the template in html/, the phases drawn in SVG), the versioned
// JSON document, and the lint warnings a facilitator should address before
// publishing. The postmortem's Communications part (the updates, the
// cadence, the checklist) is in communications*.go; Blameless is also what
// package update uses to name no one in a stakeholder update.
//
// Everything here is a pure function of incident.Snapshot: no I/O besides
// writing to the io.Writer it is given, no store, no clock (the caller passes
// Options.Now). The TUI calls Markdown and Lint on every preview, so both stay
// proportional to the snapshot's size.
//
// Where this package differs from DESIGN.md:
//
//   - The blameless rules live here, not in incident: which words of a text
//     name a person (people, find, judgeNameWord), how a name becomes a role
//     (rewrite), and what counts as blaming language (findBlame). They read
//     English grammar and need a word list (namewords.txt), which is
//     presentation, not domain; incident keeps the roles and their titles.
//   - DESIGN.md lists blaming words ("should have", "fault", …). The lint
//     finds blame by meaning instead: fault or failure attributed to a
//     person, hindsight about a person, "human error", judgements of
//     character. "We injected a fault" and "the cache should have a TTL"
//     pass; "the engineer's mistake" and "ignored the alert" do not.
//   - A name that is also a common English word ("Grant", "May") is replaced
//     only where the sentence uses it as a name; where scribe cannot tell,
//     the text is kept and the lint says "possible name: X — check".
//   - Warnings have a level: a note (milestones legitimately out of order,
//     such as an incident mitigated before it was declared; an event shortly
//     before the start; a neutralised link) is reported but does not fail
//     --strict. DESIGN.md says out-of-order milestones are "flagged, not
//     refused"; the note is that flag.
//   - Action item titles and descriptions are blameless like the rest of
//     the prose; only the owner column keeps a name.
//   - Links in user text keep working for https, http, mailto and relative
//     targets; any other scheme is shown as text, and images become links,
//     so opening the postmortem loads nothing from elsewhere. A code fence
//     left open is closed where its field ends.
package export
