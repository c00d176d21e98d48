package tui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// textField is a one-line text editor: the incident's input line, the
// list's find line and the declaration form are each one. It is ours
// rather than bubbles' textinput because that one links a clipboard
// package whose initialisation probes every directory of PATH for
// clipboard programs (52 stat calls on this machine) in every process,
// `scribe log` from an alert hook included; here a paste arrives from the
// terminal as a tea.PasteMsg (bracketed paste), which needs no clipboard.
//
// The cursor moves by grapheme clusters (an emoji with its modifiers, a
// letter with its accents, a wide CJK character are one step each), and
// the line scrolls sideways to keep the cursor in view.
type textField struct {
	Prompt      string
	Placeholder string
	CharLimit   int // in characters (runes); 0 is no limit

	value string
	cs    []cluster // value's grapheme clusters, kept with it
	pos   int       // the cursor: a byte offset into value, on a cluster boundary
	first int       // the first cluster shown (a byte offset), when value is wider than width
	width int       // columns for the text, the cursor's cell excluded; 0 is no limit

	keys  fieldKeys
	paint fieldPaints
}

// fieldKeys are the editing keys: the usual readline/emacs ones, with the
// arrows, Home and End.
type fieldKeys struct {
	CharForward, CharBackward             key.Binding
	WordForward, WordBackward             key.Binding
	DeleteWordForward, DeleteWordBackward key.Binding
	DeleteCharForward, DeleteCharBackward key.Binding
	DeleteToEnd, DeleteToStart            key.Binding
	LineStart, LineEnd                    key.Binding
}

func newFieldKeys() fieldKeys {
	b := func(keys ...string) key.Binding { return key.NewBinding(key.WithKeys(keys...)) }
	return fieldKeys{
		CharForward:        b("right", "ctrl+f"),
		CharBackward:       b("left", "ctrl+b"),
		WordForward:        b("alt+right", "ctrl+right", "alt+f"),
		WordBackward:       b("alt+left", "ctrl+left", "alt+b"),
		DeleteWordForward:  b("alt+delete", "ctrl+delete", "alt+d"),
		DeleteWordBackward: b("alt+backspace", "ctrl+backspace", "ctrl+w"),
		DeleteCharForward:  b("delete", "ctrl+d"),
		DeleteCharBackward: b("backspace", "ctrl+h"),
		DeleteToEnd:        b("ctrl+k"),
		DeleteToStart:      b("ctrl+u"),
		LineStart:          b("home", "ctrl+a"),
		LineEnd:            b("end", "ctrl+e"),
	}
}

// fieldPaints are the field's styles, reduced to paints once.
type fieldPaints struct {
	prompt, placeholder, cursor paint
}

// newTextField returns an empty field whose prompt is drawn in prompt.
func newTextField(prompt lipgloss.Style, placeholder lipgloss.Style) textField {
	return textField{
		keys: newFieldKeys(),
		paint: fieldPaints{
			prompt:      newPaint(prompt),
			placeholder: newPaint(placeholder),
			cursor:      newPaint(lipgloss.NewStyle().Reverse(true)),
		},
	}
}

func (f *textField) Value() string { return f.value }

// SetValue replaces the text (cut to CharLimit, cleaned as typed text is)
// and puts the cursor at its end.
func (f *textField) SetValue(s string) {
	f.set("")
	f.pos = 0
	f.insert(s)
	f.scroll()
}

// Reset empties the field.
func (f *textField) Reset() {
	f.set("")
	f.pos, f.first = 0, 0
}

// set replaces the value and its clusters; the caller places the cursor.
func (f *textField) set(v string) {
	f.value = v
	f.cs = appendClusters(f.cs[:0], v)
}

// SetWidth sets how many columns the text may take; the cursor takes one
// more at the end of the text.
func (f *textField) SetWidth(w int) {
	f.width = max(w, 0)
	f.scroll()
}

// escThenKey reports whether msg is an Esc and the key typed right after
// it, read together as alt+key: a terminal sends Esc then "d" as the bytes
// of alt+d when they come close together, and tmux and screen (whose
// escape-time is half a second by default) make that the rule for anyone
// typing straight after Esc. It is so for an alt+character the field has
// no use for, and for its word keys (alt+b, alt+f, alt+d) where they could
// do nothing (alt+f and alt+d at the end of the text, alt+b at its start):
// the caller does the Esc, then types plainKey(msg).
func (f *textField) escThenKey(msg tea.KeyPressMsg) bool {
	if msg.Mod != tea.ModAlt || msg.Text != "" || msg.Code < 0x20 || !unicode.IsPrint(msg.Code) {
		return false
	}
	k := &f.keys
	switch {
	case key.Matches(msg, k.WordForward, k.DeleteWordForward):
		return f.pos == len(f.value)
	case key.Matches(msg, k.WordBackward):
		return f.pos == 0
	}
	return true
}

// plainKey is msg without its alt: the key typed after an Esc.
func plainKey(msg tea.KeyPressMsg) tea.KeyPressMsg {
	return tea.KeyPressMsg{Code: msg.Code, Text: string(msg.Code)}
}

// Update types a key or a paste into the field.
func (f *textField) Update(msg tea.Msg) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if !f.edit(msg) {
			f.insert(msg.Text)
		}
	case tea.PasteMsg:
		f.insert(msg.Content)
	default:
		return
	}
	f.scroll()
}

// edit applies an editing key; false when msg is none.
func (f *textField) edit(msg tea.KeyPressMsg) bool {
	k := &f.keys
	switch {
	case key.Matches(msg, k.CharBackward):
		f.pos = f.prevCluster(f.pos)
	case key.Matches(msg, k.CharForward):
		f.pos = f.nextCluster(f.pos)
	case key.Matches(msg, k.WordBackward):
		f.pos = f.wordStart(f.pos)
	case key.Matches(msg, k.WordForward):
		f.pos = f.wordEnd(f.pos)
	case key.Matches(msg, k.LineStart):
		f.pos = 0
	case key.Matches(msg, k.LineEnd):
		f.pos = len(f.value)
	case key.Matches(msg, k.DeleteCharBackward):
		f.cut(f.prevCluster(f.pos), f.pos)
	case key.Matches(msg, k.DeleteCharForward):
		f.cut(f.pos, f.nextCluster(f.pos))
	case key.Matches(msg, k.DeleteWordBackward):
		f.cut(f.wordStart(f.pos), f.pos)
	case key.Matches(msg, k.DeleteWordForward):
		f.cut(f.pos, f.wordEnd(f.pos))
	case key.Matches(msg, k.DeleteToStart):
		f.cut(0, f.pos)
	case key.Matches(msg, k.DeleteToEnd):
		f.cut(f.pos, len(f.value))
	default:
		return false
	}
	return true
}

// insert puts s at the cursor, as much of it as CharLimit leaves room for.
// It is one line: tabs and line breaks become spaces, and other control
// characters are dropped, as are bytes that are not UTF-8.
func (f *textField) insert(s string) {
	room := -1
	if f.CharLimit > 0 {
		room = max(f.CharLimit-utf8.RuneCountInString(f.value), 0)
	}
	var b strings.Builder
	for _, r := range s {
		if room == 0 {
			break
		}
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case r == utf8.RuneError || unicode.IsControl(r):
			continue
		}
		b.WriteRune(r)
		room--
	}
	if b.Len() == 0 {
		return
	}
	add := b.String()
	f.set(f.value[:f.pos] + add + f.value[f.pos:])
	f.pos += len(add)
	// A combining mark typed after a letter joins its cluster: keep the
	// cursor on a boundary.
	f.pos = f.boundaryAtOrAfter(f.pos)
}

// cut removes value[from:to] and leaves the cursor where it was.
func (f *textField) cut(from, to int) {
	if from >= to {
		return
	}
	f.set(f.value[:from] + f.value[to:])
	f.pos = from
}

// cluster is one grapheme cluster of the value: value[start:end], width
// columns wide.
type cluster struct{ start, end, width int }

// appendClusters appends the grapheme clusters of s to out.
func appendClusters(out []cluster, s string) []cluster {
	if isPlainASCII(s) {
		for i := range len(s) {
			out = append(out, cluster{i, i + 1, 1})
		}
		return out
	}
	for i := 0; i < len(s); {
		c, w := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		if c == "" {
			break
		}
		out = append(out, cluster{i, i + len(c), w})
		i += len(c)
	}
	return out
}

// index is the index of the cluster that starts at byte offset at, or the
// next one; len(f.cs) at the end.
func (f *textField) index(at int) int {
	return sort.Search(len(f.cs), func(i int) bool { return f.cs[i].start >= at })
}

// prevCluster is the start of the cluster before byte offset at.
func (f *textField) prevCluster(at int) int {
	if i := f.index(at); i > 0 {
		return f.cs[i-1].start
	}
	return 0
}

// nextCluster is the end of the cluster that starts at byte offset at.
func (f *textField) nextCluster(at int) int {
	if i := f.index(at); i < len(f.cs) {
		return f.cs[i].end
	}
	return len(f.value)
}

// boundaryAtOrAfter is the first cluster boundary at or after byte offset at.
func (f *textField) boundaryAtOrAfter(at int) int {
	if i := f.index(at); i < len(f.cs) {
		return f.cs[i].start
	}
	return len(f.value)
}

// wordStart is where the word before at begins: spaces before at are
// skipped, then the word's characters.
func (f *textField) wordStart(at int) int {
	s := f.value[:at]
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return i + n
}

// wordEnd is where the word after at ends: spaces after at are skipped,
// then the word's characters.
func (f *textField) wordEnd(at int) int {
	s := f.value[at:]
	trimmed := strings.TrimLeftFunc(s, unicode.IsSpace)
	at += len(s) - len(trimmed)
	i := strings.IndexFunc(trimmed, unicode.IsSpace)
	if i < 0 {
		return len(f.value)
	}
	return at + i
}

// scroll moves the first cluster shown so that the cursor is in view, and
// so that no columns are left empty on the right while text is hidden on
// the left.
func (f *textField) scroll() {
	if f.width <= 0 {
		f.first = 0
		return
	}
	cs := f.cs
	cur := f.index(f.pos) // the cluster under the cursor; len(cs) at the end
	first := f.index(f.first)
	first = min(first, cur)
	room := f.width + 1
	// The cursor's cell must fit: columns from first through the cursor.
	w := span(cs[first:cur]) + cursorCell(cs, cur)
	for first < cur && w > room {
		w -= cs[first].width
		first++
	}
	// Take back hidden columns while everything after them still fits.
	tail := span(cs[first:]) + endCell(cs, cur)
	for first > 0 && tail+cs[first-1].width <= room {
		first--
		tail += cs[first].width
	}
	if first < len(cs) {
		f.first = cs[first].start
	} else {
		f.first = len(f.value)
	}
}

// span is the width of cs in columns.
func span(cs []cluster) int {
	w := 0
	for _, c := range cs {
		w += c.width
	}
	return w
}

// cursorCell is the width of the cell the cursor is drawn on: the cluster
// under it, or one blank at the end.
func cursorCell(cs []cluster, cur int) int {
	if cur < len(cs) {
		return max(cs[cur].width, 1)
	}
	return 1
}

// endCell is the blank after the text that the cursor takes at the end.
func endCell(cs []cluster, cur int) int {
	if cur == len(cs) {
		return 1
	}
	return 0
}

// View draws the prompt and the text with the cursor on it (or the
// placeholder when the field is empty), padded to the field's width.
func (f *textField) View() string {
	var b strings.Builder
	f.paint.prompt.write(&b, f.Prompt)
	if f.value == "" && f.Placeholder != "" {
		f.viewPlaceholder(&b)
		return b.String()
	}
	used, limit := 0, f.width+1
	cursorDrawn := false
	for _, c := range f.cs[f.index(f.first):] {
		w := max(c.width, 0)
		if c.start == f.pos {
			w = max(w, 1)
		}
		if f.width > 0 && used+w > limit {
			break
		}
		if c.start == f.pos {
			f.paint.cursor.write(&b, f.value[c.start:c.end])
			cursorDrawn = true
		} else {
			b.WriteString(f.value[c.start:c.end])
		}
		used += w
	}
	if !cursorDrawn && f.pos == len(f.value) && (f.width <= 0 || used < limit) {
		f.paint.cursor.write(&b, " ")
		used++
	}
	if f.width > 0 && used < limit {
		b.WriteString(strings.Repeat(" ", limit-used))
	}
	return b.String()
}

// viewPlaceholder draws the placeholder with the cursor on its first
// character, cut to the field's width.
func (f *textField) viewPlaceholder(b *strings.Builder) {
	text := f.Placeholder
	if f.width > 0 {
		text = ansi.Truncate(text, f.width+1, "")
	}
	head, _ := ansi.FirstGraphemeCluster(text, ansi.GraphemeWidth)
	f.paint.cursor.write(b, head)
	f.paint.placeholder.write(b, text[len(head):])
	if f.width > 0 {
		if pad := f.width + 1 - ansi.StringWidth(text); pad > 0 {
			b.WriteString(strings.Repeat(" ", pad))
		}
	}
}
