package export

import (
	"strconv"
	"strings"
	"sync"
)

// The word classes of English that the blameless rewrite and the lint read
// as evidence: whether a word after a name is its verb, whether a word
// before it is an article, whether a noun is a person.

// finiteVerb reports whether w (lower case) reads as the verb of a subject
// just before it: "Grant restarted", "Will says", "May was", as opposed to
// the bare verb or the noun that follows a modal or an imperative ("Will
// restart", "May need", "Grant access", "Young pods").
func finiteVerb(w string) bool {
	if subjectVerbs()[w] || irregularPast()[w] {
		return true
	}
	return regularPast(w)
}

// regularPast reports whether w is a past tense in -ed: "paged", "agreed",
// not "need", "shed" or "hundred".
func regularPast(w string) bool {
	if len(w) < 4 || !strings.HasSuffix(w, "ed") || notPast()[w] {
		return false
	}
	return !strings.HasSuffix(w, "eed") || w == "agreed" || w == "freed" || w == "guaranteed"
}

// notPast() are words in -ed that are no past tense.
var notPast = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"hundred": true, "sacred": true, "naked": true, "wicked": true, "kindred": true, "shred": true,
		"embed": true, "infrared": true, "unshred": true,
	}
})

// subjectVerbs() follow a subject, never a modal or an imperative: "Mark and
// Priya…", "Will was paged", "Grant says". Not every word in -s: a plural
// follows an imperative as often ("Mark pods unschedulable").
var subjectVerbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"is": true, "was": true, "has": true, "had": true, "does": true, "did": true, "isn't": true, "wasn't": true,
		"hasn't": true, "hadn't": true, "didn't": true, "doesn't": true, "will": true, "would": true, "can": true,
		"could": true, "should": true, "might": true, "must": true, "won't": true, "wouldn't": true, "can't": true,
		"couldn't": true, "shouldn't": true, "may": true, "says": true, "thinks": true, "confirms": true, "reports": true,
		"agrees": true, "notes": true, "suggests": true, "wants": true, "needs": true, "asks": true, "sees": true,
		"owns": true, "takes": true, "knows": true, "believes": true, "proposes": true, "recommends": true,
		"joins": true, "leaves": true, "handles": true, "investigates": true, "checks": true, "restarts": true,
		"rolls": true, "pages": true, "escalates": true, "approves": true, "reviews": true, "leads": true,
		"writes": true, "runs": true, "deploys": true, "rotates": true, "merges": true, "pushes": true, "starts": true,
		"looks": true, "drives": true, "finds": true, "tells": true, "gets": true, "goes": true, "comes": true,
		"explains": true, "mentions": true, "updates": true, "posts": true, "replies": true, "answers": true,
		"volunteers": true, "hands": true, "follows": true, "notices": true, "pairs": true, "ought": true,
		"should've": true, "could've": true, "would've": true, "must've": true, "mustn't": true,
	}
})

// irregularPast() are past tenses that do not end in -ed.
var irregularPast = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"said": true, "took": true, "made": true, "ran": true, "found": true, "saw": true, "sent": true,
		"wrote": true, "got": true, "went": true, "thought": true, "knew": true, "led": true, "began": true,
		"gave": true, "told": true, "kept": true, "left": true, "felt": true, "brought": true, "came": true,
		"spoke": true, "caught": true, "chose": true, "drove": true, "fought": true, "held": true, "heard": true,
		"meant": true, "met": true, "paid": true, "rang": true, "rode": true, "rose": true, "sat": true,
		"shook": true, "stood": true, "struck": true, "swore": true, "taught": true, "threw": true, "woke": true,
		"won": true, "understood": true, "undid": true, "rebuilt": true, "built": true, "spent": true, "lost": true,
		"dug": true, "hid": true, "slept": true, "bought": true, "sought": true, "withdrew": true, "overrode": true,
		"forgot": true, "mistook": true, "overlooked": true, "stepped": true, "reran": true, "redid": true,
		"ok'd": true, "ok’d": true, "okd": true, "oked": true, "broke": true, "fell": true, "grew": true, "blew": true,
		"flew": true, "wore": true, "tore": true, "froze": true, "stole": true, "spun": true, "hung": true, "swung": true,
		"stuck": true, "sank": true, "shrank": true, "drank": true, "sang": true, "slid": true, "fed": true,
		"bled": true, "sped": true, "fled": true, "dealt": true, "lent": true, "bent": true, "swept": true,
		"crept": true, "knelt": true, "forgave": true, "arose": true, "awoke": true, "became": true, "clung": true,
		"drew": true, "ate": true, "overran": true, "oversaw": true, "overtook": true, "rewrote": true, "shone": true,
		"strove": true, "strode": true, "swam": true, "underwent": true, "upheld": true, "withheld": true,
		"mislaid": true, "misled": true, "outgrew": true, "overheard": true, "undertook": true, "foresaw": true,
	}
})

// adverbs() may stand between a subject and its verb ("Grant quickly
// rolled back", "Will then paged"); -ly words count too.
var adverbs = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"also": true, "then": true, "just": true, "already": true, "later": true, "still": true, "never": true,
		"only": true, "first": true, "again": true, "soon": true, "now": true, "finally": true, "eventually": true,
		"immediately": true, "manually": true, "quickly": true, "promptly": true, "briefly": true, "really": true,
		"probably": true, "clearly": true, "definitely": true, "obviously": true, "simply": true, "certainly": true,
		"arguably": true, "honestly": true, "actually": true, "initially": true, "meanwhile": true, "not": true,
	}
})

func isAdverb(w string) bool { return adverbs()[w] || len(w) > 4 && strings.HasSuffix(w, "ly") }

// determiners() come before a noun, never before a person's first name: "the
// Bill", "a Grant", "our Park Avenue office".
var determiners = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
		"our": true, "your": true, "their": true, "its": true, "my": true, "his": true, "her": true,
		"every": true, "each": true, "some": true, "any": true, "no": true, "another": true, "all": true, "it": true,
		"them": true,
	}
})

// personNouns() name a person by what they do: "the engineer", "the SRE",
// "the on-call", "ops".
var personNouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"engineer": true, "engineers": true, "sre": true, "sres": true, "operator": true, "operators": true,
		"developer": true, "developers": true, "dev": true, "devs": true, "admin": true, "admins": true,
		"administrator": true, "administrators": true, "dba": true, "dbas": true, "on-call": true, "oncall": true,
		"on-caller": true, "on-callers": true, "responder": true, "responders": true, "ic": true, "commander": true,
		"lead": true, "manager": true, "intern": true, "contractor": true, "reviewer": true, "reviewers": true,
		"approver": true, "author": true, "owner": true, "team": true, "ops": true, "oncaller": true, "human": true,
		"humans": true, "person": true, "people": true, "staff": true, "employee": true, "colleague": true,
		"teammate": true, "analyst": true, "architect": true, "technician": true, "tech": true, "user": true,
		"customer": true, "scribe": true, "liaison": true, "maintainer": true, "committer": true, "deployer": true,
	}
})

// pronouns() stand for people: "he failed to", "we should have".
var pronouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"i": true, "he": true, "she": true, "they": true, "we": true, "you": true, "someone": true,
		"somebody": true, "anyone": true, "anybody": true, "everyone": true, "everybody": true, "nobody": true,
		"him": true, "her": true, "them": true, "us": true, "me": true, "whoever": true,
	}
})

// possessivePronouns() attribute something to a person: "his mistake".
var possessivePronouns = sync.OnceValue(func() map[string]bool {
	return map[string]bool{"his": true, "her": true, "their": true, "my": true, "your": true, "our": true}
})

// titleWords() are job titles that may stand before a name as an apposition
// ("On-call SRE Will Ferreira paged", "our DBA Sam"), where the rewrite
// keeps the title and drops the name.
var titleWords = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"sre": true, "engineer": true, "dba": true, "developer": true, "dev": true, "manager": true,
		"architect": true, "admin": true, "administrator": true, "operator": true, "analyst": true,
		"intern": true, "contractor": true, "colleague": true, "teammate": true, "cto": true, "ceo": true,
		"cio": true, "ciso": true, "vp": true, "director": true, "pm": true, "em": true, "on-call": true,
		"oncall": true, "on-caller": true, "specialist": true, "technician": true, "consultant": true,
		"representative": true, "rep": true, "ic": true, "agent": true, "officer": true, "lead": true, "head": true,
		"chief": true, "coordinator": true, "reviewer": true, "maintainer": true, "responder": true, "tl": true,
		"expert": true, "sme": true, "contact": true, "commander": true, "scribe": true, "liaison": true,
		"owner": true, "captain": true, "programmer": true, "tester": true, "designer": true,
	}
})

// titleModifiers() may come before a title word in the same apposition: "the
// senior on-call SRE", "Payments platform engineer".
var titleModifiers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"on-call": true, "oncall": true, "senior": true, "junior": true, "staff": true, "principal": true,
		"lead": true, "database": true, "network": true, "platform": true, "backend": true, "frontend": true,
		"security": true, "support": true, "infra": true, "infrastructure": true, "release": true, "site": true,
		"reliability": true, "software": true, "systems": true, "devops": true, "primary": true, "secondary": true,
		"backup": true, "payments": true, "storage": true, "sre": true, "tech": true, "technical": true,
		"product": true, "engineering": true, "cloud": true, "data": true, "ops": true, "duty": true, "vendor": true,
		"incident": true, "comms": true, "communications": true, "customer": true, "account": true, "service": true,
		"subject": true, "matter": true, "networking": true, "kubernetes": true, "dns": true, "mobile": true,
	}
})

// numberWords spell small counts: "two responders".
var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// countWord spells n for a list of people ("two", "11").
func countWord(n int) string {
	if n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
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
