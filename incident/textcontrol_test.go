package incident

import (
	"strings"
	"testing"
)

// TestControlOnlyValuesAreRefused: a name or text made only of control
// characters (an escape sequence, a bell) shows as nothing once sanitised,
// so it is refused wherever it enters, with a message saying why, instead
// of leaving an empty "Services:" line or a blank timeline row.
func TestControlOnlyValuesAreRefused(t *testing.T) {
	junk := "\x1b[31m\x07 \u009b"
	checks := map[string]error{
		"services": ValidateServices([]string{"api", junk}),
		"title":    ValidateTitle(junk),
		"person":   ValidatePerson(junk),
		"owner":    ValidateOwner(junk),
		"author":   ValidateAuthor(junk),
		"text":     ValidateText("event text", junk, true),
	}
	for what, err := range checks {
		if err == nil || !strings.Contains(err.Error(), "only control characters") {
			t.Errorf("%s of only control characters: err = %v, want it refused as only control characters", what, err)
		}
	}
	if err := ValidateServices([]string{"api\x1b[0m", "web"}); err != nil {
		t.Errorf("a service with text around a control sequence is refused: %v", err)
	}
	if err := ValidateText("summary", junk, false); err != nil {
		t.Errorf("optional text is refused: %v", err)
	}
	if err := ValidateOwner(""); err != nil {
		t.Errorf("an empty optional owner is refused: %v", err)
	}
}
