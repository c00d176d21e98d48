package export

import (
	"slices"
	"strings"
)

// blamingPhrase is wording that judges a person rather than describing what
// happened, with advice on how to say it instead.
type blamingPhrase struct {
	phrase string
	advice string
	// personal phrases ("failed to") are only blaming after a person or a
	// pronoun: "the pod failed to start" describes a system.
	personal bool
	// notBefore and notAfter are neighbouring words that make the phrase
	// technical: "fault tolerance", "page fault".
	notBefore, notAfter []string
}

const (
	adviceHindsight = "hindsight judges a decision by its outcome: say what was known at the time and what the system allowed"
	adviceCondition = "name the condition that made the slip possible (a missing check, a confusing tool, no alert) instead"
	adviceCharacter = "describe actions and their context, not people's character"
	adviceReminder  = "ask what would have caught it (a checklist, an alert, automation) and write that"
	adviceFault     = "a postmortem looks for causes, not culprits: describe what happened and why it made sense then"
)

// blamingPhrases is what lint flags, matched case-insensitively on word
// boundaries; where phrases overlap the longer comes first and wins.
var blamingPhrases = []blamingPhrase{
	{phrase: "human error", advice: adviceCondition},
	{phrase: "operator error", advice: adviceCondition},
	{phrase: "user error", advice: adviceCondition},
	{phrase: "pilot error", advice: adviceCondition},
	{phrase: "should have known", advice: adviceHindsight},
	{phrase: "should have", advice: adviceHindsight},
	{phrase: "should've", advice: adviceHindsight},
	{phrase: "shouldn't have", advice: adviceHindsight},
	{phrase: "should not have", advice: adviceHindsight},
	{phrase: "should know better", advice: adviceHindsight},
	{phrase: "why didn't", advice: adviceHindsight},
	{phrase: "why did nobody", advice: adviceHindsight},
	{phrase: "forgot", advice: adviceReminder},
	{phrase: "forgotten", advice: adviceReminder},
	{phrase: "forgetting", advice: adviceReminder},
	{phrase: "careless", advice: adviceCharacter},
	{phrase: "carelessness", advice: adviceCharacter},
	{phrase: "carelessly", advice: adviceCharacter},
	{phrase: "negligent", advice: adviceCharacter},
	{phrase: "negligence", advice: adviceCharacter},
	{phrase: "reckless", advice: adviceCharacter},
	{phrase: "sloppy", advice: adviceCharacter},
	{phrase: "lazy", advice: adviceCharacter},
	{phrase: "stupid", advice: adviceCharacter},
	{phrase: "dumb", advice: adviceCharacter},
	{phrase: "incompetent", advice: adviceCharacter},
	{phrase: "incompetence", advice: adviceCharacter},
	{phrase: "dropped the ball", advice: adviceCharacter},
	{phrase: "screwed up", advice: adviceCharacter},
	{phrase: "messed up", advice: adviceCharacter},
	{phrase: "didn't bother", advice: adviceCharacter},
	{phrase: "to blame", advice: adviceFault},
	{phrase: "blame", advice: adviceFault},
	{phrase: "blamed", advice: adviceFault},
	{phrase: "at fault", advice: adviceFault},
	{phrase: "fault", advice: adviceFault,
		notBefore: []string{"at", "page", "segmentation", "hardware", "disk", "network", "power", "ground", "transient", "no"},
		notAfter:  []string{"tolerance", "tolerant", "injection", "domain", "domains", "isolation", "line", "lines", "-tolerant"}},
	{phrase: "mistake by", advice: adviceFault},
	{phrase: "mistake of", advice: adviceFault},
	{phrase: "failed to", advice: adviceReminder, personal: true},
	{phrase: "neglected to", advice: adviceReminder, personal: true},
	{phrase: "didn't check", advice: adviceReminder, personal: true},
	{phrase: "did not check", advice: adviceReminder, personal: true},
}

// pronouns make a personal phrase blaming: "he failed to".
var pronouns = map[string]bool{
	"i": true, "he": true, "she": true, "they": true, "we": true, "you": true, "someone": true,
	"somebody": true, "nobody": true, "engineer": true, "operator": true, "developer": true,
	"admin": true, "oncall": true, "on-call": true, "responder": true, "team": true,
}

// blamingMatch is one blaming phrase found in a text.
type blamingMatch struct {
	phrase blamingPhrase
	text   string // as written
	start  int
}

// findBlaming lists the blaming phrases in text in the order they appear,
// each phrase once; where phrases overlap ("to blame", "blame") the one
// listed first in blamingPhrases wins. mentions are the people named in
// text, so that "Ken failed to" counts as personal.
func findBlaming(ix *wordIndex, text string, mentions []mention) []blamingMatch {
	lower := asciiLower(text)
	var out []blamingMatch
	var seen []int
	eachWord(lower, func(ws, we int) int {
		for _, pi := range ix.lookup(lower[ws:we]) {
			ph := blamingPhrases[pi]
			if slices.Contains(seen, pi) {
				continue
			}
			for _, spelling := range spellings(ph.phrase) {
				end := ws + len(spelling)
				if !strings.HasPrefix(lower[ws:], spelling) || !boundaryBefore(lower, ws, true) || !boundaryAfter(lower, end) {
					continue
				}
				prev, next := wordBefore(lower, ws), wordAfter(lower, end)
				if containsWord(ph.notBefore, prev) || containsWord(ph.notAfter, next) {
					continue
				}
				if ph.personal && !pronouns[prev] && !mentionEndsAt(text, mentions, ws) {
					continue
				}
				seen = append(seen, pi)
				out = append(out, blamingMatch{phrase: ph, text: text[ws:end], start: ws})
				return end
			}
		}
		return we
	})
	return out
}

// blamingIndex files blamingPhrases by first word; build it once per lint.
func blamingIndex() *wordIndex {
	ix := newWordIndex()
	for i, ph := range blamingPhrases {
		ix.add(ph.phrase, i)
	}
	return ix
}

// spellings are the phrase as typed with a straight or a curly apostrophe.
func spellings(phrase string) []string {
	if !strings.Contains(phrase, "'") {
		return []string{phrase}
	}
	return []string{phrase, strings.ReplaceAll(phrase, "'", "\u2019")}
}

func inside(spans [][2]int, start, end int) bool {
	for _, s := range spans {
		if start < s[1] && end > s[0] {
			return true
		}
	}
	return false
}

func containsWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// wordBefore is the word (letters, digits, hyphens, apostrophes) ending just before i.
func wordBefore(s string, i int) string {
	j := i
	for j > 0 && s[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && isWordByte(s[k-1]) {
		k--
	}
	return s[k:j]
}

// wordAfter is the word starting just after i.
func wordAfter(s string, i int) string {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	k := i
	for k < len(s) && isWordByte(s[k]) {
		k++
	}
	return s[i:k]
}

func isWordByte(c byte) bool {
	return c == '-' || c == '\'' || c == '_' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z') || (c >= '0' && c <= '9')
}

// mentionEndsAt reports whether a person is named just before i ("Ken
// failed to").
func mentionEndsAt(text string, mentions []mention, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	for _, m := range mentions {
		if m.end == j {
			return true
		}
	}
	return false
}
