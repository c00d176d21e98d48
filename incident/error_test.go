package incident_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"scribe/incident"
)

// wantInvalid fails unless err is an EINVALID *incident.Error whose message
// contains want.
func wantInvalid(t *testing.T, what string, err error, want string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want one containing %q", what, want)
		return
	}
	var e *incident.Error
	if !errors.As(err, &e) || e.Code != incident.EINVALID {
		t.Errorf("%s: error %v (%T) is not an EINVALID *incident.Error", what, err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("%s: error\n  %s\nwant it to contain\n  %s", what, err, want)
	}
}

func TestErrorCodeAndMessage(t *testing.T) {
	domain := incident.Errorf(incident.ENOTFOUND, "incident %d not found", 7)
	wrapped := fmt.Errorf("open incident: %w", domain)
	plain := errors.New("disk full")
	tests := []struct {
		name     string
		err      error
		code     string
		message  string
		errorStr string
	}{
		{"nil", nil, "", "", ""},
		{"domain", domain, incident.ENOTFOUND, "incident 7 not found", "incident 7 not found"},
		{"wrapped", wrapped, incident.ENOTFOUND, "incident 7 not found", "open incident: incident 7 not found"},
		{"plain", plain, incident.EINTERNAL, "disk full", "disk full"},
	}
	for _, tt := range tests {
		if got := incident.ErrorCode(tt.err); got != tt.code {
			t.Errorf("%s: ErrorCode = %q, want %q", tt.name, got, tt.code)
		}
		if got := incident.ErrorMessage(tt.err); got != tt.message {
			t.Errorf("%s: ErrorMessage = %q, want %q", tt.name, got, tt.message)
		}
		if tt.err != nil && tt.err.Error() != tt.errorStr {
			t.Errorf("%s: Error() = %q, want %q", tt.name, tt.err.Error(), tt.errorStr)
		}
	}
}
