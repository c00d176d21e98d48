package incident

import (
	"slices"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// documentReader decodes a JSON document without reflection, because
// encoding/json needs most of a second for a 100,000-event import. It reads
// the document as scribe writes it, and gives up (ok false) on anything
// where its result could differ from json.Unmarshal's: keys it does not know
// (encoding/json matches them case-insensitively), repeated keys, nulls
// inside lists of objects, escaped surrogates, invalid UTF-8, numbers that
// are not plain integers, values of the wrong type and malformed JSON.
// ParseDocument then decodes with encoding/json, which also words the
// errors. documentreader_test.go checks the two agree.
type documentReader struct {
	data []byte
	pos  int
	ok   bool
	// names shares one string among the repeated short values (kind,
	// author, source), saving an allocation per event.
	names map[string]string
	buf   []byte
}

// readDocument decodes data; ok is false when encoding/json must decide.
func readDocument(data []byte) (d Document, ok bool) {
	r := documentReader{data: data, ok: true, names: map[string]string{}}
	r.object(func(key []byte) {
		switch string(key) {
		case "schema_version":
			d.SchemaVersion = r.intSized()
		case "incident":
			r.incident(&d.Incident)
		case "events":
			d.Events = readList(&r, r.event)
		case "roles":
			d.Roles = readList(&r, r.role)
		case "action_items":
			d.ActionItems = readList(&r, r.actionItem)
		case "retro":
			d.Retro = readList(&r, r.retroNote)
		case "checklist":
			d.Checklist = readList(&r, r.checklistItem)
		case "reminders":
			d.Reminders = readList(&r, r.reminder)
		default:
			r.ok = false
		}
	})
	r.space()
	if r.pos != len(r.data) {
		r.ok = false
	}
	if !r.ok {
		return Document{}, false
	}
	return d, true
}

func (r *documentReader) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\n', '\r':
			r.pos++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (r *documentReader) peek() byte {
	r.space()
	if r.pos >= len(r.data) {
		return 0
	}
	return r.data[r.pos]
}

// literal consumes word (null, true, false) if it comes next.
func (r *documentReader) literal(word string) bool {
	r.space()
	if len(r.data)-r.pos >= len(word) && string(r.data[r.pos:r.pos+len(word)]) == word {
		r.pos += len(word)
		return true
	}
	return false
}

// object reads {"key": value, ...}, calling member to read each value; a
// null object calls nothing, as encoding/json leaves the value as it was.
// Keys are handed over as bytes: switching on string(key) does not allocate.
func (r *documentReader) object(member func(key []byte)) {
	if r.literal("null") {
		return
	}
	if r.peek() != '{' {
		r.ok = false
		return
	}
	r.pos++
	if r.peek() == '}' {
		r.pos++
		return
	}
	// No document object has more than 15 keys; more means unknown or
	// repeated ones, which encoding/json decides.
	var seenKeys [16][]byte
	seen := seenKeys[:0]
	for r.ok {
		key := r.key()
		if !r.ok {
			return
		}
		for _, k := range seen {
			if string(k) == string(key) {
				r.ok = false
				return
			}
		}
		if len(seen) == len(seenKeys) {
			r.ok = false
			return
		}
		seen = append(seen, key)
		member(key)
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return
		default:
			r.ok = false
		}
	}
}

// key reads a member name and its colon; escaped names are left to
// encoding/json.
func (r *documentReader) key() []byte {
	if r.peek() != '"' {
		r.ok = false
		return nil
	}
	start := r.pos + 1
	for i := start; i < len(r.data); i++ {
		switch c := r.data[i]; {
		case c == '"':
			r.pos = i + 1
			if r.peek() != ':' {
				r.ok = false
				return nil
			}
			r.pos++
			return r.data[start:i]
		case c == '\\' || c < ' ' || c >= utf8.RuneSelf:
			r.ok = false
			return nil
		}
	}
	r.ok = false
	return nil
}

// readList reads a JSON array of objects with elem; null is a nil slice.
func readList[T any](r *documentReader, elem func(*T)) []T {
	if r.literal("null") {
		return nil
	}
	if r.peek() != '[' {
		r.ok = false
		return nil
	}
	r.pos++
	out := []T{}
	if r.peek() == ']' {
		r.pos++
		return out
	}
	start := r.pos
	for r.ok {
		if r.peek() != '{' {
			r.ok = false
			return nil
		}
		var zero T
		out = append(out, zero)
		elem(&out[len(out)-1])
		if len(out) == 1 {
			out = reserve(r, out, r.pos-start)
		}
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return out
		default:
			r.ok = false
		}
	}
	return nil
}

// reserve makes room for the rest of a list from the size of its first
// element, so that 100,000 events are not copied while the slice doubles.
// The guess is capped by the input's size: at most one element per 64
// bytes of input, whatever the first element looked like.
func reserve[T any](r *documentReader, out []T, firstLen int) []T {
	est := (len(r.data)-r.pos)/max(firstLen, 1) + 1
	est = min(est, len(r.data)/64)
	return slices.Grow(out, est)
}

// strings reads a JSON array of strings; null is a nil slice.
func (r *documentReader) strings() []string {
	if r.literal("null") {
		return nil
	}
	if r.peek() != '[' {
		r.ok = false
		return nil
	}
	r.pos++
	out := []string{}
	if r.peek() == ']' {
		r.pos++
		return out
	}
	for r.ok {
		out = append(out, r.str())
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return out
		default:
			r.ok = false
		}
	}
	return nil
}

// str reads a string value; null leaves it empty, as encoding/json does.
func (r *documentReader) str() string {
	raw, escaped := r.rawString()
	if !r.ok || raw == nil {
		return ""
	}
	if !escaped {
		return string(raw)
	}
	return r.unescape(raw)
}

// name reads a string value that repeats across events (kind, author,
// source), sharing one copy of each.
func (r *documentReader) name() string {
	raw, escaped := r.rawString()
	if !r.ok || raw == nil {
		return ""
	}
	if escaped {
		return r.unescape(raw)
	}
	if s, ok := r.names[string(raw)]; ok {
		return s
	}
	if len(r.names) >= 1000 {
		return string(raw)
	}
	s := string(raw)
	r.names[s] = s
	return s
}

// rawString returns the bytes between the quotes of the next string, nil
// for null, and whether they hold escapes. Control characters and invalid
// UTF-8 give up.
func (r *documentReader) rawString() (raw []byte, escaped bool) {
	if r.literal("null") {
		return nil, false
	}
	if r.peek() != '"' {
		r.ok = false
		return nil, false
	}
	start := r.pos + 1
	ascii := true
	for i := start; i < len(r.data); i++ {
		c := r.data[i]
		switch {
		case c == '"':
			raw = r.data[start:i]
			if !ascii && !utf8.Valid(raw) {
				r.ok = false
				return nil, false
			}
			r.pos = i + 1
			return raw, escaped
		case c == '\\':
			escaped = true
			i++ // the escaped byte cannot end the string
		case c < ' ':
			r.ok = false
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	r.ok = false
	return nil, false
}

// unescape decodes the escapes of a JSON string body; a \u escape of a
// surrogate gives up, since encoding/json pairs or replaces those.
func (r *documentReader) unescape(raw []byte) string {
	b := r.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i >= len(raw) {
			r.ok = false
			return ""
		}
		switch raw[i] {
		case '"', '\\', '/':
			b = append(b, raw[i])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			if i+4 >= len(raw) {
				r.ok = false
				return ""
			}
			n, err := strconv.ParseUint(string(raw[i+1:i+5]), 16, 32)
			if err != nil || utf16.IsSurrogate(rune(n)) {
				r.ok = false
				return ""
			}
			b = utf8.AppendRune(b, rune(n))
			i += 4
		default:
			r.ok = false
			return ""
		}
	}
	r.buf = b
	return string(b)
}

// int reads an integer; fractions, exponents and null are left to
// encoding/json (null would keep the zero, but documents do not write it).
func (r *documentReader) int() int64 {
	r.space()
	start, i := r.pos, r.pos
	if i < len(r.data) && r.data[i] == '-' {
		i++
	}
	digits := i
	for i < len(r.data) && r.data[i] >= '0' && r.data[i] <= '9' {
		i++
	}
	// JSON has no leading zeros; a fraction or exponent is not an integer.
	if i == digits || (r.data[digits] == '0' && i-digits > 1) ||
		(i < len(r.data) && (r.data[i] == '.' || r.data[i] == 'e' || r.data[i] == 'E')) {
		r.ok = false
		return 0
	}
	n, err := strconv.ParseInt(string(r.data[start:i]), 10, 64)
	if err != nil {
		r.ok = false
		return 0
	}
	r.pos = i
	return n
}

// intSized reads an integer into a Go int.
func (r *documentReader) intSized() int {
	n := r.int()
	if int64(int(n)) != n {
		r.ok = false
	}
	return int(n)
}

func (r *documentReader) bool() bool {
	switch {
	case r.literal("true"):
		return true
	case r.literal("false"), r.literal("null"):
		return false
	}
	r.ok = false
	return false
}

// time reads a time with time.Time's own JSON parsing, which takes the
// quoted bytes as they are; null leaves it zero.
func (r *documentReader) time() time.Time {
	raw, escaped := r.rawString()
	if !r.ok || raw == nil {
		return time.Time{}
	}
	if escaped {
		r.ok = false
		return time.Time{}
	}
	var t time.Time
	if err := t.UnmarshalText(raw); err != nil {
		r.ok = false
	}
	return t
}

// timePtr reads a time that may be null.
func (r *documentReader) timePtr() *time.Time {
	if r.literal("null") {
		return nil
	}
	t := r.time()
	if !r.ok {
		return nil
	}
	return &t
}

func (r *documentReader) incident(in *DocIncident) {
	r.object(func(key []byte) {
		switch string(key) {
		case "id":
			in.ID = r.int()
		case "title":
			in.Title = r.str()
		case "severity":
			in.Severity = r.intSized()
		case "state":
			in.State = r.str()
		case "timezone":
			in.Timezone = r.str()
		case "summary":
			in.Summary = r.str()
		case "impact":
			in.Impact = r.str()
		case "root_cause":
			in.RootCause = r.str()
		case "trigger":
			in.Trigger = r.str()
		case "resolution":
			in.Resolution = r.str()
		case "services":
			in.Services = r.strings()
		case "milestones":
			r.milestones(&in.Milestones)
		case "comms":
			r.comms(&in.Comms)
		case "created_at":
			in.CreatedAt = r.timePtr()
		case "invalid":
			in.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) milestones(m *DocMilestones) {
	r.object(func(key []byte) {
		switch string(key) {
		case "started":
			m.Started = r.timePtr()
		case "detected":
			m.Detected = r.timePtr()
		case "declared":
			m.Declared = r.timePtr()
		case "mitigated":
			m.Mitigated = r.timePtr()
		case "resolved":
			m.Resolved = r.timePtr()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) event(e *DocEvent) {
	r.object(func(key []byte) {
		switch string(key) {
		case "id":
			e.ID = r.int()
		case "at":
			e.At = r.time()
		case "logged_at":
			e.LoggedAt = r.timePtr()
		case "kind":
			e.Kind = r.name()
		case "text":
			e.Text = r.str()
		case "author":
			e.Author = r.name()
		case "pinned":
			e.Pinned = r.bool()
		case "source":
			e.Source = r.name()
		case "role":
			e.Role = r.name()
		case "person":
			e.Person = r.name()
		case "state":
			e.State = r.name()
		case "milestone":
			e.Milestone = r.name()
		case "action_item":
			e.ActionItem = r.str()
		case "severity":
			e.Severity = r.intSized()
		case "previous_severity":
			e.PreviousSeverity = r.intSized()
		case "invalid":
			e.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) role(ro *DocRole) {
	r.object(func(key []byte) {
		switch string(key) {
		case "role":
			ro.Role = r.str()
		case "person":
			ro.Person = r.str()
		case "from":
			ro.From = r.time()
		case "until":
			ro.Until = r.timePtr()
		case "invalid":
			ro.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) actionItem(a *DocActionItem) {
	r.object(func(key []byte) {
		switch string(key) {
		case "id":
			a.ID = r.int()
		case "uuid":
			a.UUID = r.str()
		case "title":
			a.Title = r.str()
		case "description":
			a.Description = r.str()
		case "owner":
			a.Owner = r.str()
		case "priority":
			a.Priority = r.str()
		case "due":
			a.Due = r.str()
		case "state":
			a.State = r.str()
		case "github":
			if r.literal("null") {
				a.GitHub = nil
				return
			}
			gh := &DocGitHub{}
			r.gitHub(gh)
			a.GitHub = gh
		case "invalid":
			a.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) gitHub(gh *DocGitHub) {
	r.object(func(key []byte) {
		switch string(key) {
		case "repo":
			gh.Repo = r.str()
		case "number":
			gh.Number = r.intSized()
		case "url":
			gh.URL = r.str()
		case "state":
			gh.State = r.str()
		default:
			r.ok = false
		}
	})
}

func (r *documentReader) retroNote(n *DocRetroNote) {
	r.object(func(key []byte) {
		switch string(key) {
		case "section":
			n.Section = r.str()
		case "text":
			n.Text = r.str()
		case "invalid":
			n.Invalid = r.unreadable()
		default:
			r.ok = false
		}
	})
}

// unreadable reads an entry's "invalid" list; null is nil.
func (r *documentReader) unreadable() Unreadable {
	return Unreadable(readList(r, r.unreadableValue))
}

func (r *documentReader) unreadableValue(v *UnreadableValue) {
	r.object(func(key []byte) {
		switch string(key) {
		case "column":
			v.Column = r.str()
		case "raw":
			v.Raw = r.str()
		case "problem":
			v.Problem = r.str()
		default:
			r.ok = false
		}
	})
}
