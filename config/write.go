package config

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"scribe/incident"
	"scribe/update"
)

// Write writes c as a config.toml that Parse reads back to the same
// policy, with comments saying what each key does: `scribe config
// --default` prints the built-in policy this way, as a starting point.
func Write(w io.Writer, c Config) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# scribe's policy for running incidents (config.toml).\n")
	p("# Every key is optional: what a file leaves out keeps scribe's default.\n")
	p("# update_every: how often stakeholders get an update (\"20m\", \"1h30m\", or \"none\").\n")
	p("# checklist: steps attached when an incident is declared at, or escalated to, the severity.\n")
	for sev := incident.SevWorst; sev <= incident.SevLeast; sev++ {
		s := c.For(sev)
		every := incident.FormatEvery(s.UpdateEvery)
		if every == "" {
			every = "none"
		}
		p("\n[sev%d]\nupdate_every = %s\n", sev, quote(every))
		if len(s.Checklist) == 0 {
			p("checklist = []\n")
			continue
		}
		p("checklist = [\n")
		for _, item := range s.Checklist {
			p("  %s,\n", quote(item))
		}
		p("]\n")
	}
	src := c.UpdateTemplateSource
	if src == "" {
		src = update.DefaultTemplateSource()
	}
	p("\n# The stakeholder update (scribe update N): a Go text/template over update.Draft.\n[update]\n")
	p("template = %s\n", multiline(src))
	p("\n# Deadlines of follow-ups without a due date, by priority (\"2w\", \"30d\", or \"none\"),\n")
	p("# counted from the later of the item's creation and the incident's resolution.\n[followups]\n")
	for _, pr := range incident.Priorities {
		p("%s = %s\n", pr, quote(deadlineText(c.FollowUps.Deadlines[pr])))
	}
	p("unprioritized = %s\n", quote(deadlineText(c.FollowUps.Unprioritized)))
	return bw.Flush()
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// multiline writes s as a TOML multi-line literal string when it can (the
// template reads as written), else as a basic string. The newline after
// the opening quotes is dropped by TOML, so the value is s exactly.
func multiline(s string) string {
	if strings.Contains(s, "'''") || strings.HasSuffix(s, "'") || strings.ContainsAny(s, "\r\x00") {
		return quote(s)
	}
	return "'''\n" + s + "'''"
}

// deadlineText writes a deadline as [followups] takes it: "2w", "30d",
// "12h", or "none".
func deadlineText(d time.Duration) string {
	switch {
	case d <= 0:
		return "none"
	case d%incident.Week == 0:
		return strconv.FormatInt(int64(d/incident.Week), 10) + "w"
	case d%(24*time.Hour) == 0:
		return strconv.FormatInt(int64(d/(24*time.Hour)), 10) + "d"
	}
	return incident.FormatEvery(d)
}
