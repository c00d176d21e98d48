package ingest

import "strings"

// maxBylineLines is how far from the top of a document a byline may stand
// (counted in non-blank lines).
const maxBylineLines = 15

// byline reports whether a line only dates the document: a date without a
// time, alone or beside an author, a site's section or a reading time
// ("2024-05-16", "Engineering | June 2, 2022 | Priya Natarajan", "Posted May
// 26, 2023 by the CircleCI team"). A blog post or report shows when it was
// published, which is often days after the incident it tells of: its
// times fall on the incident's date (the title's, or the one its prose
// gives), and the byline only dates them when nothing else does.
func (p *parser) byline(lead string) bool {
	if len(lead) > 120 || !strings.ContainsAny(lead, "0123456789") {
		return false
	}
	if _, listed := listItem(lead); listed {
		return false
	}
	if level, _ := headingOf(lead); level > 0 || lead[0] == '|' || lead[0] == '>' {
		return false
	}
	clean := cleanInline(lead)
	if strings.HasSuffix(clean, ".") || proseOpening(clean) {
		return false // "On October 3, 2023, some users saw errors."
	}
	for i := 0; i < len(clean); i++ {
		if i > 0 && (isLetter(clean[i-1]) || isDigit(clean[i-1])) || !isLetter(clean[i]) && !isDigit(clean[i]) {
			continue
		}
		_, _, d, e, ok := p.r.date(clean, i)
		if !ok || d == 0 {
			continue
		}
		if st, _, ok := p.r.stampAt(clean, i); ok && (st.hasTime || st.unknown) {
			return false // "Posted Jun 03, 2021 - 09:12 PDT" is a status update's time
		}
		rest := clean[:i] + " " + clean[e:]
		return !strings.ContainsAny(rest, "?!:") && !strings.Contains(rest, ". ") && len(strings.Fields(rest)) <= 8
	}
	return false
}

// isByline reports whether line i (0-based) is one of the document's
// bylines.
func (p *parser) isByline(i int) bool {
	for _, b := range p.bylines {
		if b == i {
			return true
		}
	}
	return false
}

// findBylines marks the bylines near the top of the document: dated lines
// (see byline) before its first section heading, code block or time.
func (p *parser) findBylines() {
	seen := 0
	for i := p.skip[1]; i < len(p.lines) && seen < maxBylineLines; i++ {
		lead := strings.TrimSpace(p.lines[i])
		if lead == "" || i == p.titleIdx || i == p.plainIdx {
			continue
		}
		seen++
		if level, _ := headingOf(lead); level > 0 || p.setext(i) > 0 || fenceOf(lead) != "" {
			return // the document's sections have begun
		}
		if st, _, ok := p.leadStamp(cleanInline(lead)); ok && (st.hasTime || st.unknown) {
			return // so has its timeline
		}
		if len(p.bylines) < 4 && p.byline(lead) {
			p.bylines = append(p.bylines, i)
		}
	}
}

// proseOpening reports whether a line opens as a sentence that dates what
// it tells ("On October 3, …", "At 14:02 …", "Between …").
func proseOpening(s string) bool {
	switch strings.ToLower(letters(s, 0)) {
	case "on", "at", "between", "from", "since", "during", "in", "by", "around":
		return true
	}
	return false
}
