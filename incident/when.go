package incident

import "time"

// ParseWhen is implemented by a helper; placeholder signature.
func ParseWhen(input string, now time.Time, zone *time.Location) (time.Time, error) {
	panic("todo")
}

// ParseZone is implemented by a helper; placeholder signature.
func ParseZone(name string) (*time.Location, error) {
	panic("todo")
}
