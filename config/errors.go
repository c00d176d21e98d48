package config

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// tables are the tables a file may have, and the keys each accepts.
var tables = []struct {
	name string
	keys []string
}{
	{"sev1", severityKeys}, {"sev2", severityKeys}, {"sev3", severityKeys}, {"sev4", severityKeys}, {"sev5", severityKeys},
	{"update", []string{"template"}},
	{"followups", []string{"P0", "P1", "P2", "P3", "unprioritized"}},
}

var severityKeys = []string{"update_every", "checklist"}

// accepted says what a key's value must be, for type errors.
var accepted = map[string]string{
	"update_every": `a span in quotes such as "20m", "1h" or "1h30m", or "none"`,
	"checklist":    `a list of one-line strings, e.g. ["Name an incident commander", "Open the status page incident"]`,
	"template":     `a string holding a Go text/template (use '''…''' for several lines)`,
	"P0":           `a span in quotes such as "2w" or "30d", or "none"`,
}

func acceptedFor(key string) string {
	if a, ok := accepted[key]; ok {
		return a
	}
	if strings.HasPrefix(key, "P") || key == "unprioritized" {
		return accepted["P0"]
	}
	return "a table"
}

// describe words a decoding error as ":LINE:COL: what was wrong: what is
// accepted", to follow the file name.
func describe(err error, data []byte) string {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		e := &strict.Errors[0]
		msg := unknownKey(e.Key())
		if n := len(strict.Errors) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more unknown %s)", n, plural(n, "key", "keys"))
		}
		return at(e) + msg
	}
	var de *toml.DecodeError
	if !errors.As(err, &de) {
		return ": " + err.Error()
	}
	msg := strings.TrimPrefix(de.Error(), "toml: ")
	key := de.Key()
	switch {
	case len(key) == 0:
		return at(de) + "not valid TOML: " + msg
	case strings.HasPrefix(msg, "cannot decode") || strings.HasPrefix(msg, "cannot store"):
		return at(de) + fmt.Sprintf("%s must be %s", strings.Join(key, "."), acceptedFor(key[len(key)-1]))
	}
	return at(de) + strings.Join(key, ".") + ": " + msg
}

func at(de *toml.DecodeError) string {
	line, col := de.Position()
	return fmt.Sprintf(":%d:%d: ", line, col)
}

// unknownKey names a key the file should not have and what it may have
// there instead.
func unknownKey(key toml.Key) string {
	if len(key) == 1 {
		return fmt.Sprintf("unknown table or key %q: accepted are the tables %s", key[0], tableList())
	}
	for _, t := range tables {
		if t.name == key[0] {
			return fmt.Sprintf("unknown key %q in [%s]: accepted there are %s", strings.Join(key[1:], "."), t.name, strings.Join(t.keys, ", "))
		}
	}
	return fmt.Sprintf("unknown key %q: accepted are the tables %s", strings.Join(key, "."), tableList())
}

func tableList() string {
	names := make([]string, len(tables))
	for i, t := range tables {
		names[i] = "[" + t.name + "]"
	}
	return strings.Join(names, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// position finds where the dotted key (sev1.checklist) is set in data, as
// ":LINE:COL", for errors found after decoding; the nearest enclosing key
// when there is no exact match.
func position(data []byte, key string) string {
	found := map[string]unstable.Position{}
	walk(data, func(path []string, keyAt unstable.Position, _ *unstable.Node, _ *unstable.Parser) {
		found[strings.Join(path, ".")] = keyAt
	})
	for k := key; k != ""; {
		if pos, ok := found[k]; ok {
			return fmt.Sprintf(":%d:%d", pos.Line, pos.Column)
		}
		i := strings.LastIndexByte(k, '.')
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return ""
}
