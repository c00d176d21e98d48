package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"text/template"
	"time"

	"scribe/incident"
	"scribe/update"
)

// Config is a team's policy for running incidents.
type Config struct {
	// File is where the policy was read from; "" when it is the built-in
	// default because there is no file.
	File string

	severities [incident.SevLeast]Severity

	// UpdateTemplate writes stakeholder updates; nil means update's
	// default. UpdateTemplateSource is its text, "" for the default.
	UpdateTemplate       *template.Template
	UpdateTemplateSource string

	// FollowUps are the deadlines of follow-ups by priority: scribe's
	// (incident.DefaultFollowUpPolicy) with the file's [followups] keys
	// laid over them.
	FollowUps incident.FollowUpPolicy
}

// Severity is the policy for incidents of one severity.
type Severity struct {
	// UpdateEvery is the stakeholder update cadence; 0 means none.
	UpdateEvery time.Duration
	// Checklist is attached when an incident is declared at, or escalated
	// to, this severity.
	Checklist []string
}

// For returns the policy of a severity; an invalid severity has none.
func (c Config) For(sev incident.Severity) Severity {
	if !sev.Valid() {
		return Severity{}
	}
	s := c.severities[sev-1]
	s.Checklist = append([]string(nil), s.Checklist...)
	return s
}

// UpdateEvery is the cadence of a severity; 0 means none.
func (c Config) UpdateEvery(sev incident.Severity) time.Duration {
	return c.For(sev).UpdateEvery
}

// Load reads the configuration at path. A file that is not there is not an
// error: it gives Default. Nor is one this user cannot see because a
// directory on the way cannot be searched (a HOME of another user, as
// under setpriv): no policy of this user's can be there. A file that is
// there and cannot be read or understood is an error, in one line that
// names the file.
func Load(path string) (Config, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
		return Default(), nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Default(), nil
	case err != nil:
		return Config{}, fmt.Errorf("config %s: cannot read it: %w", path, unwrapPath(err))
	}
	return Parse(path, data)
}

// unwrapPath drops the path os.ReadFile repeats in its error.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads a configuration file's contents; name is the file, for
// errors and Config.File.
func Parse(name string, data []byte) (Config, error) {
	refuse := func(detail string) (Config, error) {
		// One line, whatever the file holds: a key or template text quoted
		// in the message could carry line breaks or escape sequences.
		return Config{}, errors.New(incident.PlainText("config " + name + detail))
	}
	// A byte order mark is no TOML, but some editors write one; unseen,
	// it would be refused as a stray character before the first key.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := checkShapes(data); err != nil {
		return refuse(err.Error())
	}
	f, err := decode(data)
	if err != nil {
		return refuse(describe(err, data))
	}
	c := Default()
	c.File = name
	if err := f.apply(&c, data); err != nil {
		return refuse(err.Error())
	}
	return c, nil
}

// checkTemplate parses and tries an update template (update.ParseTemplate).
func checkTemplate(src string) (*template.Template, error) {
	return update.ParseTemplate("template", src)
}
