package ingest

import "strings"

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
func (d *documentParts) headlineDetail(text string) bool {
	if d.headline == 0 || d.headline > len(d.items) || text == "" {
		return false
	}
	it := &d.items[d.headline-1]
	if detailLine(text) {
		fillDetail(it, parseItem(text, d.year)) // "Owner: Dana" below it
	}
	it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + text))
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
