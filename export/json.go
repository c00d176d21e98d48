package export

import (
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"scribe/incident"
)

// JSON writes the versioned JSON document of snap (incident.NewDocument),
// indented by two spaces, HTML characters left readable.
//
// The document is written by hand rather than with encoding/json because a
// 100,000-event incident must export well under a second: encoding/json
// takes six times as long (BenchmarkJSONEncodingJSON100k beside
// BenchmarkJSON100k; numbers in README). The output is byte for byte what
// json.Encoder with SetIndent("", "  ") and SetEscapeHTML(false) writes,
// passed through incident.EscapeJSONControls (json_reference_test.go holds
// that encoder as the reference and fails on any field written differently
// or left out), so the key order and omitempty rules follow the struct tags
// of incident.Document.
func JSON(w io.Writer, snap incident.Snapshot) error {
	if err := writeDocument(w, incident.NewDocument(snap)); err != nil {
		return fmt.Errorf("write JSON of incident #%d: %w", snap.Incident.ID, err)
	}
	return nil
}

// writeDocument writes d as json.Encoder would.
func writeDocument(w io.Writer, d incident.Document) error {
	// Time is the only value that can fail to encode; checking first keeps a
	// failed export from leaving half a document behind, as encoding/json's
	// buffered Encode did.
	if err := checkDocumentTimes(d); err != nil {
		return err
	}
	jw := jsonWriter{w: w, buf: make([]byte, 0, jsonFlushAt+4096)}
	jw.document(d)
	return jw.flush()
}

// checkDocumentTimes finds the first time RFC 3339 cannot represent (a year
// outside 0..9999), naming where it is.
func checkDocumentTimes(d incident.Document) error {
	bad := func(t *time.Time) bool { return t != nil && (t.Year() < 0 || t.Year() > 9999) }
	refuse := func(where string, t *time.Time) error {
		return fmt.Errorf("%s: year %d is outside the range 0 to 9999 that RFC 3339 can write", where, t.Year())
	}
	in, ms := d.Incident, d.Incident.Milestones
	for _, c := range []struct {
		where string
		t     *time.Time
	}{
		{"incident created_at", in.CreatedAt},
		{"milestone started", ms.Started}, {"milestone detected", ms.Detected}, {"milestone declared", ms.Declared},
		{"milestone mitigated", ms.Mitigated}, {"milestone resolved", ms.Resolved},
	} {
		if bad(c.t) {
			return refuse(c.where, c.t)
		}
	}
	for i := range d.Events {
		e := &d.Events[i]
		if bad(&e.At) {
			return refuse(fmt.Sprintf("event %d at", e.ID), &e.At)
		}
		if bad(e.LoggedAt) {
			return refuse(fmt.Sprintf("event %d logged_at", e.ID), e.LoggedAt)
		}
	}
	for i := range d.Roles {
		r := &d.Roles[i]
		if bad(&r.From) {
			return refuse(fmt.Sprintf("role %d from", i+1), &r.From)
		}
		if bad(r.Until) {
			return refuse(fmt.Sprintf("role %d until", i+1), r.Until)
		}
	}
	return checkRunbookTimes(d, bad, refuse)
}

// jsonFlushAt is how much output is gathered before it is handed to the
// writer: large enough that a terminal or file sees few writes.
const jsonFlushAt = 64 << 10

// jsonWriter appends the document to buf and hands buf to w whenever it
// passes jsonFlushAt; the first write error stops all further output.
type jsonWriter struct {
	w   io.Writer
	buf []byte
	err error
}

// flush hands the gathered output to w with every C1 control, bidi
// control and line separator escaped (incident.EscapeJSONControls): a
// document printed on a terminal must not drive it. buf always ends between
// two values, so no character is split.
func (j *jsonWriter) flush() error {
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(incident.EscapeJSONControls(j.buf))
	}
	j.buf = j.buf[:0]
	return j.err
}

func (j *jsonWriter) maybeFlush() {
	if len(j.buf) >= jsonFlushAt {
		j.flush()
	}
}

// raw appends literal JSON: punctuation, indentation and quoted keys.
func (j *jsonWriter) raw(s string) { j.buf = append(j.buf, s...) }

func (j *jsonWriter) str(s string) { j.buf = appendJSONString(j.buf, s) }

func (j *jsonWriter) int(n int64) { j.buf = strconv.AppendInt(j.buf, n, 10) }

func (j *jsonWriter) bool(b bool) { j.buf = strconv.AppendBool(j.buf, b) }

// time writes t as time.Time.MarshalJSON does. checkDocumentTimes has
// already refused the years it cannot write.
func (j *jsonWriter) time(t time.Time) {
	j.buf = append(j.buf, '"')
	j.buf = t.AppendFormat(j.buf, time.RFC3339Nano)
	j.buf = append(j.buf, '"')
}

func (j *jsonWriter) timeOrNull(t *time.Time) {
	if t == nil {
		j.raw("null")
		return
	}
	j.time(*t)
}

// list writes a JSON array of n elements whose closing bracket sits at
// indent: null for a nil slice, [] for an empty one, as encoding/json does.
func (j *jsonWriter) list(isNil bool, n int, indent string, elem func(i int)) {
	switch {
	case isNil:
		j.raw("null")
		return
	case n == 0:
		j.raw("[]")
		return
	}
	j.raw("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			j.raw(",")
		}
		elem(i)
		j.maybeFlush()
	}
	j.raw("\n" + indent + "]")
}

// The indentation below is spelled out in each literal: the document's
// shape is fixed, and its levels are the struct nesting of
// incident.Document.

func (j *jsonWriter) document(d incident.Document) {
	j.raw("{\n  \"schema_version\": ")
	j.int(int64(d.SchemaVersion))
	j.raw(",\n  \"incident\": ")
	j.incident(&d.Incident)
	j.raw(",\n  \"events\": ")
	j.list(d.Events == nil, len(d.Events), "  ", func(i int) { j.event(&d.Events[i]) })
	j.raw(",\n  \"roles\": ")
	j.list(d.Roles == nil, len(d.Roles), "  ", func(i int) { j.role(&d.Roles[i]) })
	j.raw(",\n  \"action_items\": ")
	j.list(d.ActionItems == nil, len(d.ActionItems), "  ", func(i int) { j.actionItem(&d.ActionItems[i]) })
	j.raw(",\n  \"retro\": ")
	j.list(d.Retro == nil, len(d.Retro), "  ", func(i int) { j.retroNote(&d.Retro[i]) })
	j.runbook(&d) // communicationsjson.go
	j.raw("\n}\n")
}

func (j *jsonWriter) incident(in *incident.DocIncident) {
	j.raw("{\n    \"id\": ")
	j.int(in.ID)
	j.raw(",\n    \"title\": ")
	j.str(in.Title)
	j.raw(",\n    \"severity\": ")
	j.int(int64(in.Severity))
	j.raw(",\n    \"state\": ")
	j.str(in.State)
	j.raw(",\n    \"timezone\": ")
	j.str(in.Timezone)
	j.raw(",\n    \"summary\": ")
	j.str(in.Summary)
	j.raw(",\n    \"impact\": ")
	j.str(in.Impact)
	j.raw(",\n    \"root_cause\": ")
	j.str(in.RootCause)
	j.raw(",\n    \"trigger\": ")
	j.str(in.Trigger)
	j.raw(",\n    \"resolution\": ")
	j.str(in.Resolution)
	j.raw(",\n    \"services\": ")
	j.list(in.Services == nil, len(in.Services), "    ", func(i int) {
		j.raw("\n      ")
		j.str(in.Services[i])
	})
	ms := &in.Milestones
	j.raw(",\n    \"milestones\": {\n      \"started\": ")
	j.timeOrNull(ms.Started)
	j.raw(",\n      \"detected\": ")
	j.timeOrNull(ms.Detected)
	j.raw(",\n      \"declared\": ")
	j.timeOrNull(ms.Declared)
	j.raw(",\n      \"mitigated\": ")
	j.timeOrNull(ms.Mitigated)
	j.raw(",\n      \"resolved\": ")
	j.timeOrNull(ms.Resolved)
	j.raw("\n    }")
	j.comms(&in.Comms)
	if in.CreatedAt != nil {
		j.raw(",\n    \"created_at\": ")
		j.time(*in.CreatedAt)
	}
	j.unreadable(in.Invalid, "    ")
	j.raw("\n  }")
}

// unreadable writes an entry's "invalid" member (omitted when empty) at
// indent, the indentation of the entry's members.
func (j *jsonWriter) unreadable(u incident.Unreadable, indent string) {
	if len(u) == 0 {
		return
	}
	j.raw(",\n" + indent + "\"invalid\": ")
	j.list(false, len(u), indent, func(i int) {
		v := &u[i]
		j.raw("\n" + indent + "  {\n" + indent + "    \"column\": ")
		j.str(v.Column)
		j.raw(",\n" + indent + "    \"raw\": ")
		j.str(v.Raw)
		j.raw(",\n" + indent + "    \"problem\": ")
		j.str(v.Problem)
		j.raw("\n" + indent + "  }")
	})
}

// optional writes a ",\n<indent>"key": value" member that omitempty leaves
// out when the value is empty; prefix is everything before the value.
func (j *jsonWriter) optional(prefix, value string) {
	if value == "" {
		return
	}
	j.raw(prefix)
	j.str(value)
}

func (j *jsonWriter) event(e *incident.DocEvent) {
	j.raw("\n    {\n      \"id\": ")
	j.int(e.ID)
	if !e.At.IsZero() {
		j.raw(",\n      \"at\": ")
		j.time(e.At)
	}
	if e.LoggedAt != nil {
		j.raw(",\n      \"logged_at\": ")
		j.time(*e.LoggedAt)
	}
	j.raw(",\n      \"kind\": ")
	j.str(e.Kind)
	j.raw(",\n      \"text\": ")
	j.str(e.Text)
	j.optional(",\n      \"author\": ", e.Author)
	j.raw(",\n      \"pinned\": ")
	j.bool(e.Pinned)
	j.optional(",\n      \"source\": ", e.Source)
	j.optional(",\n      \"role\": ", e.Role)
	j.optional(",\n      \"person\": ", e.Person)
	j.optional(",\n      \"state\": ", e.State)
	j.optional(",\n      \"milestone\": ", e.Milestone)
	j.optional(",\n      \"action_item\": ", e.ActionItem)
	if e.Severity != 0 {
		j.raw(",\n      \"severity\": ")
		j.int(int64(e.Severity))
	}
	if e.PreviousSeverity != 0 {
		j.raw(",\n      \"previous_severity\": ")
		j.int(int64(e.PreviousSeverity))
	}
	j.unreadable(e.Invalid, "      ")
	j.raw("\n    }")
}

func (j *jsonWriter) role(r *incident.DocRole) {
	j.raw("\n    {\n      \"role\": ")
	j.str(r.Role)
	j.raw(",\n      \"person\": ")
	j.str(r.Person)
	if !r.From.IsZero() {
		j.raw(",\n      \"from\": ")
		j.time(r.From)
	}
	j.raw(",\n      \"until\": ")
	j.timeOrNull(r.Until)
	j.unreadable(r.Invalid, "      ")
	j.raw("\n    }")
}

func (j *jsonWriter) actionItem(a *incident.DocActionItem) {
	j.raw("\n    {\n      \"id\": ")
	j.int(a.ID)
	j.raw(",\n      \"uuid\": ")
	j.str(a.UUID)
	j.raw(",\n      \"title\": ")
	j.str(a.Title)
	j.optional(",\n      \"description\": ", a.Description)
	j.optional(",\n      \"owner\": ", a.Owner)
	j.optional(",\n      \"priority\": ", a.Priority)
	j.optional(",\n      \"due\": ", a.Due)
	j.raw(",\n      \"state\": ")
	j.str(a.State)
	if gh := a.GitHub; gh != nil {
		j.raw(",\n      \"github\": {\n        \"repo\": ")
		j.str(gh.Repo)
		j.raw(",\n        \"number\": ")
		j.int(int64(gh.Number))
		j.raw(",\n        \"url\": ")
		j.str(gh.URL)
		j.raw(",\n        \"state\": ")
		j.str(gh.State)
		j.raw("\n      }")
	}
	j.unreadable(a.Invalid, "      ")
	j.raw("\n    }")
}

func (j *jsonWriter) retroNote(n *incident.DocRetroNote) {
	j.raw("\n    {\n      \"section\": ")
	j.str(n.Section)
	j.raw(",\n      \"text\": ")
	j.str(n.Text)
	j.unreadable(n.Invalid, "      ")
	j.raw("\n    }")
}

// appendJSONString quotes s with encoding/json's rules (HTML escaping off):
// \" \\ \b \f \n \r \t, other control characters as \u00XX, each byte of
// invalid UTF-8 as \ufffd, and U+2028 and U+2029 escaped for JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			// Printable ASCII but the quote and backslash goes as it is.
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
