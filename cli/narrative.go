package cli

import (
	"fmt"
	"strings"

	"scribe/incident"
)

// The narrative file `scribe edit` hands to the editor: a hint comment,
// then one "## Label" heading per field with the field's text below it.
//
// The format holds any text. A heading is a line that is exactly "## " and
// a field's label (any case, trailing blanks allowed); every other line is
// text, Markdown headings of the user's own ("## Details") included. A text
// line that would read as a heading is written with a backslash in front
// ("\## Impact", which Markdown shows as "## Impact"), as is one that reads
// like a misspelt heading ("## Impacts") and one that already starts with
// backslashes before "## ", one more each time; reading removes one. So
// render and parse are inverse for every value.

// editedFields are the sections of the edit file, in order.
var editedFields = []incident.Field{
	incident.FieldTitle, incident.FieldSummary, incident.FieldImpact, incident.FieldServices,
	incident.FieldRootCause, incident.FieldTrigger, incident.FieldResolution,
}

const narrativeHint = "<!-- Edit the sections below and save. Keep the \"## \" headings; an empty section clears the field. " +
	"A line of your own that reads like one of the headings needs a backslash: \\## Impact. -->\n"

// renderNarrative writes the incident's narrative as Markdown sections.
func renderNarrative(inc incident.Incident) string {
	var b strings.Builder
	b.WriteString(narrativeHint)
	for _, f := range editedFields {
		fmt.Fprintf(&b, "\n## %s\n\n", f.Label())
		v := inc.Get(f)
		if v == "" {
			continue
		}
		for _, line := range strings.Split(strings.ReplaceAll(v, "\r\n", "\n"), "\n") {
			if escapedHeading(line) || headingField(line) != "" || nearHeading(line) != "" {
				line = `\` + line
			}
			b.WriteString(line)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// headingField is the field a line heads, or "".
func headingField(line string) incident.Field {
	rest, ok := strings.CutPrefix(line, "## ")
	if !ok {
		return ""
	}
	name := strings.ToLower(strings.TrimSpace(rest))
	for _, f := range editedFields {
		if strings.ToLower(f.Label()) == name {
			return f
		}
	}
	return ""
}

// escapedHeading reports a line of backslashes followed by "## ".
func escapedHeading(line string) bool {
	t := strings.TrimLeft(line, `\`)
	return len(t) < len(line) && strings.HasPrefix(t, "## ")
}

// parseNarrative reads the sections back. A heading that is neither a field
// nor text the user meant (it looks like a misspelt label: "## Sumary") is
// an error, so that a typo never moves a section's text into another
// field; a field whose heading is missing is left as it is.
func parseNarrative(text string) (map[incident.Field]string, error) {
	values := map[incident.Field]string{}
	var current incident.Field
	var body []string
	flush := func() {
		if current != "" {
			values[current] = strings.TrimSpace(strings.Join(body, "\n"))
		}
		body = body[:0]
	}
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if f := headingField(line); f != "" {
			if _, dup := values[f]; dup || f == current {
				return nil, incident.Errorf(incident.EINVALID, "line %d: the %s section appears twice: keep one (a line of text that reads like the heading is written \\%s)", i+1, f.Label(), strings.TrimSpace(line))
			}
			flush()
			current = f
			continue
		}
		if near := nearHeading(line); near != "" {
			return nil, incident.Errorf(incident.EINVALID, "line %d: %s looks like the %s heading misspelt: fix it, or write \\%s to keep it as text",
				i+1, incident.Quote(strings.TrimSpace(line)), near.Label(), strings.TrimSpace(line))
		}
		if escapedHeading(line) {
			line = line[1:]
		}
		if current == "" {
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "<!--") {
				return nil, incident.Errorf(incident.EINVALID, "line %d: text before the first section: %s", i+1, incident.Quote(t))
			}
			continue
		}
		body = append(body, line)
	}
	flush()
	if current == "" && len(values) == 0 {
		return nil, incident.Errorf(incident.EINVALID, "no sections: the file needs the \"## \" headings it was opened with (Title, Summary, Impact, Services, Root cause, Trigger, Resolution)")
	}
	if v, ok := values[incident.FieldServices]; ok {
		// One service a line reads as well as a comma-separated list.
		values[incident.FieldServices] = strings.Join(incident.ParseServices(strings.ReplaceAll(v, "\n", ",")), ", ")
	}
	return values, nil
}

// nearHeading is the field whose heading line is within two edits of
// line (but not equal to it), or "".
func nearHeading(line string) incident.Field {
	rest, ok := strings.CutPrefix(line, "## ")
	if !ok {
		return ""
	}
	name := strings.ToLower(strings.TrimSpace(rest))
	for _, f := range editedFields {
		if d := editDistance(name, strings.ToLower(f.Label())); d > 0 && d <= 2 {
			return f
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between two short strings; it
// gives up (returns 3) for long ones, which are never a misspelt label.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 40 || len(rb) > 40 {
		return 3
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
