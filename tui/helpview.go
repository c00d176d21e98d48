package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// The full help (? or /help): the command table, the screen's keys and
// each pane's keys, in two columns that fit the screen: at 80 columns the
// left column keeps every key whole and the descriptions wrap.

// helpRow is one entry: what to type, what it does.
type helpRow struct{ keys, desc string }

// maxKeyColumn caps the left column; a longer entry takes a line of its
// own, its description below it.
const maxKeyColumn = 26

func (s *incidentScreen) fullHelp() string {
	st := s.c.styles
	var rows []helpRow
	for _, f := range lineForms() {
		rows = append(rows, helpRow{f[0], f[1]})
	}
	for _, c := range slashCommands() {
		for i, f := range c.forms {
			desc := c.help
			if i > 0 {
				desc = ""
			}
			rows = append(rows, helpRow{f, desc})
		}
	}
	w := max(s.c.width-1, 20)
	var b strings.Builder
	b.WriteString(st.Bold.Render("Type what happened and press enter. Commands:"))
	b.WriteByte('\n')
	writeHelpRows(&b, rows, w)

	k := s.c.keys
	b.WriteString("\n" + st.Bold.Render("Keys") + "\n")
	writeHelpRows(&b, append(bindingRows([]key.Binding{k.Submit, k.NextPane, k.PrevPane, k.Escape, k.UndoAny, k.Help, k.Quit}),
		helpRow{"↑ ↓", "with text in the input: earlier and later lines typed; a line that failed: ↑ brings it back"},
		helpRow{"ctrl+p ctrl+n", "earlier and later lines typed, always"},
		helpRow{"pgup pgdn", "scroll the pane"},
	), w)
	for _, p := range s.panes {
		b.WriteString("\n" + st.Bold.Render(paneName(p)) + "\n")
		writeHelpRows(&b, bindingRows(allBindings(p.FullHelp())), w)
	}
	b.WriteByte('\n')
	b.WriteString(ansi.Wordwrap("Letters act on a pane only while the input is empty; otherwise they are text, so a "+
		"sentence is always a sentence. Nothing but ctrl+c quits, and the unsent line is kept as a draft. "+
		"↑↓ scroll this help; esc closes it.", w, " "))
	return b.String()
}

// paneName is a pane's title without its counts.
func paneName(p pane) string {
	name, _, _ := strings.Cut(p.Title(), " ")
	return name
}

func allBindings(groups [][]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

func bindingRows(bs []key.Binding) []helpRow {
	rows := make([]helpRow, 0, len(bs))
	seen := map[string]bool{}
	for _, b := range bs {
		h := b.Help()
		if h.Key == "" || seen[h.Key+h.Desc] {
			continue
		}
		seen[h.Key+h.Desc] = true
		rows = append(rows, helpRow{h.Key, h.Desc})
	}
	return rows
}

// writeHelpRows lays rows out in two columns of total width w.
func writeHelpRows(b *strings.Builder, rows []helpRow, w int) {
	col := 0
	for _, r := range rows {
		if n := ansi.StringWidth(r.keys); n <= maxKeyColumn && n > col {
			col = n
		}
	}
	col = min(col, max(w/2-2, 4))
	indent := strings.Repeat(" ", col+4)
	descW := max(w-col-4, 10)
	for _, r := range rows {
		keys := "  " + r.keys
		if ansi.StringWidth(r.keys) > col {
			b.WriteString(fit(keys, w) + "\n")
			keys = ""
		}
		desc := strings.Split(ansi.Wordwrap(r.desc, descW, " "), "\n")
		for i, d := range desc {
			if d == "" && i > 0 {
				continue
			}
			lead := indent
			if i == 0 && keys != "" {
				lead = padRight(keys, col+4)
			}
			if d == "" && keys == "" {
				continue
			}
			b.WriteString(strings.TrimRight(lead+d, " ") + "\n")
		}
	}
}
