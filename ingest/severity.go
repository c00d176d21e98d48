package ingest

import (
	"strconv"
	"strings"
	"unicode"

	"scribe/incident"
)

// severityLines is how far into a document its severity is looked for: a
// postmortem states it in its header fields, above the story, and a
// "severity 1 work" in the story is no statement about this incident.
const severityLines = 60

// severityWords are the words postmortem templates rate an incident with,
// as scribe's SEV1 (worst) to SEV4.
var severityWords = map[string]incident.Severity{
	"critical": 1, "emergency": 1, "sev0": 1, "sev-0": 1,
	"major": 2, "high": 2, "severe": 2,
	"moderate": 3, "medium": 3,
	"minor": 4, "low": 4,
}

// statedSeverity is the severity a document's header states, 0 when it
// states none: a field ("Severity: SEV-2", "**Severity:** Critical", a
// "| Severity | High |" row) or a Severity heading over its value
// ("## Severity" then "**Critical** – …"). A value scribe cannot read as
// one ("None critical – internal only") states nothing.
func statedSeverity(text string) incident.Severity {
	lines := strings.SplitN(text, "\n", severityLines+1)
	lines = lines[:min(len(lines), severityLines)]
	underLabel := false
	for _, line := range lines {
		s := strings.TrimSpace(line)
		switch {
		case s == "":
			continue
		case underLabel:
			return severityValue(s)
		}
		value, ok := severityField(s)
		if !ok {
			continue
		}
		if value == "" {
			underLabel = true // the value is on the next line
			continue
		}
		if sev := severityValue(value); sev != 0 {
			return sev
		}
	}
	return 0
}

// severityField reads a line that names the severity, giving the value
// written after the label ("" when the line is the label alone, a heading
// over its value). ok is false for any other line.
func severityField(s string) (value string, ok bool) {
	t := strings.TrimLeft(s, "#|-*_> \t")
	lower := strings.ToLower(t)
	for _, label := range []string{"incident severity", "severity level", "severity", "sev"} {
		if !strings.HasPrefix(lower, label) {
			continue
		}
		rest := t[len(label):]
		if rest != "" && (unicode.IsLetter(rune(rest[0])) || unicode.IsDigit(rune(rest[0]))) {
			return "", false // "Severely", "Sev1 incident"
		}
		rest = strings.TrimLeft(rest, "*_ \t")
		if rest == "" || strings.Trim(rest, ":|*_ \t") == "" {
			return "", true
		}
		if strings.IndexAny(rest, ":|–—-=") != 0 {
			return "", false // "Severity of the outage was…"
		}
		return strings.TrimSpace(strings.TrimLeft(rest, ":|–—-= *_\t")), true
	}
	return "", false
}

// severityValue reads a severity from the start of a value: "SEV-2",
// "Sev 1", "S3", "2", "**Critical** – …", "High (customer facing)".
func severityValue(v string) incident.Severity {
	fields := strings.FieldsFunc(v, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	if len(fields) == 0 {
		return 0
	}
	word := strings.ToLower(strings.Trim(fields[0], "-"))
	if sev, ok := severityWords[word]; ok {
		return sev
	}
	n := word
	switch {
	case strings.HasPrefix(n, "sev"):
		n = strings.TrimLeft(n[3:], "-")
	case len(n) == 2 && n[0] == 's':
		n = n[1:]
	}
	if n == "" && len(fields) > 1 {
		n = fields[1] // "Sev 2"
	}
	if n == "0" {
		return incident.SevWorst
	}
	sev, err := strconv.Atoi(n)
	if err != nil || !incident.Severity(sev).Valid() {
		return 0
	}
	return incident.Severity(sev)
}
