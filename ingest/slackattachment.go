package ingest

import "strings"

// Integrations (PagerDuty, Datadog, Opsgenie) often post with an empty
// text: what they say is in the message's attachments or blocks.

// slackAttachment is a legacy attachment of a message.
type slackAttachment struct {
	Fallback string `json:"fallback"`
	Pretext  string `json:"pretext"`
	Title    string `json:"title"`
	Text     string `json:"text"`
}

// slackBlock is a Block Kit block: a section's text, or rich text's
// elements.
type slackBlock struct {
	Type     string              `json:"type"`
	Text     *slackBlockText     `json:"text"`
	Elements []slackBlockElement `json:"elements"`
}

type slackBlockText struct {
	Text string `json:"text"`
}

type slackBlockElement struct {
	Type     string              `json:"type"`
	Text     string              `json:"text"`
	UserID   string              `json:"user_id"`
	URL      string              `json:"url"`
	Elements []slackBlockElement `json:"elements"`
}

// attachedText is what a message without text says in its attachments,
// then its blocks, as Slack's mrkdwn ("<@U…>" mentions included).
func attachedText(m slackMessage) string {
	var parts []string
	for _, a := range m.Attachments {
		t := strings.TrimSpace(strings.Join(nonEmpty(a.Pretext, a.Title, a.Text), " — "))
		if t == "" {
			t = strings.TrimSpace(a.Fallback)
		}
		if t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		for _, b := range m.Blocks {
			var sb strings.Builder
			if b.Text != nil {
				sb.WriteString(b.Text.Text)
			}
			blockText(&sb, b.Elements, 0)
			if t := strings.TrimSpace(sb.String()); t != "" {
				parts = append(parts, t)
			}
		}
	}
	return strings.Join(parts, " ")
}

// blockText writes rich text's elements as mrkdwn, mentions as "<@U…>"
// so that they are named like those in a message's text.
func blockText(sb *strings.Builder, els []slackBlockElement, depth int) {
	if depth > 8 {
		return
	}
	for _, e := range els {
		switch {
		case e.Type == "user" && e.UserID != "":
			sb.WriteString("<@" + e.UserID + ">")
		case e.Type == "link" && e.Text == "":
			sb.WriteString(e.URL)
		default:
			sb.WriteString(e.Text)
		}
		blockText(sb, e.Elements, depth+1)
	}
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
