// Package githubtest is a stand-in for the GitHub REST API on loopback: an
// in-memory set of repositories with issues and labels, served with the
// headers GitHub sends (rate limits, Link pagination), where a test can
// inject each fault scribe must survive. Any request the stand-in does not
// know fails the test, so a stray call cannot go unnoticed.
package githubtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Op names a kind of request, for counting and fault injection.
type Op string

// The requests the stand-in serves.
const (
	ListIssues  Op = "list-issues"
	CreateIssue Op = "create-issue"
	GetIssue    Op = "get-issue"
	EditIssue   Op = "edit-issue"
	ListLabels  Op = "list-labels"
	CreateLabel Op = "create-label"
	GetUser     Op = "get-user"
)

// Login is the user the stand-in's token belongs to (GET /user), and the
// author of the issues it creates, unless WithLogin names another.
const Login = "scribe-tester"

// Fault is a failure to answer one request with.
type Fault int

// Faults that can be injected.
const (
	// BadGateway answers 502 and does nothing.
	BadGateway Fault = iota + 1
	// SecondaryLimit answers 403 with GitHub's secondary-rate-limit body
	// and Retry-After, and does nothing.
	SecondaryLimit
	// TooManyRequests answers 429 with Retry-After and does nothing.
	TooManyRequests
	// DropResponse does the work (a create makes the issue) and then closes
	// the connection without answering.
	DropResponse
	// PrimaryLimit answers 403 with X-RateLimit-Remaining: 0.
	PrimaryLimit
	// BadGatewayAfterWork does the work (a create makes the issue) and then
	// answers 502, as GitHub's edge does when the backend was slow.
	BadGatewayAfterWork
	// HostileError answers 422 with terminal escape sequences, control
	// and bidirectional characters in its messages, and does nothing.
	HostileError
)

// HostileText is what HostileError puts in its messages: an OSC that
// retitles the window, a screen clear, an 8-bit CSI, a bell, a
// right-to-left override and a line break.
const HostileText = "Validation \x1b]0;pwned\x07failed\x1b[2J \u009b31m red \u202eevil\ninjected line"

// Issue is an issue as the stand-in holds it.
type Issue struct {
	Number      int
	Title       string
	Body        string
	State       string // open or closed
	StateReason string // completed, not_planned, reopened or ""
	Labels      []string
	Assignees   []string
	Created     time.Time
	Updated     time.Time
	PullRequest bool
	// Author is who opened it: a login, a "name[bot]" app; Association is
	// the author's relation to the repository as GitHub reports it
	// (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …).
	Author      string
	Association string

	gone      bool   // deleted: 410
	movedTo   string // transferred: repository full name
	movedToNo int
}

type repo struct {
	id              int
	name            string
	issues          []*Issue
	labels          []string
	labelsForbidden bool
	strictLabels    bool
	tamper          map[string]any
	assignable      []string // nil: anyone
}

// Server is the stand-in API.
type Server struct {
	// URL is the API root to give scribe as GITHUB_API_URL.
	URL string
	// RetryAfter is the Retry-After sent with secondary limits (default 1).
	RetryAfter int

	t      testing.TB
	token  string
	login  string // the token's user; "" for an app's token
	assoc  string // the token user's relation to every repository
	prefix string
	srv    *httptest.Server
	now    func() time.Time

	mu          sync.Mutex
	repos       map[string]*repo
	calls       map[Op]int
	faults      map[Op]map[int]Fault
	primaryTill time.Time
	quiet       bool
	echo        bool
	log         []string
	remaining   int
	before      map[Op]func()
	edits       int
}

// Option changes how a Server is set up.
type Option func(*Server)

// WithPrefix serves the API under a path, as GitHub Enterprise does under
// /api/v3.
func WithPrefix(p string) Option { return func(s *Server) { s.prefix = "/" + strings.Trim(p, "/") } }

// WithLogin makes the token belong to login, who opens the issues created
// through the API; "" makes it an app's installation token, as GitHub
// Actions' GITHUB_TOKEN is: GET /user answers 403 and the issues it creates
// are opened by "github-actions[bot]".
func WithLogin(login string) Option { return func(s *Server) { s.login = login } }

// WithAssociation sets the token user's relation to the repositories (the
// author_association of the issues it opens): OWNER, MEMBER, COLLABORATOR,
// or the default NONE, as for a user filing in another's public
// repository, so that only the user's own login ties its issues.
func WithAssociation(a string) Option { return func(s *Server) { s.assoc = a } }

// actionsBot is who opens the issues an app's token creates.
const actionsBot = "github-actions[bot]"

// New starts a stand-in that accepts token and stops it when the test ends.
func New(t testing.TB, token string, opts ...Option) *Server {
	s := &Server{
		t: t, token: token, login: Login, assoc: "NONE", now: time.Now, RetryAfter: 1,
		repos: map[string]*repo{}, calls: map[Op]int{}, faults: map[Op]map[int]Fault{}, remaining: 5000,
		before: map[Op]func(){},
	}
	for _, o := range opts {
		o(s)
	}
	if s.prefix == "/" {
		s.prefix = ""
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	s.URL = s.srv.URL + s.prefix
	t.Cleanup(s.srv.Close)
	return s
}

// AddRepo creates an empty repository named OWNER/NAME.
func (s *Server) AddRepo(full string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repos[strings.ToLower(full)] = &repo{id: 1000 + len(s.repos), name: full}
}

// AddLabel creates a label in a repository.
func (s *Server) AddLabel(full, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repo(full)
	r.labels = append(r.labels, name)
}

// ForbidLabelCreation makes label creation answer 403, as for a token
// without push access.
func (s *Server) ForbidLabelCreation(full string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repo(full).labelsForbidden = true
}

// RejectUnknownLabels makes a create that names a missing label answer 422
// instead of dropping the label.
func (s *Server) RejectUnknownLabels(full string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repo(full).strictLabels = true
}

// SetAssignable limits who can be assigned; others get a 422.
func (s *Server) SetAssignable(full string, logins ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repo(full).assignable = append([]string{}, logins...)
}

// AddIssue files an issue as the token's user would (another scribe run
// of theirs, say), with the labels given, returning its number.
func (s *Server) AddIssue(full, title, body string, labels ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addIssue(s.repo(full), title, body, labels, nil).Number
}

// AddIssueBy files an issue as author, whose relation to the repository is
// association (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE, …).
func (s *Server) AddIssueBy(full, author, association, title, body string, labels ...string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss := s.addIssue(s.repo(full), title, body, labels, nil)
	iss.Author, iss.Association = author, association
	return iss.Number
}

// AddPullRequest adds a pull request, which the issues listing includes.
func (s *Server) AddPullRequest(full, title, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addIssue(s.repo(full), title, body, nil, nil).PullRequest = true
}

// SetState closes (reason completed or not_planned) or reopens an issue.
func (s *Server) SetState(full string, number int, state, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss := s.issue(full, number)
	iss.State, iss.StateReason, iss.Updated = state, reason, s.now().UTC()
}

// RemoveLabel takes a label off an issue, as a person might.
func (s *Server) RemoveLabel(full string, number int, label string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss := s.issue(full, number)
	iss.Labels = slices.DeleteFunc(iss.Labels, func(l string) bool { return strings.EqualFold(l, label) })
}

// Backdate sets when an issue was created and last updated, as for an old
// issue or a server whose clock is wrong.
func (s *Server) Backdate(full string, number int, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss := s.issue(full, number)
	iss.Created, iss.Updated = at.UTC(), at.UTC()
}

// Delete makes an issue answer 410 Gone.
func (s *Server) Delete(full string, number int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.issue(full, number).gone = true
}

// Transfer moves an issue to another repository, where it gets a new
// number; the old address redirects. It returns the new number.
func (s *Server) Transfer(full string, number int, to string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.issue(full, number)
	moved := s.addIssue(s.repo(to), old.Title, old.Body, old.Labels, old.Assignees)
	moved.State, moved.StateReason = old.State, old.StateReason
	old.movedTo, old.movedToNo = to, moved.Number
	return moved.Number
}

// Tamper makes every issue of a repository answer with these fields
// overridden, as a broken or hostile server would.
func (s *Server) Tamper(full string, fields map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repo(full).tamper = fields
}

// DeleteRepo removes a repository: every request for it answers 404, as
// for one deleted or hidden from the token.
func (s *Server) DeleteRepo(full string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.repos, strings.ToLower(full))
}

// EchoCredentials makes every error answer quote the Authorization header
// it was sent, as a misbehaving server or proxy might: what scribe prints
// or stores must still not reveal the token.
func (s *Server) EchoCredentials() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.echo = true
}

// Inject makes the nth request (counting from 1) of op fail with f.
func (s *Server) Inject(op Op, nth int, f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults[op] == nil {
		s.faults[op] = map[int]Fault{}
	}
	s.faults[op][nth] = f
}

// BeforeServe calls fn before serving each request of op, without holding
// the stand-in's lock, so that fn may block one request (a slow create)
// while others are served.
func (s *Server) BeforeServe(op Op, fn func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.before[op] = fn
}

// RateLimitUntil answers every request with the primary rate limit until
// reset.
func (s *Server) RateLimitUntil(reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.primaryTill = reset
}

// ExpectNoRequests fails the test on any request from now on.
func (s *Server) ExpectNoRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quiet = true
}

// Edits counts the edits that changed an issue: requests that did the
// work, whatever was answered.
func (s *Server) Edits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.edits
}

// SetBody replaces an issue's body, as a person editing it would.
func (s *Server) SetBody(full string, number int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	iss := s.issue(full, number)
	iss.Body, iss.Updated = body, s.now().UTC()
}

// Calls counts the requests of op served so far, faults included.
func (s *Server) Calls(op Op) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[op]
}

// Log lists the requests served so far as "METHOD path?query".
func (s *Server) Log() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.log...)
}

// Issues returns copies of a repository's issues (pull requests left out),
// by number.
func (s *Server) Issues(full string) []Issue {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Issue
	for _, iss := range s.repo(full).issues {
		if !iss.PullRequest {
			c := *iss
			c.Labels = slices.Clone(iss.Labels)
			c.Assignees = slices.Clone(iss.Assignees)
			out = append(out, c)
		}
	}
	return out
}

// Labels lists a repository's labels.
func (s *Server) Labels(full string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.repo(full).labels)
}

func (s *Server) repo(full string) *repo {
	r := s.repos[strings.ToLower(full)]
	if r == nil {
		s.t.Fatalf("githubtest: no repository %s (call AddRepo)", full)
	}
	return r
}

func (s *Server) issue(full string, number int) *Issue {
	r := s.repo(full)
	for _, iss := range r.issues {
		if iss.Number == number {
			return iss
		}
	}
	s.t.Fatalf("githubtest: no issue %s#%d", full, number)
	return nil
}

func (s *Server) addIssue(r *repo, title, body string, labels, assignees []string) *Issue {
	now := s.now().UTC().Truncate(time.Second)
	iss := &Issue{
		Number: len(r.issues) + 1, Title: title, Body: body, State: "open",
		Labels: slices.Clone(labels), Assignees: slices.Clone(assignees), Created: now, Updated: now,
		Author: s.login, Association: s.assoc,
	}
	if s.login == "" {
		iss.Author, iss.Association = actionsBot, "NONE"
	}
	r.issues = append(r.issues, iss)
	return iss
}

// serve routes a request, after authentication, rate limits and faults.
func (s *Server) serve(w http.ResponseWriter, req *http.Request) {
	if fn := s.beforeServing(req); fn != nil {
		fn()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.echo {
		ew := &echoWriter{ResponseWriter: w, auth: req.Header.Get("Authorization")}
		defer ew.flush()
		w = ew
	}
	s.log = append(s.log, req.Method+" "+req.URL.RequestURI())
	if s.quiet {
		s.t.Errorf("githubtest: unexpected request %s %s (none expected)", req.Method, req.URL.RequestURI())
		http.Error(w, "unexpected", http.StatusTeapot)
		return
	}
	if s.token != "" && strings.Contains(req.URL.RawQuery, s.token) {
		s.t.Errorf("githubtest: the token was sent in a URL: %s", req.URL.Path)
	}
	path, ok := strings.CutPrefix(req.URL.Path, s.prefix)
	if !ok {
		s.unexpected(w, req)
		return
	}
	op, handler := s.route(req.Method, strings.Split(strings.Trim(path, "/"), "/"))
	if handler == nil {
		s.unexpected(w, req)
		return
	}
	s.calls[op]++
	if !s.authorized(req) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"})
		return
	}
	now := s.now()
	if now.Before(s.primaryTill) {
		s.rateHeaders(w, 0, s.primaryTill)
		writeJSON(w, http.StatusForbidden, map[string]string{
			"message":           "API rate limit exceeded for user ID 1.",
			"documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
		})
		return
	}
	fault := s.faults[op][s.calls[op]]
	if fault == HostileError {
		s.fail(w, fault)
		return
	}
	if fault != DropResponse && fault != BadGatewayAfterWork && fault != 0 {
		s.fail(w, fault)
		return
	}
	s.remaining--
	s.rateHeaders(w, s.remaining, now.Add(time.Hour))
	switch fault {
	case DropResponse:
		handler(httptest.NewRecorder(), req)
		drop(w)
	case BadGatewayAfterWork:
		handler(httptest.NewRecorder(), req)
		writeJSON(w, http.StatusBadGateway, map[string]string{"message": "Server Error"})
	default:
		handler(w, req)
	}
}

// beforeServing is the BeforeServe hook for req's op, or nil.
func (s *Server) beforeServing(req *http.Request) func() {
	s.mu.Lock()
	defer s.mu.Unlock()
	path, ok := strings.CutPrefix(req.URL.Path, s.prefix)
	if !ok || len(s.before) == 0 {
		return nil
	}
	op, handler := s.route(req.Method, strings.Split(strings.Trim(path, "/"), "/"))
	if handler == nil {
		return nil
	}
	return s.before[op]
}

func (s *Server) unexpected(w http.ResponseWriter, req *http.Request) {
	s.t.Errorf("githubtest: unexpected request %s %s", req.Method, req.URL.RequestURI())
	writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
}

func (s *Server) authorized(req *http.Request) bool {
	h := req.Header.Get("Authorization")
	return h == "Bearer "+s.token || h == "token "+s.token
}

func (s *Server) rateHeaders(w http.ResponseWriter, remaining int, reset time.Time) {
	h := w.Header()
	h.Set("X-RateLimit-Limit", "5000")
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(remaining, 0)))
	h.Set("X-RateLimit-Used", strconv.Itoa(5000-max(remaining, 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	h.Set("X-RateLimit-Resource", "core")
}

func (s *Server) fail(w http.ResponseWriter, f Fault) {
	switch f {
	case BadGateway:
		writeJSON(w, http.StatusBadGateway, map[string]string{"message": "Server Error"})
	case SecondaryLimit:
		s.rateHeaders(w, s.remaining, s.now().Add(time.Hour))
		w.Header().Set("Retry-After", strconv.Itoa(s.RetryAfter))
		writeJSON(w, http.StatusForbidden, map[string]string{
			"message":           "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			"documentation_url": "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
		})
	case TooManyRequests:
		s.rateHeaders(w, s.remaining, s.now().Add(time.Hour))
		w.Header().Set("Retry-After", strconv.Itoa(s.RetryAfter))
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"message": "Too Many Requests"})
	case HostileError:
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
			"message": HostileText,
			"errors":  []map[string]string{{"resource": "Issue", "code": "custom", "message": HostileText}},
		})
	case PrimaryLimit:
		reset := s.now().Add(time.Hour)
		s.rateHeaders(w, 0, reset)
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "API rate limit exceeded for user ID 1."})
	default:
		s.t.Errorf("githubtest: unknown fault %d", f)
		w.WriteHeader(http.StatusInternalServerError)
	}
}

// drop closes the connection without a response, as a network failure
// after the server acted would.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("githubtest: response writer cannot be hijacked")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		conn.Close()
	}
}

func (s *Server) route(method string, parts []string) (Op, http.HandlerFunc) {
	switch {
	case len(parts) >= 4 && parts[0] == "repos":
		return s.repoRoute(method, parts)
	case len(parts) == 4 && parts[0] == "repositories" && parts[2] == "issues" && method == http.MethodGet:
		return GetIssue, func(w http.ResponseWriter, req *http.Request) { s.getByRepoID(w, req, parts[1], parts[3]) }
	case len(parts) == 1 && parts[0] == "user" && method == http.MethodGet:
		return GetUser, s.getUser
	}
	return "", nil
}

// repoRoute routes /repos/OWNER/NAME/….
func (s *Server) repoRoute(method string, parts []string) (Op, http.HandlerFunc) {
	switch {
	case len(parts) == 4 && parts[3] == "issues" && method == http.MethodGet:
		return ListIssues, s.withRepo(parts, s.listIssues)
	case len(parts) == 4 && parts[3] == "issues" && method == http.MethodPost:
		return CreateIssue, s.withRepo(parts, s.createIssue)
	case len(parts) == 5 && parts[3] == "issues" && method == http.MethodGet:
		return GetIssue, s.withRepo(parts, func(w http.ResponseWriter, req *http.Request, r *repo) { s.getIssue(w, req, r, parts[4]) })
	case len(parts) == 5 && parts[3] == "issues" && method == http.MethodPatch:
		return EditIssue, s.withRepo(parts, func(w http.ResponseWriter, req *http.Request, r *repo) { s.editIssue(w, req, r, parts[4]) })
	case len(parts) == 4 && parts[3] == "labels" && method == http.MethodGet:
		return ListLabels, s.withRepo(parts, s.listLabels)
	case len(parts) == 4 && parts[3] == "labels" && method == http.MethodPost:
		return CreateLabel, s.withRepo(parts, s.createLabel)
	}
	return "", nil
}

func (s *Server) withRepo(parts []string, h func(http.ResponseWriter, *http.Request, *repo)) http.HandlerFunc {
	return func(w http.ResponseWriter, req *http.Request) {
		r := s.repos[strings.ToLower(parts[1]+"/"+parts[2])]
		if r == nil {
			writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"})
			return
		}
		h(w, req, r)
	}
}

func (s *Server) listIssues(w http.ResponseWriter, req *http.Request, r *repo) {
	q := req.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "open"
	}
	var since time.Time
	if v := q.Get("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": "Validation Failed: since"})
			return
		}
		since = t
	}
	var wantLabels []string
	if v := q.Get("labels"); v != "" {
		wantLabels = strings.Split(v, ",")
	}
	var items []*Issue
	for _, iss := range r.issues {
		if iss.gone || iss.movedTo != "" || (state != "all" && iss.State != state) || iss.Updated.Before(since) {
			continue
		}
		if !hasAll(iss.Labels, wantLabels) {
			continue
		}
		items = append(items, iss)
	}
	asc := q.Get("direction") == "asc"
	sort.SliceStable(items, func(i, j int) bool {
		if asc {
			return items[i].Number < items[j].Number
		}
		return items[i].Number > items[j].Number
	})
	perPage := atoiDefault(q.Get("per_page"), 30)
	perPage = min(max(perPage, 1), 100)
	page := max(atoiDefault(q.Get("page"), 1), 1)
	last := max((len(items)+perPage-1)/perPage, 1)
	from := min((page-1)*perPage, len(items))
	to := min(from+perPage, len(items))
	setLink(w, req, page, last)
	out := make([]map[string]any, 0, to-from)
	for _, iss := range items[from:to] {
		out = append(out, s.issueJSON(req, r, iss))
	}
	writeJSON(w, http.StatusOK, out)
}

// setLink writes the Link header GitHub sends: absolute URLs that differ
// from the request only in page.
func setLink(w http.ResponseWriter, req *http.Request, page, last int) {
	link := func(p int, rel string) string {
		u := url.URL{Scheme: "http", Host: req.Host, Path: req.URL.Path}
		q := req.URL.Query()
		q.Set("page", strconv.Itoa(p))
		u.RawQuery = q.Encode()
		return fmt.Sprintf("<%s>; rel=%q", u.String(), rel)
	}
	var parts []string
	if page < last {
		parts = append(parts, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		parts = append(parts, link(1, "first"), link(page-1, "prev"))
	}
	if len(parts) > 0 {
		w.Header().Set("Link", strings.Join(parts, ", "))
	}
}

func (s *Server) createIssue(w http.ResponseWriter, req *http.Request, r *repo) {
	var in struct {
		Title     string   `json:"title"`
		Body      string   `json:"body"`
		Labels    []string `json:"labels"`
		Assignee  string   `json:"assignee"`
		Assignees []string `json:"assignees"`
	}
	if err := json.NewDecoder(req.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Problems parsing JSON"})
		return
	}
	if strings.TrimSpace(in.Title) == "" {
		validationFailed(w, "title", "missing_field", "")
		return
	}
	assignees := in.Assignees
	if in.Assignee != "" {
		assignees = append(assignees, in.Assignee)
	}
	for _, a := range assignees {
		if r.assignable != nil && !containsFold(r.assignable, a) {
			validationFailed(w, "assignees", "invalid", a)
			return
		}
	}
	// GitHub drops labels the caller may not create; the stand-in keeps
	// only labels that exist, so a test sees whether scribe made them, or
	// refuses the create when told to be strict.
	var labels []string
	for _, l := range in.Labels {
		name, ok := findFold(r.labels, l)
		if !ok && r.strictLabels {
			validationFailed(w, "labels", "invalid", l)
			return
		}
		if ok {
			labels = append(labels, name)
		}
	}
	iss := s.addIssue(r, in.Title, in.Body, labels, assignees)
	writeJSON(w, http.StatusCreated, s.issueJSON(req, r, iss))
}

func (s *Server) getIssue(w http.ResponseWriter, req *http.Request, r *repo, num string) {
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > len(r.issues) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
		return
	}
	iss := r.issues[n-1]
	switch {
	case iss.gone:
		writeJSON(w, http.StatusGone, map[string]string{"message": "This issue was deleted"})
	case iss.movedTo != "":
		to := s.repos[strings.ToLower(iss.movedTo)]
		loc := fmt.Sprintf("http://%s%s/repositories/%d/issues/%d", req.Host, s.prefix, to.id, iss.movedToNo)
		w.Header().Set("Location", loc)
		writeJSON(w, http.StatusMovedPermanently, map[string]string{"message": "Moved Permanently", "url": loc})
	default:
		writeJSON(w, http.StatusOK, s.issueJSON(req, r, iss))
	}
}

// editIssue changes an issue's title, body or state, as PATCH does on
// GitHub; a deleted or transferred issue answers as GET would.
func (s *Server) editIssue(w http.ResponseWriter, req *http.Request, r *repo, num string) {
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 || n > len(r.issues) {
		writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
		return
	}
	iss := r.issues[n-1]
	if iss.gone || iss.movedTo != "" {
		s.getIssue(w, req, r, num)
		return
	}
	var in struct {
		Title *string `json:"title"`
		Body  *string `json:"body"`
		State *string `json:"state"`
	}
	if err := json.NewDecoder(req.Body).Decode(&in); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "Problems parsing JSON"})
		return
	}
	if in.Title != nil {
		if strings.TrimSpace(*in.Title) == "" {
			validationFailed(w, "title", "missing_field", "")
			return
		}
		iss.Title = *in.Title
	}
	if in.Body != nil {
		iss.Body = *in.Body
	}
	if in.State != nil {
		iss.State = *in.State
	}
	iss.Updated = s.now()
	s.edits++
	writeJSON(w, http.StatusOK, s.issueJSON(req, r, iss))
}

func (s *Server) getByRepoID(w http.ResponseWriter, req *http.Request, id, num string) {
	for _, r := range s.repos {
		if strconv.Itoa(r.id) == id {
			s.getIssue(w, req, r, num)
			return
		}
	}
	writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not Found"})
}

// getUser answers GET /user: the token's user, or for an app's token the
// 403 GitHub sends.
func (s *Server) getUser(w http.ResponseWriter, _ *http.Request) {
	if s.login == "" {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Resource not accessible by integration",
			"documentation_url": "https://docs.github.com/rest/users/users#get-the-authenticated-user"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"login": s.login, "id": 1, "type": "User"})
}

func (s *Server) listLabels(w http.ResponseWriter, req *http.Request, r *repo) {
	q := req.URL.Query()
	perPage := min(max(atoiDefault(q.Get("per_page"), 30), 1), 100)
	page := max(atoiDefault(q.Get("page"), 1), 1)
	last := max((len(r.labels)+perPage-1)/perPage, 1)
	from := min((page-1)*perPage, len(r.labels))
	to := min(from+perPage, len(r.labels))
	setLink(w, req, page, last)
	out := make([]map[string]any, 0, to-from)
	for _, l := range r.labels[from:to] {
		out = append(out, map[string]any{"name": l, "color": "ededed"})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) createLabel(w http.ResponseWriter, req *http.Request, r *repo) {
	if r.labelsForbidden {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Must have push access to repository"})
		return
	}
	var in struct {
		Name  string `json:"name"`
		Color string `json:"color"`
	}
	if err := json.NewDecoder(req.Body).Decode(&in); err != nil || strings.TrimSpace(in.Name) == "" {
		validationFailed(w, "name", "missing_field", "")
		return
	}
	if _, ok := findFold(r.labels, in.Name); ok {
		validationFailed(w, "name", "already_exists", in.Name)
		return
	}
	r.labels = append(r.labels, in.Name)
	writeJSON(w, http.StatusCreated, map[string]any{"name": in.Name, "color": in.Color})
}

func (s *Server) issueJSON(req *http.Request, r *repo, iss *Issue) map[string]any {
	api := "http://" + req.Host + s.prefix
	labels := make([]map[string]string, 0, len(iss.Labels))
	for _, l := range iss.Labels {
		labels = append(labels, map[string]string{"name": l})
	}
	assignees := make([]map[string]string, 0, len(iss.Assignees))
	for _, a := range iss.Assignees {
		assignees = append(assignees, map[string]string{"login": a})
	}
	out := map[string]any{
		"id": r.id*100000 + iss.Number, "number": iss.Number, "title": iss.Title, "body": iss.Body,
		"state": iss.State, "labels": labels, "assignees": assignees,
		"url":                fmt.Sprintf("%s/repos/%s/issues/%d", api, r.name, iss.Number),
		"repository_url":     fmt.Sprintf("%s/repos/%s", api, r.name),
		"html_url":           fmt.Sprintf("http://%s/%s/issues/%d", req.Host, r.name, iss.Number),
		"created_at":         iss.Created.Format(time.RFC3339),
		"updated_at":         iss.Updated.Format(time.RFC3339),
		"user":               userJSON(iss.Author),
		"author_association": iss.Association,
	}
	if iss.StateReason != "" {
		out["state_reason"] = iss.StateReason
	}
	for k, v := range r.tamper {
		out[k] = v
	}
	if iss.PullRequest {
		out["pull_request"] = map[string]string{"url": fmt.Sprintf("%s/repos/%s/pulls/%d", api, r.name, iss.Number)}
	}
	return out
}

// userJSON is a user as issues carry it; apps' logins end in "[bot]".
func userJSON(login string) map[string]any {
	kind := "User"
	if strings.HasSuffix(login, "[bot]") {
		kind = "Bot"
	}
	return map[string]any{"login": login, "type": kind}
}

func validationFailed(w http.ResponseWriter, field, code, value string) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"message": "Validation Failed",
		"errors":  []map[string]string{{"resource": "Issue", "field": field, "code": code, "value": value}},
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func atoiDefault(v string, def int) int {
	n, err := strconv.Atoi(v)
	if err != nil {
		return def
	}
	return n
}

func hasAll(have, want []string) bool {
	for _, w := range want {
		if !containsFold(have, w) {
			return false
		}
	}
	return true
}

func containsFold(list []string, v string) bool {
	_, ok := findFold(list, v)
	return ok
}

func findFold(list []string, v string) (string, bool) {
	for _, l := range list {
		if strings.EqualFold(l, v) {
			return l, true
		}
	}
	return "", false
}

// echoWriter holds back an error answer and adds the Authorization header
// the request carried to its messages.
type echoWriter struct {
	http.ResponseWriter
	auth   string
	status int
	body   bytes.Buffer
}

func (e *echoWriter) WriteHeader(status int) {
	e.status = status
	if status < http.StatusBadRequest {
		e.ResponseWriter.WriteHeader(status)
	}
}

func (e *echoWriter) Write(p []byte) (int, error) {
	if e.status >= http.StatusBadRequest {
		return e.body.Write(p)
	}
	return e.ResponseWriter.Write(p)
}

// Hijack lets DropResponse close the connection through the wrapper.
func (e *echoWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	e.status = 0
	return e.ResponseWriter.(http.Hijacker).Hijack()
}

func (e *echoWriter) flush() {
	if e.status < http.StatusBadRequest {
		return
	}
	var v map[string]any
	if json.Unmarshal(e.body.Bytes(), &v) == nil {
		echo := " (request sent Authorization: " + e.auth + ")"
		if m, ok := v["message"].(string); ok {
			v["message"] = m + echo
		}
		if errs, ok := v["errors"].([]any); ok {
			for _, x := range errs {
				if em, ok := x.(map[string]any); ok {
					em["message"] = fmt.Sprint(em["message"]) + echo
				}
			}
		}
		body, _ := json.Marshal(v)
		e.body.Reset()
		e.body.Write(body)
	}
	e.ResponseWriter.WriteHeader(e.status)
	_, _ = e.ResponseWriter.Write(e.body.Bytes())
}
