package ingest

import "strings"

// conditionItem reports a list line that states a condition ("If an
// attack is ongoing: pause the bridge", "Otherwise: keep it running"),
// a rule's case rather than a task.
func conditionItem(text string) bool {
	l := strings.ToLower(strings.TrimSpace(text))
	for _, w := range []string{"if ", "when ", "unless ", "otherwise"} {
		if strings.HasPrefix(l, w) {
			return true
		}
	}
	return false
}

// conditionLine reads the conditions listed under a paragraph of the
// follow-ups that ends with a colon ("We've set criteria for pausing the
// bridge:"): the paragraph is the item, its conditions its description.
// It reports whether the line was such a condition.
func (d *documentParts) conditionLine(l docLine, p *parser) bool {
	text := entryText(l.clean)
	if !conditionItem(text) {
		return false
	}
	if g := d.group; g != nil && g.criteria && g.item > 0 && g.item == len(d.items) {
		it := &d.items[g.item-1]
		it.Description = fitNarrative(strings.TrimSpace(it.Description + " " + text))
		return true
	}
	n := len(d.paras)
	if n == 0 || !strings.HasSuffix(d.paras[n-1], ":") {
		return false
	}
	intro := strings.TrimSpace(strings.TrimSuffix(d.paras[n-1], ":"))
	d.paras = d.paras[:n-1]
	if !d.addItem(intro, l.indent, l.n, d.done, p.docY) {
		return false
	}
	d.items[len(d.items)-1].Description = fitNarrative(text)
	d.group = &labelScope{indent: l.indent - 1, text: intro, item: len(d.items), criteria: true}
	return true
}
