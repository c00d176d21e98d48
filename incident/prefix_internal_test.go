package incident

import (
	"regexp"
	"slices"
	"testing"
)

// The hand-written prefix scanners match exactly what the regular
// expressions they replace match.
var (
	dateRE  = regexp.MustCompile(`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})`)
	clockRE = regexp.MustCompile(`^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?`)
)

var prefixSamples = []string{
	"", "1", "14", "141", "14:", "14:0", "14:05", "14:05:", "14:05:3", "14:05:30", "14:05:30.", "14:05:30.1",
	"14:05:30,123456789", "14:05:30.1234567890", "1405", "2:05pm", "9am", "14:05 UTC", "14:05:30:10", "a14:05",
	"2026-11-21", "2026/11/21 14:05", "2026-1-5 7:05", "2026-11/21", "2026-11-211", "202-11-21", "20261-11-21",
	"2026--21", "2026-11-", "2026-111-21", "2026-11-21T14:05", "٢٠٢٦-11-21", "-5m", "14.05",
}

func TestPrefixScannersMatchTheirRegexps(t *testing.T) {
	for _, s := range prefixSamples {
		if got, want := datePrefix(s), dateRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("datePrefix(%q) = %q, regexp %q", s, got, want)
		}
		if got, want := clockPrefix(s), clockRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Errorf("clockPrefix(%q) = %q, regexp %q", s, got, want)
		}
	}
}

func FuzzPrefixScanners(f *testing.F) {
	for _, s := range prefixSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := datePrefix(s), dateRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("datePrefix(%q) = %q, regexp %q", s, got, want)
		}
		if got, want := clockPrefix(s), clockRE.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("clockPrefix(%q) = %q, regexp %q", s, got, want)
		}
	})
}
