package ingest

import "strings"

// pictureWords name what a zone statement can be about other than the
// text: "(screenshots include timestamps in UTC+2, the author's timezone)"
// tells how to read the pictures, not the times the sentences state.
var pictureWords = []string{"screenshot", "screen shot", "screen-shot", "image", "picture", "graph", "chart", "dashboard"}

// aboutPictures reports whether the clause of line that ends at key (the
// statement's "timestamps", "times", "timezone") is about pictures shown
// in the document rather than its text.
func aboutPictures(line string, key int) bool {
	start := strings.LastIndexAny(line[:key], ".!?;(") + 1
	clause := strings.ToLower(line[start:key])
	for _, w := range pictureWords {
		// At a word's start: "paragraph" names no graph.
		for k := strings.Index(clause, w); k >= 0; {
			if k == 0 || clause[k-1] < 'a' || clause[k-1] > 'z' {
				return true
			}
			n := strings.Index(clause[k+1:], w)
			if n < 0 {
				break
			}
			k += 1 + n
		}
	}
	return false
}
