package e2e

import (
	"database/sql"
	"strings"
	"testing"

	"scribe/integrations/github/githubtest"
)

// A tracking issue row whose times the database holds but cannot read
// (year 10000, year 0, text, an unreadable claim) never stops filing or
// syncing: the times are bookkeeping, read as unknown, and the issue is
// still the one tracking issue, ticked in place.
func TestGitHubTrackingWithUnreadableStoredTimes(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	if r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo, "--tracking"); r.code != 0 {
		t.Fatalf("file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for i, q := range []string{
		`UPDATE tracking_issues SET synced_at = '10000-01-01T00:00:00Z', created_at = '0000-01-01T00:00:00Z', updated_at = 'yesterday'`,
		`UPDATE tracking_issues SET number = 0, claim_token = 'another-run', claimed_at = 'not a time'`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		gh.SetState(ghRepo, i+1, "closed", "completed")
		for _, args := range [][]string{{"github", "sync", "1"}, {"github", "file", "1", "--repo", ghRepo, "--tracking"}} {
			r := scribe(t, db, "", ghEnv(gh), args...)
			if r.code != 0 {
				t.Errorf("after %s: %v: exit %d\n%s%s", q, args, r.code, r.stdout, r.stderr)
			}
		}
		tracking := trackingIssues(gh)
		if len(tracking) != 1 {
			t.Fatalf("after %s: %d tracking issues, want 1", q, len(tracking))
		}
		if want := "- [x] #" + string(rune('1'+i)); !strings.Contains(tracking[0].Body, want) {
			t.Errorf("after %s: the tracking issue lacks %q:\n%s", q, want, tracking[0].Body)
		}
	}
}

// A filing claim whose time the database cannot read is an expired claim:
// the item is filed (once), not refused as busy forever.
func TestGitHubFileWithAnUnreadableClaim(t *testing.T) {
	gh := githubtest.New(t, ghToken)
	gh.AddRepo(ghRepo)
	db := githubIncident(t)
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO filing_claims (action_item_id, token, claimed_at) SELECT id, 'another-run', 'not a time' FROM action_items`); err != nil {
		t.Fatal(err)
	}
	r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo)
	if r.code != 0 || len(gh.Issues(ghRepo)) != 3 {
		t.Fatalf("exit %d, %d issues, want 3\n%s%s", r.code, len(gh.Issues(ghRepo)), r.stdout, r.stderr)
	}
	if r := scribe(t, db, "", ghEnv(gh), "github", "file", "1", "--repo", ghRepo); r.code != 0 || len(gh.Issues(ghRepo)) != 3 {
		t.Errorf("second run: exit %d, %d issues\n%s%s", r.code, len(gh.Issues(ghRepo)), r.stdout, r.stderr)
	}
}
