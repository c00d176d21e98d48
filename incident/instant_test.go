package incident

import (
	"testing"
	"time"
)

func TestCheckInstant(t *testing.T) {
	ok := []time.Time{
		{},
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC),
		time.Date(2199, 12, 31, 23, 59, 59, 0, time.UTC),
	}
	for _, tm := range ok {
		if err := CheckInstant("t", tm); err != nil {
			t.Errorf("CheckInstant(%v) = %v, want nil", tm, err)
		}
	}
	bad := []time.Time{
		time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC),
		time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 0, 0, time.FixedZone("", -5*3600)), // year 10000 in UTC
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Hour),
	}
	for _, tm := range bad {
		err := CheckInstant("--at", tm)
		if ErrorCode(err) != EINVALID {
			t.Errorf("CheckInstant(%v) = %v, want an invalid error", tm, err)
		}
	}
}
