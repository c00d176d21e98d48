package cli

import (
	"os"
	"strings"
	"time"
)

// localZoneName returns the IANA name of the machine's zone: $TZ when it
// names one, else the target of /etc/localtime, else UTC. An incident always
// records an explicit zone so that its times read the same on any machine.
func localZoneName(getenv func(string) string) string {
	if tz := strings.TrimPrefix(strings.TrimSpace(getenv("TZ")), ":"); tz != "" && tz != "Local" {
		if _, err := time.LoadLocation(tz); err == nil {
			return tz
		}
	}
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			name := target[i+len("zoneinfo/"):]
			if _, err := time.LoadLocation(name); err == nil {
				return name
			}
		}
	}
	return "UTC"
}
