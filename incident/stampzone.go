package incident

import "time"

// TimestampZone reads the zone written after a time in a document being
// imported ("09:12 PDT", "14:02 +01:00", "(UTC)"). Unlike ParseZone, a
// literal standard or daylight abbreviation is the fixed offset it denotes,
// since the writer chose it for that instant; see zoneAbbrev.
func TimestampZone(name string) (*time.Location, error) { return timestampZone(name) }

// IsZoneWord reports whether w is written the way a timestamp writes a zone
// (UTC, an abbreviation in capitals, an offset, an IANA name), so that
// "14:05 NZ team paged" keeps its "NZ" as text.
func IsZoneWord(w string) bool { return zoneWord(w) }
