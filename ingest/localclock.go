package ingest

import (
	"strings"
	"sync"
)

// A sentence in a document kept in UTC may tell one moment on the clock of
// the people who lived it: "the on-call engineers in Singapore started
// seeing tickets at 2:41 pm local time", "by 8:36 am in London", "the last
// one, Frankfurt, came back at 9:42 local time". Such a time is the
// city's, not the document's: it is read in the zone of the city the
// sentence names, and holds for that time only. A local time whose city
// the text does not name is reported, never silently taken as the
// document's zone.

// cityAliases() are cities the zone database does not name, by the zone
// they keep.
var cityAliases = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"Frankfurt": "Europe/Berlin", "Munich": "Europe/Berlin", "Hamburg": "Europe/Berlin", "Cologne": "Europe/Berlin",
		"Milan": "Europe/Rome", "Barcelona": "Europe/Madrid", "Marseille": "Europe/Paris", "Lyon": "Europe/Paris",
		"Manchester": "Europe/London", "Edinburgh": "Europe/London", "Geneva": "Europe/Zurich",
		"Mumbai": "Asia/Kolkata", "Bangalore": "Asia/Kolkata", "Bengaluru": "Asia/Kolkata", "Chennai": "Asia/Kolkata",
		"Hyderabad": "Asia/Kolkata", "Delhi": "Asia/Kolkata", "Osaka": "Asia/Tokyo", "Beijing": "Asia/Shanghai",
		"Shenzhen": "Asia/Shanghai", "Tel Aviv": "Asia/Jerusalem", "Cape Town": "Africa/Johannesburg",
		"San Francisco": "America/Los_Angeles", "Seattle": "America/Los_Angeles", "Portland": "America/Los_Angeles",
		"San Jose": "America/Los_Angeles", "Ashburn": "America/New_York", "Boston": "America/New_York",
		"Washington": "America/New_York", "Atlanta": "America/New_York", "Miami": "America/New_York",
		"Dallas": "America/Chicago", "Austin": "America/Chicago", "Houston": "America/Chicago",
		"Montreal": "America/Toronto", "Ottawa": "America/Toronto", "Rio de Janeiro": "America/Sao_Paulo",
	}
})

// localCity is the zone of the city that words open with: one the zone
// database spells (cityZone) or one of cityAliases().
func localCity(words []string) string {
	if len(words) == 0 {
		return ""
	}
	w := strings.Trim(words[0], ",;:.()")
	if len(words) > 1 {
		if z := cityAliases()[w+" "+strings.Trim(words[1], ",;:.()")]; z != "" {
			return z
		}
	}
	if z := cityAliases()[w]; z != "" {
		return z
	}
	clean := make([]string, 0, 2)
	for _, x := range words[:min(2, len(words))] {
		clean = append(clean, strings.Trim(x, ",;:.()"))
	}
	if clean[0] == "" {
		return ""
	}
	return cityZone(clean)
}

// localClock gives the stamp read at s[k:e] the zone of the city whose
// local time it is, when the words after it say so: "2:41 pm local time"
// with a city named in the sentence, "8:36 am in London", "9:42 Frankfurt
// time". A stamp with a zone of its own, or none of these words, is
// returned as it was; "local time" with no city known is marked
// unnamedLocal, for the parser to report.
func localClock(s string, k, e int, st stamp) stamp {
	if st.zone != "" || !st.hasTime {
		return st
	}
	after := strings.Fields(s[e:min(len(s), e+60)])
	if len(after) == 0 {
		return st
	}
	first := strings.ToLower(strings.Trim(after[0], ",;:.()"))
	switch {
	case first == "local":
		if z := sentenceCity(s, k); z != "" {
			st.zone, st.local = z, true
		} else {
			st.unnamedLocal = true
		}
	case first == "in" && len(after) > 1 && st.meridiem != 0:
		// "by 8:36 am in London": a 12-hour clock is a person's, in the
		// city named right after it.
		if z := localCity(after[1:]); z != "" {
			st.zone, st.local = z, true
		}
	case len(after) > 1 && strings.EqualFold(strings.Trim(after[1], ",;:.()"), "time"):
		if z := localCity(after[:1]); z != "" {
			st.zone, st.local = z, true
		}
	}
	return st
}

// sentenceCity is the zone of the one city the sentence holding s[k]
// names, "" when it names none, or two with different zones.
func sentenceCity(s string, k int) string {
	start := 0
	for j := k - 1; j >= 2; j-- {
		if s[j] >= 'A' && s[j] <= 'Z' && s[j-1] == ' ' && strings.IndexByte(".!?", s[j-2]) >= 0 {
			start = j
			break
		}
	}
	words := strings.Fields(s[start:sentenceEnd(s, k)])
	found := ""
	for i, w := range words {
		if i == 0 || w == "" || !isUpper(w[0]) {
			continue // the sentence's first word is capitalised whatever it is
		}
		if givenName(words, i) {
			continue // "Sofia Marin", "Stanley": a person, not Europe/Sofia
		}
		z := localCity(words[i:])
		switch {
		case z == "":
		case found == "":
			found = z
		case found != z:
			return ""
		}
	}
	return found
}

// givenNames() are the zone database's cities that are as often a
// person's name.
var givenNames = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"Sofia": true, "Santiago": true, "Regina": true, "Victoria": true, "Stanley": true,
		"Dawson": true, "Lindeman": true, "Juneau": true, "Lima": true, "Chita": true, "Dili": true, "Nome": true}
})

// givenName reports whether words[i] names a person: one of givenNames(),
// or a capitalised word followed by another that makes no city with it
// ("Marta Kowalczyk").
func givenName(words []string, i int) bool {
	w := strings.Trim(words[i], ",;:.()")
	if givenNames()[w] {
		return true
	}
	if i+1 >= len(words) || strings.HasSuffix(words[i], ",") {
		return false
	}
	next := strings.Trim(words[i+1], ",;:.()")
	if next == "" || !isUpper(next[0]) {
		return false
	}
	return cityAliases()[w+" "+next] == "" && cityZone([]string{w + "_" + next}) == ""
}

// afterLocal skips the "local time" (or "local") written at s[e:] after a
// clock.
func afterLocal(s string, e int) int {
	k := skipSpaces(s, e)
	if !strings.EqualFold(letters(s, k), "local") {
		return e
	}
	k += len("local")
	if j := skipSpaces(s, k); strings.EqualFold(letters(s, j), "time") {
		k = j + len("time")
	}
	return k
}
