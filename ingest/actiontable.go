package ingest

import (
	"strings"

	"scribe/incident"
)

// actionTable is what an action-item table's header says: which column
// holds what.
type actionTable struct {
	title, desc, owner, priority, due, state, link int // -1 when the table has none
	body                                           bool
}

// actionColumns name a table's columns, by the first words of their
// headers; their order is their precedence.
var actionColumns = []struct {
	words []string
	col   func(*actionTable) *int
}{
	{[]string{"owner", "owners", "assignee", "assigned", "who", "responsible", "dri", "team"}, func(t *actionTable) *int { return &t.owner }},
	{[]string{"priority", "prio", "p", "severity"}, func(t *actionTable) *int { return &t.priority }},
	{[]string{"due", "deadline", "eta", "target", "when", "date", "by", "expected"}, func(t *actionTable) *int { return &t.due }},
	{[]string{"status", "state", "done", "complete", "completed"}, func(t *actionTable) *int { return &t.state }},
	{[]string{"ticket", "issue", "link", "jira", "tracking", "tracker", "url", "pr", "id", "key", "ref", "bug"}, func(t *actionTable) *int { return &t.link }},
	{[]string{"action", "actions", "item", "items", "task", "tasks", "title", "what", "step", "steps", "follow", "followup", "remediation", "work", "change", "fix", "name"}, func(t *actionTable) *int { return &t.title }},
	{[]string{"description", "details", "detail", "notes", "note", "why", "rationale", "context"}, func(t *actionTable) *int { return &t.desc }},
}

// actionRow reads a row of a table in an action section: the header, the
// separator, then one item a row.
func (d *documentParts) actionRow(lead string, docYear int) {
	cells := tableCells(lead)
	if d.table == nil {
		t := &actionTable{title: -1, desc: -1, owner: -1, priority: -1, due: -1, state: -1, link: -1}
		for i, c := range cells {
			w := strings.ToLower(letters(strings.TrimLeft(strings.ToLower(cleanInline(c)), "*_# "), 0))
			for _, ac := range actionColumns {
				if col := ac.col(t); *col < 0 && contains(ac.words, w) {
					*col = i
					break
				}
			}
		}
		if t.title < 0 && t.desc >= 0 {
			t.title, t.desc = t.desc, -1 // "| Description | Owner |": the description is the item
		}
		if t.title < 0 {
			// The first column no other name took ("#" columns aside).
			for i, c := range cells {
				if i != t.owner && i != t.priority && i != t.due && i != t.state && i != t.link && strings.Trim(c, "#* ") != "" {
					t.title = i
					break
				}
			}
		}
		d.table = t
		d.listed = true
		return
	}
	if !d.table.body && separatorRow(cells) {
		d.table.body = true
		return
	}
	d.table.item(cells, d, docYear)
}

// barRow reports whether a line of an action section is a table row
// written without outer bars ("Task | Owner | Status", or cells split by
// tabs): three columns or more, or two once such a table has begun.
func (d *documentParts) barRow(lead string) bool {
	if _, listed := listItem(lead); listed {
		return false
	}
	n := max(strings.Count(lead, " | "), strings.Count(lead, "\t"))
	return n >= 2 || n == 1 && (d.table != nil || twoColumnHeader(lead))
}

// twoColumnHeader reports a row of two cells that both name action-table
// columns ("Action Item<TAB>Owner", "Task | Due"): the header of a table
// copied without its bars, though it has a single separator.
func twoColumnHeader(lead string) bool {
	cells := strings.Split(strings.ReplaceAll(lead, " | ", "\t"), "\t")
	if len(cells) != 2 {
		return false
	}
	for _, c := range cells {
		w := strings.ToLower(letters(strings.TrimLeft(strings.ToLower(cleanInline(c)), "*_# "), 0))
		named := false
		for _, ac := range actionColumns {
			named = named || contains(ac.words, w)
		}
		if !named || len(c) > 30 {
			return false
		}
	}
	return true
}

// barCells writes a row without outer bars, its cells split by " | " or,
// as a table copied from a web page has them, by tabs, as a table row.
func barCells(lead string) string {
	if strings.Count(lead, "\t") > strings.Count(lead, " | ") {
		lead = strings.ReplaceAll(lead, "\t", " | ")
	}
	return "| " + lead + " |"
}

// shoutedDone reports a row that says it is done in capitals at the end of
// a cell, as the SRE book's template does in its Bug column ("Bug 5554825
// **DONE**"), when the table has no state column.
func shoutedDone(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimRight(cleanInline(c), " *_.")
		for _, w := range []string{"DONE", "FIXED", "COMPLETED", "COMPLETE"} {
			if c == w || strings.HasSuffix(c, " "+w) {
				return true
			}
		}
	}
	return false
}

// noOwner reports an owner cell that names nobody ("TBD", "unassigned").
func noOwner(o string) bool {
	for _, w := range []string{"tbd", "n/a", "none", "unassigned", "nobody", "?", "tba"} {
		if strings.EqualFold(o, w) {
			return true
		}
	}
	return false
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// item makes one row an action item.
func (t *actionTable) item(cells []string, d *documentParts, docYear int) {
	title := entryText(cleanInline(cellAt(cells, t.title)))
	if title == "" {
		return
	}
	if !d.addItem(title, 0, 0, d.done, docYear) {
		return
	}
	it := &d.items[len(d.items)-1]
	if o := strings.Trim(cleanInline(cellAt(cells, t.owner)), " -–—_*"); o != "" && len(o) <= 100 && !noOwner(o) {
		it.Owner = o
	}
	if pr := strings.TrimSpace(cellAt(cells, t.priority)); pr != "" {
		if m := pWord().FindStringSubmatch(" " + pr + " "); m != nil {
			it.Priority = incident.Priority(strings.ToUpper(m[1]))
		} else if m := priorityField().FindStringSubmatch(pr); m != nil {
			it.Priority = priorityWord(m[1])
		}
	}
	if due, _ := dueDate("due "+cellAt(cells, t.due), docYear); due != "" {
		it.Due = due
	}
	if st := parseItem("x ["+strings.Trim(cleanInline(cellAt(cells, t.state)), "[]() ")+"]", 0).State; st != incident.ItemOpen {
		it.State = st
	} else if completedMark(cellAt(cells, t.state)) || t.state < 0 && shoutedDone(cells) {
		it.State = incident.ItemDone
	} else if statedOpen(cellAt(cells, t.state)) {
		// "| Added autoscaling … | In progress |": the column says
		// what the title's past tense does not.
		it.State = incident.ItemOpen
	}
	if desc := entryText(cleanInline(cellAt(cells, t.desc))); desc != "" {
		it.Description = fitNarrative(strings.TrimSpace(desc + " " + it.Description))
	}
	if link := strings.TrimSpace(cellAt(cells, t.link)); link != "" && strings.Trim(link, "0123456789#.") != "" {
		// A row number ("1", "#2") tracks nothing.
		it.Description = strings.TrimSpace(it.Description + " Tracking: " + markdownLink().ReplaceAllString(link, "$1 ($2)"))
	}
}

// statedOpen reports a state cell that says the item is not done yet.
func statedOpen(cell string) bool {
	switch strings.ToLower(strings.Trim(cleanInline(cell), "[]() .")) {
	case "open", "in progress", "in-progress", "ongoing", "todo", "to do", "not started", "planned", "backlog",
		"blocked", "pending", "wip", "in review", "scheduled", "proposed", "new", "started", "doing":
		return true
	}
	return false
}
