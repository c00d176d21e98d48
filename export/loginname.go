package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// spellOutLogins gives a person known only by a login that spells a given
// name and a surname ("april.moss", "ana_lima", "jo-kim") that full name
// too, so that prose which calls them "April Moss", "Lima" or "ana lima" is
// rewritten like the login is. A login whose first half is an ordinary word
// ("deploy-bot", "release.train") or that names a team or a machine
// ("payments-oncall", "db-admin") spells no one.
func (p *people) spellOutLogins() {
	for i, ns := range p.names {
		if firstName(ns[0]) != "" {
			continue
		}
		if full := spelledName(strings.TrimPrefix(strings.TrimSpace(ns[0]), "@")); full != "" {
			p.names[i] = append(ns, full)
		}
	}
}

// spelledName is the "Given Surname" a login spells, or "".
func spelledName(login string) string {
	sep := strings.IndexAny(login, "._-")
	if sep < 0 || machine(strings.ToLower(login)) {
		return ""
	}
	given, surname := login[:sep], login[sep+1:]
	for _, part := range []string{given, surname} {
		if utf8.RuneCountInString(part) < 2 || strings.IndexFunc(part, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return ""
		}
		if l := strings.ToLower(part); personNouns()[l] || machineNames()[l] {
			return ""
		}
	}
	if l := strings.ToLower(given); isCommonWord(l) && !nameWords()[l] {
		return "" // "deploy.bot", "release.train"
	}
	return capitalize(strings.ToLower(given)) + " " + capitalize(strings.ToLower(surname))
}
