package update

import (
	"strings"

	"scribe/incident"
)

// Format is where the update will be pasted.
type Format string

// The formats a draft can be written in.
const (
	// FormatText is plain text: an email, a status page, a ticket.
	FormatText Format = "text"
	// FormatMarkdown is GitHub-flavoured Markdown.
	FormatMarkdown Format = "markdown"
	// FormatSlack is Slack's mrkdwn: *bold*, and &, < and > escaped so that
	// text from the timeline can neither ping (<!channel>) nor link.
	FormatSlack Format = "slack"
)

// Formats lists the formats.
var Formats = []Format{FormatText, FormatMarkdown, FormatSlack}

// ParseFormat accepts text, markdown (md) or slack (mrkdwn).
func ParseFormat(in string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(in)) {
	case "text", "txt", "plain", "":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "slack", "mrkdwn":
		return FormatSlack, nil
	}
	return "", incident.Errorf(incident.EINVALID, "unknown update format %q: use text, markdown or slack", in)
}

// escape makes user text one safe line in format f: sanitized for a
// terminal (no escape sequences or controls), then escaped for the markup.
func escape(f Format, s string) string {
	s = strings.Join(strings.Fields(incident.PlainText(s)), " ")
	switch f {
	case FormatMarkdown:
		return markdownEscaper.Replace(s)
	case FormatSlack:
		return slackEscaper.Replace(s)
	}
	return s
}

// markdownEscaper backslash-escapes what would turn text into emphasis,
// code, a link or raw HTML.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "~", `\~`, "|", `\|`,
)

// slackEscaper escapes the three characters Slack's mrkdwn reserves for
// mentions and links; Slack has no escape for * _ ~, which stay as typed.
var slackEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// bold marks s (already escaped) as strong in format f.
func bold(f Format, s string) string {
	if s == "" {
		return ""
	}
	switch f {
	case FormatMarkdown:
		return "**" + s + "**"
	case FormatSlack:
		return "*" + s + "*"
	}
	return s
}

// hardBreaks makes each line break of a Markdown paragraph a line break
// when rendered (two trailing spaces), so that a template written once
// reads line by line in every format.
func hardBreaks(s string) string {
	lines := strings.Split(s, "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "" && strings.TrimSpace(lines[i+1]) != "" && !strings.HasSuffix(lines[i], "  ") {
			lines[i] += "  "
		}
	}
	return strings.Join(lines, "\n")
}
