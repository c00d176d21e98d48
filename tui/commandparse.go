package tui

import (
	"strings"
	"time"

	"scribe/incident"
	ghub "scribe/integrations/github"
)

// The parse functions of the command table: each reads one command's
// arguments into a Command, or says what is wrong and what is accepted.

// leadingTime takes a time off the front of s. A leading time that is
// refused (ahead of now: incident.CutLeadingTime says which date it would
// have had) or a time-shaped first word that is no time ("25:70") is an
// error: the line is a typo to fix, never a line to log at another time or
// as text.
func leadingTime(s string, now time.Time, zone *time.Location) (time.Time, string, error) {
	t, rest, found, err := incident.CutLeadingTime(s, now, zone)
	if err != nil {
		return time.Time{}, s, err
	}
	if found {
		return t, strings.TrimSpace(rest), nil
	}
	if f := strings.Fields(s); len(f) > 0 && looksLikeTime(f[0]) {
		if _, err := incident.ParseWhen(f[0], now, zone); err != nil {
			return time.Time{}, s, err
		}
	}
	return time.Time{}, s, nil
}

// looksLikeTime reports whether a word was probably meant as a time, so a
// mistyped one ("25:70") is reported rather than kept as text.
func looksLikeTime(w string) bool {
	if strings.HasPrefix(w, "-") && len(w) > 1 && w[1] >= '0' && w[1] <= '9' {
		return true
	}
	return len(w) > 0 && w[0] >= '0' && w[0] <= '9' && strings.Contains(w, ":")
}

func isKindName(name string) bool {
	_, err := incident.ParseKind(name, false)
	return err == nil
}

// parseLog reads /kind KIND text, /log text and the kind names (/d text).
func parseLog(in slashInput) (Command, error) {
	kindWord, text := in.name, in.args
	switch in.name {
	case "kind", "k":
		kindWord, text, _ = strings.Cut(in.args, " ")
		if kindWord == "" || strings.TrimSpace(text) == "" {
			return Command{}, in.usage()
		}
	case "log":
		kindWord = string(incident.KindNote)
	}
	k, err := incident.ParseKind(kindWord, false)
	if err != nil {
		return Command{}, err
	}
	if strings.TrimSpace(text) == "" {
		return Command{}, incident.Errorf(incident.EINVALID, "/%s needs text: /%s what happened", in.name, in.name)
	}
	return Command{Kind: k, Text: strings.TrimSpace(text)}, nil
}

func parseIC(in slashInput) (Command, error) {
	if in.args == "" {
		return Command{}, in.usage()
	}
	return Command{Role: incident.RoleCommander, Person: in.args}, nil
}

func parseRole(in slashInput) (Command, error) {
	role, person, _ := strings.Cut(in.args, " ")
	person = strings.TrimSpace(person)
	if role == "" || person == "" {
		return Command{}, in.usage()
	}
	canon, err := incident.CanonicalRole(role)
	if err != nil {
		return Command{}, err
	}
	return Command{Role: canon, Person: person}, nil
}

func parseStatus(in slashInput) (Command, error) {
	word, msg, _ := strings.Cut(in.args, " ")
	if word == "" {
		return Command{}, in.usage()
	}
	st, err := incident.ParseState(word)
	if err != nil {
		return Command{}, err
	}
	return Command{State: st, Text: strings.TrimSpace(msg)}, nil
}

// parseSeverity reads /sev N [reason]: the reason goes into the timeline
// with the change.
func parseSeverity(in slashInput) (Command, error) {
	word, reason, _ := strings.Cut(in.args, " ")
	if word == "" {
		return Command{}, in.usage()
	}
	sev, err := incident.ParseSeverity(word)
	if err != nil {
		return Command{}, err
	}
	return Command{Severity: sev, Text: strings.TrimSpace(reason)}, nil
}

func parseActionCmd(in slashInput) (Command, error) {
	item, err := parseActionItem(in.args, in.now, in.zone)
	if err != nil {
		return Command{}, err
	}
	if item.Title == "" {
		return Command{}, in.usage()
	}
	return Command{Item: item}, nil
}

func parseDone(in slashInput) (Command, error) {
	s := strings.TrimPrefix(in.args, "#")
	if s == "" {
		return Command{}, in.usage()
	}
	var id int64
	for _, r := range s {
		if r < '0' || r > '9' || id > 1e15 {
			return Command{}, incident.Errorf(incident.EINVALID, "invalid action item number %q: use /done N with the number shown in the Actions pane", s)
		}
		id = id*10 + int64(r-'0')
	}
	return Command{ItemID: id}, nil
}

// parseMilestone reads /milestone NAME [WHEN] and /milestone NAME clear.
func parseMilestone(in slashInput) (Command, error) {
	word, rest, _ := strings.Cut(in.args, " ")
	if word == "" {
		return Command{}, in.usage()
	}
	m, err := incident.ParseMilestone(word)
	if err != nil {
		return Command{}, err
	}
	c := Command{Milestone: m}
	switch rest = strings.TrimSpace(rest); strings.ToLower(rest) {
	case "":
	case "clear", "unset", "none":
		c.Clear = true
	default:
		t, err := incident.ParseWhen(rest, in.now, in.zone)
		if err != nil {
			return Command{}, err
		}
		c.At = t
	}
	return c, nil
}

func parseRetro(in slashInput) (Command, error) {
	word, text, _ := strings.Cut(in.args, " ")
	if word == "" || strings.TrimSpace(text) == "" {
		return Command{}, in.usage()
	}
	sec, err := incident.ParseRetroSection(word)
	if err != nil {
		return Command{}, err
	}
	return Command{Section: sec, Text: strings.TrimSpace(text)}, nil
}

func parseSet(in slashInput) (Command, error) {
	word, text, _ := strings.Cut(in.args, " ")
	if word == "" || strings.TrimSpace(text) == "" {
		return Command{}, in.usage()
	}
	f, err := incident.ParseField(word)
	if err != nil {
		return Command{}, err
	}
	return Command{Field: f, Text: strings.TrimSpace(text)}, nil
}

func parseEditField(in slashInput) (Command, error) {
	if in.args == "" {
		return Command{}, in.usage()
	}
	f, err := incident.ParseField(in.args)
	if err != nil {
		return Command{}, err
	}
	return Command{Field: f}, nil
}

// parseFile reads /file OWNER/NAME with the GitHub integration's own rule
// for repository names.
func parseFile(in slashInput) (Command, error) {
	if in.args == "" || strings.ContainsAny(in.args, " \t") {
		return Command{}, in.usage()
	}
	r, err := ghub.ParseRepo(in.args)
	if err != nil {
		return Command{}, err
	}
	return Command{Repo: r.String()}, nil
}

func parseFilter(in slashInput) (Command, error) { return Command{Text: in.args}, nil }

// parseBare reads a command that takes no arguments.
func parseBare(in slashInput) (Command, error) {
	if in.args != "" {
		return Command{}, incident.Errorf(incident.EINVALID, "/%s takes nothing after it: usage: %s", in.name, in.cmd.forms[0])
	}
	return Command{}, nil
}

// parseActionItem reads "TITLE [@owner] [due:WHEN] [pN] [-- description]":
// the tagged words may appear anywhere before the description; the other
// words form the title, which the caller requires. The Actions pane's e
// reads the same line, and writes a word of the title that would read as a
// tag with a backslash in front (\p1, \@security, \--).
func parseActionItem(args string, now time.Time, zone *time.Location) (incident.ActionItem, error) {
	var item incident.ActionItem
	head, desc, _ := strings.Cut(args, " -- ")
	if d, ok := strings.CutSuffix(strings.TrimSpace(head), " --"); ok {
		head = d
	}
	item.Description = strings.TrimSpace(desc)
	var title []string
	words := strings.Fields(head)
	for i := 0; i < len(words); i++ {
		w := words[i]
		lw := strings.ToLower(w)
		switch {
		case strings.HasPrefix(w, "@") && len(w) > 1:
			owner, used, err := readOwner(w[1:], words[i+1:])
			if err != nil {
				return item, err
			}
			if item.Owner != "" {
				return item, incident.Errorf(incident.EINVALID, "two owners (%s and %s): an action item has one owner", item.Owner, owner)
			}
			item.Owner = owner
			i += used
		case strings.HasPrefix(lw, "due:"):
			if item.Due != "" {
				return item, incident.Errorf(incident.EINVALID, "two due dates: an action item has one")
			}
			due, used, err := readDue(w[len("due:"):], words[i+1:], now, zone)
			if err != nil {
				return item, err
			}
			item.Due = due
			i += used
		case isPriorityWord(lw):
			if item.Priority != "" {
				return item, incident.Errorf(incident.EINVALID, "two priorities (%s and %s): an action item has one, P0 (most urgent) to P3", item.Priority, strings.ToUpper(lw))
			}
			item.Priority = incident.Priority(strings.ToUpper(lw))
		case strings.HasPrefix(w, `\`) && needsEscape(w[1:]):
			title = append(title, w[1:]) // \p1: the word, not a tag
		default:
			title = append(title, w)
		}
	}
	item.Title = strings.Join(title, " ")
	if item.Title == "" {
		return item, nil
	}
	check := item
	check.State = incident.ItemOpen
	return item, check.Validate()
}

// readOwner reads an owner after its "@": one word is a GitHub login and
// is kept with its "@" (@ken is "@ken", as `action add --owner @ken`
// stores it, so that filing assigns the issue to ken); a name in quotes
// (@"Rosa M.", @"payments team", @"ken") is a name, not a login, which
// the Actions pane's e writes for such an owner. used is how many of more
// it took.
func readOwner(first string, more []string) (owner string, used int, err error) {
	if !strings.HasPrefix(first, `"`) {
		return "@" + first, 0, nil
	}
	words := []string{first[1:]}
	for n := 0; ; n++ {
		if last := words[len(words)-1]; strings.HasSuffix(last, `"`) {
			words[len(words)-1] = strings.TrimSuffix(last, `"`)
			owner = strings.TrimSpace(strings.Join(words, " "))
			if owner == "" {
				return "", 0, incident.Errorf(incident.EINVALID, `the owner in quotes is empty: write @name or @"a name of several words"`)
			}
			return owner, n, nil
		}
		if n == len(more) {
			return "", 0, incident.Errorf(incident.EINVALID, `the owner @"%s has no closing quote: write @"a name of several words"`, strings.Join(words, " "))
		}
		words = append(words, more[n])
	}
}

// needsEscape reports whether w, a word of an item's title, would read as
// a tag of /action (or as an escaped word) unless written with a
// backslash in front.
func needsEscape(w string) bool {
	lw := strings.ToLower(w)
	return (strings.HasPrefix(w, "@") && len(w) > 1) || strings.HasPrefix(lw, "due:") || isPriorityWord(lw) ||
		w == "--" || (strings.HasPrefix(w, `\`) && needsEscape(w[1:]))
}

func isPriorityWord(lw string) bool {
	return len(lw) == 2 && lw[0] == 'p' && lw[1] >= '0' && lw[1] <= '3'
}

// readDue reads a due date that starts with first and may take up to two
// more words ("due:next friday", "due:in 2 weeks"): the longest reading
// wins. used is how many of more it took.
func readDue(first string, more []string, now time.Time, zone *time.Location) (due string, used int, err error) {
	for n := min(len(more), 2); n >= 0; n-- {
		s := strings.Join(append([]string{first}, more[:n]...), " ")
		if d, derr := parseDue(s, now, zone); derr == nil {
			return d, n, nil
		} else if n == 0 {
			err = derr
		}
	}
	return "", 0, err
}

// parseDue reads one due date: a date, friday, next fri, +3d, … in the
// incident's calendar (incident.ParseDue).
func parseDue(s string, now time.Time, zone *time.Location) (string, error) {
	return incident.ParseDue(s, now, zone)
}
