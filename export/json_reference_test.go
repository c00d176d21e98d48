package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"scribe/incident"
)

// referenceJSON is how JSON wrote the document before it was written by
// hand: encoding/json, two-space indent, HTML escaping off, then every
// control a terminal would obey escaped (incident.EscapeJSONControls). The hand-written
// writer must match it byte for byte, since the document is a versioned,
// documented format.
func referenceJSON(snap incident.Snapshot) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(incident.NewDocument(snap)); err != nil {
		return nil, err
	}
	return incident.EscapeJSONControls(buf.Bytes()), nil
}

// awkwardStrings are texts whose escaping encoding/json treats specially.
var awkwardStrings = []string{
	"",
	"plain text",
	"quote \" backslash \\ slash / <b>&amp;</b>",
	"tab\tnewline\ncarriage\rbackspace\bformfeed\f",
	"\x00\x01\x02\x03\x04\x05\x06\x07\x0b\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f",
	"line\u2028separator and paragraph\u2029separator",
	"Tomás, Zoë, 東京, emoji 🔥, combining e\u0301",
	"invalid \xff utf-8 \xc3 truncated \xe2\x82 and surrogate \xed\xa0\x80 end\xf0",
	"\ufffd replacement character typed as such",
	"C1 \u009b31m CSI and \u0085 NEL, bidi \u202e override \u2066 isolate \u200f mark",
	" leading and trailing spaces ",
}

// awkwardIncident has every optional field both set and unset, nil and
// empty lists, times with and without fractions, and awkwardStrings in
// every string field.
func awkwardIncident() incident.Snapshot {
	base := time.Date(2026, 3, 29, 1, 59, 59, 0, time.FixedZone("CET", 3600))
	s := func(i int) string { return awkwardStrings[i%len(awkwardStrings)] }
	inc := incident.Incident{
		ID: 4, Title: s(2), Severity: 3, State: incident.Monitoring, Timezone: "Europe/Berlin",
		Summary: s(3), Impact: s(4), RootCause: s(5), Trigger: s(6), Resolution: s(7),
		Services: []string{s(6), s(7), s(0)},
		Milestones: incident.Milestones{
			incident.MilestoneStarted:   base,
			incident.MilestoneDeclared:  base.Add(500 * time.Millisecond),
			incident.MilestoneMitigated: base.Add(time.Nanosecond),
		},
	}
	var events []incident.Event
	for i := 0; i < 3*len(awkwardStrings); i++ {
		e := incident.Event{
			ID: int64(i + 1), IncidentID: 4, OccurredAt: base.Add(time.Duration(i) * 123456789 * time.Nanosecond),
			Kind: incident.Kinds[i%len(incident.Kinds)], Text: s(i), Pinned: i%2 == 0,
		}
		if i%3 != 0 {
			e.LoggedAt = e.OccurredAt.Add(time.Duration(i) * time.Second)
			e.Author, e.Source = s(i+1), incident.SourceTUI
			e.Role, e.Person, e.State, e.Milestone = s(i+2), s(i+3), incident.State(s(i+4)), incident.Milestone(s(i+5))
			e.ActionItemID = int64(i % 3)
			e.Severity, e.PreviousSeverity = incident.Severity(i%6), incident.Severity((i+2)%6)
		}
		events = append(events, e)
	}
	return incident.Snapshot{
		Incident: inc,
		Events:   events,
		Roles: []incident.RoleAssignment{
			{Role: "commander", Person: s(6), From: base},
			{Role: "comms", Person: s(3), From: base.Add(time.Minute), Until: base.Add(90 * time.Second)},
		},
		ActionItems: []incident.ActionItem{
			{ID: 1, UUID: "u-1", Title: s(2), State: incident.ItemOpen},
			{ID: 2, UUID: "u-2", Title: s(7), Description: s(3), Owner: s(6), Priority: incident.P1, Due: "2026-04-01",
				State: incident.ItemDone, GitHub: incident.GitHubIssue{Repo: "acme/web", Number: 17, URL: "https://github.com/acme/web/issues/17", State: s(5)}},
		},
		Retro: []incident.RetroNote{{Section: incident.RetroWentWell, Text: s(4)}, {Section: incident.RetroLucky, Text: s(7)}},
	}
}

func TestJSONMatchesReferenceEncoder(t *testing.T) {
	bare := emptyIncident()
	bare.Incident.Services = nil
	for name, snap := range map[string]incident.Snapshot{
		"search-outage": searchOutage(), "overnight-migration": overnightMigration(), "empty": emptyIncident(),
		"nil-services": bare, "awkward": awkwardIncident(), "100k-events": bigIncident(100_000),
	} {
		t.Run(name, func(t *testing.T) {
			want, err := referenceJSON(snap)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := JSON(&got, snap); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("JSON differs from encoding/json %s", firstDifference(got.Bytes(), want))
			}
		})
	}
}

// firstDifference shows where two outputs part, with some context.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(i-80, 0)
	return "at byte " + strconv.Itoa(i) + "\n--- got ---\n" + string(got[from:min(i+80, len(got))]) +
		"\n--- want ---\n" + string(want[from:min(i+80, len(want))])
}

// FuzzJSONString checks the string escaping against encoding/json on any
// bytes, including invalid UTF-8.
func FuzzJSONString(f *testing.F) {
	for _, s := range awkwardStrings {
		f.Add(s)
	}
	for b := 0; b < 256; b++ {
		f.Add(string([]byte{'a', byte(b), 'z'}))
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		got := append(appendJSONString(nil, s), '\n')
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json writes %s", s, got, want.Bytes())
		}
	})
}

func TestJSONRefusesUnwritableYearBeforeWriting(t *testing.T) {
	snap := searchOutage()
	snap.Events[4].OccurredAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := referenceJSON(snap); err == nil {
		t.Fatal("encoding/json wrote year 10000; the test's premise is wrong")
	}
	var buf bytes.Buffer
	err := JSON(&buf, snap)
	if err == nil {
		t.Fatalf("year 10000 was written:\n%s", buf.Bytes())
	}
	if !strings.Contains(err.Error(), "event 5 at") || !strings.Contains(err.Error(), "year 10000") {
		t.Errorf("error does not name the event and the year: %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("a failed export wrote %d bytes", buf.Len())
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestJSONReportsWriteErrors(t *testing.T) {
	for _, n := range []int{0, 3 * jsonFlushAt} {
		err := JSON(&failingWriter{n: n}, bigIncident(2000))
		if !errors.Is(err, errDiskFull) {
			t.Errorf("after %d bytes: error %v, want the writer's", n, err)
		}
	}
}

// filled sets every field reachable from v to a value that is not empty:
// strings, numbers, booleans, times, pointers and one-element lists. A field
// added to incident.Document but not to the writer then shows up as a
// difference from encoding/json, whatever its omitempty says.
func filled(v reflect.Value, text string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
	case reflect.Int, reflect.Int64:
		v.SetInt(42)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		filled(v.Elem(), text)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		filled(v.Index(0), text)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 7, 8, 9, 10, 11, 120000000, time.UTC)))
			return
		}
		for i := range v.NumField() {
			filled(v.Field(i), text+" "+v.Type().Field(i).Name)
		}
	default:
		panic("filled: no value for a " + v.Kind().String() + ": teach the test and the JSON writer this type")
	}
}

func TestJSONWritesEveryDocumentField(t *testing.T) {
	var d incident.Document
	filled(reflect.ValueOf(&d).Elem(), "x")
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := writeDocument(&got, d); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("a Document field is missing from the JSON writer, or written differently: %s", firstDifference(got.Bytes(), want.Bytes()))
	}
}
