package incident

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// unmarshalDocument is the reference: what ParseDocument did before it had
// its own reader, and still does when the reader gives up.
func unmarshalDocument(data []byte) (Document, error) {
	var d Document
	err := json.Unmarshal(data, &d)
	return d, err
}

// writtenDocument is a document as encoding/json writes it: every field
// set somewhere, escapes in the texts, many events.
func writtenDocument(t testing.TB, events int) []byte {
	at := time.Date(2026, 5, 4, 3, 2, 1, 987654321, time.UTC)
	texts := []string{"plain", "quote \" backslash \\ <&>", "tab\tline\nfeed\r\b\f", "\x00\x1f\x7f", "é ✓ 🔥", "line\u2028para\u2029", ""}
	d := Document{
		SchemaVersion: 1,
		Incident: DocIncident{
			ID: 3, Title: "Checkout \"errors\"", Severity: 2, State: "monitoring", Timezone: "Europe/Berlin",
			Summary: texts[1], Impact: texts[2], RootCause: texts[3], Trigger: texts[4], Resolution: texts[5],
			Services:   []string{"api", texts[4], ""},
			Milestones: DocMilestones{Started: &at, Resolved: &at},
			CreatedAt:  &at,
		},
		Events: []DocEvent{},
		Roles: []DocRole{
			{Role: "commander", Person: "Ana", From: at, Until: &at},
			{Role: "comms", Person: texts[4], From: at},
		},
		ActionItems: []DocActionItem{
			{ID: 1, UUID: "u1", Title: "Gate deploys", State: "open"},
			{ID: 2, UUID: "u2", Title: texts[1], Description: texts[2], Owner: "Ben", Priority: "P1", Due: "2026-06-01", State: "done",
				GitHub: &DocGitHub{Repo: "acme/web", Number: 9, URL: "https://github.com/acme/web/issues/9", State: "closed"}},
		},
		Retro: []DocRetroNote{{Section: "went-well", Text: texts[2]}},
	}
	for i := 0; i < events; i++ {
		e := DocEvent{ID: int64(i + 1), At: at.Add(time.Duration(i) * time.Second), Kind: "note", Text: texts[i%len(texts)], Pinned: i%3 == 0}
		if i%2 == 0 {
			logged := e.At.Add(time.Millisecond)
			e.LoggedAt, e.Author, e.Source = &logged, "ana", "tui"
			e.Role, e.Person, e.State, e.Milestone, e.ActionItem = "comms", "Ben", "identified", "started", "u2"
		}
		d.Events = append(d.Events, e)
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadDocumentAgreesWithEncodingJSON(t *testing.T) {
	for name, data := range map[string][]byte{
		"written":         writtenDocument(t, 50),
		"100k-events":     writtenDocument(t, 100_000),
		"compact":         []byte(`{"schema_version":1,"incident":{"id":1,"title":"t","severity":1,"services":[],"milestones":{}},"events":[{"id":1,"at":"2026-01-02T03:04:05+02:00","kind":"note","text":"\u00e9\/\u0000x"}],"roles":null,"action_items":[],"retro":null}`),
		"nulls":           []byte(`{"schema_version":1,"incident":{"id":1,"title":null,"services":[null,"a"],"milestones":null,"created_at":null},"events":[{"id":-0,"at":null,"logged_at":null,"pinned":null,"text":null}],"action_items":[{"id":0,"github":null}]}`),
		"empty-object":    []byte(`{}`),
		"top-level-null":  []byte(` null `),
		"spaces-anywhere": []byte(" {\r\n\t\"schema_version\" : 1 , \"events\" : [ { \"id\" : 2 } ] }\n\n"),
	} {
		t.Run(name, func(t *testing.T) {
			want, err := unmarshalDocument(data)
			if err != nil {
				t.Fatalf("the fixture is not a document: %v", err)
			}
			got, ok := readDocument(data)
			if !ok {
				t.Fatal("the reader gave up on a document it should read")
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the reader and encoding/json disagree\n got: %+v\nwant: %+v", got, want)
			}
		})
	}
}

// TestReadDocumentGivesUp: where encoding/json would fail, or would decode
// by rules the reader does not follow, the reader leaves it to encoding/json
// and ParseDocument answers exactly as encoding/json.
func TestReadDocumentGivesUp(t *testing.T) {
	const ok = `{"schema_version":1,"incident":{"id":1,"title":"t","severity":1},"events":[{"id":1,"at":"2026-01-02T03:04:05Z","kind":"note","text":"x"}]}`
	for name, data := range map[string]string{
		"key in another case":   strings.Replace(ok, `"title"`, `"Title"`, 1),
		"unknown key":           strings.Replace(ok, `"kind"`, `"colour":"red","kind"`, 1),
		"unknown nested object": strings.Replace(ok, `"kind"`, `"extra":{"a":[1,2]},"kind"`, 1),
		"repeated key":          strings.Replace(ok, `"text":"x"`, `"text":"x","text":"y"`, 1),
		"escaped key":           strings.Replace(ok, `"text"`, `"te\u0078t"`, 1),
		"escaped surrogates":    strings.Replace(ok, `"text":"x"`, `"text":"\ud83d\ude00 \ud800"`, 1),
		"invalid UTF-8":         strings.Replace(ok, `"text":"x"`, "\"text\":\"a\xffb\"", 1),
		"raw control character": strings.Replace(ok, `"text":"x"`, "\"text\":\"a\tb\"", 1),
		"bad escape":            strings.Replace(ok, `"text":"x"`, `"text":"\q"`, 1),
		"fraction":              strings.Replace(ok, `"id":1,"at"`, `"id":1.0,"at"`, 1),
		"exponent":              strings.Replace(ok, `"id":1,"at"`, `"id":1e2,"at"`, 1),
		"leading zero":          strings.Replace(ok, `"id":1,"at"`, `"id":01,"at"`, 1),
		"huge number":           strings.Replace(ok, `"id":1,"at"`, `"id":99999999999999999999,"at"`, 1),
		"null number":           strings.Replace(ok, `"id":1,"at"`, `"id":null,"at"`, 1),
		"string for number":     strings.Replace(ok, `"id":1,"at"`, `"id":"1","at"`, 1),
		"number for string":     strings.Replace(ok, `"text":"x"`, `"text":5`, 1),
		"escaped time":          strings.Replace(ok, `2026-01-02T03:04:05Z`, `2026-01-02T03:04:05\u005a`, 1),
		"bad time":              strings.Replace(ok, `2026-01-02T03:04:05Z`, `yesterday`, 1),
		"null event":            strings.Replace(ok, `"events":[`, `"events":[null,`, 1),
		"string event":          strings.Replace(ok, `"events":[`, `"events":["x",`, 1),
		"trailing comma":        strings.Replace(ok, `"text":"x"}`, `"text":"x",}`, 1),
		"trailing data":         ok + ` {}`,
		"byte order mark":       "\ufeff" + ok,
		"truncated":             ok[:len(ok)-3],
		"array":                 `[` + ok + `]`,
		"empty":                 ``,
	} {
		t.Run(name, func(t *testing.T) {
			if _, read := readDocument([]byte(data)); read {
				t.Errorf("the reader decoded %q itself", data)
			}
			want, wantErr := unmarshalDocument([]byte(data))
			got, gotErr := ParseDocument([]byte(data))
			if wantErr != nil {
				if gotErr == nil || !strings.Contains(gotErr.Error(), wantErr.Error()) {
					t.Errorf("ParseDocument error %v, want encoding/json's %v", gotErr, wantErr)
				}
				return
			}
			if gotErr == nil && !reflect.DeepEqual(got, want) {
				t.Errorf("ParseDocument disagrees with encoding/json\n got: %+v\nwant: %+v", got, want)
			}
		})
	}
}

// FuzzReadDocument: whatever the reader decodes, encoding/json decodes to
// the same document.
func FuzzReadDocument(f *testing.F) {
	f.Add(writtenDocument(f, 3))
	f.Add([]byte(`{"schema_version":1,"incident":{"id":1,"title":"t\n\u00e9","services":["a"]},"events":[{"id":1,"at":"2026-01-02T03:04:05.5+01:00","text":"\"x\""}],"retro":[{"section":"lucky","text":"y"}]}`))
	f.Add([]byte(`{"action_items":[{"id":-3,"github":{"repo":"a/b","number":2}}],"roles":[{"from":"2026-01-02T03:04:05Z","until":null}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := readDocument(data)
		if !ok {
			return
		}
		want, err := unmarshalDocument(data)
		if err != nil {
			t.Fatalf("the reader decoded what encoding/json refuses (%v): %q", err, data)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("the reader and encoding/json disagree on %q\n got: %s\nwant: %s", data, dump(got), dump(want))
		}
	})
}

func dump(d Document) string { return fmt.Sprintf("%+v", d) }

// filled sets every field reachable from v to a value that is not empty, so
// that a field added to Document but not to the reader makes the reader
// give up, and TestReadDocumentReadsEveryField fail.
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
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		filled(v.Index(0), text)
		filled(v.Index(1), text+" again")
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 7, 8, 9, 10, 11, 120000000, time.UTC)))
			return
		}
		for i := range v.NumField() {
			filled(v.Field(i), text+" "+v.Type().Field(i).Name)
		}
	default:
		panic("filled: no value for a " + v.Kind().String() + ": teach the test and the reader this type")
	}
}

func TestReadDocumentReadsEveryField(t *testing.T) {
	var d Document
	filled(reflect.ValueOf(&d).Elem(), "x")
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := readDocument(data)
	if !ok {
		t.Fatalf("the reader gave up on a document with every field set: a Document field is missing from it\n%s", data)
	}
	want, err := unmarshalDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the reader and encoding/json disagree\n got: %+v\nwant: %+v", got, want)
	}
}
