package incident_test

import (
	"testing"

	"scribe/incident"
)

func TestParseRetroSection(t *testing.T) {
	tests := map[string]incident.RetroSection{
		"went-well": incident.RetroWentWell, "went well": incident.RetroWentWell, "WELL": incident.RetroWentWell, "good": incident.RetroWentWell, "wentwell": incident.RetroWentWell,
		"went-wrong": incident.RetroWentWrong, "Went Wrong": incident.RetroWentWrong, "wrong": incident.RetroWentWrong, "bad": incident.RetroWentWrong, "badly": incident.RetroWentWrong,
		"lucky": incident.RetroLucky, "luck": incident.RetroLucky, "got lucky": incident.RetroLucky,
		"factor": incident.RetroFactor, "factors": incident.RetroFactor, "contributing factor": incident.RetroFactor, "cause": incident.RetroFactor,
		"lesson": incident.RetroLesson, "lessons": incident.RetroLesson, " learned ": incident.RetroLesson,
	}
	for in, want := range tests {
		got, err := incident.ParseRetroSection(in)
		if err != nil || got != want {
			t.Errorf("ParseRetroSection(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, s := range incident.RetroSections {
		if got, err := incident.ParseRetroSection(string(s)); err != nil || got != s {
			t.Errorf("canonical section %q: %q, %v", s, got, err)
		}
	}
	for _, in := range []string{"", "summary", "action", "went"} {
		_, err := incident.ParseRetroSection(in)
		wantInvalid(t, "ParseRetroSection("+in+")", err, "use one of went-well, went-wrong, lucky, factor, lesson")
	}
}

func TestRetroSectionHeading(t *testing.T) {
	tests := map[incident.RetroSection]string{
		incident.RetroWentWell: "What went well", incident.RetroWentWrong: "What went wrong", incident.RetroLucky: "Where we got lucky",
		incident.RetroFactor: "Contributing factors", incident.RetroLesson: "Lessons learned", "other": "other",
	}
	for s, want := range tests {
		if got := s.Heading(); got != want {
			t.Errorf("%s.Heading() = %q, want %q", s, got, want)
		}
	}
}

func TestRetroNoteValidate(t *testing.T) {
	ok := incident.RetroNote{Section: incident.RetroLucky, Text: "the backup had run an hour earlier"}
	if err := ok.Validate(); err != nil {
		t.Errorf("valid note: %v", err)
	}
	wantInvalid(t, "bad section", (&incident.RetroNote{Section: "meh", Text: "x"}).Validate(), `unknown retro section "meh"`)
	wantInvalid(t, "empty text", (&incident.RetroNote{Section: incident.RetroLesson, Text: " "}).Validate(), "retro note is empty")
}
