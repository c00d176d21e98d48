package incident

import (
	"testing"
	"time"
)

// TestZoneAbbrevsMatchTheirRegion checks the abbreviation table against the
// zone database: a literal abbreviation's offset must be one its region
// actually uses (standard in January or July, daylight in the other), so a
// typo such as CEST = +1 cannot slip in.
func TestZoneAbbrevsMatchTheirRegion(t *testing.T) {
	for abbr, a := range zoneAbbrevs() {
		loc, err := time.LoadLocation(a.region)
		if err != nil {
			t.Errorf("%s: region %s: %v", abbr, a.region, err)
			continue
		}
		if !a.fixed {
			continue
		}
		_, jan := time.Date(2026, 1, 15, 12, 0, 0, 0, loc).Zone()
		_, jul := time.Date(2026, 7, 15, 12, 0, 0, 0, loc).Zone()
		if a.offset != jan && a.offset != jul {
			t.Errorf("%s = UTC%+.1fh, but %s uses %+.1fh and %+.1fh", abbr, float64(a.offset)/3600, a.region, float64(jan)/3600, float64(jul)/3600)
		}
	}
}
