package ingest

import (
	"strings"
	"sync"

	"scribe/incident"
)

// boldHeadline reports a list item whose whole text is bold, as a
// numbered follow-up list heads each item ("1. **Move to a partitioned
// table**") and tells it in the lines below.
func boldHeadline(content string) bool {
	t := strings.TrimSpace(content)
	inner := strings.TrimSuffix(strings.TrimPrefix(t, "**"), "**")
	return len(t) > 4 && strings.HasPrefix(t, "**") && strings.HasSuffix(t, "**") &&
		!strings.Contains(inner, "**") && strings.TrimSpace(inner) != ""
}

// headlineDetail takes a line under a numbered bold item, up to the next
// numbered item, as that item's description: the paragraph that tells it
// and the bullets that list what it did or will do ("-   Query plans",
// written at the list's own margin as editors often leave them), which
// are not items of their own. It reports whether it took the line.
//
// After a blank line, a line goes on telling the item only when the item
// has said nothing yet or its last line introduced what follows ("… while
// monitoring:"); otherwise the list under the numbered items is the
// section's own ("- Database: …" after "2. **Retry policy**" and its
// lines).
func (d *documentParts) headlineDetail(text string) bool {
	if d.headline == 0 || d.headline > len(d.items) || text == "" {
		return false
	}
	if d.headlineGap && !d.headlineMore {
		d.headline = 0
		return false
	}
	it := &d.items[d.headline-1]
	if extra := parseItem(text, d.year); detailLine(text) || extra.Owner != "" && ownerField().MatchString(text) {
		fillDetail(it, incident.ActionItem{Owner: extra.Owner, Priority: extra.Priority, Due: extra.Due, State: incident.ItemOpen}) // "Owner: Dana" below it
	}
	it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + text))
	d.headlineGap, d.headlineMore = false, strings.HasSuffix(text, ":")
	return true
}

// numberedHeadline reports a numbered bold item of the follow-ups that
// names a follow-up in words a section heading also uses ("2. **Root
// cause discovery and isolation**", "5. **Disk pressure mitigation**"):
// an item, not the Root cause or Resolution section. A short label ("1.
// **Detection**") or one ending in a colon still groups the items below.
func (d *documentParts) numberedHeadline(l docLine, s section) bool {
	return d.section == sectionActions && s < sectionWentWell && s != sectionActions && l.isList &&
		isDigit(byteAt(l.raw, 0)) && boldHeadline(l.content) &&
		len(strings.Fields(l.clean)) >= 3 && !strings.HasSuffix(strings.TrimSpace(l.clean), ":")
}

// oneItemLabel reports a paragraph labelled as one action item: "Action
// item: …", "Follow-up: …", "AI: …".
func oneItemLabel(clean string) bool {
	l := strings.ToLower(strings.TrimLeft(clean, "*_ "))
	for _, label := range []string{"action item:", "action:", "follow-up:", "follow up:", "followup:", "ai:", "todo:", "to do:"} {
		if strings.HasPrefix(l, label) {
			return true
		}
	}
	return false
}

// subTask reports an item nested under another that is a task of its own
// ("Create a dashboard for probe coverage" under "Improve coverage of
// probes"): it opens with a verb in the imperative and says what, unlike
// a step's note or a name ("Relay", "Claims API").
func subTask(text string) bool {
	words := strings.Fields(text)
	return len(words) >= 3 && imperativeVerbs()[strings.ToLower(strings.Trim(words[0], "*_"))]
}

// imperativeVerbs open a task: "Create …", "Reach out …", "Add …".
var imperativeVerbs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`add create build write document update fix remove replace migrate move implement
		introduce enable disable configure set automate alert monitor investigate review audit test verify validate
		reach contact schedule publish share announce train run deploy roll rotate revoke upgrade downgrade pin
		increase reduce raise lower limit cap extend expand improve refactor rewrite clean delete archive backfill
		define establish agree decide evaluate explore research assess measure track instrument collect expose
		require enforce block allow restrict harden patch merge release ship send notify file open raise
		escalate page route tune adjust change switch split consolidate standardise standardize ensure make`) {
		m[w] = true
	}
	return m
})
