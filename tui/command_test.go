package tui

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func TestParseCommand(t *testing.T) {
	zone, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, zone)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 21, h, m, 0, 0, zone) }
	tests := []struct {
		line string
		want Command
	}{
		{"paged the DB team", Command{Op: OpLog, Kind: incident.KindNote, Text: "paged the DB team"}},
		{"quit? q e p d ? j k", Command{Op: OpLog, Kind: incident.KindNote, Text: "quit? q e p d ? j k"}},
		{"14:05 paged the DB team", Command{Op: OpLog, At: at(14, 5), Kind: incident.KindNote, Text: "paged the DB team"}},
		{"-10m rolled back", Command{Op: OpLog, At: at(15, 20), Kind: incident.KindNote, Text: "rolled back"}},
		{"3 pods restarted", Command{Op: OpLog, Kind: incident.KindNote, Text: "3 pods restarted"}},
		{"//etc/hosts was wrong", Command{Op: OpLog, Kind: incident.KindNote, Text: "/etc/hosts was wrong"}},
		{"/d roll back release 2211", Command{Op: OpLog, Kind: incident.KindDecision, Text: "roll back release 2211"}},
		{"/a 14:05 restarted pods", Command{Op: OpLog, At: at(14, 5), Kind: incident.KindAction, Text: "restarted pods"}},
		{"/o error rate 4%", Command{Op: OpLog, Kind: incident.KindObservation, Text: "error rate 4%"}},
		{"/c posted to status page", Command{Op: OpLog, Kind: incident.KindComms, Text: "posted to status page"}},
		{"/n just a note", Command{Op: OpLog, Kind: incident.KindNote, Text: "just a note"}},
		{"/kind decision freeze deploys", Command{Op: OpLog, Kind: incident.KindDecision, Text: "freeze deploys"}},
		{"/ic Rosa M.", Command{Op: "ic", Role: incident.RoleCommander, Person: "Rosa M."}},
		{"14:05 /ic Rosa M.", Command{Op: "ic", At: at(14, 5), Role: incident.RoleCommander, Person: "Rosa M."}},
		{"/role tl Ken A.", Command{Op: "role", Role: incident.RoleOps, Person: "Ken A."}},
		{"/status identified bad config in payments", Command{Op: "status", State: incident.Identified, Text: "bad config in payments"}},
		{"/status Resolved", Command{Op: "status", State: incident.Resolved}},
		{"/sev 1", Command{Op: "sev", Severity: 1}},
		{"/sev SEV2", Command{Op: "sev", Severity: 2}},
		{"/action Add a canary stage @ken due:2026-12-01 p1", Command{Op: "action", Item: incident.ActionItem{Title: "Add a canary stage", Owner: "@ken", Due: "2026-12-01", Priority: incident.P1}}},
		{"/action p0 @rosa Alert on pool wait", Command{Op: "action", Item: incident.ActionItem{Title: "Alert on pool wait", Owner: "@rosa", Priority: incident.P0}}},
		{"/milestone mitigated", Command{Op: "milestone", Milestone: incident.MilestoneMitigated}},
		{"/milestone started 14:50", Command{Op: "milestone", At: at(14, 50), Milestone: incident.MilestoneStarted}},
		{"/retro well rollback took five minutes", Command{Op: "retro", Section: incident.RetroWentWell, Text: "rollback took five minutes"}},
		{"/set summary Bookings failed for 2h", Command{Op: "set", Field: incident.FieldSummary, Text: "Bookings failed for 2h"}},
		{"/done 3", Command{Op: "done", ItemID: 3}},
		{"/done #4", Command{Op: "done", ItemID: 4}},
		{"/undo", Command{Op: "undo"}},
		{"/filter replica lag", Command{Op: "filter", Text: "replica lag"}},
		{"/filter", Command{Op: "filter"}},
		{"/utc", Command{Op: "utc"}},
		{"/file acme/payments", Command{Op: "file", Repo: "acme/payments"}},
		{"/edit root-cause", Command{Op: "edit", Field: incident.FieldRootCause}},
		{"/help", Command{Op: "help"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got, err := ParseCommand(tt.line, now, zone)
			if err != nil {
				t.Fatalf("ParseCommand(%q): %v", tt.line, err)
			}
			if !got.At.Equal(tt.want.At) {
				t.Errorf("At = %v, want %v", got.At, tt.want.At)
			}
			got.At, tt.want.At = time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCommand(%q)\n got %+v\nwant %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestParseCommandErrors(t *testing.T) {
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	tests := []struct {
		line, wantIn string
	}{
		{"", "nothing to log"},
		{"14:05", "only a time"},
		{"/frobnicate now", "unknown command /frobnicate"},
		{"/ic", "usage: /ic NAME"},
		{"/role commander", "usage: /role ROLE NAME"},
		{"/status", "usage: /status"},
		{"/status fixed it", "invalid state \"fixed\""},
		{"/sev 9", "invalid severity"},
		{"/action", "usage: /action"},
		{"/action @ken", "usage: /action"},
		{"/action Fix it due:someday", "someday"},
		{"/action Fix it p0 p1", "two priorities"},
		{"15:50 paged the DB team", "in the future"},
		{"/sev", "usage: /sev N [reason]"},
		{"/action Fix it @a @b", "one owner"},
		{"/milestone lunch", "unknown milestone"},
		{"/milestone started 25:99", ""},
		{"/kind banana text", "unknown kind"},
		{"/kind decision", "usage: /kind"},
		{"/d", "/d needs text"},
		{"/done x", "invalid action item number"},
		{"/retro somewhere text", "unknown retro section"},
		{"/set colour blue", "unknown field"},
		{"/edit", "usage: /edit"},
		{"/file", "usage: /file"},
		{"/file acme", "invalid repository \"acme\""},
		{"/file a/b/c", "invalid repository"},
		{"/edit colour", "unknown field"},
		// A time on a command that has none is refused, never dropped:
		// "14:05 /done 3" would otherwise mark it done at 15:30.
		{"14:05 /done 3", "/done takes no time"},
		{"-10m /retro lucky the deploy was small", "/retro takes no time"},
		{"14:05 /set summary x", "/set takes no time"},
		{"/remind -5m check lag", `invalid reminder time "-5m"`},
		{"/remind 14:05 check lag", `invalid reminder time "14:05"`},
		{"14:05 /remind 15m check lag", "/remind takes no time"},
		{"14:05 /update slack", "/update takes no time"},
		{"14:05 /filter pods", "/filter takes no time"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			_, err := ParseCommand(tt.line, now, time.UTC)
			if err == nil {
				t.Fatalf("ParseCommand(%q) succeeded, want an error", tt.line)
			}
			if incident.ErrorCode(err) != incident.EINVALID {
				t.Errorf("code = %q, want invalid (%v)", incident.ErrorCode(err), err)
			}
			if !strings.Contains(incident.ErrorMessage(err), tt.wantIn) {
				t.Errorf("error %q does not mention %q", incident.ErrorMessage(err), tt.wantIn)
			}
		})
	}
}

func FuzzParseCommand(f *testing.F) {
	for _, s := range []string{"14:05 x", "/action a @b due:2026-01-01 p1", "/status identified m", "//x", "-5m /ic A"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 21, 15, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, line string) {
		c, err := ParseCommand(line, now, time.UTC)
		if err == nil && c.Op == OpLog && strings.TrimSpace(c.Text) == "" {
			t.Errorf("ParseCommand(%q) logs empty text", line)
		}
	})
}
