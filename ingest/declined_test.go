package ingest

import (
	"testing"

	"scribe/incident"
)

func TestDeclinedItem(t *testing.T) {
	for text, want := range map[string]incident.ItemState{
		"The auditor suggested signed commits for the formula repository. The steering group voted on it and it was rejected because of the review load.": incident.ItemWontDo,
		"A second region was proposed, but we decided against it this year":                                                                               incident.ItemWontDo,
		"Reject tokens older than ninety days":  incident.ItemOpen,
		"We've fixed the deploy token rotation": incident.ItemDone,
	} {
		if got := parseItem(text, 2024).State; got != want {
			t.Errorf("%q: state %q, want %q", text, got, want)
		}
	}
}
