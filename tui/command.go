package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// Op names what a typed line asks for: the slash command whose run carries
// it out ("log" for a line without a command).
type Op string

// OpLog is a line logged as an event: plain text, //text, /d, /kind, ….
const OpLog Op = "log"

// Command is a parsed input line.
type Command struct {
	Op        Op
	At        time.Time // when it happened; zero means now
	Kind      incident.Kind
	Text      string
	Role      string
	Person    string
	State     incident.State
	Severity  incident.Severity
	Milestone incident.Milestone
	Clear     bool // /milestone NAME clear
	Item      incident.ActionItem
	Section   incident.RetroSection
	Field     incident.Field
	ItemID    int64
	Repo      string
	// Reminder is /remind's new reminder; Span how long /remind snooze
	// puts one off (reminder.go).
	Reminder *incident.Reminder
	Span     time.Duration
}

// slashCommand is one row of the command table: everything about a slash
// command is here, so adding one is adding a row.
type slashCommand struct {
	name    string                 // canonical name; the Op of what it parses
	aliases []string               // other names typed for it
	match   func(name string) bool // names it answers to beyond aliases (kinds)
	forms   []string               // how it is typed, for /help
	help    string                 // what it does, for /help
	// ownsTime: a time after the name belongs to the command's arguments
	// (/milestone started 14:05), not to the line.
	ownsTime bool
	// timed says whether what c records happens at a time the user may
	// set ("14:05 /status identified"); nil: the command has no time, and
	// a time typed with it is refused rather than silently dropped.
	timed func(c Command) bool
	parse func(in slashInput) (Command, error)
	run   func(s *incidentScreen, c Command, line string) tea.Cmd
}

// slashInput is what a parse function reads.
type slashInput struct {
	name string // as typed, lower-cased
	args string // after the name, trimmed
	now  time.Time
	zone *time.Location
	cmd  *slashCommand
}

// usage is the error for a malformed command: its first form.
func (in slashInput) usage() error {
	return incident.Errorf(incident.EINVALID, "usage: %s", in.cmd.forms[0])
}

// slashCommands is the command table, in the order /help lists it. It is
// built on each call (a line is parsed once per Enter) so that the package
// holds no mutable state.
func slashCommands() []slashCommand {
	return []slashCommand{
		{name: "log", aliases: []string{"kind", "k"}, match: isKindName,
			forms: []string{"/kind KIND text", "/d /a /o /c /n text"},
			help:  "log as a decision, action, observation, comms update or note",
			timed: always,
			parse: parseLog, run: runLog},
		{name: "ic", aliases: []string{"commander"}, forms: []string{"/ic NAME"},
			help: "hand the incident commander role to NAME", timed: always,
			parse: parseIC, run: runRole},
		{name: "role", forms: []string{"/role ROLE NAME"},
			help: "hand any role (ops, comms, scribe, liaison, or your own)", timed: always,
			parse: parseRole, run: runRole},
		{name: "status", aliases: []string{"s"}, forms: []string{"/status STATE [message]"},
			help: "investigating, identified, monitoring or resolved", timed: always,
			parse: parseStatus, run: runStatus},
		{name: "sev", aliases: []string{"severity"}, forms: []string{"/sev N [reason]"},
			help: "severity 1 (worst) to 5, with why", timed: always,
			parse: parseSeverity, run: runSeverity},
		{name: "action", aliases: []string{"ai", "todo", "followup"},
			forms: []string{"/action TITLE [@owner] [due:WHEN] [p0-p3] [-- description]"},
			help:  "add an action item (due: a date, friday, next fri, +3d, in 2 weeks)", timed: always,
			parse: parseActionCmd, run: runActionItem},
		{name: "done", forms: []string{"/done N"}, help: "mark action item N done", parse: parseDone, run: runDone},
		{name: "milestone", aliases: []string{"ms"}, ownsTime: true, forms: []string{"/milestone NAME [WHEN]", "/milestone NAME clear"},
			help: "started, detected, declared, mitigated or resolved; clear unsets it", timed: always,
			parse: parseMilestone, run: runMilestone},
		{name: "retro", forms: []string{"/retro SECTION text"},
			help: "a retro note: went-well, went-wrong, lucky, factor or lesson", parse: parseRetro, run: runRetro},
		{name: "set", forms: []string{"/set FIELD text"},
			help: "summary, impact, root-cause, trigger, resolution or title", parse: parseSet, run: runSet},
		{name: "update", forms: []string{"/update [text|markdown|slack]", "/update TEXT"},
			help:  "draft the stakeholder update in $EDITOR; saving logs it as comms and copies it (/update TEXT logs TEXT)",
			timed: logsComms,
			parse: parseUpdate, run: runUpdate},
		{name: "remind", aliases: []string{"reminder"}, ownsTime: true,
			forms: []string{"/remind SPAN text [@who]", "/remind done|dismiss [N]", "/remind snooze [N] [SPAN]"},
			help:  "a reminder, shown when due until done or dismissed (/remind 15m check replica lag @ana)",
			parse: parseRemind, run: runRemind},
		{name: "edit", forms: []string{"/edit FIELD"},
			help: "write summary, impact, root-cause, trigger or resolution in $EDITOR", parse: parseEditField, run: runEditField},
		{name: "file", aliases: []string{"github", "gh"}, forms: []string{"/file OWNER/NAME"},
			help: "file the open action items as GitHub issues (in Actions: the selected one)", parse: parseFile, run: runFile},
		{name: "filter", aliases: []string{"find"}, forms: []string{"/filter [text]"},
			help: "show only the events matching text; /filter alone shows all", parse: parseFilter, run: runFilter},
		{name: "utc", forms: []string{"/utc"}, help: "show and type times in UTC (again: the incident's zone)",
			parse: parseBare, run: runUTC},
		{name: "undo", aliases: []string{"u"}, forms: []string{"/undo"},
			help: "undo your last change (also ctrl+z): logs, edits, deletes, items, notes, imports", parse: parseBare, run: runUndo},
		{name: "list", aliases: []string{"incidents", "back"}, forms: []string{"/list"},
			help: "leave this incident for the incident list (an unsent line is kept)", parse: parseBare, run: runList},
		{name: "help", aliases: []string{"h", "?"}, forms: []string{"/help"}, help: "this help", parse: parseBare, run: runHelp},
	}
}

// always and logsComms are the timed of the command table.
func always(Command) bool { return true }

// logsComms: /update TEXT logs a comms line at a time; /update drafting in
// the editor has none.
func logsComms(c Command) bool { return c.Kind == incident.KindComms }

// lineForms are the lines that are not slash commands, for /help.
func lineForms() [][2]string {
	return [][2]string{
		{"text", "log a note at now"},
		{"14:05 text · -10m text", "log at an earlier time (any time form; a time ahead of now is refused)"},
		{"//text", "log text that starts with /"},
	}
}

// findCommand looks a typed name up in the table.
func findCommand(name string) *slashCommand {
	table := slashCommands()
	for i := range table {
		c := &table[i]
		if c.name == name {
			return c
		}
		for _, a := range c.aliases {
			if a == name {
				return c
			}
		}
	}
	for i := range table {
		if c := &table[i]; c.match != nil && c.match(name) {
			return c
		}
	}
	return nil
}

// ParseCommand reads one typed line. A leading time ("14:05 …", "-10m …",
// "2026-11-21 09:30 UTC …") sets when it happened, before a slash command
// or after its name ("/d 14:05 roll back"). now and zone anchor relative and
// clock times. Errors name what was wrong and what is accepted; a time ahead
// of now is one.
func ParseCommand(line string, now time.Time, zone *time.Location) (Command, error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return Command{}, incident.Errorf(incident.EINVALID, "nothing to log: type what happened")
	}
	at, line, err := leadingTime(line, now, zone)
	if err != nil {
		return Command{}, err
	}
	if !at.IsZero() && line == "" {
		return Command{}, incident.Errorf(incident.EINVALID, "only a time was typed: add what happened, e.g. \"14:05 paged the DB team\"")
	}
	if strings.HasPrefix(line, "//") {
		return Command{Op: OpLog, At: at, Kind: incident.KindNote, Text: line[1:]}, nil
	}
	if !strings.HasPrefix(line, "/") {
		return Command{Op: OpLog, At: at, Kind: incident.KindNote, Text: line}, nil
	}
	name, args, _ := strings.Cut(line[1:], " ")
	name = strings.ToLower(name)
	sc := findCommand(name)
	if sc == nil {
		return Command{}, incident.Errorf(incident.EINVALID, "unknown command /%s: type /help for the list (start with // to log text beginning with /)", name)
	}
	args = strings.TrimSpace(args)
	if at.IsZero() && !sc.ownsTime {
		if at, args, err = leadingTime(args, now, zone); err != nil {
			return Command{}, err
		}
	}
	c, err := sc.parse(slashInput{name: name, args: args, now: now, zone: zone, cmd: sc})
	if err != nil {
		return Command{}, err
	}
	c.Op = Op(sc.name)
	if !at.IsZero() && (sc.timed == nil || !sc.timed(c)) {
		return Command{}, incident.Errorf(incident.EINVALID, "/%s takes no time: a time in front is for lines, /status, /sev, roles, milestones, action items and comms updates; type the command without it", name)
	}
	if c.At.IsZero() {
		c.At = at
	}
	return c, nil
}
