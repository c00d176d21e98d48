package ingest

import (
	"strings"
	"testing"
	"testing/fstest"
)

// slackDayFS is one channel folder without users.json: Wen's profile is
// on one of her messages only; Ravi writes without one.
func slackDayFS() fstest.MapFS {
	day := `[
 {"type": "message", "user": "U7WEN", "text": "Queue depth alarm on ingest-east", "ts": "1717236000.000100",
  "user_profile": {"real_name": "Wen Zhao", "display_name": "wen"}},
 {"type": "message", "user": "U8RAVI", "text": "<@U7WEN> I see the same on west", "ts": "1717236060.000200"},
 {"type": "message", "user": "U7WEN", "text": "Draining east now", "ts": "1717236120.000300"},
 {"type": "message", "user": "U7WEN", "text": "this one has a broken time", "ts": "soon"}
]`
	return fstest.MapFS{"inc-ingest/2024-06-01.json": {Data: []byte(day)}}
}

// TestSlackNamesFromProfiles: a day's file alone names an author on every
// message when one of them carries her profile, in mentions too; those
// still shown by id are named in a note; a message whose ts cannot be
// read is reported by its place in the file and its ts, not as a line.
func TestSlackNamesFromProfiles(t *testing.T) {
	res, err := ParseSlack(SlackSource{FS: slackDayFS(), Channel: "inc-ingest", Day: "2024-06-01.json"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != 3 {
		t.Fatalf("entries %+v", res.Entries)
	}
	for i, want := range []struct{ author, text string }{
		{"Wen Zhao", "Queue depth alarm on ingest-east"},
		{"U8RAVI", "Wen Zhao I see the same on west"},
		{"Wen Zhao", "Draining east now"},
	} {
		if e := res.Entries[i]; e.Author != want.author || e.Text != want.text {
			t.Errorf("entry %d: %q %q, want %q %q", i, e.Author, e.Text, want.author, want.text)
		}
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "1 person is shown by Slack id (U8RAVI)") {
		t.Errorf("notes %q", res.Notes)
	}
	if len(res.Problems) != 1 {
		t.Fatalf("problems %+v", res.Problems)
	}
	if got := res.Problems[0].String(); got != "inc-ingest/2024-06-01.json, message 4: a message whose time (ts soon) cannot be read was left out" {
		t.Errorf("problem %q", got)
	}
	if res.Title != "#inc-ingest" {
		t.Errorf("title %q", res.Title)
	}
}

// TestSlackTitleFromTopic: the incident is titled by the channel's topic
// or purpose, whichever says more, else by its name.
func TestSlackTitleFromTopic(t *testing.T) {
	for _, c := range []struct{ topic, purpose, want string }{
		{"Ingest queue backing up in east", "", "Ingest queue backing up in east"},
		{"SEV1", "Ingest queue backing up in east", "Ingest queue backing up in east"},
		{"SEV1", "", "SEV1"},
		{"", "", "#inc-ingest"},
	} {
		fsys := slackDayFS()
		fsys["channels.json"] = &fstest.MapFile{Data: []byte(`[{"id": "C9", "name": "inc-ingest", "topic": {"value": "` + c.topic + `"}, "purpose": {"value": "` + c.purpose + `"}}]`)}
		res, err := ParseSlack(SlackSource{FS: fsys}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Title != c.want {
			t.Errorf("topic %q, purpose %q: title %q, want %q", c.topic, c.purpose, res.Title, c.want)
		}
	}
}
