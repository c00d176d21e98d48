package ingest

import "strings"

// fragmentItem reports a list item too short to be a task of its own
// ("Claims API", "Deposit relay"): at most three words, no sentence.
func fragmentItem(text string) bool {
	t := strings.TrimSpace(strings.TrimLeft(text, "[]xX "))
	return t != "" && len(strings.Fields(t)) <= 3 && !strings.ContainsAny(t, ".:;")
}

// groupFragment reads a fragment under an item that ends with a colon:
// the first makes the item ("Ensure alerting is in place for relay"), the
// next ones extend its title ("…, claims API").
func (d *documentParts) groupFragment(text string, l docLine, p *parser) {
	g := d.group
	text = strings.TrimSpace(strings.TrimLeft(text, "[]xX "))
	if g.item > 0 && g.item == len(d.items) {
		it := &d.items[g.item-1]
		it.Title += ", " + text
		d.itemInfo[g.item-1].text += ", " + text
		return
	}
	if l2 := strings.ToLower(text); strings.HasSuffix(l2, " to") || strings.HasSuffix(l2, " by") {
		// "encourage authors to" over steps of its own: a plan in
		// several levels, one item whose description they are.
		if d.addItem(g.text, g.indent, l.n, d.done || taskDone(l.raw), p.docY) {
			g.item, g.criteria = len(d.items), true
			d.items[len(d.items)-1].Description = fitNarrative(text)
		}
		return
	}
	if d.addItem(g.text+" "+text, g.indent, l.n, d.done || taskDone(l.raw), p.docY) {
		g.item = len(d.items)
	}
}

// describedLine adds a line under an item whose deeper lines describe it
// (see conditionLine, groupFragment) to its description; it reports
// whether there was such an item.
func (d *documentParts) describedLine(l docLine) bool {
	g := d.group
	if g == nil || !g.criteria || g.item == 0 || g.item != len(d.items) || l.indent <= g.indent {
		return false
	}
	it := &d.items[g.item-1]
	it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + entryText(l.clean)))
	return true
}
