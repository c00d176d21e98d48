// Package update drafts the stakeholder update of an incident: title,
// severity, state and its latest message, impact, how long it has lasted,
// what changed since the last update, and when the next one comes. The
// draft is a pure function of the incident, the team's cadence and the
// time it will be sent; a text/template (the team's own, or the default)
// writes it as plain text, Markdown or Slack mrkdwn.
//
// Like the postmortem, a draft names no one by default: stakeholders need
// to know what is happening, not who did it, and an update is forwarded
// further than anyone expects. People in the timeline's lines become the
// role they held (export.Blameless); Options.Names keeps names.
package update
