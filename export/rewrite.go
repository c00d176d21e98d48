package export

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"scribe/incident"
)

// rewrite replaces each person named in text with the role they held at t
// ("the incident commander"); a zero t stands for the whole incident, where
// the most senior role they ever held is used. The result reads as
// English: capitalised at the start of a sentence, possessives kept ("the
// ops lead's"), lists of people merged ("two responders and the ops
// lead"), and a name after a job title dropped ("On-call SRE Will
// Ferreira paged" is "The on-call SRE paged"). Unsure mentions stay.
func (p *people) rewrite(text string, at time.Time) string {
	ms := sure(p.find(text))
	if len(ms) == 0 {
		return text
	}
	var b strings.Builder
	prev := 0
	for i := 0; i < len(ms); {
		j := listEnd(text, ms, i)
		start, end := ms[i].start, ms[j-1].end
		if j == i+1 && !ms[i].address {
			if from, to, repl, ok := apposition(text, start, end, prev); ok {
				b.WriteString(text[prev:from])
				b.WriteString(repl)
				prev, i = to, j
				continue
			}
		}
		b.WriteString(text[prev:start])
		phrase := p.listPhrase(text, ms[i:j], at)
		if thanked(text, start) {
			phrase = "to " + phrase // "Thanks Grant!" is "Thanks to the ops lead!"
		}
		if sentenceStart(text, start) {
			phrase = capitalize(phrase)
		}
		b.WriteString(phrase)
		prev, i = end, j
		// "James' runbook": the role takes a full possessive.
		if n := bareApostrophe(text, end); n > 0 && !strings.HasSuffix(phrase, "s") {
			b.WriteString("'s")
			prev += n
		}
	}
	b.WriteString(text[prev:])
	return b.String()
}

// thanked reports whether the name at i is thanked directly ("Thanks
// Grant", "thank you Sam"), where a role needs "to".
func thanked(text string, i int) bool {
	t := strings.ToLower(strings.TrimRight(text[:i], " ,"))
	for _, w := range []string{"thanks", "thank you", "kudos"} {
		if strings.HasSuffix(t, w) && (len(t) == len(w) || !isWordByte(t[len(t)-len(w)-1])) {
			return true
		}
	}
	return false
}

// listSeparators join the people of a list: "Sam, Priya and Will".
var listSeparators = []string{", ", " and ", ", and ", " & ", " or ", ", or "}

// listEnd returns the end (exclusive) of the list of people that starts
// with ms[i]: mentions joined only by list separators.
func listEnd(text string, ms []mention, i int) int {
	j := i + 1
	for j < len(ms) && !ms[j-1].address && !ms[j].address && slices.Contains(listSeparators, text[ms[j-1].end:ms[j].start]) {
		j++
	}
	return j
}

// listPhrase is the roles of a list of people, in the list's own words
// when every role differs ("the incident commander and the ops lead"),
// else with people of the same role counted ("two responders and the ops
// lead").
func (p *people) listPhrase(text string, ms []mention, at time.Time) string {
	if len(ms) == 1 {
		if ms[0].address {
			return p.roleName(ms[0].person, at) + "'s address"
		}
		return p.roleName(ms[0].person, at)
	}
	roles := make([]string, len(ms))
	for k, m := range ms {
		roles[k] = p.roleName(m.person, at)
		if m.address {
			roles[k] += "'s address"
		}
	}
	// The same person twice ("k.bauer and bauer_k") is one item; several
	// people of one role are counted.
	counts := map[string]int{}
	var order []string
	seen := map[int]bool{}
	for k, r := range roles {
		if ms[k].person >= 0 && seen[ms[k].person] {
			continue
		}
		seen[ms[k].person] = true
		if counts[r] == 0 {
			order = append(order, r)
		}
		counts[r]++
	}
	if len(order) == len(roles) && len(seen) == len(roles) {
		var b strings.Builder
		for k, r := range roles {
			if k > 0 {
				b.WriteString(text[ms[k-1].end:ms[k].start])
			}
			b.WriteString(r)
		}
		return b.String()
	}
	items := make([]string, len(order))
	for k, r := range order {
		items[k] = r
		if n := counts[r]; n > 1 {
			items[k] = countWord(n) + " " + pluralRole(r)
		}
	}
	conj := " and "
	if last := text[ms[len(ms)-2].end:ms[len(ms)-1].start]; strings.Contains(last, "or") {
		conj = " or "
	}
	if len(items) == 1 {
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + conj + items[len(items)-1]
}

// pluralRole turns "a responder" or "the former incident commander" into
// "responders", "former incident commanders".
func pluralRole(role string) string {
	role = strings.TrimPrefix(strings.TrimPrefix(role, "a "), "the ")
	switch {
	case strings.HasSuffix(role, "s"), strings.HasSuffix(role, "x"), strings.HasSuffix(role, "ch"), strings.HasSuffix(role, "sh"):
		return role + "es"
	}
	return role + "s"
}

// bareApostrophe returns the length of an apostrophe that makes text[:i],
// a name in -s, possessive without an s ("James' runbook"), else 0.
func bareApostrophe(text string, i int) int {
	if i == 0 || (text[i-1] != 's' && text[i-1] != 'S') {
		return 0
	}
	for _, ap := range []string{"'", "’"} {
		if rest, ok := strings.CutPrefix(text[i:], ap); ok && (rest == "" || rest[0] == ' ') {
			return len(ap)
		}
	}
	return 0
}

// apposition finds a job title that already says who someone is, so the
// name after it can go rather than become a second noun phrase: "On-call
// SRE Will Ferreira paged" is "The on-call SRE paged", "the DBA, Sam,
// restarted" is "the DBA restarted". It returns the span to replace and
// its replacement; floor is where the previous rewrite ended.
func apposition(text string, start, end, floor int) (from, to int, repl string, ok bool) {
	// "the DBA, Sam Patel, restarted" and "the DBA (Sam Patel) restarted".
	for _, pair := range [][2]string{{", ", ","}, {" (", ")"}} {
		if start-len(pair[0]) > floor && strings.HasSuffix(text[:start], pair[0]) && strings.HasPrefix(text[end:], pair[1]) &&
			titleWords()[asciiLower(wordBefore(text, onDuty(text, start-len(pair[0]))))] {
			return start - len(pair[0]), end + len(pair[1]), "", true
		}
	}
	if start < 2 || text[start-1] != ' ' {
		return 0, 0, "", false
	}
	k := onDuty(text, start-1)
	if !titleWords()[asciiLower(wordBefore(text, k+1))] {
		return 0, 0, "", false
	}
	k -= len(wordBefore(text, k+1))
	for k > 1 && text[k-1] == ' ' {
		w := wordBefore(text, k)
		lw := asciiLower(w)
		if !titleModifiers()[lw] && !titleWords()[lw] {
			break
		}
		k -= 1 + len(w)
	}
	if k < floor {
		return 0, 0, "", false
	}
	title := text[k : start-1]
	if determiners()[asciiLower(wordBefore(text, k))] || possessiveBefore(text, k) {
		return k, end, title, true
	}
	if sentenceStart(text, k) {
		if first := strings.Fields(title)[0]; !allCaps(first) {
			title = strings.ToLower(first[:1]) + title[1:]
		}
		return k, end, "The " + title, true
	}
	return k, end, "the " + title, true
}

// onDuty returns where a title ends that "on call" or "on duty" follows
// before the space at i ("SRE on call Jack Carter"), else i.
func onDuty(text string, i int) int {
	for _, post := range []string{" on call", " on duty"} {
		if len(text[:i]) > len(post) && asciiLower(text[i-len(post):i]) == post {
			return i - len(post)
		}
	}
	return i
}

// possessiveBefore reports whether the word before i is a possessive
// ("AWS's support engineer").
func possessiveBefore(text string, i int) bool {
	t := strings.TrimRight(text[:i], " ")
	return strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "’s")
}

// roleName is how blameless prose refers to a person. At a time t: the
// role they held then ("the incident commander"), else the one they had
// handed over ("the former incident commander"), else "a responder". For
// the whole incident (zero t): their most senior role, with an ordinal when
// several people held it ("the second incident commander").
func (p *people) roleName(person int, at time.Time) string {
	var now, before, ever string
	senior := func(cur, r string) string {
		if cur == "" || roleRank(r) < roleRank(cur) {
			return r
		}
		return cur
	}
	for i, a := range p.roles {
		if p.holder[i] != person {
			continue
		}
		ever = senior(ever, a.Role)
		if at.IsZero() || a.From.After(at) {
			continue
		}
		if a.Until.IsZero() || a.Until.After(at) {
			now = senior(now, a.Role)
		} else {
			before = senior(before, a.Role)
		}
	}
	switch {
	case !at.IsZero() && now != "":
		return "the " + incident.RoleTitle(now)
	case !at.IsZero() && before != "":
		return "the former " + incident.RoleTitle(before)
	case at.IsZero() && ever != "":
		return "the " + p.ordinal(person, ever) + incident.RoleTitle(ever)
	}
	return "a responder"
}

// ordinal is "second " when person was the second of several people to hold
// role, "" when they were its only holder.
func (p *people) ordinal(person int, role string) string {
	var holders []int
	for i, a := range p.roles {
		if a.Role == role && !slices.Contains(holders, p.holder[i]) {
			holders = append(holders, p.holder[i])
		}
	}
	if len(holders) < 2 {
		return ""
	}
	i := slices.Index(holders, person)
	if i < len(ordinals) {
		return ordinals[i] + " "
	}
	return fmt.Sprintf("%dth ", i+1)
}

var ordinals = []string{"first", "second", "third", "fourth", "fifth"}

// roleRank orders roles by seniority: the canonical roles in the header's
// order, then any free-text role.
func roleRank(role string) int {
	for i, r := range incident.Roles {
		if r == role {
			return i
		}
	}
	return len(incident.Roles)
}
