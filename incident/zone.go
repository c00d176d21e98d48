package incident

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	// The zone vocabulary must work where the machine has no zoneinfo
	// database (Windows, scratch containers): an incident commander's laptop
	// is not the place to discover that "Europe/Berlin" is unknown.
	_ "time/tzdata"
)

// zoneAbbrev is what a zone abbreviation stands for.
//
// Two readings exist because two questions are asked. A timestamp such as
// "2022/12/15 09:24AM PST" names an instant, and a literal standard or
// daylight abbreviation (PST, EDT, CEST) is read as the fixed offset it
// denotes, as RFC 5322 and every log formatter do. A display zone (`scribe set
// N tz EST`) names a place whose clocks change, so the same abbreviation
// stands for its region's IANA zone (America/New_York). The generic forms
// (ET, CT, MT, PT) never say which half of the year they mean, so they are
// always the region, in both readings: "2022-12-15 12:23 ET" is 17:23Z, and
// "2026-07-01 12:00 ET" is 16:00Z.
type zoneAbbrev struct {
	region string // IANA zone of the place that uses the abbreviation
	offset int    // seconds east of UTC, for fixed abbreviations
	fixed  bool   // a literal standard/daylight abbreviation
	note   string // set when the abbreviation has other common meanings
}

const (
	hour = 3600
	half = 1800
)

// zoneAbbrevs() is keyed by the lower-cased abbreviation.
var zoneAbbrevs = sync.OnceValue(func() map[string]zoneAbbrev {
	return map[string]zoneAbbrev{
		"et":   {region: "America/New_York"},
		"est":  {region: "America/New_York", offset: -5 * hour, fixed: true},
		"edt":  {region: "America/New_York", offset: -4 * hour, fixed: true},
		"ct":   {region: "America/Chicago"},
		"cst":  {region: "America/Chicago", offset: -6 * hour, fixed: true, note: "CST is read as US Central Standard Time (UTC-06:00); for China Standard Time write Asia/Shanghai or +08:00"},
		"cdt":  {region: "America/Chicago", offset: -5 * hour, fixed: true},
		"mt":   {region: "America/Denver"},
		"mst":  {region: "America/Denver", offset: -7 * hour, fixed: true, note: "MST is read as US Mountain time (America/Denver as a display zone); Arizona does not observe daylight saving: write America/Phoenix for it"},
		"mdt":  {region: "America/Denver", offset: -6 * hour, fixed: true},
		"pt":   {region: "America/Los_Angeles"},
		"pst":  {region: "America/Los_Angeles", offset: -8 * hour, fixed: true},
		"pdt":  {region: "America/Los_Angeles", offset: -7 * hour, fixed: true},
		"akst": {region: "America/Anchorage", offset: -9 * hour, fixed: true},
		"akdt": {region: "America/Anchorage", offset: -8 * hour, fixed: true},
		"hst":  {region: "Pacific/Honolulu", offset: -10 * hour, fixed: true},
		"bst":  {region: "Europe/London", offset: 1 * hour, fixed: true, note: "BST is read as British Summer Time (UTC+01:00); for Bangladesh Standard Time write Asia/Dhaka or +06:00"},
		"wet":  {region: "Europe/Lisbon", offset: 0, fixed: true},
		"west": {region: "Europe/Lisbon", offset: 1 * hour, fixed: true},
		"cet":  {region: "Europe/Berlin", offset: 1 * hour, fixed: true},
		"cest": {region: "Europe/Berlin", offset: 2 * hour, fixed: true},
		"eet":  {region: "Europe/Athens", offset: 2 * hour, fixed: true},
		"eest": {region: "Europe/Athens", offset: 3 * hour, fixed: true},
		"msk":  {region: "Europe/Moscow", offset: 3 * hour, fixed: true},
		"ist":  {region: "Asia/Kolkata", offset: 5*hour + half, fixed: true, note: "IST is read as India Standard Time (UTC+05:30, Asia/Kolkata); for Irish Standard Time write Europe/Dublin, for Israel Standard Time Asia/Jerusalem"},
		"jst":  {region: "Asia/Tokyo", offset: 9 * hour, fixed: true},
		"kst":  {region: "Asia/Seoul", offset: 9 * hour, fixed: true},
		"sgt":  {region: "Asia/Singapore", offset: 8 * hour, fixed: true},
		"hkt":  {region: "Asia/Hong_Kong", offset: 8 * hour, fixed: true},
		"aet":  {region: "Australia/Sydney"},
		"aest": {region: "Australia/Sydney", offset: 10 * hour, fixed: true},
		"aedt": {region: "Australia/Sydney", offset: 11 * hour, fixed: true},
		"acst": {region: "Australia/Adelaide", offset: 9*hour + half, fixed: true},
		"acdt": {region: "Australia/Adelaide", offset: 10*hour + half, fixed: true},
		"awst": {region: "Australia/Perth", offset: 8 * hour, fixed: true},
		"nzst": {region: "Pacific/Auckland", offset: 12 * hour, fixed: true},
		"nzdt": {region: "Pacific/Auckland", offset: 13 * hour, fixed: true},
		// Africa, South America, the Middle East and South and Southeast Asia,
		// as postmortems written there give their times.
		"sast": {region: "Africa/Johannesburg", offset: 2 * hour, fixed: true},
		"cat":  {region: "Africa/Maputo", offset: 2 * hour, fixed: true},
		"eat":  {region: "Africa/Nairobi", offset: 3 * hour, fixed: true},
		"wat":  {region: "Africa/Lagos", offset: 1 * hour, fixed: true},
		"brt":  {region: "America/Sao_Paulo", offset: -3 * hour, fixed: true},
		"art":  {region: "America/Argentina/Buenos_Aires", offset: -3 * hour, fixed: true},
		"clt":  {region: "America/Santiago", offset: -4 * hour, fixed: true},
		"clst": {region: "America/Santiago", offset: -3 * hour, fixed: true},
		"gst":  {region: "Asia/Dubai", offset: 4 * hour, fixed: true, note: "GST is read as Gulf Standard Time (UTC+04:00, Asia/Dubai); for South Georgia time write -02:00"},
		"pkt":  {region: "Asia/Karachi", offset: 5 * hour, fixed: true},
		"npt":  {region: "Asia/Kathmandu", offset: 5*hour + 45*60, fixed: true},
		"ict":  {region: "Asia/Bangkok", offset: 7 * hour, fixed: true},
		"wib":  {region: "Asia/Jakarta", offset: 7 * hour, fixed: true},
		"pht":  {region: "Asia/Manila", offset: 8 * hour, fixed: true},
		"idt":  {region: "Asia/Jerusalem", offset: 3 * hour, fixed: true},
		"nst":  {region: "America/St_Johns", offset: -(3*hour + half), fixed: true},
		"ndt":  {region: "America/St_Johns", offset: -(2*hour + half), fixed: true},
		"ast":  {region: "America/Halifax", offset: -4 * hour, fixed: true, note: "AST is read as Atlantic Standard Time (UTC-04:00, America/Halifax); for Arabia Standard Time write Asia/Riyadh or +03:00"},
		"adt":  {region: "America/Halifax", offset: -3 * hour, fixed: true},
	}
})

// ZoneAbbreviations lists, in upper case and sorted, every abbreviation
// the one zone table knows: what --at, the TUI and import all read after a
// time, and ParseZone takes as a display zone.
func ZoneAbbreviations() []string {
	out := make([]string, 0, len(zoneAbbrevs()))
	for a := range zoneAbbrevs() {
		out = append(out, strings.ToUpper(a))
	}
	sort.Strings(out)
	return out
}

// zoneForms is how errors name the accepted zone vocabulary.
const zoneForms = "use UTC, an IANA name (Europe/Berlin, America/New_York), an offset (+02:00, -0500) or an abbreviation (ET, PT, CET, IST, JST, SAST, BRT, …)"

// ParseZone reads a display zone: an IANA name (Europe/Berlin, in any case),
// UTC, Z or GMT, a whole-hour offset (+02:00, -0500, UTC+2) or an
// abbreviation, case-insensitive. An abbreviation stands for its region's
// IANA zone, so that daylight saving is followed: ET, EST and EDT all give
// America/New_York, CET and CEST Europe/Berlin, IST Asia/Kolkata (see
// ZoneNote for abbreviations with other meanings). A whole-hour offset gives
// the matching Etc/GMT zone.
//
// The result's String() is always a name LoadZone accepts, so it can be
// stored as an incident's zone. Offsets that are not whole hours have no
// such name and are refused with a hint to use the region's IANA name.
func ParseZone(name string) (*time.Location, error) {
	s := strings.TrimSpace(name)
	if s == "" {
		return nil, Errorf(EINVALID, "time zone is empty: %s", zoneForms)
	}
	switch strings.ToLower(s) {
	case "utc", "z", "gmt", "zulu", "uct":
		return time.UTC, nil
	}
	if a, ok := zoneAbbrevs()[strings.ToLower(s)]; ok {
		return loadRegion(a.region)
	}
	if secs, ok := parseOffset(s); ok {
		if secs == 0 {
			return time.UTC, nil
		}
		if secs < -12*hour || secs > 14*hour {
			return nil, Errorf(EINVALID, "time zone %s is out of range: offsets run from -12:00 to +14:00", Quote(name))
		}
		if secs%hour != 0 {
			return nil, Errorf(EINVALID, "time zone %s is not a whole-hour offset, which a display zone needs: use the place's IANA name instead, e.g. Asia/Kolkata or Australia/Adelaide", Quote(name))
		}
		// Etc/GMT names count hours west of Greenwich, so the sign flips.
		return loadRegion(fmt.Sprintf("Etc/GMT%+d", -secs/hour))
	}
	if loc, ok := loadIANA(s); ok {
		return loc, nil
	}
	return nil, Errorf(EINVALID, "unknown time zone %s: %s", Quote(name), zoneForms)
}

// ZoneNote explains how scribe reads an ambiguous zone abbreviation (IST,
// CST, BST, MST), so that a caller can show the user which meaning was
// picked. It looks at the last word of input, so it accepts a zone name as
// well as a whole time ("14:05 IST"), and returns "" when there is nothing to
// say.
func ZoneNote(input string) string {
	f := strings.Fields(input)
	if len(f) == 0 {
		return ""
	}
	last := strings.Trim(f[len(f)-1], "()")
	return zoneAbbrevs()[strings.ToLower(last)].note
}

// timestampZone reads the zone written after a time. Unlike ParseZone it
// accepts any offset, and reads literal abbreviations (PST, CEST) as the
// fixed offset they denote; see zoneAbbrev.
func timestampZone(name string) (*time.Location, error) {
	s := strings.Trim(strings.TrimSpace(name), "()")
	switch strings.ToLower(s) {
	case "utc", "z", "gmt", "zulu", "uct":
		return time.UTC, nil
	}
	if a, ok := zoneAbbrevs()[strings.ToLower(s)]; ok {
		if a.fixed {
			return time.FixedZone(strings.ToUpper(s), a.offset), nil
		}
		return loadRegion(a.region)
	}
	if secs, ok := parseOffset(s); ok {
		if secs < -14*hour || secs > 14*hour {
			return nil, Errorf(EINVALID, "offset %q is out of range: offsets run from -14:00 to +14:00", name)
		}
		return time.FixedZone(formatOffset(secs), secs), nil
	}
	if loc, ok := loadIANA(s); ok {
		return loc, nil
	}
	return nil, Errorf(EINVALID, "unknown zone %q: %s", name, zoneForms)
}

// parseOffset reads "+02:00", "-0500", "+2", "+5:30", optionally after
// "UTC" or "GMT" ("UTC+2", "GMT-05:00"), as seconds east of UTC. "GMT+2"
// means two hours ahead, as people write it, not the inverted Etc/GMT+2.
func parseOffset(s string) (int, bool) {
	l := strings.ToLower(s)
	for _, p := range []string{"utc", "gmt"} {
		if strings.HasPrefix(l, p) && len(l) > len(p) {
			l = l[len(p):]
			break
		}
	}
	if len(l) < 2 || (l[0] != '+' && l[0] != '-') {
		return 0, false
	}
	sign := 1
	if l[0] == '-' {
		sign = -1
	}
	digits := l[1:]
	var hh, mm string
	switch {
	case len(digits) == 5 && digits[2] == ':':
		hh, mm = digits[:2], digits[3:]
	case len(digits) == 4 && digits[1] == ':':
		hh, mm = digits[:1], digits[2:]
	case len(digits) == 4:
		hh, mm = digits[:2], digits[2:]
	case len(digits) <= 2:
		hh, mm = digits, "00"
	default:
		return 0, false
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || !allDigits(hh) || !allDigits(mm) || m > 59 {
		return 0, false
	}
	return sign * (h*hour + m*60), true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func formatOffset(secs int) string {
	sign := '+'
	if secs < 0 {
		sign, secs = '-', -secs
	}
	return fmt.Sprintf("%c%02d:%02d", sign, secs/hour, secs%hour/60)
}

// loadIANA loads an IANA name as typed, then with the usual capitalisation
// ("europe/berlin" → "Europe/Berlin"), refusing "Local" and the empty name,
// which LoadLocation would accept but which name no place.
func loadIANA(s string) (*time.Location, bool) {
	if s == "" || strings.EqualFold(s, "local") || !strings.ContainsFunc(s, isLetter) {
		return nil, false
	}
	for _, cand := range []string{s, capitaliseZone(s)} {
		if loc, err := time.LoadLocation(cand); err == nil {
			return loc, true
		}
	}
	return nil, false
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// capitaliseZone gives a lower- or upper-cased IANA name its usual form:
// each word capitalised, "Etc/GMT+5" kept upper.
func capitaliseZone(s string) string {
	parts := strings.Split(strings.ToLower(s), "/")
	for i, p := range parts {
		if strings.HasPrefix(p, "gmt") || strings.HasPrefix(p, "utc") {
			parts[i] = strings.ToUpper(p)
			continue
		}
		b := []byte(p)
		up := true
		for j, c := range b {
			if up && c >= 'a' && c <= 'z' {
				b[j] = c - 'a' + 'A'
			}
			up = c == '_' || c == '-'
		}
		parts[i] = string(b)
	}
	return strings.Join(parts, "/")
}

func loadRegion(name string) (*time.Location, error) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, Errorf(EINTERNAL, "load time zone %s: %v", name, err)
	}
	return loc, nil
}
