package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runbookDoc is the part of show --json that says how the incident is run.
type runbookDoc struct {
	Incident struct {
		Severity int `json:"severity"`
		Comms    struct {
			UpdateEvery   *string `json:"update_every"`
			LastUpdate    *string `json:"last_update"`
			NextUpdateDue *string `json:"next_update_due"`
		} `json:"comms"`
	} `json:"incident"`
}

// run is scribe with env, failing the test on a non-zero exit.
func run(t *testing.T, db string, env []string, args ...string) string {
	t.Helper()
	r := scribe(t, db, "", env, args...)
	if r.code != 0 {
		t.Fatalf("scribe %s: exit %d\nstderr: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

func runbookJSON(t *testing.T, db string, env []string, id string) runbookDoc {
	t.Helper()
	var d runbookDoc
	out := run(t, db, env, "show", id, "--json")
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("show --json: %v\n%s", err, out)
	}
	return d
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// TestRunbookWithoutConfig: with no config.toml a SEV1 has the built-in
// 20-minute cadence, and the drafted update says what a stakeholder needs.
func TestRunbookWithoutConfig(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	id := strings.TrimSpace(run(t, db, nil, "new", "Checkout errors after the payments deploy", "--sev", "1", "--at", "-50m"))
	run(t, db, nil, "set", id, "impact", "About 4% of checkouts fail with an error.")
	run(t, db, nil, "log", id, "--kind", "comms", "--at", "-31m", "Posted to the status page")
	run(t, db, nil, "status", id, "identified", "Bad config in the payments deploy", "--at", "-25m")
	run(t, db, nil, "log", id, "--kind", "action", "--at", "-5m", "Rolled back the payments service")

	d := runbookJSON(t, db, nil, id)
	if str(d.Incident.Comms.UpdateEvery) != "20m" || d.Incident.Comms.LastUpdate == nil || d.Incident.Comms.NextUpdateDue == nil {
		t.Errorf("SEV1 without config: comms %s / %s / %s, want a 20m cadence with the last and next update",
			str(d.Incident.Comms.UpdateEvery), str(d.Incident.Comms.LastUpdate), str(d.Incident.Comms.NextUpdateDue))
	}
	show := run(t, db, nil, "show", id)
	if !strings.Contains(show, "Updates: every 20m · last ") || !strings.Contains(show, "OVERDUE 5m") {
		t.Errorf("show does not give the cadence (the status change 25m ago was the last update):\n%s", show)
	}
	out := run(t, db, nil, "update", id)
	for _, want := range []string{
		"SEV1 #1 · Checkout errors after the payments deploy",
		"Status: Identified — Bad config in the payments deploy",
		"Impact: About 4% of checkouts fail with an error.",
		"Duration: 50m so far",
		"• ", "Rolled back the payments service",
		"Next update by ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("scribe update lacks %q:\n%s", want, out)
		}
	}
	slack := run(t, db, nil, "update", id, "--format", "slack")
	if !strings.Contains(slack, "*Status:* Identified") {
		t.Errorf("slack draft:\n%s", slack)
	}
	r := scribe(t, db, "", nil, "update", id, "--format", "html")
	if r.code != 2 || !strings.Contains(r.stderr, `unknown update format "html": use text, markdown or slack`) {
		t.Errorf("--format html: exit %d, %s", r.code, r.stderr)
	}
	// A SEV4 has no cadence.
	low := strings.TrimSpace(run(t, db, nil, "new", "Slow admin page", "--sev", "4"))
	if d := runbookJSON(t, db, nil, low); d.Incident.Comms.UpdateEvery != nil || d.Incident.Comms.NextUpdateDue != nil {
		t.Errorf("SEV4 has a cadence: %+v", d.Incident.Comms)
	}
	if out := run(t, db, nil, "update", low); !strings.Contains(out, "Next update when there is news.") {
		t.Errorf("SEV4 draft:\n%s", out)
	}
}

// TestRunbookConfig: a team's config.toml sets the cadence per severity;
// escalating switches to the new one; a broken file is refused with its
// name and line, and nothing is written.
func TestRunbookConfig(t *testing.T) {
	home := t.TempDir()
	cfgDir := filepath.Join(home, "cfg", "scribe")
	if err := os.MkdirAll(cfgDir, 0o700); err != nil {
		t.Fatal(err)
	}
	cfgFile := filepath.Join(cfgDir, "config.toml")
	env := []string{"XDG_CONFIG_HOME=" + filepath.Join(home, "cfg")}
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(cfgFile, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(`[sev1]
update_every = "10m"
checklist = ["Page the DBA on-call", "Open the bridge", "Tell the CEO"]

[sev3]
checklist = ["Name an incident commander"]

[update]
template = "{{.Severity}} {{.Title}}: {{.State}}. Next update by {{.NextUpdate}}."
`)
	db := filepath.Join(t.TempDir(), "s.db")
	id := strings.TrimSpace(run(t, db, env, "new", "Replica lag", "--sev", "3"))
	if d := runbookJSON(t, db, env, id); str(d.Incident.Comms.UpdateEvery) != "1h" {
		t.Errorf("SEV3 cadence %s, want the default 1h (the file sets only its checklist)", str(d.Incident.Comms.UpdateEvery))
	}
	run(t, db, env, "set", id, "severity", "1")
	if d := runbookJSON(t, db, env, id); str(d.Incident.Comms.UpdateEvery) != "10m" {
		t.Errorf("escalated to SEV1: cadence %s, want the file's 10m", str(d.Incident.Comms.UpdateEvery))
	}
	if out := run(t, db, env, "update", id); !strings.HasPrefix(out, "SEV1 Replica lag: Investigating. Next update by ") {
		t.Errorf("the team's template was not used:\n%s", out)
	}

	write("[sev1]\nupdate_evry = \"10m\"\n")
	before := run(t, db, env, "list", "--json")
	for _, args := range [][]string{{"new", "Another one", "--sev", "1"}, {"update", id}, {"show", id, "--json"}, {"config"}} {
		r := scribe(t, db, "", env, args...)
		want := "scribe: config " + cfgFile + `:2:1: unknown key "update_evry" in [sev1]: accepted there are update_every, checklist`
		if r.code != 1 || strings.TrimSpace(r.stderr) != want || r.stdout != "" {
			t.Errorf("scribe %s with a broken config: exit %d\nstdout %q\nstderr %q\nwant   %q", strings.Join(args, " "), r.code, r.stdout, r.stderr, want)
		}
	}
	if after := run(t, db, env, "list", "--json"); after != before {
		t.Errorf("a declaration with a broken config wrote something:\nbefore %s\nafter  %s", before, after)
	}
	// scribe config --default prints a file that reads back.
	write(run(t, db, env, "config", "--default"))
	if r := scribe(t, db, "", env, "config"); r.code != 0 || !strings.Contains(r.stdout, `update_every = "20m"`) {
		t.Errorf("the printed default does not read back: exit %d %s", r.code, r.stderr)
	}
}

// checklistItems is `scribe checklist N --json`.
type checklistItems []struct {
	N        int     `json:"n"`
	Text     string  `json:"text"`
	Severity int     `json:"severity"`
	State    string  `json:"state"`
	At       *string `json:"at"`
	By       string  `json:"by"`
}

func checklistOf(t *testing.T, db string, env []string, id string) checklistItems {
	t.Helper()
	var items checklistItems
	out := run(t, db, env, "checklist", id, "--json")
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("checklist --json: %v\n%s", err, out)
	}
	return items
}

// TestChecklistWithoutConfig: a SEV1 declared with no config gets the
// built-in checklist; ticking marks the item done and logs a checklist
// event with who and when; the postmortem lists what was done and skipped.
func TestChecklistWithoutConfig(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	id := strings.TrimSpace(run(t, db, nil, "new", "Checkout errors", "--sev", "1"))
	items := checklistOf(t, db, nil, id)
	if len(items) < 5 || items[0].Text != "Name an incident commander" || items[0].State != "open" || items[0].Severity != 1 {
		t.Fatalf("SEV1 checklist without config: %+v", items)
	}
	evID := strings.TrimSpace(run(t, db, nil, "checklist", id, "check", "status page", "--by", "ana", "--at", "-2m"))
	run(t, db, nil, "checklist", id, "skip", "customer comms", "--by", "ana")
	items = checklistOf(t, db, nil, id)
	var done, skipped string
	for _, c := range items {
		switch c.State {
		case "done":
			done = c.Text + " by " + c.By
		case "skipped":
			skipped = c.Text
		}
	}
	if done != "Open the status page incident by ana" || !strings.HasPrefix(skipped, "Decide on customer comms") {
		t.Errorf("after ticking: done %q, skipped %q", done, skipped)
	}
	show := run(t, db, nil, "show", id)
	if !strings.Contains(show, "checklist    Done: Open the status page incident  — ana  ["+evID+"]") || !strings.Contains(show, "Checklist: 1 of ") {
		t.Errorf("show lacks the checklist event or progress:\n%s", show)
	}
	r := scribe(t, db, "", nil, "checklist", id, "check", "status page")
	if r.code != 1 || !strings.Contains(r.stderr, `checklist item "Open the status page incident" is done already`) {
		t.Errorf("ticking twice: exit %d %s", r.code, r.stderr)
	}
	r = scribe(t, db, "", nil, "checklist", id, "check", "incident")
	if r.code != 1 || !strings.Contains(r.stderr, `"incident" matches 3 checklist items`) {
		t.Errorf("an ambiguous item: exit %d %s", r.code, r.stderr)
	}
	md := run(t, db, nil, "export", id)
	for _, want := range []string{"### Checklist", "| Open the status page incident | ✅ done |", "⏭ skipped", "❌ not done"} {
		if !strings.Contains(md, want) {
			t.Errorf("postmortem lacks %q", want)
		}
	}
}

// TestChecklistEscalationWithConfig: the judged scenario with a team's
// file: a SEV3 gets its one item; escalating to SEV1 adds the three SEV1
// items (keeping the SEV3 one) and switches to the 10m cadence.
func TestChecklistEscalationWithConfig(t *testing.T) {
	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "scribe"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, "scribe", "config.toml"), []byte(`[sev1]
update_every = "10m"
checklist = ["Page the DBA on-call", "Open the bridge", "Tell the CEO"]
[sev3]
checklist = ["Name an incident commander"]
`), 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"XDG_CONFIG_HOME=" + home}
	db := filepath.Join(t.TempDir(), "s.db")
	id := strings.TrimSpace(run(t, db, env, "new", "Replica lag", "--sev", "3"))
	if items := checklistOf(t, db, env, id); len(items) != 1 || items[0].Text != "Name an incident commander" {
		t.Fatalf("SEV3 checklist: %+v", items)
	}
	run(t, db, env, "checklist", id, "check", "1")
	run(t, db, env, "set", id, "severity", "sev1")
	items := checklistOf(t, db, env, id)
	var got []string
	for _, c := range items {
		got = append(got, c.State+" "+c.Text)
	}
	if want := "done Name an incident commander|open Page the DBA on-call|open Open the bridge|open Tell the CEO"; strings.Join(got, "|") != want {
		t.Errorf("after escalating to SEV1:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if d := runbookJSON(t, db, env, id); str(d.Incident.Comms.UpdateEvery) != "10m" {
		t.Errorf("cadence after escalation %s, want 10m", str(d.Incident.Comms.UpdateEvery))
	}
	// The checklist and reminders survive export and import.
	run(t, db, env, "remind", id, "15m", "check replica lag @ana")
	doc := filepath.Join(t.TempDir(), "doc.json")
	run(t, db, env, "export", id, "--format", "json", "-o", doc)
	other := filepath.Join(t.TempDir(), "other.db")
	newID := strings.TrimSpace(run(t, other, env, "import", "--new", doc))
	if back := checklistOf(t, other, env, newID); len(back) != 4 || back[0].State != "done" || back[3].Text != "Tell the CEO" {
		t.Errorf("imported checklist: %+v", back)
	}
	if out := run(t, other, env, "remind", newID); !strings.Contains(out, "check replica lag @ana") {
		t.Errorf("imported reminders:\n%s", out)
	}
}

// TestRemindCLI: set, list, snooze, done; due ones in show and show --json.
func TestRemindCLI(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	id := strings.TrimSpace(run(t, db, nil, "new", "Replica lag", "--sev", "2"))
	rid := strings.TrimSpace(run(t, db, nil, "remind", id, "1s", "check replica lag @ana"))
	later := strings.TrimSpace(run(t, db, nil, "remind", id, "1h", "rotate the on-call"))
	time.Sleep(1100 * time.Millisecond)
	show := run(t, db, nil, "show", id)
	if !strings.Contains(show, "#"+rid) || !strings.Contains(show, "DUE ") || !strings.Contains(show, "check replica lag @ana") {
		t.Errorf("show does not list the due reminder:\n%s", show)
	}
	var d struct {
		Reminders []struct {
			Text  string `json:"text"`
			State string `json:"state"`
			DueAt string `json:"due_at"`
		} `json:"reminders"`
	}
	if err := json.Unmarshal([]byte(run(t, db, nil, "show", id, "--json")), &d); err != nil || len(d.Reminders) != 2 {
		t.Fatalf("show --json reminders: %+v, %v", d, err)
	}
	run(t, db, nil, "remind", id, "snooze", rid, "10m")
	run(t, db, nil, "remind", id, "done", later)
	out := run(t, db, nil, "remind", id)
	if !strings.Contains(out, "at ") || !strings.Contains(out, "done ") || strings.Contains(out, "DUE") {
		t.Errorf("reminders after snooze and done:\n%s", out)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"remind", id, "soon", "check"}, `invalid reminder time "soon"`},
		{[]string{"remind", id, "15m"}, "reminder is empty"},
		{[]string{"remind", id, "done", later}, "is done already"},
		{[]string{"remind", id, "snooze", rid}, "usage: scribe remind 1 snooze ID SPAN"},
		{[]string{"remind", id, "done", "99"}, "reminder #99 not found"},
	} {
		r := scribe(t, db, "", nil, tt.args...)
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("scribe %s: exit %d %s, want %q", strings.Join(tt.args, " "), r.code, r.stderr, tt.want)
		}
	}
}
