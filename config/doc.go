// Package config reads a team's policy for running incidents from
// config.toml: per severity the stakeholder update cadence and the
// checklist attached on declaration and escalation, the stakeholder update
// template, and follow-up deadlines per priority. The file is optional:
// Default holds the built-in policy, and a file overrides it key by key.
//
// A broken file is refused whole, with one line naming the file, the line
// and column, and what is accepted; a key scribe does not know is an error,
// since a misspelt key silently ignored is a policy silently not applied.
// The caller (the CLI) finds the file; nothing here reads the environment.
package config
