package ingest

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestSlackExport reads a whole-workspace export written for the project:
// two days of #inc-checkout with a join, a leave, a bot message, a pinned
// message, a :pushpin: reaction, a thread and mentions.
func TestSlackExport(t *testing.T) {
	res, err := ParseSlack(SlackSource{FS: os.DirFS("testdata/slack"), Channel: "inc-checkout"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		at     string
		author string
		text   string
		pinned bool
	}
	wants := []want{
		{"2024-03-14T21:58:03Z", "Priya Raman", "Checkout 5xx above 4% since the 21:50 deploy, Marco Bianchi can you look at the payments pods?", false},
		{"2024-03-14T21:58:10Z", "PagerDuty", "Triggered: checkout-5xx-rate > 4% #4411 (https://example.pagerduty.test/incidents/P1)", false},
		{"2024-03-14T22:00:00Z", "Marco Bianchi", "Errors only on pods running the 21:50 image", false},
		{"2024-03-14T22:01:00Z", "Marco Bianchi", "Confirmed, the new image drops the TLS config", false},
		{"2024-03-14T22:02:00Z", "Priya Raman", "Rolling back payments to v41", true},
		{"2024-03-14T22:29:00Z", "Priya Raman", "Error rate back under 0.1% :tada:", true},
		{"2024-03-15T09:00:00Z", "Marco Bianchi", "Postmortem draft is up, see #inc-checkout pins", false},
		{"2024-03-15T09:01:00Z", "Dana Okafor", "[file: Error rate graph]", false},
	}
	if len(res.Entries) != len(wants) {
		for _, e := range res.Entries {
			t.Logf("%s %s: %s", e.At.Format(time.RFC3339), e.Author, e.Text)
		}
		t.Fatalf("%d entries, want %d (no join, leave or pin notice)", len(res.Entries), len(wants))
	}
	for i, w := range wants {
		e := res.Entries[i]
		if got := e.At.Format(time.RFC3339); got != w.at || e.Author != w.author || e.Text != w.text || e.Pinned != w.pinned {
			t.Errorf("entry %d = %s %q %q pinned=%v, want %s %q %q pinned=%v", i, got, e.Author, e.Text, e.Pinned, w.at, w.author, w.text, w.pinned)
		}
	}
	if res.Entries[0].At.Nanosecond() != 200000 {
		t.Errorf("ts fraction lost: %v", res.Entries[0].At)
	}
	if res.Title != "Checkout errors after the payments deploy" { // the purpose says more than the topic "SEV2"
		t.Errorf("title %q", res.Title)
	}
	events := res.Events(1, "importer")
	if events[4].Author != "Priya Raman" || !events[4].Pinned {
		t.Errorf("event %+v: want Priya's pinned message", events[4])
	}
}

func TestSlackChannelChoice(t *testing.T) {
	_, err := ParseSlack(SlackSource{FS: os.DirFS("testdata/slack")}, Options{})
	if err == nil || !strings.Contains(err.Error(), "--channel") || !strings.Contains(err.Error(), "#inc-checkout") || !strings.Contains(err.Error(), "#random") {
		t.Errorf("two channels without --channel: %v", err)
	}
	_, err = ParseSlack(SlackSource{FS: os.DirFS("testdata/slack"), Channel: "nope"}, Options{})
	if err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("unknown channel: %v", err)
	}
	// One day's file alone, with the export's root above its folder.
	res, err := ParseSlack(SlackSource{FS: os.DirFS("testdata/slack"), Channel: "inc-checkout", Day: "2024-03-15.json"}, Options{})
	if err != nil || len(res.Entries) != 2 {
		t.Fatalf("one day: %v, %d entries", err, len(res.Entries))
	}
	// A channel's folder without users.json: names from the ids.
	res, err = ParseSlack(SlackSource{FS: os.DirFS("testdata/slack/inc-checkout"), Day: "2024-03-15.json"}, Options{})
	if err != nil || len(res.Entries) != 2 || res.Entries[0].Author != "U02MARCO" {
		t.Fatalf("folder alone: %v, %+v", err, res.Entries)
	}
}

func TestSlackBadInput(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(dir+"/inc", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir+"/inc/2024-03-14.json", []byte(`{"not": "an array"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := ParseSlack(SlackSource{FS: os.DirFS(dir), Channel: "inc"}, Options{})
	if err == nil || !strings.Contains(err.Error(), "not the JSON Slack writes") {
		t.Errorf("bad day file: %v", err)
	}
}

// TestSlackEditsAndDeletes reads an export written for the project whose
// channel holds what Slack records besides messages: an edit as a
// "message_changed" record (of a message in the export, and of one posted
// before its first day), an "edited" field, a deleted message, a thread
// whose last reply falls on the next day, a file share that is pinned, a
// :pushpin: reaction among others, bots by bot_id and by bot_profile, a
// join, a leave and a pin notice.
func TestSlackEditsAndDeletes(t *testing.T) {
	res, err := ParseSlack(SlackSource{FS: os.DirFS("testdata/slack-edits"), Channel: "inc-db"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wants := []string{
		"2024-05-14T23:30:00Z|Ken Ito|Replica lag alert looks real, starting the incident channel|",
		"2024-05-14T23:40:05Z|Rosa Diaz|Seeing replication lag on db-3, Grace Kim can you look?|",
		"2024-05-14T23:42:00Z|PagerDuty|Triggered: db-3 replica lag > 300s|",
		"2024-05-14T23:44:30Z|Grace Kim|on it, checking the WAL sender|",
		"2024-05-14T23:50:00Z|Rosa Diaz|Thread: failover plan|",
		"2024-05-14T23:55:00Z|Grace Kim|Plan: promote db-4 if lag passes 15 min|",
		"2024-05-14T23:57:00Z|Rosa Diaz|Declaring SEV2|",
		"2024-05-15T00:03:00Z|Grace Kim|Lag passed 15 min, promoting db-4 now|",
		"2024-05-15T00:10:20Z|Grace Kim|db-4 promoted, writes flowing|pinned",
		"2024-05-15T00:15:00Z|Rosa Diaz|Error rate back to normal|pinned",
		"2024-05-15T00:20:00Z|Statuspage|Incident resolved|",
		"2024-05-15T00:22:00Z|Ken Ito|Rosa Diaz thanks, I'll write the postmortem|",
	}
	var got []string
	for _, e := range res.Entries {
		pin := ""
		if e.Pinned {
			pin = "pinned"
		}
		got = append(got, e.At.Truncate(time.Second).Format(time.RFC3339)+"|"+e.Author+"|"+e.Text+"|"+pin)
	}
	if strings.Join(got, "\n") != strings.Join(wants, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wants, "\n"))
	}
	if len(res.Problems) > 0 {
		t.Errorf("problems reported for edit and delete records: %+v", res.Problems)
	}
}

// TestSlackLedgerExport reads a second export written later, from outside
// the first's shape: a channel across midnight UTC with a join, a leave, a
// bot message, a pin listed in channels.json and marked on the message, a
// :pushpin: reaction, a message edited in place ("edited") and one edited by
// a message_changed record, a message deleted by a message_deleted record,
// a thread reply, and a topic change (kept: incident channels put their
// state there).
func TestSlackLedgerExport(t *testing.T) {
	res, err := ParseSlack(SlackSource{FS: os.DirFS("testdata/slack-ledger")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wants := []string{
		"2026-11-30T23:38:02Z|Oksana Bilyk|Declaring SEV2: ledger sync lag above 20 minutes, I'm IC|",
		"2026-11-30T23:41:07Z|PagerDuty|Triggered: ledger-sync consumer lag > 1200s|",
		"2026-11-30T23:43:30Z|Terrence Jones|Looking at the consumer, Oksana Bilyk the partition rebalance is stuck|",
		"2026-11-30T23:52:45Z|Oksana Bilyk|Root cause candidate: broker-4 disk full, restarting the consumer group|pinned",
		"2026-11-30T23:58:59Z|Mei Takahashi|freed 40GB on broker-4|",
		"2026-12-01T00:03:12Z|Terrence Jones|Consumer group rebalanced, lag falling fast (now 6 min)|",
		"2026-12-01T00:20:18Z|Oksana Bilyk|Lag back under 30s. Resolving. :white_check_mark:|pinned",
		"2026-12-01T00:31:55Z|Oksana Bilyk|set the channel topic: resolved|",
	}
	var got []string
	for _, e := range res.Entries {
		pin := ""
		if e.Pinned {
			pin = "pinned"
		}
		got = append(got, e.At.Format(time.RFC3339)+"|"+e.Author+"|"+e.Text+"|"+pin)
	}
	if strings.Join(got, "\n") != strings.Join(wants, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wants, "\n"))
	}
	if len(res.Entries) > 0 && res.Entries[0].At.Nanosecond() != 100000 {
		t.Errorf("ts fraction lost: %v", res.Entries[0].At)
	}
}

// Integrations post with an empty text: the attachment's words, or the
// blocks' rich text (mentions named), are the message.
func TestSlackAttachmentsAndBlocks(t *testing.T) {
	fsys := fstest.MapFS{
		"users.json":    {Data: []byte(`[{"id":"U1","name":"ana","real_name":"Ana Lima"}]`)},
		"channels.json": {Data: []byte(`[{"id":"C1","name":"inc-db"}]`)},
		"inc-db/2025-03-01.json": {Data: []byte(`[
 {"type":"message","subtype":"bot_message","bot_id":"B1","username":"Datadog","text":"","ts":"1740823200.000100",
  "attachments":[{"fallback":"Triggered: db p99 > 2s","title":"Triggered: db p99 > 2s","text":"on host db-3"}]},
 {"type":"message","subtype":"bot_message","bot_id":"B2","username":"Opsgenie","text":"","ts":"1740823260.000100",
  "attachments":[{"fallback":"Alert acknowledged by Ana"}]},
 {"type":"message","user":"U1","text":"","ts":"1740823320.000100",
  "blocks":[{"type":"rich_text","elements":[{"type":"rich_text_section","elements":[{"type":"text","text":"failing over, "},{"type":"user","user_id":"U1"},{"type":"text","text":" on it"}]}]}]}
]`)},
	}
	res, err := ParseSlack(SlackSource{FS: fsys}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.Author+": "+e.Text)
	}
	want := []string{"Datadog: Triggered: db p99 > 2s — on host db-3", "Opsgenie: Alert acknowledged by Ana", "Ana Lima: failing over, Ana Lima on it"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
