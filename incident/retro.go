package incident

import (
	"strings"
	"sync"
	"time"
)

// RetroSection is where a retro note belongs.
type RetroSection string

// Retro sections, in the postmortem's order.
const (
	RetroWentWell  RetroSection = "went-well"
	RetroWentWrong RetroSection = "went-wrong"
	RetroLucky     RetroSection = "lucky"
	RetroFactor    RetroSection = "factor"
	RetroLesson    RetroSection = "lesson"
)

// RetroSections lists the sections in order.
var RetroSections = []RetroSection{RetroWentWell, RetroWentWrong, RetroLucky, RetroFactor, RetroLesson}

var retroAliases = sync.OnceValue(func() map[string]RetroSection {
	return map[string]RetroSection{
		"well": RetroWentWell, "good": RetroWentWell, "went-well": RetroWentWell, "wentwell": RetroWentWell,
		"wrong": RetroWentWrong, "bad": RetroWentWrong, "went-wrong": RetroWentWrong, "wentwrong": RetroWentWrong, "badly": RetroWentWrong,
		"lucky": RetroLucky, "luck": RetroLucky, "got-lucky": RetroLucky,
		"factor": RetroFactor, "contributing-factor": RetroFactor, "cause": RetroFactor, "factors": RetroFactor,
		"lesson": RetroLesson, "lessons": RetroLesson, "learned": RetroLesson,
	}
})

// ParseRetroSection accepts a section name or an alias.
func ParseRetroSection(in string) (RetroSection, error) {
	s := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(in)), " ", "-")
	if r, ok := retroAliases()[s]; ok {
		return r, nil
	}
	return "", Errorf(EINVALID, "unknown retro section %s: use one of %s", Quote(in), joinStrings(RetroSections))
}

// Heading is the section's postmortem heading.
func (r RetroSection) Heading() string {
	switch r {
	case RetroWentWell:
		return "What went well"
	case RetroWentWrong:
		return "What went wrong"
	case RetroLucky:
		return "Where we got lucky"
	case RetroFactor:
		return "Contributing factors"
	case RetroLesson:
		return "Lessons learned"
	}
	return string(r)
}

// RetroNote is one point made in the retrospective.
type RetroNote struct {
	ID         int64
	UUID       string // client-generated (UUIDv7)
	IncidentID int64
	Section    RetroSection
	Text       string
	Order      int
	CreatedAt  time.Time
	DeletedAt  time.Time

	// Invalid is set when part of the stored row could not be read (see
	// Event.Invalid).
	Invalid Unreadable
}

// Validate checks a note before it is stored.
func (n *RetroNote) Validate() error {
	if _, err := ParseRetroSection(string(n.Section)); err != nil {
		return err
	}
	return ValidateText("retro note", n.Text, true)
}
