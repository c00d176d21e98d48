package export

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

func renderHTML(t *testing.T, snap incident.Snapshot, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, snap, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func htmlFixtures() map[string]incident.Snapshot {
	return map[string]incident.Snapshot{
		"search-outage": searchOutage(), "overnight-migration": overnightMigration(),
		"empty": emptyIncident(), "self-resolving": selfResolving(), "reviewed": reviewedEverywhere(),
	}
}

func TestHTMLGolden(t *testing.T) {
	checkGolden(t, "search-outage.html.golden", []byte(renderHTML(t, searchOutage(), Options{Now: generatedAt})))
}

var (
	mdHeading   = regexp.MustCompile(`(?m)^#{2,3} (.+)$`)
	htmlHeading = regexp.MustCompile(`<h[23][^>]*>([^<]+)</h[23]>`)
)

func TestHTMLHasTheMarkdownsSectionsInOrder(t *testing.T) {
	for name, snap := range htmlFixtures() {
		var md []string
		for _, m := range mdHeading.FindAllStringSubmatch(render(t, snap, Options{}), -1) {
			md = append(md, m[1])
		}
		var page []string
		for _, m := range htmlHeading.FindAllStringSubmatch(renderHTML(t, snap, Options{}), -1) {
			page = append(page, m[1])
		}
		if strings.Join(md, " / ") != strings.Join(page, " / ") {
			t.Errorf("%s: sections differ\nmarkdown: %v\nhtml:     %v", name, md, page)
		}
	}
}

// outsideItems is the page without its action items section, where owners
// are named on purpose.
func outsideItems(t *testing.T, page string) string {
	t.Helper()
	i, j := strings.Index(page, `<h2 id="action-items">`), strings.Index(page, `<h2 id="responders">`)
	if i < 0 || j < i {
		t.Fatal("no action items section before the responders")
	}
	return page[:i] + page[j:]
}

func TestHTMLIsBlamelessLikeTheMarkdown(t *testing.T) {
	page := renderHTML(t, searchOutage(), Options{})
	outside := outsideItems(t, page)
	for _, n := range responderNames {
		if strings.Contains(outside, n) {
			t.Errorf("%q appears outside the action items table", n)
		}
	}
	for _, want := range []string{
		"The ops lead: new index has 0 documents | old index still has 1.2M",
		"The former incident commander handed over to go to the customer call; the comms lead keeps comms",
		"Incident commander handed over to another responder",
		"<li>The second incident commander should have load-tested the rebuild; human error</li>",
		"<td>Tomás Ortega</td>", "<td>@hpark</td>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Every name the Markdown hides, the page hides, in every fixture.
	for name, snap := range htmlFixtures() {
		md := render(t, snap, Options{})
		page := outsideItems(t, renderHTML(t, snap, Options{}))
		for _, p := range newPeople(snap).names {
			for _, spelling := range p {
				for _, word := range strings.Fields(spelling) {
					if len(word) > 2 && !strings.Contains(md, word) && strings.Contains(page, word) {
						t.Errorf("%s: %q is hidden in the Markdown but shown in the HTML", name, word)
					}
				}
			}
		}
	}
}

func TestHTMLNamesKeepsNames(t *testing.T) {
	page := renderHTML(t, searchOutage(), Options{Names: true})
	for _, want := range []string{
		"Priya noticed the drop", "Dmitri Volkov took over as incident commander from Priya Raman",
		"<td>Priya Raman</td>", "<th>Person</th>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page with names lacks %q", want)
		}
	}
}

func TestHTMLRowsMatchTheMarkdowns(t *testing.T) {
	for name, snap := range htmlFixtures() {
		for _, opts := range []Options{{}, {Names: true}, {Zone: time.UTC}} {
			p, h := Build(snap, opts), buildHTML(snap, opts)
			if len(p.Timeline) != len(h.Events) {
				t.Fatalf("%s: %d timeline rows in Markdown, %d in HTML", name, len(p.Timeline), len(h.Events))
			}
			for i, r := range p.Timeline {
				e := h.Events[i]
				if r.Date != e.Date || r.Time != e.Time || r.Label != e.Label || r.Pinned != e.Pinned || r.Kind != e.Kind {
					t.Errorf("%s row %d: markdown %+v, html %+v", name, i, r, e)
				}
			}
			if len(p.Responders) != len(h.Crew) {
				t.Fatalf("%s: %d responders in Markdown, %d in HTML", name, len(p.Responders), len(h.Crew))
			}
			for i, r := range p.Responders {
				c := h.Crew[i]
				if r.Role != c.Role || r.From != c.From || r.Until != c.Until || r.HandedOff != c.HandedOff || r.Person != c.Person {
					t.Errorf("%s responder %d: markdown %+v, html %+v", name, i, r, c)
				}
			}
			if len(p.ActionItems) != len(h.Items) {
				t.Fatalf("%s: %d action items in Markdown, %d in HTML", name, len(p.ActionItems), len(h.Items))
			}
			for i, a := range p.ActionItems {
				if a.ID != h.Items[i].ID || a.Owner != h.Items[i].Owner || a.State != h.Items[i].State {
					t.Errorf("%s item %d: markdown %+v, html %+v", name, i, a, h.Items[i])
				}
			}
		}
	}
}

// hostile is an incident whose every field tries to break out of the page.
func hostile() incident.Snapshot {
	snap := searchOutage()
	inc := &snap.Incident
	inc.Title = `<script>alert(1)</script> "quoted" & more`
	inc.Summary = "Look <img src=x onerror=alert(1)> and [click](javascript:alert(1)) and ![pic](https://evil.example/x.png)\n\n" +
		"\x1b[31mred\x1b[0m \u202eevil\u202c <style>body{display:none}</style>"
	inc.Impact = "```\n</code></pre><script>alert(2)</script>\n```\n`<b>code</b>`"
	inc.Services = []string{`"><svg onload=alert(3)>`}
	snap.Events[1].Text = `</td><script>alert(4)</script><a href="javascript:alert(5)">x</a>`
	snap.Events[1].Pinned = true
	snap.ActionItems[0].GitHub.URL = "javascript:alert(6)"
	snap.ActionItems[1].Title = `<iframe src="https://evil.example/"></iframe>`
	snap.Retro[0].Text = `[ok](https://example.com/retro) <object data=x>`
	return snap
}

// pageTag finds markup: text is escaped, so a raw "<" only opens a tag.
var pageTag = regexp.MustCompile(`<[A-Za-z/!][^>]*>`)

// activeTag matches a tag that would load or run something by itself. A
// link (<a href>) is followed only by a reader's click.
var activeTag = regexp.MustCompile(`(?i)^<(script|link|img|iframe|object|embed|audio|video|source|image|use|base|form)\b|\b(src|srcset|data|action|poster|background|xlink:href)\s*=|\bon[a-z]+\s*=`)

func TestHTMLEscapesEverything(t *testing.T) {
	page := renderHTML(t, hostile(), Options{})
	for _, tag := range pageTag.FindAllString(page, -1) {
		if activeTag.MatchString(tag) {
			t.Errorf("the page has an active tag: %s", tag)
		}
		if strings.Contains(strings.ToLower(tag), "javascript:") {
			t.Errorf("the page links to javascript: %s", tag)
		}
		if strings.HasPrefix(tag, "<style") && strings.Count(page, "<style>") > 1 {
			t.Errorf("user text opened a style element")
		}
	}
	for _, bad := range []string{"\x1b", "\u202e", "ZgotmplZ"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page carries %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &amp; more",
		`<a href="https://evil.example/x.png" rel="noopener noreferrer nofollow">pic</a>`, // an image is a link, never loaded
		"[click](javascript:alert(1))",                                                    // an unsafe link is shown as typed
		"<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</code></pre>",
		"<code>&lt;b&gt;code&lt;/b&gt;</code>",
		`<a href="https://example.com/retro" rel="noopener noreferrer nofollow">ok</a>`,
		"<td>shopco/search#418</td>", // an unsafe issue URL is not a link
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestHTMLLoadsNothing(t *testing.T) {
	for name, snap := range htmlFixtures() {
		page := renderHTML(t, snap, Options{})
		for _, tag := range pageTag.FindAllString(page, -1) {
			if activeTag.MatchString(tag) || (!strings.HasPrefix(tag, "<a ") && regexp.MustCompile(`https?:`).MatchString(tag)) {
				t.Errorf("%s: %s", name, tag)
			}
		}
		style := page[strings.Index(page, "<style>"):strings.Index(page, "</style>")]
		if regexp.MustCompile(`@import|url\(|https?:`).MatchString(style) {
			t.Errorf("%s: the stylesheet loads something", name)
		}
		if !strings.Contains(page, "@media print") {
			t.Errorf("%s: no print stylesheet", name)
		}
	}
}

func TestHTMLDrawsThePhases(t *testing.T) {
	h := buildHTML(searchOutage(), Options{})
	d := h.Drawing
	if d == nil {
		t.Fatal("no drawing")
	}
	// 09:41 started, 09:58 detected, 10:02 declared, 10:14 mitigated,
	// 10:33 resolved: four phases.
	wantBands := []struct{ class, title string }{
		{"impact", "Impact, undetected: 17m (09:41–09:58)"},
		{"response", "Detected, not yet declared: 4m (09:58–10:02)"},
		{"response", "Response: 12m (10:02–10:14)"},
		{"recovery", "Recovery: 19m (10:14–10:33)"},
	}
	if len(d.Bands) != len(wantBands) {
		t.Fatalf("bands %+v", d.Bands)
	}
	for i, w := range wantBands {
		b := d.Bands[i]
		if b.Class != w.class || b.Title != w.title {
			t.Errorf("band %d: %s %q, want %s %q", i, b.Class, b.Title, w.class, w.title)
		}
		if i > 0 && b.X != round1(d.Bands[i-1].X+d.Bands[i-1].W) && b.X-(d.Bands[i-1].X+d.Bands[i-1].W) > 0.2 {
			t.Errorf("band %d does not start where %d ends", i, i-1)
		}
		if b.X < 0 || b.X+b.W > d.Width {
			t.Errorf("band %d outside the drawing: %+v", i, b)
		}
	}
	// Widths are proportional to durations: 17m vs 19m.
	if r := d.Bands[0].W / d.Bands[3].W; r < 17.0/19-0.02 || r > 17.0/19+0.02 {
		t.Errorf("band widths not proportional: %v", r)
	}
	// Three pinned events and four status changes, numbered in time order.
	if len(d.Marks) != 7 || len(h.KeyEvents) != 7 {
		t.Fatalf("marks %d, key events %d, want 7", len(d.Marks), len(h.KeyEvents))
	}
	for i, m := range d.Marks {
		if m.N != i+1 || (i > 0 && m.X < d.Marks[i-1].X) {
			t.Errorf("mark %d out of order: %+v", i, m)
		}
	}
	if h.KeyEvents[0].Kind != "pinned" || h.KeyEvents[0].Time != "09:58" {
		t.Errorf("first key event %+v", h.KeyEvents[0])
	}
	// Milestone labels on one row never overlap.
	for i, a := range d.Milestones {
		for _, b := range d.Milestones[i+1:] {
			if a.LabelY != b.LabelY {
				continue
			}
			al, ar := labelSpan(a)
			bl, br := labelSpan(b)
			if al < br && bl < ar {
				t.Errorf("labels %q and %q overlap on row %v", a.Label, b.Label, a.LabelY)
			}
		}
	}
	if len(d.Ticks) < 3 || d.Ticks[0].Date == "" {
		t.Errorf("ticks %+v: want several, the first dated", d.Ticks)
	}
}

func labelSpan(m htmlMilestone) (float64, float64) {
	w := textWidth(m.Label)
	if m.Anchor == "end" {
		return m.LabelX - w, m.LabelX
	}
	return m.LabelX, m.LabelX + w
}

func TestHTMLDrawingOfAnOngoingIncidentOverDays(t *testing.T) {
	h := buildHTML(overnightMigration(), Options{})
	d := h.Drawing
	if d == nil || len(d.Bands) == 0 {
		t.Fatal("no bands")
	}
	last := d.Bands[len(d.Bands)-1]
	if !last.OpenRight || !strings.Contains(last.Title, "ongoing") {
		t.Errorf("the last phase of an unresolved incident should run on: %+v", last)
	}
	dates := 0
	for _, tk := range d.Ticks {
		if tk.Date != "" {
			dates++
		}
	}
	if dates < 2 {
		t.Errorf("an incident over three days should date its ticks: %+v", d.Ticks)
	}
}

func TestHTMLWithoutMilestonesShowsTheHint(t *testing.T) {
	snap := emptyIncident()
	snap.Incident.Milestones = nil
	page := renderHTML(t, snap, Options{})
	if strings.Contains(page, `<svg class="phases"`) || !strings.Contains(page, "Not enough milestones for a diagram") {
		t.Error("an incident with nothing to place should show the diagram hint instead of an empty drawing")
	}
	if !strings.Contains(page, "<code>scribe set 1 summary &#34;…&#34;</code>") {
		t.Error("empty sections should show the command that fills them")
	}
}

func TestHTMLBlocks(t *testing.T) {
	got := htmlBlocks("First line\nsame paragraph **bold** and `code`.\n\n- one\n- two [x](https://x.example/a_b)\n  continued\n\n1. first\n2) second\n\n## Heading\n```sh\nrm -rf <dir>\n")
	want := []htmlBlock{
		{Kind: "p", Inlines: []htmlInline{{Text: "First line same paragraph "}, {Text: "bold", Strong: true}, {Text: " and "}, {Text: "code", Code: true}, {Text: "."}}},
		{Kind: "ul", Items: [][]htmlInline{{{Text: "one"}}, {{Text: "two "}, {Text: "x", Href: "https://x.example/a_b"}, {Text: " continued"}}}},
		{Kind: "ol", Items: [][]htmlInline{{{Text: "first"}}, {{Text: "second"}}}},
		{Kind: "h", Inlines: []htmlInline{{Text: "Heading"}}},
		{Kind: "pre", Code: "rm -rf <dir>"}, // a fence left open ends with the text
	}
	if len(got) != len(want) {
		t.Fatalf("got %d blocks %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if !sameBlock(got[i], want[i]) {
			t.Errorf("block %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if got := htmlInlines(`see https://status.example.com/x. and \*not bold\*`); len(got) != 3 ||
		got[1].Href != "https://status.example.com/x" || got[2].Text != `. and *not bold*` {
		t.Errorf("bare link and escapes: %+v", got)
	}
	if got := htmlInlines("[home](/runbooks/db) [mail](mailto:oncall@example.com) [bad](data:text/html,x)"); len(got) != 4 ||
		got[0].Href != "/runbooks/db" || got[2].Href != "mailto:oncall@example.com" || got[3].Href != "" {
		t.Errorf("link schemes: %+v", got)
	}
}

func sameBlock(a, b htmlBlock) bool {
	if a.Kind != b.Kind || a.Code != b.Code || !sameRuns(a.Inlines, b.Inlines) || len(a.Items) != len(b.Items) {
		return false
	}
	for i := range a.Items {
		if !sameRuns(a.Items[i], b.Items[i]) {
			return false
		}
	}
	return true
}

func sameRuns(a, b []htmlInline) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPhaseStrip(t *testing.T) {
	ms := incident.Milestones{
		incident.MilestoneStarted:   time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC),
		incident.MilestoneDetected:  time.Date(2025, 1, 1, 10, 10, 0, 0, time.UTC),
		incident.MilestoneMitigated: time.Date(2025, 1, 1, 10, 30, 0, 0, time.UTC),
		incident.MilestoneResolved:  time.Date(2025, 1, 1, 10, 40, 0, 0, time.UTC),
	}
	s, ok := NewPhaseStrip(ms, time.Time{}, 41)
	if !ok {
		t.Fatal("no strip")
	}
	// 40 minutes over 40 cells: a cell a minute.
	wantBands := strings.Repeat("█", 10) + strings.Repeat("▒", 20) + strings.Repeat("░", 10) + " "
	wantMarks := "S" + strings.Repeat(" ", 9) + "D" + strings.Repeat(" ", 19) + "M" + strings.Repeat(" ", 9) + "R"
	if s.Bands != wantBands || s.Marks != wantMarks {
		t.Errorf("strip:\n%q\n%q\nwant:\n%q\n%q", s.Bands, s.Marks, wantBands, wantMarks)
	}
	// Ongoing: the last phase runs on to until.
	delete(ms, incident.MilestoneResolved)
	s, _ = NewPhaseStrip(ms, time.Date(2025, 1, 1, 10, 40, 0, 0, time.UTC), 41)
	if s.Bands != strings.Repeat("█", 10)+strings.Repeat("▒", 20)+strings.Repeat("░", 10)+" " {
		t.Errorf("ongoing strip %q", s.Bands)
	}
	if _, ok := NewPhaseStrip(ms, time.Time{}, 9); ok {
		t.Error("a strip under 10 cells is refused")
	}
	if _, ok := NewPhaseStrip(incident.Milestones{incident.MilestoneDeclared: time.Now()}, time.Time{}, 40); ok {
		t.Error("one moment is no strip")
	}
	// Crowded marks never overwrite each other.
	ms = incident.Milestones{
		incident.MilestoneStarted:  time.Date(2025, 1, 1, 10, 0, 0, 0, time.UTC),
		incident.MilestoneDetected: time.Date(2025, 1, 1, 10, 0, 1, 0, time.UTC),
		incident.MilestoneDeclared: time.Date(2025, 1, 1, 10, 0, 2, 0, time.UTC),
		incident.MilestoneResolved: time.Date(2025, 1, 1, 20, 0, 0, 0, time.UTC),
	}
	s, _ = NewPhaseStrip(ms, time.Time{}, 20)
	if !strings.HasPrefix(s.Marks, "SDC") || !strings.HasSuffix(s.Marks, "R") {
		t.Errorf("crowded marks %q", s.Marks)
	}
}

// The design's bar for exports (well under a second at 100,000 events)
// holds for the page too. Run: go test ./export -run XXX -bench HTML100k
func BenchmarkHTML100k(b *testing.B) {
	snap := bigIncident(100_000)
	measure(b, func() error { return HTML(io.Discard, snap, Options{}) })
}

func TestHTMLHeaderMatchesBuild(t *testing.T) {
	for name, snap := range htmlFixtures() {
		for _, opts := range []Options{{}, {Zone: time.UTC, Now: generatedAt}} {
			full, head := Build(snap, opts), buildHeader(snap, opts)
			if full.DateRange != head.DateRange || full.Duration != head.Duration || full.Zone != head.Zone ||
				full.GeneratedAt != head.GeneratedAt || full.Title != head.Title || full.State != head.State {
				t.Errorf("%s: header differs: Build %+v, buildHeader %+v", name, full, head)
			}
			for i := range full.Milestones {
				if full.Milestones[i] != head.Milestones[i] {
					t.Errorf("%s: milestone row %d differs", name, i)
				}
			}
			for i := range full.Metrics {
				if full.Metrics[i] != head.Metrics[i] {
					t.Errorf("%s: metric row %d differs", name, i)
				}
			}
		}
	}
	// An incident resolved by status only ends at its last event.
	snap := overnightMigration()
	snap.Incident.State = incident.Resolved
	if full, head := Build(snap, Options{}), buildHeader(snap, Options{}); full.DateRange != head.DateRange || full.Duration != head.Duration {
		t.Errorf("resolved by status: %q %q vs %q %q", full.DateRange, full.Duration, head.DateRange, head.Duration)
	}
}

// An assignment whose start could not be read shows a dash in the page,
// as in the Markdown, never a made-up date.
func TestHTMLUnreadableRoleStartIsADash(t *testing.T) {
	snap := searchOutage()
	snap.Roles[0].From = time.Time{}
	h := buildHTML(snap, Options{})
	if len(h.Crew) == 0 {
		t.Fatal("no responders")
	}
	found := false
	for _, c := range h.Crew {
		found = found || c.From == "—"
	}
	if !found {
		t.Errorf("no responder shows the dash for the unreadable start: %+v", h.Crew)
	}
}
