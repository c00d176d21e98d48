package export

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// The gantt syntax rules the diagram relies on (mermaid's gantt grammar):
// a task line is "NAME :DATA" where NAME has no ':', '#' or ';' and DATA is
// comma-separated tags, an id and two dates in the declared dateFormat.
var (
	taskLine      = regexp.MustCompile(`^    [^:#;\n]+ :((crit|active|done|milestone), )?[pm][0-9]+, \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d|0m)$`)
	headerLines   = regexp.MustCompile(`^(gantt|    title [^:#;]+|    dateFormat YYYY-MM-DD HH:mm:ss|    axisFormat %[dHM][ %a-zA-Z:]*|    todayMarker off|    section [^:#;]+)$`)
	mermaidBlocks = regexp.MustCompile("(?s)```mermaid\n(.*?)```")
)

func checkGanttSyntax(t *testing.T, src string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
	if lines[0] != "gantt" {
		t.Fatalf("diagram does not start with gantt:\n%s", src)
	}
	for _, l := range lines {
		if !taskLine.MatchString(l) && !headerLines.MatchString(l) {
			t.Errorf("line breaks the gantt syntax rules: %q", l)
		}
	}
}

func TestPhaseDiagramSyntax(t *testing.T) {
	for name, snap := range map[string]incident.Snapshot{"search-outage": searchOutage(), "overnight": overnightMigration()} {
		d := phaseDiagram(snap.Incident.Milestones, snap.Incident.Location())
		if d == "" {
			t.Fatalf("%s: no diagram", name)
		}
		checkGanttSyntax(t, d)
	}
}

func TestPhaseDiagramContent(t *testing.T) {
	snap := searchOutage()
	d := phaseDiagram(snap.Incident.Milestones, snap.Incident.Location())
	for _, want := range []string{
		"Impact, undetected (17m) :crit, p1, 2025-10-14 09:41:00, 2025-10-14 09:58:00",
		"Recovery (19m) :done, p4, 2025-10-14 10:14:00, 2025-10-14 10:33:00",
		"Resolved :milestone, m5, 2025-10-14 10:33:00, 0m",
		"axisFormat %H:%M",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("diagram lacks %q:\n%s", want, d)
		}
	}
	over := overnightMigration()
	if d := phaseDiagram(over.Incident.Milestones, over.Incident.Location()); !strings.Contains(d, "axisFormat %d %b %H:%M") {
		t.Errorf("a multi-day diagram should show the day on its axis:\n%s", d)
	}
}

func TestPhaseDiagramDrawsMilestonesInTheOrderTheyHappened(t *testing.T) {
	base := at("UTC", "2025-01-01 10:00")
	if d := phaseDiagram(incident.Milestones{incident.MilestoneDeclared: base}, time.UTC); d != "" {
		t.Errorf("one milestone gave a diagram:\n%s", d)
	}
	// A self-resolving incident: mitigated before anyone declared it.
	ms := incident.Milestones{
		incident.MilestoneStarted:   base,
		incident.MilestoneDetected:  base.Add(5 * time.Minute),
		incident.MilestoneMitigated: base.Add(20 * time.Minute),
		incident.MilestoneDeclared:  base.Add(30 * time.Minute),
		incident.MilestoneResolved:  base.Add(45 * time.Minute),
	}
	d := phaseDiagram(ms, time.UTC)
	checkGanttSyntax(t, d)
	for _, want := range []string{
		"Impact, undetected (5m) :crit, p1, 2025-01-01 10:00:00, 2025-01-01 10:05:00",
		"Detected, not yet declared (15m) :active, p2, 2025-01-01 10:05:00, 2025-01-01 10:20:00",
		"Recovery, not yet declared (10m) :done, p3, 2025-01-01 10:20:00, 2025-01-01 10:30:00",
		"Recovery (15m) :done, p4, 2025-01-01 10:30:00, 2025-01-01 10:45:00",
		"Mitigated :milestone, m3, 2025-01-01 10:20:00, 0m",
		"Declared :milestone, m4, 2025-01-01 10:30:00, 0m",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("diagram lacks %q:\n%s", want, d)
		}
	}
	// Detected before started contradicts itself: no phase before the
	// impact is invented, and the rest is drawn.
	ms = incident.Milestones{
		incident.MilestoneStarted:  base,
		incident.MilestoneDetected: base.Add(-time.Hour),
		incident.MilestoneResolved: base.Add(time.Hour),
	}
	d = phaseDiagram(ms, time.UTC)
	checkGanttSyntax(t, d)
	if !strings.Contains(d, "Detected, before impact (1h) :active, p1") || !strings.Contains(d, "Response (1h) :active, p2") {
		t.Errorf("out-of-order milestones:\n%s", d)
	}
}

func TestMermaidLabel(t *testing.T) {
	if got := mermaidLabel("a: b # c; d\ne\x1b[1m"); got != "a b c d e" {
		t.Errorf("mermaidLabel = %q", got)
	}
}
