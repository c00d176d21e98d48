package ingest

import (
	"testing"

	"scribe/incident"
)

func TestDonePassive(t *testing.T) {
	for _, c := range []struct {
		text string
		want incident.ItemState
	}{
		{"The `merge-bot` workflow has been disabled and removed from all repositories.", incident.ItemDone},
		{"Both signing tokens have now been revoked", incident.ItemDone},
		{"All pull requests will require a second reviewer", incident.ItemOpen},
		{"By June every token will have been rotated", incident.ItemOpen},
		{"Check whether the old token has been used since March", incident.ItemOpen},
	} {
		if got := parseItem(c.text, 2024).State; got != c.want {
			t.Errorf("%q: state %q, want %q", c.text, got, c.want)
		}
	}
}
