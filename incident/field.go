package incident

import "strings"

// Field names an incident field that `scribe set` and the TUI can change.
type Field string

// The settable fields.
const (
	FieldTitle      Field = "title"
	FieldSeverity   Field = "severity"
	FieldSummary    Field = "summary"
	FieldImpact     Field = "impact"
	FieldRootCause  Field = "root-cause"
	FieldTrigger    Field = "trigger"
	FieldResolution Field = "resolution"
	FieldServices   Field = "services"
	FieldTimezone   Field = "tz"
)

// Fields lists the settable fields.
var Fields = []Field{FieldTitle, FieldSeverity, FieldSummary, FieldImpact, FieldRootCause, FieldTrigger, FieldResolution, FieldServices, FieldTimezone}

// NarrativeFields are the long-text fields edited as Markdown sections.
var NarrativeFields = []Field{FieldSummary, FieldImpact, FieldRootCause, FieldTrigger, FieldResolution}

// ParseField accepts a field name; underscores and "sev", "zone", "timezone",
// "rootcause" are accepted too.
func ParseField(in string) (Field, error) {
	s := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(in)), "_", "-")
	switch s {
	case "sev":
		s = string(FieldSeverity)
	case "zone", "timezone", "time-zone":
		s = string(FieldTimezone)
	case "rootcause", "cause":
		s = string(FieldRootCause)
	case "service", "affected-services":
		s = string(FieldServices)
	}
	for _, f := range Fields {
		if Field(s) == f {
			return f, nil
		}
	}
	return "", Errorf(EINVALID, "unknown field %s: use one of %s", Quote(in), joinStrings(Fields))
}

// Label is the field's human name.
func (f Field) Label() string {
	switch f {
	case FieldRootCause:
		return "Root cause"
	case FieldTimezone:
		return "Time zone"
	}
	return strings.ToUpper(string(f[:1])) + string(f[1:])
}

// Get returns the field's current value as text.
func (inc *Incident) Get(f Field) string {
	switch f {
	case FieldTitle:
		return inc.Title
	case FieldSeverity:
		return inc.Severity.String()
	case FieldSummary:
		return inc.Summary
	case FieldImpact:
		return inc.Impact
	case FieldRootCause:
		return inc.RootCause
	case FieldTrigger:
		return inc.Trigger
	case FieldResolution:
		return inc.Resolution
	case FieldServices:
		return strings.Join(inc.Services, ", ")
	case FieldTimezone:
		return inc.Timezone
	}
	return ""
}

// Set parses value for field f and applies it, leaving inc unchanged on error.
func (inc *Incident) Set(f Field, value string) error {
	switch f {
	case FieldTitle:
		if err := ValidateTitle(value); err != nil {
			return err
		}
		inc.Title = strings.TrimSpace(value)
	case FieldSeverity:
		s, err := ParseSeverity(value)
		if err != nil {
			return err
		}
		inc.Severity = s
	case FieldServices:
		services := ParseServices(value)
		if err := ValidateServices(services); err != nil {
			return err
		}
		inc.Services = services
	case FieldTimezone:
		if err := ValidateName("time zone", value, MaxZoneNameLen, true); err != nil {
			return err
		}
		loc, err := ParseZone(value)
		if err != nil {
			return err
		}
		inc.Timezone = loc.String()
	case FieldSummary, FieldImpact, FieldRootCause, FieldTrigger, FieldResolution:
		if err := ValidateText(f.Label(), value, false); err != nil {
			return err
		}
		v := strings.TrimSpace(value)
		switch f {
		case FieldSummary:
			inc.Summary = v
		case FieldImpact:
			inc.Impact = v
		case FieldRootCause:
			inc.RootCause = v
		case FieldTrigger:
			inc.Trigger = v
		case FieldResolution:
			inc.Resolution = v
		}
	default:
		return Errorf(EINVALID, "unknown field %s: use one of %s", Quote(string(f)), joinStrings(Fields))
	}
	return nil
}
