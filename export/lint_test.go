package export

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// codes counts warnings by code.
func codes(ws []Warning) map[string]int {
	out := map[string]int{}
	for _, w := range ws {
		out[w.Code]++
	}
	return out
}

func TestBlamingLanguage(t *testing.T) {
	people := newPeople(handOff())
	cases := []struct {
		text string
		want []string // phrases found, in order
	}{
		{"Cy should have load-tested it; human error", []string{"should have load-tested", "human error"}},
		{"We forgot to renew the certificate", []string{"forgot"}},
		{"It was careless and negligent", []string{"careless", "negligent"}},
		{"whose fault was it? Who is to blame", []string{"whose fault", "to blame"}},
		{"Why didn’t anyone page the DB team", []string{"Why didn’t"}},
		{"She SHOULDN'T HAVE merged it", []string{"SHOULDN'T HAVE merged"}},
		{"Ana failed to check the dashboard", []string{"failed to"}},
		{"he failed to notice", []string{"failed to"}},
		{"a mistake by the on-call", []string{"mistake by"}},
		// Fault attributed to a person, without the old trigger words.
		{"It was the engineer's mistake", []string{"engineer's mistake"}},
		{"Cy's error took the site down", []string{"Cy's error"}},
		{"the SRE failed to notice the alert", []string{"failed to"}},
		{"The on-call engineer ignored the alert", []string{"ignored"}},
		{"Ignored the disk alert for an hour", []string{"Ignored"}},
		{"The expiry warning was ignored", []string{"ignored"}},
		{"Ana made a mistake in the config", []string{"made a mistake"}},
		{"Someone should've double-checked the flag", []string{"should've double-checked"}},
		{"Bo dropped the ball on the renewal", []string{"dropped the ball"}},
		{"a rookie mistake", []string{"rookie mistake"}},
		// Engineering and design language is not blame.
		{"The pod failed to start and the job failed to retry", nil},
		{"fault tolerance and fault-tolerant queues; a page fault", nil},
		{"we injected a fault in staging", nil},
		{"the cache should have a TTL of 60s", nil},
		{"the config should have been validated by CI", nil},
		{"the on-call should have a runbook for this", nil},
		{"nobody should have to page three teams", nil},
		{"the proxy ignored the header", nil},
		{"a forgotten cron job kept writing", nil},
		{"the client's error rate doubled; error budget spent", nil},
		{"It was nobody's fault", nil},
		{"an unforgotten lesson; forgottenness", nil},
		{"Blameless review; shoulder the load; careful rollout", nil},
		{"the default was not set", nil},
	}
	for _, tc := range cases {
		var got []string
		for _, m := range findBlame(tc.text, people.find(tc.text)) {
			got = append(got, m.phrase)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("findBlame(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestBlameWarningNamesTheSentenceAndOffersAFix(t *testing.T) {
	snap := emptyIncident()
	snap.Retro = []incident.RetroNote{{Section: incident.RetroWentWrong, Text: "Dashboards were fine. The SRE failed to notice the disk alert, so it filled."}}
	var got []Warning
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnBlaming {
			got = append(got, w)
		}
	}
	if len(got) != 1 {
		t.Fatalf("blaming warnings = %s", dump(got))
	}
	w := got[0]
	if w.Text != "The SRE failed to notice the disk alert, so it filled." || w.Phrase != "failed to" {
		t.Errorf("warning names %q / %q, want the sentence and the phrase", w.Text, w.Phrase)
	}
	if !strings.Contains(w.Message, `the disk alert was not noticed because …`) {
		t.Errorf("warning offers no rewrite: %s", w.Message)
	}
}

func TestLintFlagsTheFixture(t *testing.T) {
	ws := Lint(searchOutage(), Options{})
	got := codes(ws)
	want := map[string]int{
		WarnBlaming:     2, // "should have", "human error" in the retro note
		WarnNamedPerson: 7, // summary 2, timeline 3, went well 1, went wrong 1
		WarnNoOwner:     1, // item 33
		WarnNoDue:       1, // item 33 (item 32 is done)
	}
	for code, n := range want {
		if got[code] != n {
			t.Errorf("%d %s warnings, want %d\n%s", got[code], code, n, dump(ws))
		}
	}
	if got[WarnEmptySection] != 0 || got[WarnMilestoneOrder] != 0 || got[WarnMilestoneMissing] != 0 {
		t.Errorf("unexpected warnings:\n%s", dump(ws))
	}
	var blame Warning
	for _, w := range ws {
		if w.Code == WarnBlaming {
			blame = w
			break
		}
	}
	if blame.Section != "What went wrong" || blame.Where != "note 2" || blame.Phrase != "should have load-tested" ||
		blame.Text != "Dmitri should have load-tested the rebuild" {
		t.Errorf("first blaming warning = %+v, want What went wrong / note 2 / should have load-tested", blame)
	}
	if s := blame.String(); !strings.HasPrefix(s, `What went wrong (note 2): "Dmitri should have load-tested the rebuild": hindsight`) ||
		!strings.Contains(s, `"the rebuild was not load-tested because …"`) {
		t.Errorf("String() = %q", s)
	}
}

func TestLintEmptyIncident(t *testing.T) {
	ws := Lint(emptyIncident(), Options{})
	sections := map[string]bool{}
	for _, w := range ws {
		if w.Code == WarnEmptySection {
			sections[w.Section+"/"+w.Where] = true
		}
	}
	for _, s := range []string{"Summary/", "Impact/", "Impact/affected services", "Timeline/", "Root cause/",
		"Contributing factors/", "Trigger/", "Resolution and recovery/", "What went well/", "What went wrong/",
		"Where we got lucky/", "Action items/", "Responders/"} {
		if !sections[s] {
			t.Errorf("no empty-section warning for %s\n%s", s, dump(ws))
		}
	}
	if sections["Lessons learned/"] {
		t.Error("lessons learned is optional but was reported empty")
	}
	if codes(ws)[WarnMilestoneMissing] != 1 {
		t.Errorf("want one milestone-missing warning (only declared is set)\n%s", dump(ws))
	}
	for _, w := range ws {
		if !strings.Contains(w.Message, "scribe ") {
			t.Errorf("warning does not say which command fixes it: %s", w)
		}
	}
}

func TestLintMilestones(t *testing.T) {
	snap := searchOutage()
	ms := snap.Incident.Milestones
	ms[incident.MilestoneDetected] = ms[incident.MilestoneStarted].Add(-10 * time.Minute)
	ws := Lint(snap, Options{})
	var order []Warning
	for _, w := range ws {
		if w.Code == WarnMilestoneOrder {
			order = append(order, w)
		}
	}
	if len(order) != 1 || !strings.Contains(order[0].Message, "detected (Tue 14 Oct 09:31) is before started (Tue 14 Oct 09:41)") {
		t.Errorf("milestone-order warnings = %s", dump(order))
	}
	delete(ms, incident.MilestoneStarted)
	ws = Lint(snap, Options{Zone: time.UTC})
	if n := codes(ws)[WarnMilestoneMissing]; n != 1 {
		t.Errorf("%d milestone-missing warnings without started, want 1\n%s", n, dump(ws))
	}
}

func TestLintActionItems(t *testing.T) {
	snap := emptyIncident()
	snap.ActionItems = []incident.ActionItem{
		{ID: 1, Title: "Add an alert", State: incident.ItemOpen},
		{ID: 2, Title: "Write the runbook", Owner: "Ann", Due: "2025-02-01", State: incident.ItemOpen},
		{ID: 3, Title: "Old idea", State: incident.ItemWontDo},
		{ID: 4, Title: "Stop being careless with deploys", Owner: "Ann", Due: "2025-02-01", State: incident.ItemOpen},
	}
	ws := Lint(snap, Options{})
	var where []string
	for _, w := range ws {
		if w.Section == "Action items" {
			where = append(where, w.Code+" "+w.Where)
		}
	}
	want := []string{
		`action-item-owner action item #1 "Add an alert"`,
		`action-item-due action item #1 "Add an alert"`,
		`blaming-language action item #4`,
	}
	if strings.Join(where, "\n") != strings.Join(want, "\n") {
		t.Errorf("action item warnings:\n%s\nwant:\n%s", strings.Join(where, "\n"), strings.Join(want, "\n"))
	}
}

func dump(ws []Warning) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString("  " + w.Code + ": " + w.String() + "\n")
	}
	return b.String()
}

func TestLintReportsEveryWrittenFormOfAName(t *testing.T) {
	named := map[string]bool{}
	for _, w := range Lint(reviewedEverywhere(), Options{}) {
		if w.Code == WarnNamedPerson {
			named[w.Text] = true
		}
	}
	for _, want := range []string{"Dr. Patel", "Priya Shah", "maria.lopez@example.com", "M. Lopez", "Maria", "Rose Smith", "Mark Young"} {
		if !named[want] {
			t.Errorf("no named-person warning for %q; got %v", want, named)
		}
	}
	if named["Mark"] {
		t.Error(`"Mark the affected accounts" warned as a name`)
	}
}

func TestLintReportsNamesInAnyCaseAndLoginVariants(t *testing.T) {
	notes := func(snap incident.Snapshot, texts ...string) incident.Snapshot {
		for i, s := range texts {
			snap.Retro = append(snap.Retro, incident.RetroNote{IncidentID: snap.Incident.ID, Order: i + 1,
				Section: incident.RetroWentWrong, Text: s})
		}
		return snap
	}
	for _, tc := range []struct {
		snap incident.Snapshot
		want []string
	}{
		{notes(reviewed(), "maria  lopez paged", "then lopez maria paged", "tomas nunez said so", "paged patel, sam"),
			[]string{"maria  lopez", "lopez maria", "tomas nunez", "patel, sam"}},
		{notes(logins(), "j.doe restarted it", "doe.j approved", "pushed by j_doe", "cc @kbauer"),
			[]string{"j.doe", "doe.j", "j_doe", "@kbauer"}},
	} {
		var got []string
		for _, w := range Lint(tc.snap, Options{}) {
			if w.Code == WarnNamedPerson && w.Section == "What went wrong" {
				got = append(got, w.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("named-person warnings = %q, want %q", got, tc.want)
		}
	}
}

// TestUnreadableStoredValues: values the store could not read (zero, with
// Invalid set) are listed under "Time unreadable", never dated year 0, and
// each is a warning naming the raw value.
func TestUnreadableStoredValues(t *testing.T) {
	snap := reviewed()
	snap.Incident.Invalid = incident.Unreadable{{Column: "started_at", Raw: "garbage", Problem: "is not a time"}}
	snap.Events = append(snap.Events, incident.Event{ID: 40, IncidentID: 7, Kind: incident.KindNote, Text: "failover finished",
		Invalid: incident.Unreadable{{Column: "occurred_at", Raw: "10000-01-01T07:59:00Z", Problem: "is not a time"}}})
	snap.Roles = append(snap.Roles, incident.RoleAssignment{Role: incident.RoleScribe, Person: "Ann Lee",
		Invalid: incident.Unreadable{{Column: "from_at", Raw: "3000-01-01T00:00:00Z", Problem: "is outside the times scribe accepts (1970 to 2199)"}}})
	doc := render(t, snap, Options{})
	if strings.Contains(doc, " 0000") || strings.Contains(doc, " 0001") {
		t.Errorf("an unreadable time is dated year 0 or 1:\n%s", doc)
	}
	i, j := strings.Index(doc, "| **Time unreadable** | | |"), strings.Index(doc, "| — | note | failover finished |")
	if i < 0 || j < i {
		t.Errorf("no \"Time unreadable\" row before the event:\n%s", doc)
	}
	var got []string
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnUnreadable {
			got = append(got, w.Section+": "+w.Message)
		}
	}
	joined := strings.Join(got, "\n")
	for _, want := range []string{"Key moments: the database holds a value scribe cannot read (unreadable stored value: started_at \"garbage\"",
		"Timeline: the database holds a value scribe cannot read (unreadable stored value: occurred_at \"10000-01-01T07:59:00Z\"",
		"Responders: the database holds a value scribe cannot read (unreadable stored value: from_at"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no warning %q in:\n%s", want, joined)
		}
	}
}
