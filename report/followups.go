package report

import (
	"time"

	"scribe/incident"
)

// FollowUps counts the action items of the incidents in a report.
type FollowUps struct {
	Opened  int // every live item, whatever its state
	Done    int
	WontDo  int
	Open    int
	Overdue int // open and past the due date it is held to (incident.FollowUpPolicy)
}

// CompletionRate is the share of follow-ups done among those the team
// meant to do: Done / (Opened − WontDo). An item closed as won't do was a
// decision, not a failure, so it counts neither way. ok is false when
// there is nothing to divide by.
func (f FollowUps) CompletionRate() (rate float64, ok bool) {
	meant := f.Opened - f.WontDo
	if meant <= 0 {
		return 0, false
	}
	return float64(f.Done) / float64(meant), true
}

func (f *FollowUps) add(in Input, pol incident.FollowUpPolicy, now time.Time) {
	for _, it := range in.ActionItems {
		if !it.DeletedAt.IsZero() {
			continue
		}
		f.Opened++
		switch it.State {
		case incident.ItemDone:
			f.Done++
		case incident.ItemWontDo:
			f.WontDo++
		default:
			f.Open++
			if incident.NewFollowUp(it, in.Incident, pol, now).Overdue() {
				f.Overdue++
			}
		}
	}
}
