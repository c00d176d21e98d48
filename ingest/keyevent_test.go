package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestTimeAfterText(t *testing.T) {
	text := strings.Join([]string{
		"# Outage on 2024-01-02",
		"- First detected: 2024-01-02 12:32",
		"- The on-call engineer finally noticed the alert at 14:10",
		"- Revert deployed — 14:40",
		"- We decided to wait until 15:00",
		"- Duration: 14:02 - 15:10",
		"- Last updated: 2024-01-03 09:00",
	}, "\n")
	res := ParseText(text, Options{Zone: time.UTC})
	var got []string
	for _, e := range res.Entries {
		got = append(got, e.At.Format("15:04")+" "+e.Text)
	}
	want := "12:32 First detected|14:10 The on-call engineer finally noticed the alert|14:40 Revert deployed"
	if strings.Join(got, "|") != want {
		t.Errorf("entries %q, want %q", strings.Join(got, "|"), want)
	}
}
