package export

// Who did a failure verb: a person ("the SRE forgot", "ignored by the
// on-call") is blamed, a thing ("the load balancer forgot sticky sessions",
// "ignored by the router") is engineering.

// thingSubject reports whether the verb at token i has a thing for its
// subject: a lower-case noun after a determiner that is neither a person
// nor a pronoun ("the load balancer", "our cache").
func (b *blameScan) thingSubject(i int) bool {
	k := i - 1
	for k >= 0 && isAdverb(b.toks[k].w) {
		k--
	}
	if k >= 0 && !b.toks[k].person && len(b.toks[k].w) >= 2 && allCaps(b.text[b.toks[k].start:b.toks[k].end]) {
		return true // "AWS forgot to notify us": a vendor or a system by its acronym
	}
	return b.thingAt(k)
}

// thingAgent reports whether "by" at token i names a thing as the agent of a
// passive: "was ignored by the router", not "by the on-call engineer".
func (b *blameScan) thingAgent(i int) bool {
	if b.word(i) != "by" {
		return false
	}
	k := i + 1
	for k < len(b.toks) && determiners()[b.toks[k].w] {
		k++
	}
	if k == i+1 {
		return false // "ignored by Sam", "by ops"
	}
	// The head of the noun phrase: the last of its words before a
	// preposition or the end ("the health check of the proxy").
	for k+1 < len(b.toks) && !functionWords()[b.toks[k+1].w] && !b.toks[k].person {
		if b.text[b.toks[k].end:b.toks[k+1].start] != " " {
			break
		}
		k++
	}
	return b.thingAt(k)
}

// thingAt reports whether token k is a noun that is no person: not a name,
// a pronoun or a person noun, and after a determiner within three words.
func (b *blameScan) thingAt(k int) bool {
	if k < 0 || k >= len(b.toks) || b.toks[k].person || pronouns()[b.toks[k].w] || determiners()[b.toks[k].w] {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if b.toks[j].person {
			return false // "the on-call engineer's script"
		}
		if determiners()[b.toks[j].w] {
			return true
		}
	}
	return false
}

// deliberate reports whether the sentence says the act was chosen ("on
// purpose", "deliberately", "by design", "as planned"): a decision to
// describe, not a lapse to blame.
func (b *blameScan) deliberate() bool {
	for k := range b.toks {
		switch b.word(k) {
		case "deliberately", "intentionally", "knowingly":
			return true
		case "on":
			if b.word(k+1) == "purpose" {
				return true
			}
		case "by":
			if b.word(k+1) == "design" {
				return true
			}
		case "as":
			if n := b.word(k + 1); n == "planned" || n == "agreed" || n == "intended" || n == "designed" {
				return true
			}
		}
	}
	return false
}
