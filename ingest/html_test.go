package ingest

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestHTMLSavedPage: a saved web page is read as its tags say (h1 title,
// h2 sections, a table timeline with th header and a cell wrapped over
// two lines, li action items), its scripts, styles, nav and footer left
// out, with a note saying it was read as HTML.
func TestHTMLSavedPage(t *testing.T) {
	data, err := os.ReadFile("testdata/html/saved_page.html")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ParseBytes(data, Options{Zone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Image CDN purge storm" {
		t.Errorf("title %q", res.Title)
	}
	want := []string{
		"2024-08-12T09:12:00Z A cache-purge job starts sending one purge per image",
		"2024-08-12T09:20:00Z Origin egress climbs to six times its usual level",
		"2024-08-12T09:48:00Z Purge job stopped by hand",
	}
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.Format(time.RFC3339)+" "+e.Text)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.ActionItems) != 2 || res.ActionItems[0].Title != "Rate-limit purge requests per tenant" {
		t.Errorf("action items %+v", res.ActionItems)
	}
	if len(res.Notes) == 0 || !strings.Contains(strings.Join(res.Notes, "\n"), "read as an HTML page") {
		t.Errorf("notes %q", res.Notes)
	}
	if s := res.Narrative.Summary; strings.Contains(s, "<") || strings.Contains(s, "analytics") || strings.Contains(s, "font-family") {
		t.Errorf("markup or script in the summary: %q", s)
	}
}

// TestHTMLBlocksInMarkdown: an HTML table (one row a line, or one tag a
// line) and an HTML list inside Markdown give their entries, the lines
// after them keep their numbers, and HTML inside a code fence stays code.
func TestHTMLBlocksInMarkdown(t *testing.T) {
	for _, c := range []struct {
		name, text string
		n          int
	}{
		{"table rows", "# Queue stall, 2024-02-20\n\n<h2>Timeline</h2>\n<table>\n<tr><th>Time (UTC)</th><th>Event</th></tr>\n<tr><td>07:05</td><td>Consumers stop acking</td></tr>\n<tr><td>07:31</td><td>Broker restarted</td></tr>\n</table>\n", 2},
		{"table tags", "# Queue stall, 2024-02-20\n\n## Timeline\n\n<table>\n  <thead>\n    <tr>\n      <th>Time (UTC)</th>\n      <th>Event</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td>07:05</td>\n      <td>Consumers stop acking</td>\n    </tr>\n    <tr>\n      <td>07:31</td>\n      <td>Broker restarted</td>\n    </tr>\n  </tbody>\n</table>\n", 2},
		{"list", "# Queue stall, 2024-02-20\n\n## Timeline\n\n<ul>\n<li><strong>07:05 UTC</strong> Consumers stop acking</li>\n<li><b>07:31 UTC</b> Broker restarted</li>\n</ul>\n", 2},
		{"fenced", "# Queue stall, 2024-02-20\n\n```html\n<ul>\n<li>07:05 UTC in a code sample</li>\n</ul>\n```\n", 0},
	} {
		res := ParseText(c.text, Options{Zone: time.UTC})
		if len(res.Entries) != c.n {
			t.Errorf("%s: %d entries, want %d: %+v", c.name, len(res.Entries), c.n, res.Entries)
			continue
		}
		if c.n > 0 && (res.Entries[0].Text != "Consumers stop acking" || res.Entries[1].Text != "Broker restarted" || res.Entries[1].At.Format(time.RFC3339) != "2024-02-20T07:31:00Z") {
			t.Errorf("%s: %+v", c.name, res.Entries)
		}
	}
	text := "# Queue stall, 2024-02-20\n\n<table>\n<tr>\n<th>Time</th>\n<th>Event</th>\n</tr>\n<tr>\n<td>07:05</td>\n<td>x</td>\n</tr>\n</table>\n\n- 2024-02-20 25:10 bad hour\n"
	res := ParseText(text, Options{Zone: time.UTC})
	if len(res.Problems) != 1 || res.Problems[0].Line != 14 {
		t.Errorf("the line after the table: %+v, want line 14", res.Problems)
	}
}
