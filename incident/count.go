package incident

import "strconv"

// Count is n with its noun in the number n asks for: "1 event", "0 events",
// "3 action items". Nouns here take a plain "s".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
