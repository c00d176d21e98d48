package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The HTML pages are checked in a real headless Chromium: rendered to a
// screenshot that must not be blank and must show the SVG's colours, with
// no console error, the DOM intact, and nothing loaded from the network.
// In CI (CI set) a missing Chromium fails the test; elsewhere it skips
// with a message. SCRIBE_UPDATE_SCREENSHOT=1 copies the postmortem's
// screenshot to docs/postmortem-html.png for the README.

// chromium finds the browser: SCRIBE_CHROMIUM, then Debian's chromium,
// then the usual names on PATH.
func chromium(t *testing.T) string {
	t.Helper()
	names := []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"}
	if p := os.Getenv("SCRIBE_CHROMIUM"); p != "" {
		names = []string{p}
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: CI must install Debian's chromium package for the HTML check")
	}
	t.Skip("chromium not found (install Debian's chromium, or set SCRIBE_CHROMIUM): skipping the headless render check")
	return ""
}

// browserRun is one headless Chromium run.
type browserRun struct {
	stdout, stderr string
}

// runChromium runs the browser headless on page with extra flags, in a
// private profile, with every host name unresolvable so that any network
// load would fail loudly.
func runChromium(t *testing.T, browser, page string, extra ...string) browserRun {
	t.Helper()
	profile := t.TempDir()
	args := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
		"--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND",
		"--enable-logging=stderr", "--v=0", "--hide-scrollbars",
	}
	args = append(args, extra...)
	args = append(args, "file://"+page)
	// A first start on a fresh machine builds the font cache and the
	// profile, and CI runs every package's tests beside it under -race: the
	// bound is for a browser that hangs, not a measure.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ctx.Err() != nil {
			t.Fatalf("chromium %v: %v\n%s", extra, err, errb.String())
		}
		t.Fatalf("chromium %v exited %d:\n%s", extra, ee.ExitCode(), errb.String())
	}
	return browserRun{stdout: out.String(), stderr: errb.String()}
}

// consoleProblem matches what Chromium logs (with --enable-logging) when
// the page writes to its console (Chromium logs every level as
// INFO:CONSOLE, and these pages run no script, so any line is a problem)
// or hits a script or loading error.
var consoleProblem = regexp.MustCompile(`(?m)^.*(:CONSOLE|Uncaught |net::ERR_|Failed to load resource|Refused to ).*$`)

// consoleErrors returns the lines of a run's log that report a problem
// with the page.
func consoleErrors(log string) []string {
	var out []string
	for _, line := range consoleProblem.FindAllString(log, -1) {
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

// pageCheck is what a rendered page must show.
type pageCheck struct {
	// colours that must cover at least minPixels pixels each, with what
	// they stand for.
	colours   map[string][3]uint8
	minPixels int
	// dom holds strings the DOM must contain after Chromium parsed it.
	dom []string
}

// checkInChromium renders page and applies the checks; it returns the
// screenshot.
func checkInChromium(t *testing.T, page string, want pageCheck) []byte {
	t.Helper()
	browser := chromium(t)
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if ref := networkReference(string(src)); ref != "" {
		t.Errorf("%s would load something from elsewhere: %s", filepath.Base(page), ref)
	}

	var data []byte
	// A loaded machine can have the capture taken before every tile is
	// painted, which the flags below make rare but not impossible: a
	// capture that lacks what the page draws is taken again, up to
	// shotAttempts times, and the checks fail only if none shows it. What
	// the page itself does wrong (console errors, network loads) fails
	// at the first attempt.
	var problems []string
	for attempt := 1; attempt <= shotAttempts; attempt++ {
		tmp := t.TempDir()
		shot, netlog := filepath.Join(tmp, "shot.png"), filepath.Join(tmp, "netlog.json")
		// The last two flags make the capture wait for the page to be fully
		// painted; without them a tile is sometimes caught half drawn.
		run := runChromium(t, browser, page, "--screenshot="+shot, "--window-size=1200,1600", "--log-net-log="+netlog,
			"--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000")
		if errs := consoleErrors(run.stderr); len(errs) > 0 {
			t.Fatalf("console errors while rendering %s:\n%s", filepath.Base(page), strings.Join(errs, "\n"))
		}
		if reqs := pageRequests(t, netlog); len(reqs) > 0 {
			t.Fatalf("rendering %s made network requests: %v", filepath.Base(page), reqs)
		}
		var err error
		if data, err = os.ReadFile(shot); err != nil {
			t.Fatalf("no screenshot: %v\n%s", err, run.stderr)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		if problems = screenshotProblems(img, want); len(problems) == 0 {
			break
		}
		t.Logf("capture %d of %s lacks what the page draws (%s); taking it again", attempt, filepath.Base(page), strings.Join(problems, "; "))
	}
	for _, p := range problems {
		t.Error(p)
	}

	dom := runChromium(t, browser, page, "--dump-dom")
	if errs := consoleErrors(dom.stderr); len(errs) > 0 {
		t.Errorf("console errors while dumping the DOM:\n%s", strings.Join(errs, "\n"))
	}
	for _, s := range want.dom {
		if !strings.Contains(dom.stdout, s) {
			t.Errorf("the DOM Chromium built lacks %q", s)
		}
	}
	return data
}

// pageRequests reads a Chromium NetLog and returns the URLs the page asked
// for. Chromium's own background requests (updates, accounts) carry the
// initiator "not an origin"; a file:// page's requests carry "null".
func pageRequests(t *testing.T, netlog string) []string {
	t.Helper()
	data, err := os.ReadFile(netlog)
	if err != nil {
		t.Fatalf("no net log: %v", err)
	}
	var log struct {
		Constants struct {
			LogEventTypes map[string]int `json:"logEventTypes"`
		} `json:"constants"`
		Events []struct {
			Type   int `json:"type"`
			Params struct {
				URL       string `json:"url"`
				Initiator string `json:"initiator"`
			} `json:"params"`
		} `json:"events"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		// A log cut short by the browser's exit is repaired this way
		// (NetLog's own advice).
		if err2 := json.Unmarshal(append(bytes.TrimRight(bytes.TrimSpace(data), ","), "]}"...), &log); err2 != nil {
			t.Fatalf("read the net log: %v", err)
		}
	}
	start, ok := log.Constants.LogEventTypes["URL_REQUEST_START_JOB"]
	if !ok {
		t.Fatal("the net log has no URL_REQUEST_START_JOB event type: this Chromium writes another format")
	}
	var out []string
	for _, e := range log.Events {
		if e.Type == start && e.Params.URL != "" && e.Params.Initiator != "not an origin" {
			out = append(out, e.Params.URL)
		}
	}
	return out
}

// shotAttempts is how many captures checkInChromium takes of a page before
// it believes the page does not draw what it should.
const shotAttempts = 3

// screenshotProblems says what a capture lacks: anything but background,
// and enough pixels of each colour the page must draw.
func screenshotProblems(img image.Image, want pageCheck) []string {
	var out []string
	if p := blankness(img); p != "" {
		out = append(out, p)
	}
	for what, c := range want.colours {
		if n := countColour(img, c, 24); n < want.minPixels {
			out = append(out, fmt.Sprintf("the screenshot shows %d pixels of %s (rgb %v), want at least %d: the SVG did not render", n, what, c, want.minPixels))
		}
	}
	return out
}

// blankness says how a capture is blank: nearly every pixel the colour of
// its corner; "" when it is not.
func blankness(img image.Image) string {
	b := img.Bounds()
	bg := rgb(img.At(b.Min.X, b.Min.Y))
	other, total := 0, b.Dx()*b.Dy()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dist(rgb(img.At(x, y)), bg) > 24 {
				other++
			}
		}
	}
	if other*100 < total*2 {
		return fmt.Sprintf("the screenshot is blank: %d of %d pixels differ from the background %v", other, total, bg)
	}
	return ""
}

func rgb(c interface{ RGBA() (r, g, b, a uint32) }) [3]uint8 {
	r, g, b, _ := c.RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

func dist(a, b [3]uint8) int {
	d := 0
	for i := range a {
		v := int(a[i]) - int(b[i])
		if v < 0 {
			v = -v
		}
		d = max(d, v)
	}
	return d
}

func countColour(img image.Image, c [3]uint8, tolerance int) int {
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if dist(rgb(img.At(x, y)), c) <= tolerance {
				n++
			}
		}
	}
	return n
}

// htmlTag finds the markup of a page: text is escaped, so a raw "<" only
// ever opens a tag.
var htmlTag = regexp.MustCompile(`<[A-Za-z/!][^>]*>`)

// loadingTag matches, inside a tag, what a browser would load or run by
// itself: an element that embeds or runs something, a source attribute,
// an event handler, a stylesheet link. A plain <a href> is a link a reader
// may follow, not a load.
var loadingTag = regexp.MustCompile(`(?i)^<(script|link|img|iframe|frame|object|embed|audio|video|source|track|image|use|base|meta\s+http-equiv)\b|\b(src|srcset|poster|background|data|action|formaction|xlink:href)\s*=|\bon[a-z]+\s*=`)

// anchorOrNamespace are the tags that may carry an address without loading it.
var anchorOrNamespace = regexp.MustCompile(`(?i)^<a\s`)

// styleLoad matches CSS that would load something.
var styleLoad = regexp.MustCompile(`(?i)@import|url\(|https?:`)

// networkReference names the first thing in page that a browser would
// fetch or run, or "".
func networkReference(page string) string {
	for _, tag := range htmlTag.FindAllString(page, -1) {
		if loadingTag.MatchString(tag) {
			return tag
		}
		if !anchorOrNamespace.MatchString(tag) && regexp.MustCompile(`(?i)https?:|//`).MatchString(tag) {
			return tag
		}
	}
	for _, m := range regexp.MustCompile(`(?is)<style[^>]*>(.*?)</style>`).FindAllStringSubmatch(page, -1) {
		if s := styleLoad.FindString(m[1]); s != "" {
			return "style: " + s
		}
	}
	if regexp.MustCompile(`(?i)style\s*=\s*"[^"]*url\(`).MatchString(page) {
		return "an inline style with url()"
	}
	return ""
}

// The colours the pages draw with (the CSS variables of the templates).
var (
	impactRed     = [3]uint8{0xe5, 0x48, 0x4d}
	responseAmber = [3]uint8{0xf5, 0xa5, 0x24}
	recoveryGreen = [3]uint8{0x30, 0xa4, 0x6c}
	sev2Orange    = [3]uint8{0xdc, 0x68, 0x03}
)

func TestHTMLPostmortemInChromium(t *testing.T) {
	chromium(t) // skip (or fail in CI) before building anything
	dir := t.TempDir()
	db := filepath.Join(dir, "pm.db")
	id := postmortemIncident(t, db)
	page := filepath.Join(dir, "postmortem.html")
	r := scribe(t, db, "", nil, "export", id, "--format", "html", "-o", page)
	if r.code != 0 {
		t.Fatalf("export --format html: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "warning: ") {
		t.Errorf("the HTML export is not linted like the Markdown: stderr %q", r.stderr)
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(src)
	if !strings.Contains(html, `<svg class="phases"`) || strings.Count(html, `<rect class="band `) < 3 {
		t.Errorf("the timeline is not drawn as SVG bands:\n%s", html)
	}
	for _, name := range postmortemPeople {
		if strings.Contains(outsideHTMLActionItems(t, html), name) {
			t.Errorf("%q is named outside the action items: the HTML is not blameless", name)
		}
	}

	shot := checkInChromium(t, page, pageCheck{
		colours: map[string][3]uint8{
			"the impact band": impactRed, "the response band": responseAmber, "the recovery band": recoveryGreen,
			"the SEV2 badge": sev2Orange,
		},
		minPixels: 150,
		dom: []string{
			"Payments API timeouts after the connection pool change", `<svg class="phases"`, "Key moments",
			"Where we got lucky", "Responders", "Rollback finished",
		},
	})
	if os.Getenv("SCRIBE_UPDATE_SCREENSHOT") != "" {
		dst := filepath.Join("..", "docs", "postmortem-html.png")
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, shot, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", dst)
	}
}

// outsideHTMLActionItems is the page without its action items section.
func outsideHTMLActionItems(t *testing.T, html string) string {
	t.Helper()
	i := strings.Index(html, `<h2 id="action-items">`)
	j := strings.Index(html, `<h2 id="responders">`)
	if i < 0 || j < i {
		t.Fatalf("no action items section before the responders:\n%s", html)
	}
	return html[:i] + html[j:]
}

func TestReportHTMLInChromium(t *testing.T) {
	chromium(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "report.db")
	afterIncidents(t, db, time.Now().UTC())
	page := filepath.Join(dir, "report.html")
	mustScribe(t, db, "report", "--format", "html", "-o", page)
	checkInChromium(t, page, pageCheck{
		colours:   map[string][3]uint8{"the SEV2 bars": {0xdc, 0x68, 0x03}, "the SEV1 bars": {0xb4, 0x23, 0x18}},
		minPixels: 150,
		dom:       []string{"Incident report", "Response times", `aria-label="Incidents by month"`, "25% (1 of 4)"},
	})
}

// The checks above must be able to fail: a page with a console error, a
// blank page, a page that loads a stylesheet.
func TestChromiumChecksCatchBrokenPages(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.html")
	if err := os.WriteFile(broken, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body>`+
		`<script>console.error("boom")</script><p>hello</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	run := runChromium(t, browser, broken, "--dump-dom")
	if len(consoleErrors(run.stderr)) == 0 {
		t.Errorf("a console.error went unnoticed; chromium logged:\n%s", run.stderr)
	}
	loading := filepath.Join(dir, "loading.html")
	if err := os.WriteFile(loading, []byte(`<!DOCTYPE html><html><head><title>x</title>`+
		`<link rel="stylesheet" href="https://cdn.example.com/x.css"></head><body><p>hi</p></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	netlog := filepath.Join(dir, "netlog.json")
	runChromium(t, browser, loading, "--dump-dom", "--log-net-log="+netlog)
	if reqs := pageRequests(t, netlog); len(reqs) != 1 || reqs[0] != "https://cdn.example.com/x.css" {
		t.Errorf("the stylesheet load went unnoticed: page requests %v", reqs)
	}
	for _, page := range []string{
		`<link rel="stylesheet" href="https://cdn.example.com/x.css">`, `<img src="x.png">`,
		`<style>@import "https://x/y.css";</style>`, `<div style="background: url(x.png)">`, `<svg><image href="https://x/y.png"/></svg>`,
	} {
		if networkReference(page) == "" {
			t.Errorf("networkReference misses %s", page)
		}
	}
	if ref := networkReference(`<a href="https://github.com/acme/x/issues/1">#1</a>`); ref != "" {
		t.Errorf("a plain link is not a load: %s", ref)
	}

	blank := filepath.Join(dir, "blank.html")
	if err := os.WriteFile(blank, []byte(`<!DOCTYPE html><html><head><title>x</title></head><body></body></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "blank.png")
	runChromium(t, browser, blank, "--screenshot="+shot, "--window-size=400,300")
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); countColour(img, rgb(img.At(b.Min.X, b.Min.Y)), 24) != b.Dx()*b.Dy() {
		t.Errorf("a blank page's screenshot is not uniform: the blank check cannot be trusted")
	}
}

func TestExportHTMLFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pm.db")
	id := postmortemIncident(t, db)
	tmpl := filepath.Join(dir, "t.tmpl")
	if err := os.WriteFile(tmpl, []byte("{{.Title}}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := scribe(t, db, "", nil, "export", id, "--format", "html", "--template", tmpl); r.code != 2 || r.stdout != "" ||
		!strings.Contains(r.stderr, "--template applies to Markdown only") {
		t.Errorf("--template with html: exit %d, stderr %q", r.code, r.stderr)
	}
	page := filepath.Join(dir, "strict.html")
	if r := scribe(t, db, "", nil, "export", id, "--format", "HTML", "--strict", "-o", page); r.code != 1 {
		t.Errorf("--strict with warnings: exit %d, want 1", r.code)
	}
	if _, err := os.Stat(page); !os.IsNotExist(err) {
		t.Errorf("--strict wrote the page anyway: %v", err)
	}
	r := scribe(t, db, "", nil, "export", id, "--format", "html", "--names", "--tz", "UTC")
	if r.code != 0 || !strings.Contains(r.stdout, "<td>Rosa Martinez</td>") || !strings.Contains(r.stdout, "all times in UTC") {
		t.Errorf("--names --tz UTC: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := scribe(t, db, "", nil, "export", id, "--format", "pdf"); r.code != 2 || !strings.Contains(r.stderr, "markdown, json or html") {
		t.Errorf("unknown format: exit %d, stderr %q", r.code, r.stderr)
	}
}
