package ingest

// retold says which entries tell a moment of the timeline again: a line
// of a Summary or Impact section above the Timeline ("- **Outage start
// (UTC):** 15 December 2024, 03:53", "Partial restoration: 11:31
// read-only site up") at the minute of one of the Timeline section's
// entries further down, when that section holds a timeline (minTimeline
// lines or more). The timeline tells the moment; the summary ahead of it
// only announces it. Lines of a Context section below a short list of
// key events are the detail, not a recall.
func (p *parser) retold() func(Entry) bool {
	told, n := map[int64]int{}, 0 // minute → last line telling it
	for _, e := range p.entries {
		if e.section == sectionTimeline && !e.prose {
			told[e.At.Unix()/60] = max(told[e.At.Unix()/60], e.Line)
			n++
		}
	}
	return func(e Entry) bool {
		return n >= minTimeline && e.section.narrative() && told[e.At.Unix()/60] > e.Line
	}
}
