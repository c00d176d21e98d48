package github

import (
	"strings"
	"testing"
)

func TestWithSectionRewritesOnlyScribesPart(t *testing.T) {
	const uuid = "0b6f1c1e-2f7a-4d0b-9a51-0d7d1c3e9a01"
	old := trackingBegin + "\nold list\n\n" + trackingEnd + "\n"
	fresh := trackingBegin + "\nnew list\n\n" + trackingEnd + "\n"
	created := trackingBody(old, uuid)

	if got := withSection(created, old, uuid); got != created {
		t.Errorf("rewriting the same section changed the body:\n%q\n%q", created, got)
	}
	want := trackingBody(fresh, uuid)
	if got := withSection(created, fresh, uuid); got != want {
		t.Errorf("rewritten body:\n%q\nwant\n%q", got, want)
	}

	edited := "Retro on Thursday.\n\n" + strings.Replace(created, TrackingMarker(uuid), "Team notes below.\n\n"+TrackingMarker(uuid), 1)
	got := withSection(edited, fresh, uuid)
	for _, keep := range []string{"Retro on Thursday.", "Team notes below.", "new list"} {
		if !strings.Contains(got, keep) {
			t.Errorf("lost %q:\n%s", keep, got)
		}
	}
	if strings.Contains(got, "old list") || trackingMarkerIn(got) != uuid || strings.Count(got, "scribe:incident:") != 1 {
		t.Errorf("rewrite of an edited body:\n%s", got)
	}

	// People deleted scribe's part: it comes back on top, their text stays.
	got = withSection("Just our notes.\n\n"+TrackingMarker(uuid)+"\n", fresh, uuid)
	if !strings.HasPrefix(got, fresh) || !strings.Contains(got, "Just our notes.") || trackingMarkerIn(got) != uuid {
		t.Errorf("section restored:\n%s", got)
	}
}

func TestTrackingMarkerOnlyOnTheLastLine(t *testing.T) {
	const uuid = "0b6f1c1e-2f7a-4d0b-9a51-0d7d1c3e9a01"
	for body, want := range map[string]string{
		"text\n\n" + TrackingFooter + "\n\n" + TrackingMarker(uuid) + "\n\n": uuid,
		"text\n\n" + TrackingMarker(uuid) + "\n\n":                           "", // without scribe's footer
		TrackingMarker(uuid):                                                             "",
		TrackingFooter + "\n" + TrackingMarker(uuid):                                     uuid,
		"text\n" + TrackingFooter + "\nmore text\n" + TrackingMarker(uuid):               "", // the footer not right above
		"see " + TrackingMarker(uuid) + " here":                                          "",
		TrackingMarker(uuid) + "\nand a reply":                                           "",
		"text\n" + Marker(uuid):                                                          "", // a follow-up's marker is not a tracking one
		"text\n<!-- scribe:incident:not a uuid at all! -->":                              "",
		"text\n" + TrackingFooter + "\n  " + TrackingMarker(strings.ToUpper(uuid)) + " ": strings.ToUpper(uuid),
	} {
		if got := trackingMarkerIn(body); got != want {
			t.Errorf("trackingMarkerIn(%q) = %q, want %q", body, got, want)
		}
	}
	if markerIn(TrackingFooter+"\n"+TrackingMarker(uuid)) != "" || markerIn(FollowUpFooter+"\n"+TrackingMarker(uuid)) != "" {
		t.Error("a tracking marker is taken for a follow-up's")
	}
}
