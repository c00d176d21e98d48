package export

import "fmt"

// placeholders are what an empty section shows; %d is the incident number.
var placeholders = map[string]string{
	"summary":        `No summary yet — add one with ` + "`scribe set %d summary \"…\"`",
	"impact":         `No impact statement yet — add one with ` + "`scribe set %d impact \"…\"`",
	"services":       `No affected services listed — ` + "`scribe set %d services \"api, web\"`",
	"root-cause":     `No root cause yet — add one with ` + "`scribe set %d root-cause \"…\"`",
	"factors":        `No contributing factors yet — ` + "`scribe retro %d factor \"…\"`",
	"trigger":        `No trigger yet — add one with ` + "`scribe set %d trigger \"…\"`",
	"resolution":     `No resolution yet — add one with ` + "`scribe set %d resolution \"…\"`",
	"went-well":      `Nothing recorded yet — ` + "`scribe retro %d went-well \"…\"`",
	"went-wrong":     `Nothing recorded yet — ` + "`scribe retro %d went-wrong \"…\"`",
	"lucky":          `Nothing recorded yet — ` + "`scribe retro %d lucky \"…\"`",
	"lessons":        `No lessons recorded yet — ` + "`scribe retro %d lesson \"…\"`",
	"timeline":       `No events yet — log one with ` + "`scribe log %d \"…\"`",
	"communications": `No stakeholder updates were logged — ` + "`scribe log %d --kind comms \"…\"`" + ` records one`,
	"diagram":        `Not enough milestones for a diagram — set them with ` + "`scribe milestone %d started|detected|mitigated|resolved --at TIME`",
	"action-items":   `No action items yet — ` + "`scribe action add %d \"…\" --owner NAME --due YYYY-MM-DD`",
	"responders":     `No roles assigned yet — ` + "`scribe role %d commander NAME`",
}

// Placeholder is the visible italic note an empty section shows, telling
// the facilitator which command fills it. Sections: summary, impact,
// services, root-cause, factors, trigger, resolution, went-well,
// went-wrong, lucky, lessons, timeline, communications, diagram, action-items, responders.
func (p Postmortem) Placeholder(section string) string {
	f, ok := placeholders[section]
	if !ok {
		return "_Nothing recorded yet._"
	}
	return "_" + fmt.Sprintf(f, p.Number) + "_"
}
