package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"scribe/incident"
)

// Options are the fallbacks for what a document does not say.
type Options struct {
	// Zone reads wall times when the text states no zone; nil means UTC.
	Zone *time.Location
	// ZoneGiven says the user named Zone (--tz): it then wins over a zone
	// the document only implies by writing it after some of its times.
	ZoneGiven bool
	// Year completes dates written without one ("Jan 14, 10:18 AM"),
	// over what the document's title and dates suggest.
	Year int
	// Reference is the incident's date: time-only entries with no date in
	// the text fall on it, and its year completes dates when Year is 0.
	Reference time.Time
	// ReferenceName says what Reference is ("today", "incident #7's
	// declaration"), for the note that says a year was taken from it.
	ReferenceName string
	// Now is the wall clock: time-only entries placed on Reference's day
	// that would be later than Now go on the day before, as a clock typed
	// at --at does. Zero: no such check.
	Now time.Time
}

// Entry is one timeline entry read from the text.
type Entry struct {
	At    time.Time // UTC
	Text  string
	Kind  incident.Kind  // KindStatus for status-page updates and status words, else KindNote
	State incident.State // set for KindStatus
	Line  int            // 1-based line of the timestamp (a Slack message's place in its day's file)
	// Author and Pinned are set by imports that know them (Slack): who
	// wrote the message, and whether it was pinned as a key moment.
	Author string
	Pinned bool

	prose bool // read from a sentence rather than a timeline line
	// period is set for a sentence that opens with a span ("between
	// 13:05 and 13:47 UTC, …"), which summarises (see keptProse).
	period bool
	// section is the part of a postmortem the entry was read in (see
	// retold).
	section section
	// postmortem is set for an entry read in a postmortem posted as a
	// status-page update, a document of its own (see keptProse).
	postmortem bool
	cut        bool // the text was cut to incident.MaxTextLen (reported once)
	group      int  // the date in force it was placed on (see unshiftNewestFirst)
	shift      int  // midnights assumed after that date
}

// Problem is a line that looked like an entry but could not be read, or,
// when Changed, one whose entry was imported but not exactly as written
// (a text cut to the length an event holds).
type Problem struct {
	Line    int
	Text    string
	Reason  string
	Changed bool
	// Entry names the entry of a JSON document instead of a line ("event
	// 3 (id 17, …)"): one whose values the database it was exported from
	// could not read (incident.Document.Unreadable).
	Entry string
}

func (p Problem) String() string {
	if p.Entry != "" {
		return p.Entry + ": " + p.Reason
	}
	return fmt.Sprintf("line %d: %s: %s", p.Line, p.Reason, p.Text)
}

// Result is what a document holds.
type Result struct {
	Entries  []Entry // sorted by time, ties in document order
	Problems []Problem
	Title    string // the document's title, "" when it has none
	// What a whole postmortem says besides its timeline: its narrative
	// sections, follow-ups, retro notes and affected services.
	Narrative   Narrative
	ActionItems []incident.ActionItem
	Retro       []incident.RetroNote
	Services    []string
	// Severity is the one the document's header states (statedSeverity),
	// 0 when it states none.
	Severity incident.Severity
	// Notes say what the import assumed: the year of dates written
	// without one, and why.
	Notes []string
	Zone  *time.Location // the display zone the document states, nil when none
	// Document is set, and the rest left empty, when the input is a scribe
	// JSON document (export --format json), which imports whole.
	Document *incident.Document
}

// Parse reads a timeline from r: a scribe JSON document, or text in any of
// the layouts described in the package documentation.
func Parse(r io.Reader, opts Options) (Result, error) {
	data, err := readLimited(r, -1, "the timeline")
	if err != nil {
		return Result{}, err
	}
	return ParseBytes(data, opts)
}

// ParseBytes is Parse of input already read.
func ParseBytes(data []byte, opts Options) (Result, error) {
	if limit := LimitFor(data); int64(len(data)) > limit {
		return Result{}, tooLarge("the input", int64(len(data)), limit)
	}
	if IsDocument(data) {
		doc, err := incident.ParseDocument(data)
		if err != nil {
			return Result{}, err
		}
		res := Result{Document: &doc, Title: doc.Incident.Title}
		for _, n := range doc.Unreadable() {
			res.Problems = append(res.Problems, Problem{Entry: n.Entry, Reason: n.Message, Changed: !n.Dropped})
		}
		return res, nil
	}
	text, note := decodeText(data)
	res := ParseText(text, opts)
	if note != "" {
		res.Notes = append([]string{note}, res.Notes...)
	}
	return res, nil
}

// IsDocument reports whether data is JSON (a scribe document, or an attempt
// at one that should fail as JSON rather than be read as notes): an object
// that parses, one that names its schema_version, or one that opens with a
// key ("{\"incident\": …" cut short). Text that only starts with a brace, a
// wiki template ("{{Incident scorecard}}") or a Liquid tag ("{% raw %}"),
// is text.
func IsDocument(data []byte) bool {
	if !opensWithBrace(data) {
		return false
	}
	t := bytes.TrimLeft(bytes.TrimLeft(data, " \t\r\n\ufeff")[1:], " \t\r\n")
	return len(t) == 0 || t[0] == '"' || t[0] == '}' ||
		bytes.Contains(data, []byte(`"schema_version"`)) || json.Valid(data)
}

// opensWithBrace reports whether the first character of data, past blanks
// and a byte-order mark, is "{".
func opensWithBrace(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\ufeff"))
	return len(t) > 0 && t[0] == '{'
}

// ParseText reads a timeline from text. It never fails: what it cannot read
// is reported in Problems. NUL bytes, which no field may hold, are left out
// (the CLI refuses a file with any before it gets here).
func ParseText(text string, opts Options) Result {
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.ReplaceAll(text, "\x00", "")
	}
	md, page, isHTML := readHTML(text)
	if isHTML {
		text = md
	}
	p := newParser(text, opts)
	p.survey()
	p.walk()
	res := p.result()
	if page {
		res.Notes = append(res.Notes, "read as an HTML page: its headings, paragraphs, lists and tables (scripts, styles and navigation left out); line numbers count the text so read")
	}
	res.Severity = statedSeverity(text)
	return res
}

// sortEntries orders entries by time, keeping document order for ties. Most
// timelines are written in order and are only checked.
func sortEntries(es []Entry) {
	byTime := func(a, b Entry) int { return a.At.Compare(b.At) }
	if !slices.IsSortedFunc(es, byTime) {
		slices.SortStableFunc(es, byTime)
	}
}
