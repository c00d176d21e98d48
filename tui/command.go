package tui

import (
	"strings"
	"time"

	"scribe/incident"
)

// Op is what a line typed into the input asks for.
type Op int

// The operations a typed line can ask for.
const (
	OpLog        Op = iota // append an event of Kind with Text
	OpRole                 // hand Role to Person
	OpStatus               // change the state to State, with Text as message
	OpSeverity             // change the severity
	OpActionItem           // add Item as an action item
	OpMilestone            // set Milestone
	OpRetro                // add a retro note Text to Section
	OpSet                  // set the incident's Field to Text
	OpDone                 // mark action item ItemID done
	OpEdit                 // write Field in $EDITOR
	OpFile                 // file action items as GitHub issues in Repo
	OpFilter               // show only the events matching Text ("" = all)
	OpUTC                  // toggle showing and reading times in UTC
	OpUndo                 // undo the last change made in this session
	OpHelp                 // list the commands
)

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
	Item      incident.ActionItem
	Section   incident.RetroSection
	Field     incident.Field
	ItemID    int64
	Repo      string
}

// CommandHelp lists the slash commands, one per line, for /help and the
// full help screen.
var CommandHelp = []string{
	"text                       log a note at now",
	"14:05 text · -10m text     log at an earlier time (any time form)",
	"/d /a /o /c /n text        decision, action, observation, comms, note",
	"/kind KIND text            log with any kind",
	"/ic NAME                   hand the incident commander role to NAME",
	"/role ROLE NAME            hand any role (ops, comms, scribe, …)",
	"/status STATE [message]    investigating|identified|monitoring|resolved",
	"/sev N                     severity 1 (worst) to 5",
	"/action TITLE [@owner] [due:YYYY-MM-DD] [p1]   add an action item",
	"/done N                    mark action item N done",
	"/milestone NAME [WHEN]     started|detected|declared|mitigated|resolved",
	"/retro SECTION text        went-well|went-wrong|lucky|factor|lesson",
	"/set FIELD text            summary|impact|root-cause|trigger|resolution|title",
	"/edit FIELD                write summary, impact, root-cause, trigger or resolution in $EDITOR",
	"/file OWNER/NAME           file open action items as GitHub issues (in Actions: the selected one)",
	"/filter [text]             show only matching events; /filter alone shows all",
	"/utc                       show and type times in UTC (again: the incident's zone)",
	"/undo                      undo your last change (log, edit, pin, delete, import)",
	"//text                     log text that starts with /",
}

// commandUsage is the one-line error hint for a malformed command.
var commandUsage = map[string]string{
	"ic":        "/ic NAME",
	"role":      "/role ROLE NAME",
	"status":    "/status STATE [message]",
	"sev":       "/sev N (1 worst … 5)",
	"action":    "/action TITLE [@owner] [due:YYYY-MM-DD] [p0-p3]",
	"milestone": "/milestone NAME [WHEN]",
	"kind":      "/kind KIND text",
	"retro":     "/retro SECTION text",
	"set":       "/set FIELD text",
	"done":      "/done N",
	"edit":      "/edit summary|impact|root-cause|trigger|resolution",
	"file":      "/file OWNER/NAME",
}

// ParseCommand reads one typed line. A leading time ("14:05 …", "-10m …",
// "2026-11-21 09:30 UTC …") sets when it happened, before a slash command
// or after its name ("/d 14:05 roll back"). now and zone anchor relative and
// clock times. Errors name what was wrong and what is accepted.
func ParseCommand(line string, now time.Time, zone *time.Location) (Command, error) {
	line = strings.TrimSpace(line)
	if line == "" {
		return Command{}, incident.Errorf(incident.EINVALID, "nothing to log: type what happened")
	}
	var at time.Time
	if t, rest, ok := incident.SplitLeadingTime(line, now, zone); ok {
		at, line = t, strings.TrimSpace(rest)
		if line == "" {
			return Command{}, incident.Errorf(incident.EINVALID, "only a time was typed: add what happened, e.g. \"14:05 paged the DB team\"")
		}
	}
	if strings.HasPrefix(line, "//") {
		return Command{Op: OpLog, At: at, Kind: incident.KindNote, Text: line[1:]}, nil
	}
	if !strings.HasPrefix(line, "/") {
		return Command{Op: OpLog, At: at, Kind: incident.KindNote, Text: line}, nil
	}
	name, args, _ := strings.Cut(line[1:], " ")
	name = strings.ToLower(name)
	args = strings.TrimSpace(args)
	if at.IsZero() && name != "milestone" && name != "ms" {
		if t, rest, ok := incident.SplitLeadingTime(args, now, zone); ok {
			at, args = t, strings.TrimSpace(rest)
		}
	}
	c, err := parseSlash(name, args, now, zone)
	if err != nil {
		return Command{}, err
	}
	if c.At.IsZero() {
		c.At = at
	}
	return c, nil
}

func usage(name string) error {
	return incident.Errorf(incident.EINVALID, "usage: %s", commandUsage[name])
}

func parseSlash(name, args string, now time.Time, zone *time.Location) (Command, error) {
	switch name {
	case "help", "h", "?":
		return Command{Op: OpHelp}, nil
	case "undo", "u":
		return Command{Op: OpUndo}, nil
	case "ic", "commander":
		if args == "" {
			return Command{}, usage("ic")
		}
		return Command{Op: OpRole, Role: incident.RoleCommander, Person: args}, nil
	case "role":
		role, person, _ := strings.Cut(args, " ")
		person = strings.TrimSpace(person)
		if role == "" || person == "" {
			return Command{}, usage("role")
		}
		canon, err := incident.CanonicalRole(role)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpRole, Role: canon, Person: person}, nil
	case "status", "s":
		word, msg, _ := strings.Cut(args, " ")
		if word == "" {
			return Command{}, usage("status")
		}
		st, err := incident.ParseState(word)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpStatus, State: st, Text: strings.TrimSpace(msg)}, nil
	case "sev", "severity":
		if args == "" {
			return Command{}, usage("sev")
		}
		sev, err := incident.ParseSeverity(args)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpSeverity, Severity: sev}, nil
	case "action", "ai", "todo", "followup":
		item, err := parseActionItem(args)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpActionItem, Item: item}, nil
	case "done":
		id, err := parseItemID(args)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpDone, ItemID: id}, nil
	case "milestone", "ms":
		word, when, _ := strings.Cut(args, " ")
		if word == "" {
			return Command{}, usage("milestone")
		}
		m, err := incident.ParseMilestone(word)
		if err != nil {
			return Command{}, err
		}
		c := Command{Op: OpMilestone, Milestone: m}
		if when = strings.TrimSpace(when); when != "" {
			t, err := incident.ParseWhen(when, now, zone)
			if err != nil {
				return Command{}, err
			}
			c.At = t
		}
		return c, nil
	case "kind", "k":
		word, text, _ := strings.Cut(args, " ")
		if word == "" || strings.TrimSpace(text) == "" {
			return Command{}, usage("kind")
		}
		k, err := incident.ParseKind(word, false)
		if err != nil {
			return Command{}, err
		}
		return logCommand(k, text)
	case "retro":
		word, text, _ := strings.Cut(args, " ")
		if word == "" || strings.TrimSpace(text) == "" {
			return Command{}, usage("retro")
		}
		sec, err := incident.ParseRetroSection(word)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpRetro, Section: sec, Text: strings.TrimSpace(text)}, nil
	case "edit":
		if args == "" {
			return Command{}, usage("edit")
		}
		f, err := incident.ParseField(args)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpEdit, Field: f}, nil
	case "file", "github", "gh":
		owner, name, ok := strings.Cut(args, "/")
		if args == "" || strings.ContainsAny(args, " \t") {
			return Command{}, usage("file")
		}
		if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
			return Command{}, incident.Errorf(incident.EINVALID, "invalid repository %q: use OWNER/NAME, e.g. /file acme/payments", args)
		}
		return Command{Op: OpFile, Repo: args}, nil
	case "utc":
		return Command{Op: OpUTC}, nil
	case "filter", "find":
		return Command{Op: OpFilter, Text: args}, nil
	case "set":
		word, text, _ := strings.Cut(args, " ")
		if word == "" || strings.TrimSpace(text) == "" {
			return Command{}, usage("set")
		}
		f, err := incident.ParseField(word)
		if err != nil {
			return Command{}, err
		}
		return Command{Op: OpSet, Field: f, Text: strings.TrimSpace(text)}, nil
	}
	// Kind names and their short forms: /d, /decision, /obs, …
	if k, err := incident.ParseKind(name, false); err == nil {
		if args == "" {
			return Command{}, incident.Errorf(incident.EINVALID, "/%s needs text: /%s what happened", name, name)
		}
		return logCommand(k, args)
	}
	return Command{}, incident.Errorf(incident.EINVALID, "unknown command /%s: type /help for the list (start with // to log text beginning with /)", name)
}

func logCommand(k incident.Kind, text string) (Command, error) {
	return Command{Op: OpLog, Kind: k, Text: strings.TrimSpace(text)}, nil
}

// parseActionItem reads "TITLE [@owner] [due:DATE] [p1]": the tagged words
// may appear anywhere; the other words form the title.
func parseActionItem(args string) (incident.ActionItem, error) {
	var item incident.ActionItem
	var title []string
	for _, w := range strings.Fields(args) {
		lw := strings.ToLower(w)
		switch {
		case strings.HasPrefix(w, "@") && len(w) > 1:
			if item.Owner != "" {
				return item, incident.Errorf(incident.EINVALID, "two owners (%s and %s): an action item has one owner", item.Owner, w[1:])
			}
			item.Owner = w[1:]
		case strings.HasPrefix(lw, "due:"):
			due := w[len("due:"):]
			if _, err := time.Parse(incident.DateLayout, due); err != nil {
				return item, incident.Errorf(incident.EINVALID, "invalid due date %q: use due:YYYY-MM-DD", due)
			}
			item.Due = due
		case len(lw) == 2 && lw[0] == 'p' && lw[1] >= '0' && lw[1] <= '3':
			item.Priority = incident.Priority(strings.ToUpper(lw))
		default:
			title = append(title, w)
		}
	}
	item.Title = strings.Join(title, " ")
	if item.Title == "" {
		return item, usage("action")
	}
	if err := incident.ValidateTitle(item.Title); err != nil {
		return item, incident.Errorf(incident.EINVALID, "action item %s", incident.ErrorMessage(err))
	}
	return item, nil
}

func parseItemID(s string) (int64, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	var id int64
	if s == "" {
		return 0, usage("done")
	}
	for _, r := range s {
		if r < '0' || r > '9' || id > 1e15 {
			return 0, incident.Errorf(incident.EINVALID, "invalid action item number %q: use /done N with the number shown in the Actions pane", s)
		}
		id = id*10 + int64(r-'0')
	}
	return id, nil
}
