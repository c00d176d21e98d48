package ingest

import (
	"testing"
	"time"
)

// TestTeamsCopiedAsText: the layouts Microsoft Teams copies a chat in
// each give every message at its time with its own author ("Name: text"),
// never the next author glued to a message or the message lost; a title
// over a date line stays a title.
func TestTeamsCopiedAsText(t *testing.T) {
	want := []string{
		"2024-10-03T08:15:00Z Ines Duarte: Webhooks to the billing partner are timing out",
		"2024-10-03T08:17:00Z Kofi Mensah: On it, the egress proxy restarted at 08:10",
		"2024-10-03T08:40:00Z Kofi Mensah: Proxy pool scaled back up, webhooks flowing",
	}
	for _, c := range []struct {
		name, text string
		title      string
	}{
		{"new client", "Ines Duarte\n10/3/2024 8:15 AM\nWebhooks to the billing partner are timing out\nKofi Mensah\n10/3/2024 8:17 AM\nOn it, the egress proxy restarted at 08:10\nKofi Mensah\n10/3/2024 8:40 AM\nProxy pool scaled back up,\nwebhooks flowing\n", ""},
		{"comma and date", "Ines Duarte, 10/3/2024 08:15\nWebhooks to the billing partner are timing out\nKofi Mensah, 10/3/2024 08:17\nOn it, the egress proxy restarted at 08:10\nKofi Mensah, 10/3/2024 08:40\nProxy pool scaled back up, webhooks flowing\n", ""},
		{"classic", "[10/3/2024 8:15 AM] Ines Duarte\nWebhooks to the billing partner are timing out\n\n[10/3/2024 8:17 AM] Kofi Mensah\nOn it, the egress proxy restarted at 08:10\n\n[10/3/2024 8:40 AM] Kofi Mensah\nProxy pool scaled back up, webhooks flowing\n", ""},
		{"title above", "# Billing webhooks\n\nInes Duarte\n10/3/2024 8:15 AM\nWebhooks to the billing partner are timing out\nKofi Mensah\n10/3/2024 8:17 AM\nOn it, the egress proxy restarted at 08:10\nKofi Mensah\n10/3/2024 8:40 AM\nProxy pool scaled back up, webhooks flowing\n", "Billing webhooks"},
	} {
		res := ParseText(c.text, Options{Zone: time.UTC})
		var got []string
		for _, e := range res.Entries {
			got = append(got, e.At.Format(time.RFC3339)+" "+e.Text)
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d entries, want %d: %q", c.name, len(got), len(want), got)
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: entry %d = %q, want %q", c.name, i, got[i], want[i])
			}
		}
		if res.Title != c.title {
			t.Errorf("%s: title %q, want %q", c.name, res.Title, c.title)
		}
	}
	// One time with the time alone after "Name," (no date): the message
	// is kept, by its author.
	res := ParseText("Ines Duarte, 8:15 AM\nWebhooks timing out\nKofi Mensah, 8:17 AM\nLooking\n", Options{Zone: time.UTC, Reference: time.Date(2024, 10, 3, 12, 0, 0, 0, time.UTC)})
	if len(res.Entries) != 2 || res.Entries[0].Text != "Ines Duarte: Webhooks timing out" || res.Entries[1].Text != "Kofi Mensah: Looking" {
		t.Errorf("comma and time: %+v", res.Entries)
	}
	// A title over a date line, with no other message so laid out, is
	// the title.
	res = ParseText("Checkout Outage\n2024-05-04 14:00 UTC\nErrors rose on checkout.\n", Options{Zone: time.UTC})
	if res.Title != "Checkout Outage" || len(res.Entries) != 1 || res.Entries[0].Text != "Errors rose on checkout." {
		t.Errorf("title over a date: %q %+v", res.Title, res.Entries)
	}
}
