package github

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	gh "github.com/google/go-github/v60/github"

	"scribe/incident"
	"scribe/integrations/github/githubtest"
)

func TestParseAPIURL(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "https://api.github.com/"},
		{"https://api.github.com", "https://api.github.com/"},
		{"https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/"},
		{"https://github.com", "https://api.github.com/"},
		// Plain http only where nothing leaves the machine.
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080/"},
		{"http://127.42.0.9/api/v3", "http://127.42.0.9/api/v3/"},
		{"http://[::1]:9000", "http://[::1]:9000/"},
		{"http://localhost:3000", "http://localhost:3000/"},
		{"http://LocalHost.:3000", "http://LocalHost.:3000/"},
	}
	for _, c := range cases {
		u, err := ParseAPIURL(c.in)
		if err != nil || u.String() != c.want {
			t.Errorf("ParseAPIURL(%q) = %v, %v; want %s", c.in, u, err, c.want)
		}
	}
	for _, bad := range []string{"ftp://x", "api.github.com", "https://user:s3cret@ghe.example.com/api/v3", "https://x/?a=b",
		"http://api.github.com", "http://ghe.example.com/api/v3", "http://10.0.0.7:8080", "http://128.0.0.1",
		"http://127.0.0.1.nip.io", "http://localhost.evil.example", "http://[::2]", "http://[::ffff:8.8.8.8]", "HTTP://example.com",
		"http://0.0.0.0:8080", "mailto:x@example.com"} {
		_, err := ParseAPIURL(bad)
		if err == nil || !strings.Contains(err.Error(), "GITHUB_API_URL") {
			t.Errorf("ParseAPIURL(%q) = %v, want an error naming GITHUB_API_URL", bad, err)
		}
		if strings.HasPrefix(strings.ToLower(bad), "http://") && !strings.Contains(bad, "@") && err != nil && !strings.Contains(err.Error(), "https") {
			t.Errorf("refusing %q does not say to use https: %v", bad, err)
		}
	}
	for in, want := range map[string]string{"https://api.github.com/": "github.com", "https://ghe.example.com/api/v3/": "ghe.example.com"} {
		u, _ := url.Parse(in)
		if got := WebHost(u); got != want {
			t.Errorf("WebHost(%s) = %s, want %s", in, got, want)
		}
	}
}

// The error for a bad GITHUB_API_URL names the host and path, never what
// could be a credential (userinfo, query, fragment), and shows nothing a
// terminal would act on.
func TestParseAPIURLErrorHidesCredentialsAndEscapes(t *testing.T) {
	const secret = "ghp_SECRETinURL123"
	for _, bad := range []string{
		"https://ghe.example.com/api/v3?access_token=" + secret,
		"http://ghe.example.com/api/v3?token=" + secret,
		"https://x:" + secret + "@ghe.example.com/api/v3",
		"https://" + secret + "@ghe.example.com",
		"http://" + secret + "@evil.example/?q=" + secret,
		"https://ghe.example.com/api/v3#" + secret,
		"https://ghe.example.com/api/v3?",
		"ghe.example.com/api?token=" + secret,
		"https://ghe.example.com/\x1b]0;pwned\x07\x1b[2J?token=" + secret,
		"ftp://ghe.example.com/" + strings.Repeat("a", 5000),
	} {
		_, err := ParseAPIURL(bad)
		if err == nil {
			t.Errorf("ParseAPIURL(%.80q) accepted", bad)
			continue
		}
		msg := err.Error()
		if strings.Contains(msg, secret) || strings.Contains(msg, "token=") {
			t.Errorf("ParseAPIURL(%q) error repeats a credential: %s", bad, msg)
		}
		if strings.ContainsAny(msg, "\x1b\x07") {
			t.Errorf("ParseAPIURL(%q) error carries control characters: %q", bad, msg)
		}
		if len(msg) > 400 {
			t.Errorf("ParseAPIURL error is %d bytes long: %.100s…", len(msg), msg)
		}
	}
	_, err := ParseAPIURL("http://ghe.example.com/api/v3?token=" + secret)
	if err == nil || !strings.Contains(err.Error(), "ghe.example.com/api/v3") {
		t.Errorf("the error should still name the host and path: %v", err)
	}
}

// recorder is a RoundTripper that keeps the Authorization header of each
// request it is given.
type recorder struct{ auth map[string]string }

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.auth[req.URL.String()] = req.Header.Get("Authorization")
	return &http.Response{StatusCode: 200, Body: http.NoBody, Header: http.Header{}, Request: req}, nil
}

// The token goes only to the API's own scheme and host: never to another
// host, and never over plain http when the API is https (a redirect or a
// pagination link that downgrades).
func TestAuthTransportKeepsTheTokenOnTheAPIsSchemeAndHost(t *testing.T) {
	api, _ := url.Parse("https://ghe.example.com/api/v3/")
	rec := &recorder{auth: map[string]string{}}
	tr := &authTransport{base: rec, api: api, token: NewToken("ghp_secret", "GH_TOKEN")}
	want := map[string]bool{
		"https://ghe.example.com/api/v3/repos/a/b/issues": true,
		"https://GHE.example.com/api/v3/x":                true,
		"http://ghe.example.com/api/v3/repos/a/b/issues":  false,
		"https://evil.example/api/v3/x":                   false,
		"https://ghe.example.com:8443/api/v3/x":           false,
	}
	for u, sent := range want {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		if _, err := tr.RoundTrip(req); err != nil {
			t.Fatal(err)
		}
		if got := rec.auth[u] != ""; got != sent {
			t.Errorf("%s: token sent %v, want %v", u, got, sent)
		}
	}
	local, _ := url.Parse("http://127.0.0.1:8080/")
	tr = &authTransport{base: rec, api: local, token: NewToken("ghp_secret", "GH_TOKEN")}
	req, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1:8080/repos/a/b/issues", nil)
	if _, err := tr.RoundTrip(req); err != nil || rec.auth[req.URL.String()] == "" {
		t.Errorf("a loopback http API gets no token: %v", err)
	}
}

func response(status int, h map[string]string) *http.Response {
	r := &http.Response{StatusCode: status, Header: http.Header{}, Request: &http.Request{Method: "POST", URL: &url.URL{Path: "/repos/a/b/issues"}}}
	for k, v := range h {
		r.Header.Set(k, v)
	}
	return r
}

func TestClassifyLimit(t *testing.T) {
	// The client's clock, far from the machine's, decides: a Retry-After
	// date 45 seconds after it means 45 seconds, whatever time.Now says.
	now := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	reset := now.Add(10 * time.Minute).Unix()
	cases := []struct {
		name   string
		status int
		h      map[string]string
		body   string
		want   string // primary, secondary:DURATION or none
	}{
		{"primary 403", 403, map[string]string{"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": strconv.FormatInt(reset, 10)}, `{"message":"API rate limit exceeded"}`, "primary"},
		{"primary 429", 429, map[string]string{"X-RateLimit-Remaining": "0"}, ``, "primary"},
		{"secondary with a Retry-After date", 429, map[string]string{"Retry-After": now.Add(45 * time.Second).Format(http.TimeFormat)}, ``, "secondary:45s"},
		{"secondary with Retry-After", 403, map[string]string{"Retry-After": "30", "X-RateLimit-Remaining": "4000"}, `{}`, "secondary:30s"},
		{"a spent quota wins over Retry-After", 403, map[string]string{"Retry-After": "30", "X-RateLimit-Remaining": "0"}, `{}`, "primary"},
		{"secondary by body", 403, nil, `{"message":"You have exceeded a secondary rate limit"}`, "secondary:1m0s"},
		{"429 bare", 429, nil, ``, "secondary:1m0s"},
		{"plain forbidden", 403, map[string]string{"X-RateLimit-Remaining": "4000"}, `{"message":"Resource not accessible by integration"}`, "none"},
	}
	for _, c := range cases {
		err := classifyLimit(response(c.status, c.h).Request, response(c.status, c.h), []byte(c.body), now)
		var got string
		var rl *RateLimitError
		var sl *SecondaryLimitError
		switch {
		case errors.As(err, &rl):
			got = "primary"
			if c.h["X-RateLimit-Reset"] != "" && !strings.Contains(rl.Error(), "in 10m0s") {
				t.Errorf("%s: %q does not count the wait from the client's clock (10m0s)", c.name, rl.Error())
			}
		case errors.As(err, &sl):
			got = "secondary:" + sl.RetryAfter.String()
		case err == nil:
			got = "none"
		}
		if got != c.want {
			t.Errorf("%s: got %s (%v), want %s", c.name, got, err, c.want)
		}
	}
}

func TestBackoffIsBoundedAndOnlyForTransientFaults(t *testing.T) {
	p := retryPolicy{attempts: 5, base: time.Second, maxWait: 4 * time.Second}
	s502 := &gh.ErrorResponse{Response: &http.Response{StatusCode: 502}}
	var waits []time.Duration
	for attempt := 1; ; attempt++ {
		d, ok := p.backoff(attempt, s502)
		if !ok {
			break
		}
		waits = append(waits, d)
	}
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 4 * time.Second}; !equalDurations(waits, want) {
		t.Errorf("waits %v, want %v", waits, want)
	}
	for _, err := range []error{
		&gh.ErrorResponse{Response: &http.Response{StatusCode: 422}},
		&RateLimitError{},
		&SecondaryLimitError{RetryAfter: time.Hour},
	} {
		if _, ok := p.backoff(1, err); ok {
			t.Errorf("%T is retried", err)
		}
	}
}

func equalDurations(a, b []time.Duration) bool {
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

func TestParseOwnerAssignsOnlyALoginAndMentionsOnlyATeam(t *testing.T) {
	cases := []struct{ in, login, team string }{
		{"@dana", "dana", ""},
		{" @ken-a ", "ken-a", ""},
		{"@" + strings.Repeat("a", 39), strings.Repeat("a", 39), ""},
		{"@acme/payments-sre", "", "@acme/payments-sre"},
		{"@acme/db_oncall", "", "@acme/db_oncall"},
		// Not exactly one handle: text, which pings nobody.
		{"dana", "", ""}, {"@", "", ""}, {"@-x", "", ""}, {"@a--b", "", ""}, {"@x-", "", ""},
		{"@dana (SRE)", "", ""}, {"Dana @dana", "", ""}, {"cc @torvalds", "", ""},
		{"@" + strings.Repeat("a", 40), "", ""}, {"@acme/", "", ""}, {"@acme/team/x", "", ""},
		{"@acme/-team", "", ""}, {"acme/team", "", ""}, {"@dana @ken", "", ""}, {"@dana\x1b[31m", "", ""},
	}
	for _, c := range cases {
		got := ParseOwner(c.in)
		if got.Login != c.login || got.Team != c.team {
			t.Errorf("ParseOwner(%q) = login %q team %q; want login %q team %q", c.in, got.Login, got.Team, c.login, c.team)
		}
		md := got.Markdown()
		if l := githubtest.Links(md); c.team == "" && len(l) > 0 {
			t.Errorf("ParseOwner(%q).Markdown() = %q would make %q", c.in, md, l)
		}
		if c.team != "" && md != c.team {
			t.Errorf("team owner %q shows as %q, want the mention %q", c.in, md, c.team)
		}
	}
}

func TestPlanValidatesAndDedupesLabels(t *testing.T) {
	snap := incident.Snapshot{
		Incident:    incident.Incident{ID: 3, Title: "Queue backlog", Severity: 2, Timezone: "UTC"},
		ActionItems: []incident.ActionItem{{ID: 1, UUID: "0b6e0cde-8a66-4c43-9a5a-4c1e2b0d7f11", Title: "Alert", State: incident.ItemOpen}},
	}
	plans, err := Plan(snap, FileOptions{Labels: []string{"SEV2", "Incident-Followup", "team"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(plans[0].Labels, ","); got != "incident-followup,sev2,team" {
		t.Errorf("labels %s", got)
	}
	if markerIn(plans[0].Body) != snap.ActionItems[0].UUID {
		t.Errorf("body carries no readable marker:\n%s", plans[0].Body)
	}
	for _, opts := range []FileOptions{{Labels: []string{""}}, {Labels: []string{"a,b"}}, {Labels: []string{strings.Repeat("x", 51)}}, {PostmortemURL: "wiki/pm"}} {
		if _, err := Plan(snap, opts); incident.ErrorCode(err) != incident.EINVALID {
			t.Errorf("Plan(%+v) = %v, want an invalid-input error", opts, err)
		}
	}
}

func TestParseRepo(t *testing.T) {
	for in, want := range map[string]string{"acme/payments": "acme/payments", "a-b/c.d_e": "a-b/c.d_e", "acme/x.git": "acme/x"} {
		r, err := ParseRepo(in)
		if err != nil || r.String() != want {
			t.Errorf("ParseRepo(%q) = %v, %v", in, r, err)
		}
	}
	for _, bad := range []string{"", "acme", "acme/", "/x", "a/b/c", "https://github.com/a/b", "acme/.."} {
		if _, err := ParseRepo(bad); err == nil {
			t.Errorf("ParseRepo(%q) accepted", bad)
		}
	}
	if got := repoFromAPIURL("https://ghe.example.com/api/v3/repos/acme/platform"); got != "acme/platform" {
		t.Errorf("repoFromAPIURL = %q", got)
	}
}

func TestPlanOnlyTheSelectedItems(t *testing.T) {
	snap := incident.Snapshot{
		Incident: incident.Incident{ID: 3, Title: "Queue backlog", Severity: 3, Timezone: "UTC"},
		ActionItems: []incident.ActionItem{
			{ID: 1, UUID: "u1", Title: "One", State: incident.ItemOpen},
			{ID: 2, UUID: "u2", Title: "Two", State: incident.ItemOpen},
			{ID: 3, UUID: "u3", Title: "Three", State: incident.ItemOpen, GitHub: incident.GitHubIssue{Number: 4}},
		},
	}
	plans, err := Plan(snap, FileOptions{Only: []int64{2, 3}})
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 || plans[0].Item.ID != 2 {
		t.Errorf("planned %+v, want only item 2 (3 is already filed)", plans)
	}
}

func TestNextLinkFollowsWhateverTheServerLinks(t *testing.T) {
	cases := map[string][]string{
		"":                     nil,
		"http://h/x?page=2":    {`<http://h/x?page=2>; rel="next", <http://h/x?page=9>; rel="last"`},
		"http://h/x?after=abc": {`<http://h/x?page=1>; rel="prev"`, `<http://h/x?after=abc>; rel="next"`},
		"http://h/x?cursor=Y2": {`<http://h/x?page=1>; rel="first",<http://h/x?cursor=Y2>; rel=next`},
	}
	for want, headers := range cases {
		h := http.Header{}
		for _, v := range headers {
			h.Add("Link", v)
		}
		got := nextLink(&gh.Response{Response: &http.Response{Header: h}})
		if got != want {
			t.Errorf("nextLink(%q) = %q, want %q", headers, got, want)
		}
	}
}
