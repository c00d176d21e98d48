package ingest

// splicedClause reads a clause joined to a timed one by a comma alone,
// which states a time of its own: "The host was retired at 16:00, the
// service went down approx 16:03" tells two moments. The comma at k ends
// the first clause, which runs from start; end is the sentence's end. A
// clause after a comma that states no time ("at 16:00, the pager went
// off") stays with the first.
func (p *parser) splicedClause(s string, start, k, end int) (stamp, bool) {
	if !p.clauseTimed(s, start, k) {
		return stamp{}, false
	}
	st, _, ok := p.midSentenceStamp(s[:end], k+1)
	return st, ok
}
