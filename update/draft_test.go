package update_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/update"
)

// pdt is the incident's zone in the fixtures.
func pdt(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// at is 3 June 2025 h:m PDT.
func at(t *testing.T, h, m int) time.Time {
	return time.Date(2025, 6, 3, h, m, 0, 0, pdt(t))
}

// checkout is a SEV1 in progress: impact from 09:02, declared 09:09, a
// comms update at 09:40, then a status change, an action, a note and a
// pinned observation.
func checkout(t *testing.T) incident.Snapshot {
	ev := func(id int64, h, m int, k incident.Kind, text string) incident.Event {
		return incident.Event{ID: id, IncidentID: 7, OccurredAt: at(t, h, m), Kind: k, Text: text}
	}
	status := ev(6, 9, 45, incident.KindStatus, "Bad config in the payments deploy")
	status.State = incident.Identified
	pinned := ev(9, 9, 55, incident.KindObservation, "Errors only on pods with the 09:00 deploy")
	pinned.Pinned = true
	started := ev(1, 9, 2, incident.KindMilestone, "")
	started.Milestone = incident.MilestoneStarted
	role := ev(3, 9, 11, incident.KindRole, "Rosa Martinez is incident commander")
	role.Role, role.Person = incident.RoleCommander, "Rosa Martinez"
	return incident.Snapshot{
		Incident: incident.Incident{
			ID: 7, Title: "Checkout errors after the payments deploy", Severity: 1, State: incident.Identified,
			Timezone: "America/Los_Angeles", Impact: "About 4% of checkouts fail with an error.",
			Services: []string{"payments", "checkout"},
			Milestones: incident.Milestones{
				incident.MilestoneStarted: at(t, 9, 2), incident.MilestoneDeclared: at(t, 9, 9),
			},
			CreatedAt: at(t, 9, 9),
		},
		Events: []incident.Event{
			started,
			ev(2, 9, 4, incident.KindObservation, "5xx rate on /checkout above 4%"),
			role,
			ev(4, 9, 20, incident.KindAction, "Paged the payments on-call"),
			ev(5, 9, 40, incident.KindComms, "Posted to the status page"),
			status,
			ev(7, 9, 50, incident.KindAction, "Rosa Martinez rolled back the payments service"),
			ev(8, 9, 52, incident.KindNote, "coffee is here"),
			pinned,
		},
		Roles:       []incident.RoleAssignment{{IncidentID: 7, Role: incident.RoleCommander, Person: "Rosa Martinez", From: at(t, 9, 11)}},
		UpdateEvery: 20 * time.Minute,
	}
}

func render(t *testing.T, snap incident.Snapshot, opts update.Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := update.Render(&buf, update.Build(snap, opts), opts.Template); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestDraftText: a status change counts as an update (it reaches the status
// page), so what changed is what came after it; the state line carries its
// message. Notes stay out, pinned lines come in, people become roles, and
// sent now the next update is due the cadence after now.
func TestDraftText(t *testing.T) {
	got := render(t, checkout(t), update.Options{Now: at(t, 10, 3).Add(20 * time.Second)})
	want := `SEV1 #7 · Checkout errors after the payments deploy
Status: Identified — Bad config in the payments deploy
Impact: About 4% of checkouts fail with an error.
Affected services: payments, checkout
Duration: 1h 1m so far (since 09:02 PDT)

Since the last update (09:45 PDT):
• 09:50 The incident commander rolled back the payments service
• 09:55 Errors only on pods with the 09:00 deploy

Next update by 10:23 PDT.
`
	if got != want {
		t.Errorf("draft:\n%s\nwant:\n%s", got, want)
	}
}

func TestDraftMarkdownAndSlack(t *testing.T) {
	snap := checkout(t)
	snap.Incident.Title = "Checkout <b>errors</b> & *stars* @channel <!here>"
	snap.Events[6].Text = "rolled back_the `payments` [service](http://x)"
	md := render(t, snap, update.Options{Now: at(t, 10, 3), Format: update.FormatMarkdown})
	for _, want := range []string{
		"**SEV1 #7 · Checkout \\<b\\>errors\\</b\\> & \\*stars\\* @channel \\<!here\\>**  \n",
		"**Status:** Identified — Bad config in the payments deploy  \n",
		"- 09:50 rolled back\\_the \\`payments\\` \\[service\\](http://x)",
		"\n\nNext update by 10:23 PDT.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown draft lacks %q:\n%s", want, md)
		}
	}
	slack := render(t, snap, update.Options{Now: at(t, 10, 3), Format: update.FormatSlack})
	for _, want := range []string{
		"*SEV1 #7 · Checkout &lt;b&gt;errors&lt;/b&gt; &amp; *stars* @channel &lt;!here&gt;*\n",
		"*Status:* Identified",
		"• 09:50 rolled back_the `payments` [service](http://x)",
	} {
		if !strings.Contains(slack, want) {
			t.Errorf("slack draft lacks %q:\n%s", want, slack)
		}
	}
	if strings.Contains(slack, "<") || strings.Contains(slack, "  \n") {
		t.Errorf("slack draft has a raw < or a Markdown hard break:\n%s", slack)
	}
}

func TestDraftNamesNoOneUnlessAsked(t *testing.T) {
	snap := checkout(t)
	blameless := render(t, snap, update.Options{Now: at(t, 10, 3)})
	if strings.Contains(blameless, "Rosa") {
		t.Errorf("blameless draft names a responder:\n%s", blameless)
	}
	named := render(t, snap, update.Options{Now: at(t, 10, 3), Names: true})
	if !strings.Contains(named, "Rosa Martinez rolled back") {
		t.Errorf("draft with names lost the name:\n%s", named)
	}
}

func TestDraftWithoutUpdatesListsEverything(t *testing.T) {
	snap := checkout(t)
	var kept []incident.Event
	for _, e := range snap.Events {
		if e.Kind != incident.KindComms && e.Kind != incident.KindStatus {
			kept = append(kept, e)
		}
	}
	snap.Events = kept
	snap.Incident.State = incident.Investigating
	d := update.Build(snap, update.Options{Now: at(t, 9, 21)})
	if d.LastUpdate != "" || d.StateMessage != "" {
		t.Errorf("no update was sent, yet LastUpdate %q, StateMessage %q", d.LastUpdate, d.StateMessage)
	}
	// Impact began, the page, the rollback, the pinned line (all times: the
	// draft is written as of 09:21 but lists what is recorded).
	var texts []string
	for _, c := range d.Changes {
		texts = append(texts, c.Time+" "+c.Text)
	}
	want := "09:02 Impact began|09:20 Paged the payments on-call|09:50 The incident commander rolled back the payments service|09:55 Errors only on pods with the 09:00 deploy"
	if strings.Join(texts, "|") != want {
		t.Errorf("changes = %q\nwant      %q", strings.Join(texts, "|"), want)
	}
	out := render(t, snap, update.Options{Now: at(t, 9, 21)})
	if !strings.Contains(out, "What has happened:") || !strings.Contains(out, "Next update by 09:41 PDT.") {
		t.Errorf("first draft:\n%s", out)
	}
}

func TestDraftResolvedAndWithoutCadence(t *testing.T) {
	snap := checkout(t)
	snap.Incident.State = incident.Resolved
	snap.Incident.Milestones[incident.MilestoneResolved] = at(t, 11, 15)
	out := render(t, snap, update.Options{Now: at(t, 11, 20)})
	for _, want := range []string{"Status: Resolved", "Duration: 2h 13m (from 09:02 PDT)", "This incident is resolved."} {
		if !strings.Contains(out, want) {
			t.Errorf("resolved draft lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Next update by") {
		t.Errorf("resolved draft promises another update:\n%s", out)
	}
	snap = checkout(t)
	snap.UpdateEvery = 0
	if out := render(t, snap, update.Options{Now: at(t, 10, 3)}); !strings.Contains(out, "Next update when there is news.") {
		t.Errorf("draft without cadence:\n%s", out)
	}
}

func TestDraftMissingImpactAndOtherDay(t *testing.T) {
	snap := checkout(t)
	snap.Incident.Impact = ""
	snap.Incident.Services = nil
	// Sent after midnight: times of another day carry their date.
	out := render(t, snap, update.Options{Now: at(t, 23, 50).Add(time.Hour)})
	for _, want := range []string{
		"Impact: [impact not recorded yet: fill in before sending]",
		"since Tue 3 Jun 09:02 PDT",
		"Next update by 01:10 PDT.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("draft lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Affected services") {
		t.Errorf("draft lists services though none are recorded:\n%s", out)
	}
}

func TestDraftKeepsTheLatestChanges(t *testing.T) {
	snap := checkout(t)
	snap.Events = snap.Events[:1]
	for i := 0; i < update.MaxChanges+3; i++ {
		snap.Events = append(snap.Events, incident.Event{ID: int64(100 + i), IncidentID: 7, OccurredAt: at(t, 10, i), Kind: incident.KindAction, Text: "step " + strconv.Itoa(i)})
	}
	d := update.Build(snap, update.Options{Now: at(t, 11, 0)})
	// Impact began plus 11 steps: the 8 latest shown, 4 counted.
	if len(d.Changes) != update.MaxChanges || d.Earlier != 4 || d.Changes[len(d.Changes)-1].Text != "step 10" {
		t.Fatalf("changes %+v, earlier %d", d.Changes, d.Earlier)
	}
	if out := render(t, snap, update.Options{Now: at(t, 11, 0)}); !strings.Contains(out, "• … 4 earlier changes\n• 10:03 step 3") {
		t.Errorf("draft does not count what it leaves out:\n%s", out)
	}
}

func TestDraftSanitizesTerminalEscapes(t *testing.T) {
	snap := checkout(t)
	snap.Incident.Title = "Errors\x1b]0;owned\x07 after\ndeploy\u202e"
	for _, f := range update.Formats {
		out := render(t, snap, update.Options{Now: at(t, 10, 3), Format: f})
		if strings.ContainsAny(out, "\x1b\x07\u202e") || !strings.Contains(out, "Errors after deploy") {
			t.Errorf("%s draft carries control characters or a broken title:\n%q", f, out)
		}
	}
}
