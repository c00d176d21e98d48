package export

import (
	_ "embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed templates/postmortem.md.tmpl
var defaultTemplate string

// DefaultTemplateSource is the embedded postmortem template, a starting
// point for a team's own.
func DefaultTemplateSource() string { return defaultTemplate }

// templateFuncs are the helpers every postmortem template may call.
var templateFuncs = template.FuncMap{
	"join":  strings.Join,
	"cell":  cell,
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
}

// ParseTemplate parses a postmortem template with scribe's helper functions.
// name appears in error messages (the file name, say).
func ParseTemplate(name, src string) (*template.Template, error) {
	t, err := template.New(name).Funcs(templateFuncs).Option("missingkey=error").Parse(src)
	if err != nil {
		return nil, fmt.Errorf("parse template %s: %w", name, err)
	}
	return t, nil
}
