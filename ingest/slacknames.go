package ingest

import (
	"fmt"
	"path"
	"sort"
	"strings"
)

// learn keeps the profile a message carries for its author: a day's file
// imported without users.json still names everyone who wrote with one,
// in each of their messages.
func (n slackNames) learn(m slackMessage) {
	if m.User == "" || m.UserProfile == nil {
		return
	}
	if firstNonEmpty(m.UserProfile.RealName, m.UserProfile.DisplayName, m.UserProfile.Name) != "" {
		n.profiles[m.User] = *m.UserProfile
	}
}

// known reports whether users.json or a message's profile names id.
func (n slackNames) known(id string) bool {
	if _, ok := n.users[id]; ok {
		return true
	}
	_, ok := n.profiles[id]
	return ok
}

// unknownNote says which authors and mentions are shown by their Slack
// id, "" when everyone has a name.
func (n slackNames) unknownNote() string {
	if len(n.unknown) == 0 {
		return ""
	}
	ids := make([]string, 0, len(n.unknown))
	for id := range n.unknown {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) > 8 {
		ids = append(ids[:8], "…")
	}
	who := "1 person is"
	if len(n.unknown) > 1 {
		who = fmt.Sprintf("%d people are", len(n.unknown))
	}
	return fmt.Sprintf("%s shown by Slack id (%s): no users.json beside the messages names them; import the export's folder or zip to see their names",
		who, strings.Join(ids, ", "))
}

// channelTitle is the incident's title for a channel: its topic or
// purpose, whichever says more (a topic is often only "SEV2"), else its
// name.
func (n slackNames) channelTitle(ch slackChannel, dir string) string {
	topic, purpose := oneLine(n.text(ch.Topic.Value)), oneLine(n.text(ch.Purpose.Value))
	switch {
	case purpose != "" && len(strings.Fields(purpose)) > len(strings.Fields(topic)):
		return purpose
	case topic != "":
		return topic
	case ch.Name != "":
		return "#" + ch.Name
	case dir != "." && dir != "":
		return "#" + path.Base(dir)
	}
	return ""
}
