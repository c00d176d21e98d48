package export

import (
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// TestUnclosedFenceCannotSwallowTheDocument: a code fence left open in any
// narrative field is closed where the field ends, whatever the text holds,
// so every later heading still renders as a heading; lint reports it.
func TestUnclosedFenceCannotSwallowTheDocument(t *testing.T) {
	for _, fence := range []string{"```", "~~~", "````go", "  ```sh"} {
		snap := searchOutage()
		snap.Incident.Summary = "Ran this:\n" + fence + "\nkubectl rollout undo deploy/search"
		snap.Incident.RootCause = "Inner fence: ````\n```\nstill code"
		doc := render(t, snap, Options{})
		inFence := false
		var open string
		for _, line := range strings.Split(doc, "\n") {
			if f, ok := openingFence(line); ok && !inFence {
				inFence, open = true, f.closing()
				continue
			}
			if inFence && (fenceMark{char: open[0], n: len(open)}).closedBy(line) {
				inFence = false
				continue
			}
			if inFence && strings.HasPrefix(line, "## ") {
				t.Fatalf("fence %q swallowed the heading %q:\n%s", fence, line, doc)
			}
		}
		if inFence {
			t.Errorf("fence %q left open at the end of the document", fence)
		}
		var fences []string
		for _, w := range Lint(snap, Options{}) {
			if w.Code == WarnCodeFence {
				fences = append(fences, w.Section)
			}
		}
		if strings.Join(fences, ",") != "Summary,Root cause" {
			t.Errorf("fence %q: unclosed-fence warnings in %v, want Summary and Root cause", fence, fences)
		}
	}
	if got := block("```\nclosed\n```\nafter"); got != "```\nclosed\n```\nafter" {
		t.Errorf("a closed fence was changed: %q", got)
	}
}

// TestLinksFromUserTextAreSafe: javascript: (and other non-web) links and
// remote images never become live in the Markdown, however they are
// spelled; ordinary links keep working; code is left alone.
func TestLinksFromUserTextAreSafe(t *testing.T) {
	cases := map[string]string{
		"see [the graph](https://grafana.example.com/d/x?from=now-1h)": "see [the graph](https://grafana.example.com/d/x?from=now-1h)",
		"[runbook](./runbooks/search.md) and [top](#summary)":          "[runbook](./runbooks/search.md) and [top](#summary)",
		"mail [us](mailto:sre@example.com)":                            "mail [us](mailto:sre@example.com)",
		"[click](javascript:alert(1))":                                 `[click]\(javascript:alert(1))`,
		"[click](JaVaScRiPt:alert(1))":                                 `[click]\(JaVaScRiPt:alert(1))`,
		"[click]( javascript:alert(1) )":                               `[click]\( javascript:alert(1) )`,
		"[click](java\tscript:alert(1))":                               "[click](java script:alert(1))", // no link: a space ends the destination
		"[click](javascript&#58;alert(1))":                             `[click]\(javascript&#58;alert(1))`,
		"[click](data:text/html;base64,PHNjcmlwdD4=)":                  `[click]\(data:text/html;base64,PHNjcmlwdD4=)`,
		"![pixel](https://tracker.example.com/p.gif)":                  "[pixel](https://tracker.example.com/p.gif)",
		"![x](javascript:alert(1))":                                    `[x]\(javascript:alert(1))`,
		"[ref]: javascript:alert(1)":                                   `\[ref]: javascript:alert(1)`,
		"[ref]: https://example.com":                                   "[ref]: https://example.com",
		"`[code](javascript:x)` stays code":                            "`[code](javascript:x)` stays code",
		"```\n[in fence](javascript:x)\n```":                           "```\n[in fence](javascript:x)\n```",
	}
	for in, want := range cases {
		if got := block(in); got != want {
			t.Errorf("block(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	if got := cell("[x](javascript:alert(1)) and ![i](https://e.example/p.png)"); got != `[x]\(javascript:alert(1)) and [i](https://e.example/p.png)` {
		t.Errorf("cell = %q", got)
	}
	snap := searchOutage()
	snap.Incident.Summary = "[x](javascript:alert(1)) ![t](https://tracker.example/p.gif)"
	snap.Events[1].Text = "[x](vbscript:msgbox)"
	doc := render(t, snap, Options{})
	for _, bad := range []string{"](javascript:", "](vbscript:", "![t]"} {
		if strings.Contains(doc, bad) {
			t.Errorf("the postmortem keeps %q", bad)
		}
	}
	notes := 0
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnUnsafeLink && w.IsNote() {
			notes++
		}
	}
	if notes != 3 {
		t.Errorf("%d unsafe-link notes, want 3 (summary link and image, timeline link)", notes)
	}
}

// TestLegitimateMilestoneOrderIsANote: an incident mitigated before it was
// declared is true, not an error: lint notes it, --strict (Failing)
// passes, and the chart draws every phase.
func TestLegitimateMilestoneOrderIsANote(t *testing.T) {
	snap := searchOutage()
	ms := snap.Incident.Milestones
	ms[incident.MilestoneDeclared] = ms[incident.MilestoneMitigated].Add(10 * time.Minute)
	var order []Warning
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnMilestoneOrder {
			order = append(order, w)
		}
	}
	if len(order) != 1 || !order[0].IsNote() || !strings.Contains(order[0].Message, "mitigated") ||
		Failing(order) != 0 {
		t.Errorf("milestone-order warnings = %s", dump(order))
	}
	d := phaseDiagram(ms, snap.Incident.Location())
	for _, want := range []string{"Recovery, not yet declared", "Recovery (", "Mitigated :milestone", "Declared :milestone"} {
		if !strings.Contains(d, want) {
			t.Errorf("chart lacks %q:\n%s", want, d)
		}
	}
	// Detected before started stays a warning that --strict fails on.
	ms[incident.MilestoneDetected] = ms[incident.MilestoneStarted].Add(-time.Minute)
	n := 0
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnMilestoneOrder && !w.IsNote() {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d failing milestone-order warnings for detected before started, want 1", n)
	}
}

// TestEventsBeforeTheStart: an event a day early (a clock time filed on
// the wrong day) is a warning; one shortly before (the trigger) a note.
func TestEventsBeforeTheStart(t *testing.T) {
	snap := searchOutage()
	start := snap.Incident.Milestones[incident.MilestoneStarted]
	snap.Events = append([]incident.Event{
		{ID: 90, IncidentID: 12, OccurredAt: start.Add(-23*time.Hour - 44*time.Minute), Kind: incident.KindNote, Text: "paged DB team"},
		{ID: 91, IncidentID: 12, OccurredAt: start.Add(-20 * time.Minute), Kind: incident.KindAction, Text: "nightly rebuild started"},
	}, snap.Events...)
	var got []Warning
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnBeforeStart {
			got = append(got, w)
		}
	}
	if len(got) != 2 || got[0].IsNote() || !strings.Contains(got[0].Message, "23h 44m before the incident began") ||
		!got[1].IsNote() || !strings.Contains(got[1].Message, "1 event is dated before") {
		t.Errorf("event-before-start warnings:\n%s", dump(got))
	}
}

// TestActionItemTextIsBlamelessButTheOwnerIsNamed: names in an item's title
// and description become roles, the owner column keeps the owner, and the
// lint agrees with what the export shows.
func TestActionItemTextIsBlamelessButTheOwnerIsNamed(t *testing.T) {
	snap := corpusIncident()
	snap.ActionItems = []incident.ActionItem{{ID: 7, Title: "Will to pair with Grant on profiling", Owner: "Will Ferreira",
		Description: "@sampatel to review; Grant's notes are in the doc", Due: "2025-07-01", State: incident.ItemOpen}}
	doc := render(t, snap, Options{})
	want := "| 7 | The scribe to pair with the ops lead on profiling<br>The incident commander to review; the ops lead's notes are in the doc | Will Ferreira |"
	if !strings.Contains(doc, want) {
		t.Errorf("action item row, want %q in:\n%s", want, section(doc, "Action items"))
	}
	named := map[string]bool{}
	for _, w := range Lint(snap, Options{}) {
		if w.Code == WarnNamedPerson && w.Section == "Action items" {
			named[w.Where+": "+w.Text] = true
		}
	}
	for _, k := range []string{"action item #7: Will", "action item #7: Grant", "action item #7 description: @sampatel", "action item #7 description: Grant"} {
		if !named[k] {
			t.Errorf("no named-person warning %q; got %v", k, named)
		}
	}
	if got := render(t, snap, Options{Names: true}); !strings.Contains(got, "| Will to pair with Grant on profiling<br>") {
		t.Errorf("--names rewrote the action item:\n%s", section(got, "Action items"))
	}
}

// TestLoginThatOwnsAnItemIsStillRewritten: "@sampatel" owning an action item
// is Sam Patel, so the narrative loses it and the lint names it.
func TestLoginThatOwnsAnItemIsStillRewritten(t *testing.T) {
	snap := corpusIncident()
	snap.Retro = []incident.RetroNote{{Section: incident.RetroWentWell, Text: "@sampatel rotated the certificate"}}
	doc := render(t, snap, Options{})
	if strings.Contains(section(doc, "What went well"), "sampatel") || !strings.Contains(doc, "- The incident commander rotated the certificate") {
		t.Errorf("What went well:\n%s", section(doc, "What went well"))
	}
	found := false
	for _, w := range Lint(snap, Options{}) {
		found = found || w.Code == WarnNamedPerson && w.Text == "@sampatel"
	}
	if !found {
		t.Error("the lint went silent on @sampatel")
	}
}
