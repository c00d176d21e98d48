package config

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/pelletier/go-toml/v2"

	"scribe/incident"
)

// file is config.toml as written. Pointers tell a key that is absent (the
// default stays) from one set to nothing (checklist = []).
type file struct {
	Sev1      *fileSeverity  `toml:"sev1"`
	Sev2      *fileSeverity  `toml:"sev2"`
	Sev3      *fileSeverity  `toml:"sev3"`
	Sev4      *fileSeverity  `toml:"sev4"`
	Sev5      *fileSeverity  `toml:"sev5"`
	Update    *fileUpdate    `toml:"update"`
	FollowUps *fileFollowUps `toml:"followups"`
}

type fileSeverity struct {
	UpdateEvery *every       `toml:"update_every"`
	Checklist   *[]checkItem `toml:"checklist"`
}

type fileUpdate struct {
	Template *templateSource `toml:"template"`
}

type fileFollowUps struct {
	P0            *deadline `toml:"P0"`
	P1            *deadline `toml:"P1"`
	P2            *deadline `toml:"P2"`
	P3            *deadline `toml:"P3"`
	Unprioritized *deadline `toml:"unprioritized"`
}

// The value types below are structs on purpose: go-toml stores a TOML
// integer straight into an integer-kinded type and a string into a
// string-kinded one without asking UnmarshalText, which would let
// update_every = 10 mean ten nanoseconds and an empty item through.

// every is an update cadence: a span, or "none".
type every struct{ d time.Duration }

func (e *every) UnmarshalText(b []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(b))) {
	case "none", "off", "never":
		e.d = 0
		return nil
	}
	d, err := incident.ParseInterval("update_every", string(b))
	if err != nil {
		return fmt.Errorf(`%s, or "none"`, incident.ErrorMessage(err))
	}
	e.d = d
	return nil
}

// deadline is the time a follow-up of some priority has: a span in days
// or weeks ("30d", "2w"), or "none".
type deadline struct{ d time.Duration }

func (d *deadline) UnmarshalText(b []byte) error {
	in := strings.ToLower(strings.TrimSpace(string(b)))
	switch in {
	case "none", "off", "never", "0":
		d.d = 0
		return nil
	}
	for _, unit := range []string{"weeks", "week", "wk", "w"} {
		if n, ok := strings.CutSuffix(in, unit); ok {
			weeks, err := strconv.Atoi(strings.TrimSpace(n))
			if err != nil || weeks <= 0 || weeks > 52 {
				break
			}
			d.d = time.Duration(weeks) * incident.Week
			return nil
		}
	}
	span, err := incident.ParseInterval("deadline", string(b))
	if err != nil {
		return fmt.Errorf(`invalid deadline %q: use a span such as 2w, 30d or 12h, or "none"`, string(b))
	}
	d.d = span
	return nil
}

// checkItem is one checklist step, checked as the store would.
type checkItem struct{ text string }

func (c *checkItem) UnmarshalText(b []byte) error {
	if err := incident.ValidateChecklistText(string(b)); err != nil {
		return errors.New(incident.ErrorMessage(err))
	}
	c.text = strings.TrimSpace(string(b))
	return nil
}

// templateSource is an update template, parsed and tried on every format
// as it is read, so that its error points at it in the file.
type templateSource struct {
	src  string
	tmpl *template.Template
}

func (t *templateSource) UnmarshalText(b []byte) error {
	tmpl, err := checkTemplate(string(b))
	if err != nil {
		return fmt.Errorf("the update template does not work: %v (lines counted from the template's first)", err)
	}
	t.src, t.tmpl = string(b), tmpl
	return nil
}

// decode reads the file strictly: unknown keys are errors.
func decode(data []byte) (file, error) {
	var f file
	err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&f)
	return f, err
}

// apply lays the file's settings over the defaults in c.
func (f file) apply(c *Config, data []byte) error {
	for i, s := range []*fileSeverity{f.Sev1, f.Sev2, f.Sev3, f.Sev4, f.Sev5} {
		if s == nil {
			continue
		}
		if s.UpdateEvery != nil {
			c.severities[i].UpdateEvery = s.UpdateEvery.d
		}
		if s.Checklist != nil {
			items := make([]string, 0, len(*s.Checklist))
			for _, it := range *s.Checklist {
				for _, prev := range items {
					if incident.SameChecklistText(prev, it.text) {
						key := fmt.Sprintf("sev%d.checklist", i+1)
						return fmt.Errorf("%s: %s lists %q twice: each step once", position(data, key), key, it.text)
					}
				}
				items = append(items, it.text)
			}
			c.severities[i].Checklist = items
		}
	}
	if f.Update != nil && f.Update.Template != nil {
		c.UpdateTemplate, c.UpdateTemplateSource = f.Update.Template.tmpl, f.Update.Template.src
	}
	if fu := f.FollowUps; fu != nil {
		for p, d := range map[incident.Priority]*deadline{incident.P0: fu.P0, incident.P1: fu.P1, incident.P2: fu.P2, incident.P3: fu.P3} {
			if d != nil {
				c.FollowUps.Deadlines[p] = d.d
			}
		}
		if fu.Unprioritized != nil {
			c.FollowUps.Unprioritized = fu.Unprioritized.d
		}
	}
	return c.FollowUps.Validate()
}
