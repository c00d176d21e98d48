package export

import (
	"testing"
	"time"
)

// TestSpelledName: which logins spell a person's name.
func TestSpelledName(t *testing.T) {
	for login, want := range map[string]string{
		"april.moss": "April Moss", "ana_lima": "Ana Lima", "jo-kim": "Jo Kim", "ÅSA.berg": "Åsa Berg",
		"deploy-bot": "", "release.train": "", "payments-oncall": "", "db-admin": "", "k.tanaka": "",
		"ana.lima2": "", "sam": "", "ops.team": "", "ci_runner": "",
	} {
		if got := spelledName(login); got != want {
			t.Errorf("spelledName(%q) = %q, want %q", login, got, want)
		}
	}
}

// TestLoginSpelledInProse: a responder known only by the login april.moss
// is gone where the prose calls them by name, in any case.
func TestLoginSpelledInProse(t *testing.T) {
	p := newPeople(castIncident([][2]string{{"commander", "Will Rivers"}}, []string{"april.moss", "deploy-bot"}, nil))
	for in, want := range map[string]string{
		"april moss says the script runs on every request": "A responder says the script runs on every request",
		"Moss said the script runs":                        "A responder said the script runs",
		"asked april to check the replica":                 "asked a responder to check the replica",
		"In April the script ran fine":                     "In April the script ran fine",
		"Deploy bot restarted the pods":                    "Deploy bot restarted the pods",
	} {
		if got := p.rewrite(in, time.Time{}); got != want {
			t.Errorf("rewrite(%q) = %q, want %q", in, got, want)
		}
	}
}
