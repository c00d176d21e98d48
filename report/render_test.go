package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"scribe/incident"
	"scribe/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it); got:\n%s", name, got)
	}
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Text(&buf, report.Build(fixture(t), options(t))); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "fixture.txt.golden", buf.Bytes())
}

func TestTextReadsWithoutColour(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Text(&buf, report.Build(fixture(t), options(t))); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "\x1b") {
		t.Error("the text report carries escape sequences")
	}
	for _, want := range []string{
		"5 incidents in all",
		"  SEV2  2  " + strings.Repeat("█", 32) + "\n", // the largest count has the full bar
		"  SEV1  1  " + strings.Repeat("█", 16) + "\n", // half of it
		"  SEV5  0\n",    // no bar, no trailing blank
		"  2025-05  0\n", // the quiet month is shown
		"Time to mitigate    35m     54m",
		"completion  " + strings.Repeat("█", 8) + strings.Repeat("░", 24) + " 25% (1 of 4)",
		"overdue 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q:\n%s", want, out)
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends with blanks: %q", i+1, line)
		}
	}
}

func TestTextEmptyWindow(t *testing.T) {
	opts := options(t)
	opts.Since, opts.Until = at(t, "2030-01-01T00:00:00Z"), at(t, "2030-02-01T00:00:00Z")
	var buf bytes.Buffer
	if err := report.Text(&buf, report.Build(fixture(t), opts)); err != nil {
		t.Fatal(err)
	}
	want := "0 incidents that began from 2030-01-01 to 2030-01-31\n\nNo incident began in this window.\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := report.JSON(&buf, report.Build(fixture(t), options(t))); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "fixture.json.golden", buf.Bytes())
	var doc struct {
		Incidents  int `json:"incidents"`
		BySeverity []struct {
			Label string `json:"label"`
			Count int    `json:"count"`
		} `json:"by_severity"`
		Metrics map[string]struct {
			Measured      int      `json:"measured"`
			Missing       int      `json:"missing"`
			OutOfOrder    int      `json:"out_of_order"`
			MedianSeconds *float64 `json:"median_seconds"`
			P90Seconds    *float64 `json:"p90_seconds"`
		} `json:"metrics"`
		FollowUps struct {
			Overdue        int      `json:"overdue"`
			CompletionRate *float64 `json:"completion_rate"`
		} `json:"follow_ups"`
		IncidentList []struct {
			ID      int64               `json:"id"`
			Seconds map[string]*float64 `json:"seconds"`
		} `json:"incident_list"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, s := range doc.BySeverity {
		counts[s.Label] = s.Count
	}
	if counts["SEV1"] != 1 || counts["SEV2"] != 2 || counts["SEV3"] != 1 || counts["SEV4"] != 1 || counts["SEV5"] != 0 {
		t.Errorf("by_severity %v", counts)
	}
	m := doc.Metrics["time_to_mitigate"]
	if m.MedianSeconds == nil || *m.MedianSeconds != 35*60 || m.P90Seconds == nil || *m.P90Seconds != 54*60 || m.Missing != 1 {
		t.Errorf("time_to_mitigate %+v", m)
	}
	if d := doc.Metrics["time_to_detect"]; d.OutOfOrder != 1 || d.Measured != 2 {
		t.Errorf("time_to_detect %+v", d)
	}
	if doc.FollowUps.CompletionRate == nil || *doc.FollowUps.CompletionRate != 0.25 || doc.FollowUps.Overdue != 1 {
		t.Errorf("follow_ups %+v", doc.FollowUps)
	}
	// E (#5) has no measurable metric: null, not 0.
	last := doc.IncidentList[len(doc.IncidentList)-1]
	if v, ok := last.Seconds["time_to_mitigate"]; last.ID != 5 || !ok || v != nil {
		t.Errorf("incident #%d time_to_mitigate = %v (present %v), want null", last.ID, v, ok)
	}
}

func TestJSONEmptyHasArraysNotNull(t *testing.T) {
	var buf bytes.Buffer
	if err := report.JSON(&buf, report.Build(nil, report.Options{})); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"by_month": []`, `"incident_list": []`, `"completion_rate": null`, `"median_seconds": null`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("empty report JSON lacks %s:\n%s", key, buf.String())
		}
	}
}

func TestJSONEscapesTitles(t *testing.T) {
	ins := []report.Input{{Incident: incident.Incident{ID: 1, Severity: 2, Title: "bad\u2028line \u202eevil\u0085",
		Milestones: ms(t, "started", "2025-06-01T00:00:00Z")}}}
	var buf bytes.Buffer
	if err := report.JSON(&buf, report.Build(ins, report.Options{})); err != nil {
		t.Fatal(err)
	}
	for _, raw := range []string{"\u2028", "\u202e", "\u0085"} {
		if strings.Contains(buf.String(), raw) {
			t.Errorf("JSON carries %U raw", []rune(raw)[0])
		}
	}
}

// tagPattern finds the page's markup: text is escaped, so a raw "<" only
// ever opens a tag.
var tagPattern = regexp.MustCompile(`<[A-Za-z/!][^>]*>`)

// fetching matches, inside a tag, what a browser would load or run: an
// element that embeds or runs something, a source or link attribute, an
// event handler, a URL.
var fetching = regexp.MustCompile(`(?i)^<(script|link|img|iframe|object|embed|audio|video|source|image|use|base)\b|\b(src|href|srcset|action|data|poster|background)\s*=|\bon[a-z]+\s*=|https?:|//`)

// styleFetching matches what CSS would load.
var styleFetching = regexp.MustCompile(`(?i)@import|url\(|https?:`)

// loadsSomething names the first thing in page a browser would fetch or
// run, or "".
func loadsSomething(page string) string {
	for _, tag := range tagPattern.FindAllString(page, -1) {
		if fetching.MatchString(tag) {
			return tag
		}
	}
	for _, style := range regexp.MustCompile(`(?s)<style>(.*?)</style>`).FindAllStringSubmatch(page, -1) {
		if m := styleFetching.FindString(style[1]); m != "" {
			return "style: " + m
		}
	}
	return ""
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	ins := fixture(t)
	ins[0].Incident.Title = `<script>alert(1)</script><img src="https://evil.example/x.png"> & "friends"`
	var buf bytes.Buffer
	gen := time.Date(2025, 7, 10, 12, 0, 0, 0, time.UTC)
	if err := report.HTML(&buf, report.Build(ins, options(t)), report.HTMLOptions{Generated: gen}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if m := loadsSomething(page); m != "" {
		t.Errorf("the page would load or run something: %q", m)
	}
	// The check itself must see what it is for.
	for _, bad := range []string{`<img src="x.png">`, `<a href="https://x">`, `<style>@import "x.css";</style>`, `<div onclick="x()">`} {
		if loadsSomething(bad) == "" {
			t.Errorf("loadsSomething misses %s", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=") {
		t.Error("the title is not escaped as text")
	}
	for _, want := range []string{
		"<svg ", `aria-label="Incidents by severity"`, `aria-label="Incidents by month"`,
		"<title>SEV2: 2 incidents</title>", "<title>2025-06: 2 SEV2</title>",
		">35m<", ">54m<", "25% (1 of 4)", "generated 2025-07-10 12:00 UTC", "@media print",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "ZgotmplZ") {
		t.Error("html/template refused a value (ZgotmplZ)")
	}
}

func TestHTMLEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := report.HTML(&buf, report.Build(nil, report.Options{}), report.HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "0 incidents in all") || strings.Contains(buf.String(), "<svg") {
		t.Errorf("an empty report should say so and draw no chart:\n%s", buf.String())
	}
}
