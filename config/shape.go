package config

import (
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// walk calls fn for every key set in a TOML document that parses: tables
// (value nil), and key/value pairs with the value's node, including those
// inside inline tables. path is the full dotted key; keyAt where the key
// is written. It stops at the first syntax error, which decoding reports.
func walk(data []byte, fn func(path []string, keyAt unstable.Position, value *unstable.Node, p *unstable.Parser)) {
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			it := e.Key()
			table = nil
			var first *unstable.Node
			for it.Next() {
				if first == nil {
					first = it.Node()
				}
				table = append(table, string(it.Node().Data))
			}
			if first != nil {
				fn(table, p.Shape(first.Raw).Start, nil, &p)
			}
		case unstable.KeyValue:
			keyValue(&p, table, e, fn)
		}
	}
}

func keyValue(p *unstable.Parser, table []string, e *unstable.Node, fn func([]string, unstable.Position, *unstable.Node, *unstable.Parser)) {
	path := append([]string(nil), table...)
	it := e.Key()
	var first *unstable.Node
	for it.Next() {
		if first == nil {
			first = it.Node()
		}
		path = append(path, string(it.Node().Data))
	}
	if first == nil {
		return
	}
	v := e.Value()
	fn(path, p.Shape(first.Raw).Start, v, p)
	if v.Kind == unstable.InlineTable {
		for c := v.Children(); c.Next(); {
			if c.Node().Kind == unstable.KeyValue {
				keyValue(p, path, c.Node(), fn)
			}
		}
	}
}

// checkShapes refuses values of the wrong TOML type before decoding, with
// their position: a number where a span in quotes belongs, a number in a
// checklist. (The decoder would hand both to the value's UnmarshalText as
// text, without a position, or store them as they are.)
func checkShapes(data []byte) error {
	var err error
	walk(data, func(path []string, keyAt unstable.Position, v *unstable.Node, p *unstable.Parser) {
		if err != nil || v == nil || len(path) == 0 {
			return
		}
		name := strings.Join(path, ".")
		switch last := path[len(path)-1]; {
		case last == "checklist":
			if v.Kind != unstable.Array {
				err = shapeError(valueAt(p, v, keyAt), name, last)
				return
			}
			for c := v.Children(); c.Next(); {
				n := c.Node()
				if n.Kind != unstable.String && n.Kind != unstable.Comment {
					err = shapeError(p.Shape(n.Raw).Start, name, last)
					return
				}
			}
		case last == "update_every" || last == "template" || (len(path) == 2 && path[0] == "followups"):
			if v.Kind != unstable.String {
				err = shapeError(valueAt(p, v, keyAt), name, last)
			}
		}
	})
	return err
}

func shapeError(at unstable.Position, name, last string) error {
	return fmt.Errorf(":%d:%d: %s must be %s", at.Line, at.Column, name, acceptedFor(last))
}

// valueAt is where a value is written, or its key's position for values
// the parser gives no range (arrays, inline tables).
func valueAt(p *unstable.Parser, v *unstable.Node, keyAt unstable.Position) unstable.Position {
	if v.Raw.Length == 0 {
		return keyAt
	}
	return p.Shape(v.Raw).Start
}
