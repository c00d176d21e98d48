package cli

// Owned by the ingest work: a Slack export imported again into the same
// incident adds only the messages the incident does not have yet.

import (
	"context"
	"fmt"
	"slices"

	"scribe/incident"
	"scribe/store"
)

// slackKey identifies a message imported from Slack: its ts instant (to
// the microsecond, unique within a channel) and its author, or its text
// (an export read first without users.json names authors by id). An
// instant with a fraction of a second is Slack's ts and names the message
// by itself: a day's file read alone and then the whole export can give
// one message two authors and two texts (an id, then a name; a mention
// as an id, then as a name).
type slackKey struct {
	at  int64
	who string
}

// messageKeys are the keys an imported event is known by.
func messageKeys(e incident.Event) []slackKey {
	at := e.OccurredAt.UnixNano()
	keys := []slackKey{{at, "by " + e.Author}, {at, e.Text}}
	if e.OccurredAt.Nanosecond() != 0 {
		keys = append(keys, slackKey{at, ""})
	}
	return keys
}

// skipImported drops from snap the events incident id already has from an
// earlier import of the same messages, and returns how many it dropped.
func skipImported(ctx context.Context, st *store.Store, id int64, snap *incident.Snapshot) (int, error) {
	have, err := st.Events(ctx, id)
	if err != nil {
		return 0, fmt.Errorf("read incident #%d's events: %w", id, err)
	}
	seen := make(map[slackKey]bool, 2*len(have))
	for _, e := range have {
		if e.Source == incident.SourceImport {
			for _, k := range messageKeys(e) {
				seen[k] = true
			}
		}
	}
	kept := snap.Events[:0]
	for _, e := range snap.Events {
		if !slices.ContainsFunc(messageKeys(e), func(k slackKey) bool { return seen[k] }) {
			kept = append(kept, e)
		}
	}
	skipped := len(snap.Events) - len(kept)
	snap.Events = kept
	return skipped, nil
}

// repeatNote says what skipImported left out.
func repeatNote(id int64, skipped, left int) string {
	if left == 0 {
		return fmt.Sprintf("nothing new: incident #%d already has all %s of this Slack export (same time, and author or text); nothing imported", id, incident.Count(skipped, "message"))
	}
	return fmt.Sprintf("skipped %s incident #%d already has from an earlier import (same time, and author or text)", incident.Count(skipped, "message"), id)
}
