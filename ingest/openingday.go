package ingest

// openingDay reads a sentence at s[i:] that opens with a day and tells no
// time ("On the 15th of November 2022 - work was under way on the
// upgrade"): the day the sentences after it are on, as a date heading
// would give it, so that "The node was retired at 16:00" below is that
// day's, not the day of the sentence before.
func (p *parser) openingDay(s string, i int) {
	y, m, d, ok := p.openingDate(s, i)
	if !ok {
		return
	}
	p.setDate(stamp{year: y, month: m, day: d})
}
