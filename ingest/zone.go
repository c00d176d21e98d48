package ingest

import (
	"strings"
	"sync"
	"time"

	"scribe/incident"
	"scribe/lazyregexp"
)

// zoneWord reports whether w is written as a timestamp's zone. The common
// answers are settled here, without the allocation a general lookup costs
// on every line of a large log; the rest is incident's one zone table,
// which --at and the TUI read too.
func zoneWord(w string) bool {
	switch w {
	case "UTC", "GMT", "Z":
		return true
	case "":
		return false
	}
	offset := strings.HasPrefix(w, "UTC") || strings.HasPrefix(w, "GMT") // "UTC+5:30"
	if c := w[0]; c != '+' && c != '-' && !offset && !strings.Contains(w, "/") && (len(w) > 6 || strings.ToUpper(w) != w) {
		return false
	}
	return incident.IsZoneWord(w)
}

// zoneCache resolves each zone word once per document: loading a location
// reads the zoneinfo database on every call, and a 100,000-line log names
// the same zone on every line.
type zoneCache map[string]*time.Location

// stampZone is the zone a timestamp's suffix means (PDT is UTC-07:00), nil
// when the word is not a zone.
func (c zoneCache) stampZone(word string) *time.Location {
	if loc, ok := c[word]; ok {
		return loc
	}
	loc, err := incident.TimestampZone(word)
	if err != nil {
		loc = nil
	}
	c[word] = loc
	return loc
}

// statementKeys() introduce a zone statement: "All times in UTC",
// "Time (UTC)", "Timeline (times in BST)", "Date and Time in CET".
var statementKeys = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"time": true, "times": true, "timeline": true, "timestamp": true, "timestamps": true,
		"timezone": true, "zone": true, "tz": true,
	}
})

// statementFiller() may stand between the key and the zone.
var statementFiller = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"are": true, "is": true, "in": true, "all": true, "the": true, "shown": true, "given": true,
		"listed": true, "expressed": true, "below": true, "above": true, "and": true, "of": true,
		"at": true, "as": true, "written": true, "reported": true, "here": true, "us": true,
		"used": true, "throughout": true, "this": true, "document": true, "report": true, "page": true,
		"local": true, "approximate": true, "approximately": true, "roughly": true,
		// "All times mentioned in this post are in 24-hour UTC".
		"mentioned": true, "referenced": true, "quoted": true, "stated": true, "noted": true, "displayed": true,
		"post": true, "article": true, "doc": true, "writeup": true, "write-up": true, "section": true,
		"review": true, "postmortem": true, "table": true, "log": true, "our": true, "to": true,
		"24h": true, "24-hour": true, "24-hr": true, "24hr": true,
	}
})

// regionWords() are spelled-out zones: "All times are Pacific Time".
var regionWords = sync.OnceValue(func() map[string]string {
	return map[string]string{"pacific": "PT", "eastern": "ET", "central": "CT", "mountain": "MT"}
})

// namedZones() are zones spelled out by a country or an old name, keyed
// by their first two words in lower case: "India Standard Time", "Japan
// Standard Time", "Greenwich Mean Time", "Australian Eastern Standard
// Time" (its third word is read by regionZone).
var namedZones = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"india standard": "IST", "japan standard": "JST", "korea standard": "KST", "korean standard": "KST",
		"china standard": "Asia/Shanghai", "singapore standard": "SGT", "hong kong": "HKT",
		"greenwich mean": "UTC", "coordinated universal": "UTC", "universal time": "UTC",
		"uk time": "Europe/London", "british time": "Europe/London", "irish time": "Europe/Dublin",
		"irish standard": "Europe/Dublin", "israel standard": "Asia/Jerusalem", "new zealand": "Pacific/Auckland",
		"alaska time": "America/Anchorage", "hawaii time": "Pacific/Honolulu", "brasilia time": "America/Sao_Paulo",
		"brasília time": "America/Sao_Paulo", "moscow time": "MSK", "gulf standard": "GST",
		"japan time": "JST", "korea time": "KST", "india time": "IST", "china time": "Asia/Shanghai",
	}
})

// regionZone reads a zone spelled out at the start of words: "Pacific",
// "Pacific Daylight Time", "Central European Time", "British Summer Time".
func regionZone(words []string) string {
	first := strings.ToLower(words[0])
	second := ""
	if len(words) > 1 {
		second = strings.ToLower(words[1])
	}
	if z := namedZones()[first+" "+second]; z != "" {
		return z
	}
	if first == "australian" && len(words) > 2 {
		// "Australian Eastern Standard Time" is AEST, "Australian
		// Eastern Time" AET, "Australian Central …" ACST.
		third := strings.ToLower(words[2])
		z := map[string]string{"eastern": "AE", "central": "AC", "western": "AW"}[second]
		switch {
		case z == "":
			return ""
		case third == "standard" || third == "daylight":
			if z == "AW" {
				return "AWST"
			}
			return z + strings.ToUpper(third[:1]) + "T"
		case z == "AE":
			return "AET"
		case z == "AC":
			return "Australia/Adelaide"
		}
		return "AWST"
	}
	switch {
	case second == "european":
		return map[string]string{"central": "Europe/Berlin", "eastern": "Europe/Athens", "western": "Europe/Lisbon"}[first]
	case first == "british" && second == "summer":
		return "BST"
	case regionWords()[first] == "":
		return ""
	case second == "standard" || second == "daylight":
		// PT → PST or PDT, as written.
		return regionWords()[first][:1] + strings.ToUpper(second[:1]) + "T"
	}
	return regionWords()[first]
}

// statedZone returns the zone word a line declares for the times around it,
// or "". Most lines hold no statement key at all and are passed over
// without splitting them into words (the survey asks this of every line);
// the words are read one at a time, and only those after a key are kept.
func statedZone(line string) string {
	if !hasStatementKey(line) {
		return ""
	}
	// "Timeline: [doc](https://docs.example.com/…)": an address names no
	// zone, whatever its first word.
	line = webAddress().ReplaceAllString(line, " ")
	if aboutPictures(line) {
		// "(screenshots include timestamps in UTC+2, the author's
		// timezone)": the zone of the pictures, not of the text.
		return ""
	}
	i, prev := 0, ""
	for count := 0; count < 64; count++ {
		w, next := zoneToken(line, i)
		if w == "" {
			return ""
		}
		before := prev
		if strings.ContainsAny(line[i:next-len(w)], ".!?;:(|") || i > 0 && line[i-1] == ':' {
			before = "" // "Newest first. Times are CEST.": another sentence
		}
		i = next
		prev = w
		if !isStatementKey(w) {
			// "Date/Time (PT)": the key after a slash.
			if k := strings.LastIndexByte(w, '/'); k < 0 || !isStatementKey(w[k+1:]) {
				continue
			}
		}
		if proseTime(before, w) {
			// "At the time, Berlin customers…", "the first time the ET
			// team…": a sentence about a moment, which would otherwise
			// set every unzoned time of the document in a zone.
			continue
		}
		// The seven words after the key may name the zone; a spelled-out
		// one takes one more ("Pacific Daylight Time").
		var after [8]string
		n, j := 0, i
		for n < len(after) && count+1+n < 64 {
			if after[n], j = zoneToken(line, j); after[n] == "" {
				break
			}
			n++
		}
		if z := zoneAfterKey(after[:n], line); z != "" {
			return z
		}
	}
	return ""
}

// isStatementKey reports whether w is one of statementKeys(), in any case,
// without folding every word of the line.
func isStatementKey(w string) bool {
	if len(w) < 2 || len(w) > len("timestamps") || w[0]|0x20 != 't' && w[0]|0x20 != 'z' {
		return false
	}
	var buf [10]byte
	for i := 0; i < len(w); i++ {
		buf[i] = w[i] | 0x20
	}
	return statementKeys()[string(buf[:len(w)])]
}

// momentWords() before "time" make it a moment in a sentence ("by the
// time", "this time", "each time"), and before "times" or "timeline" a
// count or a manner ("several times", "at times"), never a statement of
// the zone the document's times are in.
var momentWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "this": true, "that": true, "each": true, "every": true, "first": true,
		"any": true, "same": true, "last": true, "next": true, "one": true, "some": true, "what": true,
		"by": true, "long": true, "short": true, "spare": true, "lead": true, "down": true, "up": true,
		"response": true, "recovery": true, "load": true, "run": true, "wait": true, "build": true,
		"several": true, "many": true, "few": true, "other": true, "at": true, "two": true, "three": true,
		"second": true, "third": true, "no": true, "much": true, "more": true, "less": true, "enough": true,
	}
})

// proseTime reports whether the statement key w, after the word before,
// is a moment or a count in a sentence. "the" is one only before "time":
// "The timeline is in UTC" states a zone, "At the time" does not.
func proseTime(before, w string) bool {
	b := strings.ToLower(before)
	if !momentWords()[b] {
		return false
	}
	switch strings.ToLower(w) {
	case "time":
		return true
	case "times", "timeline", "timestamps", "timestamp":
		return b != "the" && b != "a" && b != "this" && b != "that" && b != "each" && b != "every" && b != "all" && b != "any" && b != "some"
	}
	return false
}

// zoneAfterKey reads the zone in the words after a statement key, passing
// over filler ("All times are in UTC"). line is the whole line, for a
// city's parentheses.
func zoneAfterKey(words []string, line string) string {
	for j := 0; j < min(len(words), 7); j++ {
		next := words[j]
		l := strings.ToLower(next)
		switch {
		case l == "utc" || l == "gmt":
			return "UTC"
		case slashRegion(next) != "":
			// "UC/Pacific", "America/Pacific": no zone of the tz
			// database, but the region after the slash says which.
			return regionZone(append([]string{slashRegion(next)}, words[j+1:]...))
		case pairedZone(next) != "":
			return pairedZone(next) // "CET/CEST": the region that uses both
		case zoneWord(next):
			return next
		case regionWords()[l] != "" || namedZoneWord(l):
			if z := regionZone(words[j:]); z != "" {
				return z
			}
			return cityAfterKey(words[j:], line) // "Singapore office (SGT)"
		case statementFiller()[l]:
			continue
		case cityZone(words[j:]) != "":
			return cityAfterKey(words[j:], line)
		}
		break
	}
	return ""
}

// cityAfterKey is the zone of the city words open with, written as a zone
// (see cityStatement), or the zone word written after it ("Sydney time
// (AEST)"); "" when the city is a place the sentence is about ("Timeline
// of the London region failover").
func cityAfterKey(words []string, line string) string {
	city := cityZone(words)
	if city == "" {
		return ""
	}
	for _, w := range words[1:] {
		if zoneWord(w) {
			return w
		}
	}
	if cityStatement(words, city, line) {
		return city
	}
	return ""
}

// namedZoneWord reports a word that may open one of namedZones() or a
// spelled-out region regionZone reads.
func namedZoneWord(l string) bool {
	switch l {
	case "british", "western", "australian", "india", "japan", "korea", "korean", "china", "singapore", "hong",
		"greenwich", "coordinated", "universal", "uk", "irish", "israel", "new", "alaska", "hawaii", "brasilia", "brasília", "moscow", "gulf":
		return true
	}
	return false
}

// pairedZone reads a zone written with its standard and daylight names
// ("CET/CEST", "PST/PDT"): the region's zone, whose offset follows the
// date; "" for anything else.
func pairedZone(w string) string {
	a, b, ok := strings.Cut(w, "/")
	if !ok || len(a) < 2 || len(a) > 5 || len(b) < 2 || len(b) > 5 || strings.ToUpper(w) != w {
		return ""
	}
	za, errA := incident.ParseZone(a)
	zb, errB := incident.ParseZone(b)
	if errA != nil || errB != nil || za.String() != zb.String() || za.String() == "UTC" {
		return ""
	}
	return za.String()
}

// cityStatement reports whether the city that words open with (its zone
// city, as cityZone spells it) is written as a zone: followed by "time"
// or "local", a zone word, or nothing, or inside parentheses ("Times are
// local (Berlin)").
func cityStatement(words []string, city, line string) bool {
	name := city[strings.IndexByte(city, '/')+1:]
	k := 1 + strings.Count(name, "_") // "New_York" is two words
	if k > len(words) {
		return false
	}
	if strings.Contains(line, "("+words[0]) {
		return true
	}
	if k == len(words) {
		return true
	}
	next := strings.ToLower(words[k])
	return next == "time" || next == "local" || next == "timezone" || next == "zone" || zoneWord(words[k])
}

// cityZone is the zone of a city the words name ("Berlin time", "local
// (Berlin)", "Singapore time", "New York time"), as the zone database
// spells it: Europe/Berlin, Asia/Singapore, America/New_York.
func cityZone(words []string) string {
	w := words[0]
	if len(w) < 3 || len(w) > 20 || !isUpper(w[0]) || strings.ContainsAny(w, "/+0123456789") {
		return ""
	}
	names := []string{w}
	if len(words) > 1 && len(words[1]) > 1 && isUpper(words[1][0]) {
		names = append([]string{w + "_" + words[1]}, names...) // "New York"
	}
	for _, name := range names {
		for _, area := range []string{"Europe/", "America/", "Asia/", "Australia/", "Africa/", "Pacific/", "Atlantic/"} {
			if _, err := time.LoadLocation(area + name); err == nil {
				return area + name
			}
		}
	}
	return ""
}

// hasStatementKey reports whether line may hold one of statementKeys: each
// of them contains "tim", "tz" or "zone", in any case. It looks only at
// the i's and z's of the line, which IndexByte finds quickly.
func hasStatementKey(line string) bool {
	for _, c := range [...]byte{'i', 'I', 'z', 'Z'} {
		for at := 0; at < len(line); {
			k := strings.IndexByte(line[at:], c)
			if k < 0 {
				break
			}
			k += at
			before := byteAt(line, k-1) | 0x20
			if c|0x20 == 'i' && before == 't' && byteAt(line, k+1)|0x20 == 'm' ||
				c|0x20 == 'z' && (before == 't' || strings.EqualFold(line[k:min(k+4, len(line))], "zone")) {
				return true
			}
			at = k + 1
		}
	}
	return false
}

// zoneToken returns the first word from i as zones are written, with
// Markdown emphasis around it dropped, and where to read the next; "" at
// the end of the line.
func zoneToken(line string, i int) (string, int) {
	for i < len(line) {
		for i < len(line) && !zoneChar(line[i]) {
			i++
		}
		j := i
		for j < len(line) && zoneChar(line[j]) {
			j++
		}
		k, e := i, j
		for k < e && isZoneMark(line[k]) {
			k++
		}
		for e > k && isZoneMark(line[e-1]) {
			e--
		}
		if k < e {
			return line[k:e], j
		}
		i = j
	}
	return "", i
}

// isZoneMark is what zoneToken trims from a word: emphasis, a hyphen, a colon.
func isZoneMark(c byte) bool { return c == '_' || c == '-' || c == ':' }

func zoneChar(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '+' || c == '-' || c == ':' || c == '/' || c == '_'
}

// clockZone is a clock followed by a zone word: "2:02 PM BST", "14:02
// UTC+2", "09:12:30 CEST".
var clockZone = lazyregexp.New(`\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s+([A-Z][A-Za-z]{1,4}(?:[+-]\d{1,2}(?::?\d{2})?)?)\b`)

// zoneHints counts the zones a document writes after its clocks, so that
// the times it writes without one can take the zone it uses most.
type zoneHints struct {
	count map[string]int
	first map[string]int // 1-based line of each zone's first use
	order []string
	lines int // lines looked at
}

// hintLines is how many lines zoneHints reads: a document's header is at
// its top, and a long log's entries carry their own zones or none.
const hintLines = 200

// line counts the zones written after clocks on line i.
func (h *zoneHints) line(i int, lead string, zones zoneCache) {
	if h.lines >= hintLines || strings.IndexByte(lead, ':') < 0 {
		return
	}
	h.lines++
	for _, m := range clockZone().FindAllStringSubmatch(lead, 4) {
		w := m[1]
		if zones.stampZone(w) == nil {
			continue
		}
		if h.count == nil {
			h.count, h.first = map[string]int{}, map[string]int{}
		}
		if h.count[w] == 0 {
			h.first[w] = i + 1
			h.order = append(h.order, w)
		}
		h.count[w]++
	}
}

// most is the zone written most often (the first one on a tie) and the
// line it first appears on.
func (h *zoneHints) most() (string, int) {
	best := ""
	for _, w := range h.order {
		if best == "" || h.count[w] > h.count[best] {
			best = w
		}
	}
	return best, h.first[best]
}

// slashRegion is the region word after the slash of a zone name the tz
// database does not hold ("UC/Pacific" is "pacific"), "" for any other
// word.
func slashRegion(w string) string {
	k := strings.LastIndexByte(w, '/')
	if k <= 0 {
		return ""
	}
	tail := strings.ToLower(w[k+1:])
	if regionWords()[tail] == "" {
		return ""
	}
	if _, err := incident.ParseZone(w); err == nil {
		return "" // "US/Pacific" is a zone of its own
	}
	return tail
}

// webAddress is a link's address in a line: "https://…", "www.…".
var webAddress = lazyregexp.New(`(?:[a-zA-Z][a-zA-Z+.-]*://|www\.)[^\s)>\]]*`)

// aboutPictures reports a line about screenshots, graphs or charts.
func aboutPictures(line string) bool {
	l := strings.ToLower(line)
	for _, w := range []string{"screenshot", "screen shot", "graph", "chart", "image", "picture", "dashboard shows"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
