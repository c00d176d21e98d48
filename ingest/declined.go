package ingest

import (
	"scribe/incident"
	"scribe/lazyregexp"
)

// declined is an item told as dropped: "The committee voted on this and
// it was rejected", "we decided against a second region".
var declined = lazyregexp.New(`(?i)\b(?:it|this|that|the (?:proposal|idea|change|suggestion|request))\s+was\s+(?:rejected|declined|turned down|voted down)\b|\bwe\s+decided\s+(?:against|not\s+to)\b`)

// toldState is the state an item's words tell: done ("We've fixed …",
// "… has been disabled"), won't do ("… it was rejected"), else open.
func toldState(rest string) incident.ItemState {
	switch {
	case declined().MatchString(rest):
		return incident.ItemWontDo
	case toldDone(rest):
		return incident.ItemDone
	}
	return incident.ItemOpen
}
