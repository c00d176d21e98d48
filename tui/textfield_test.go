package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func newTestField(width int) *textField {
	f := newTextField(lipgloss.NewStyle(), lipgloss.NewStyle())
	f.Prompt = "› "
	f.SetWidth(width)
	return &f
}

// typeInto types s one key per character, as a terminal sends it.
func typeInto(f *textField, s string) {
	for _, r := range s {
		f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// keys sends named keys: "left", "ctrl+w", "alt+b"…
func keys(f *textField, names ...string) {
	for _, n := range names {
		f.Update(keyNamed(n))
	}
}

func keyNamed(name string) tea.KeyPressMsg {
	var k tea.KeyPressMsg
	parts := strings.Split(name, "+")
	for _, p := range parts[:len(parts)-1] {
		switch p {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		}
	}
	switch last := parts[len(parts)-1]; last {
	case "left":
		k.Code = tea.KeyLeft
	case "right":
		k.Code = tea.KeyRight
	case "home":
		k.Code = tea.KeyHome
	case "end":
		k.Code = tea.KeyEnd
	case "backspace":
		k.Code = tea.KeyBackspace
	case "delete":
		k.Code = tea.KeyDelete
	default:
		k.Code = []rune(last)[0]
	}
	return k
}

// cursorAt shows the value with a | where the cursor is.
func cursorAt(f *textField) string { return f.value[:f.pos] + "|" + f.value[f.pos:] }

func TestTextFieldEditingKeys(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		want string
	}{
		{"typing", nil, "paged the db team|"},
		{"left and right", []string{"left", "left", "right"}, "paged the db tea|m"},
		{"ctrl+b and ctrl+f", []string{"ctrl+b", "ctrl+b", "ctrl+f"}, "paged the db tea|m"},
		{"home and end", []string{"home"}, "|paged the db team"},
		{"ctrl+a then ctrl+e", []string{"ctrl+a", "ctrl+e"}, "paged the db team|"},
		{"word back", []string{"alt+b"}, "paged the db |team"},
		{"word back twice", []string{"ctrl+left", "alt+left"}, "paged the |db team"},
		{"word forward", []string{"home", "alt+f", "ctrl+right"}, "paged the| db team"},
		{"backspace", []string{"backspace", "backspace"}, "paged the db te|"},
		{"delete under the cursor", []string{"home", "delete", "ctrl+d"}, "|ged the db team"},
		{"delete a word back", []string{"ctrl+w"}, "paged the db |"},
		{"delete a word back from inside it", []string{"left", "left", "alt+backspace"}, "paged the db |am"},
		{"delete a word forward", []string{"home", "alt+d"}, "| the db team"},
		{"delete a word forward over spaces", []string{"home", "alt+f", "alt+delete"}, "paged| db team"},
		{"delete to the start", []string{"alt+b", "ctrl+u"}, "|team"},
		{"delete to the end", []string{"alt+b", "ctrl+k"}, "paged the db |"},
		{"at the start nothing goes", []string{"home", "backspace", "ctrl+w", "left", "alt+b"}, "|paged the db team"},
		{"at the end nothing goes", []string{"delete", "alt+d", "right", "alt+f"}, "paged the db team|"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTestField(40)
			typeInto(f, "paged the db team")
			keys(f, tc.keys...)
			if got := cursorAt(f); got != tc.want {
				t.Errorf("%v: %q, want %q", tc.keys, got, tc.want)
			}
		})
	}
}

func TestTextFieldTypesAtTheCursor(t *testing.T) {
	f := newTestField(40)
	typeInto(f, "rolled back")
	keys(f, "alt+b")
	typeInto(f, "the deploy was ")
	keys(f, "end")
	typeInto(f, " at 14:05")
	if got := cursorAt(f); got != "rolled the deploy was back at 14:05|" {
		t.Errorf("%q", got)
	}
}

func TestTextFieldPasteIsOneCleanLine(t *testing.T) {
	f := newTestField(80)
	typeInto(f, "see: ")
	f.Update(tea.PasteMsg{Content: "first\tline\r\nsecond\x07 line\x00\xff end"})
	if got := f.Value(); got != "see: first line  second line end" {
		t.Errorf("pasted %q", got)
	}
	// Keys with no text (an arrow the field does not use) insert nothing.
	f.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	f.Update(tea.KeyPressMsg{Code: tea.KeyF1})
	if got := f.Value(); got != "see: first line  second line end" {
		t.Errorf("after keys without text: %q", got)
	}
}

func TestTextFieldCharLimit(t *testing.T) {
	f := newTestField(40)
	f.CharLimit = 5
	typeInto(f, "abcdefg")
	if got := f.Value(); got != "abcde" {
		t.Errorf("typed past the limit: %q", got)
	}
	keys(f, "home", "delete")
	f.Update(tea.PasteMsg{Content: "éèê"}) // runes, not bytes
	if got := f.Value(); got != "ébcde" {
		t.Errorf("pasted past the limit: %q", got)
	}
	f.SetValue("0123456789")
	if got := cursorAt(f); got != "01234|" {
		t.Errorf("SetValue past the limit: %q", got)
	}
}

func TestTextFieldMovesOverWholeCharacters(t *testing.T) {
	f := newTestField(40)
	// A wide CJK character, a letter with a combining accent, an emoji
	// with a skin tone and a flag: each is one step of the cursor.
	typeInto(f, "a漢e\u0301👍🏽🇫🇷b")
	var stops []string
	for range 7 {
		keys(f, "left")
		stops = append(stops, cursorAt(f))
	}
	want := []string{
		"a漢e\u0301👍🏽🇫🇷|b", "a漢e\u0301👍🏽|🇫🇷b", "a漢e\u0301|👍🏽🇫🇷b",
		"a漢|e\u0301👍🏽🇫🇷b", "a|漢e\u0301👍🏽🇫🇷b", "|a漢e\u0301👍🏽🇫🇷b", "|a漢e\u0301👍🏽🇫🇷b",
	}
	for i := range want {
		if stops[i] != want[i] {
			t.Errorf("left %d: %q, want %q", i+1, stops[i], want[i])
		}
	}
	keys(f, "end", "backspace", "backspace")
	if got := f.Value(); got != "a漢e\u0301👍🏽" {
		t.Errorf("two backspaces took %q", got)
	}
	keys(f, "home", "right", "delete")
	if got := f.Value(); got != "ae\u0301👍🏽" {
		t.Errorf("delete after a took %q", got)
	}
}

func TestTextFieldViewFitsItsWidth(t *testing.T) {
	f := newTestField(10)
	typeInto(f, "short")
	if got := ansi.Strip(f.View()); got != "› short      " || ansi.StringWidth(got) != 2+11 {
		t.Errorf("view %q", got)
	}
	// The cursor is drawn on the character under it, reversed.
	keys(f, "home")
	if v := f.View(); !strings.Contains(v, "\x1b[7m") || ansi.Strip(v) != "› short      " {
		t.Errorf("cursor at the start: %q", v)
	}
}

func TestTextFieldScrollsToTheCursor(t *testing.T) {
	f := newTestField(10)
	typeInto(f, "the replica in eu-west is lagging")
	got := ansi.Strip(f.View())
	if got != "› is lagging " {
		t.Errorf("at the end: %q", got)
	}
	if w := ansi.StringWidth(got); w != 2+11 {
		t.Errorf("at the end the view is %d columns: %q", w, got)
	}
	keys(f, "home")
	if got := ansi.Strip(f.View()); got != "› the replica" {
		t.Errorf("at the start: %q", got)
	}
	// Deleting at the end brings hidden text back rather than leaving
	// empty columns.
	keys(f, "end", "ctrl+w", "ctrl+w")
	if got := ansi.Strip(f.View()); got != "› n eu-west  " {
		t.Errorf("after deleting two words: %q", got)
	}
}

func TestTextFieldScrollsOverWideCharacters(t *testing.T) {
	f := newTestField(6)
	typeInto(f, "漢字漢字漢字漢字")
	got := ansi.Strip(f.View())
	if w := ansi.StringWidth(got); w > 2+7 {
		t.Errorf("the view is %d columns, more than the field: %q", w, got)
	}
	if !strings.HasSuffix(got, "漢字 ") {
		t.Errorf("the cursor's end is not in view: %q", got)
	}
	keys(f, "home")
	if got := ansi.Strip(f.View()); got != "› 漢字漢 " {
		t.Errorf("at the start: %q", got)
	}
}

func TestTextFieldPlaceholder(t *testing.T) {
	f := newTestField(12)
	f.Placeholder = "type what happened"
	if got := ansi.Strip(f.View()); got != "› type what hap" {
		t.Errorf("placeholder cut to the field: %q", got)
	}
	f.SetWidth(30)
	if got := ansi.Strip(f.View()); got != "› type what happened"+strings.Repeat(" ", 13) {
		t.Errorf("placeholder padded: %q", got)
	}
	typeInto(f, "x")
	if got := ansi.Strip(f.View()); strings.Contains(got, "type what") {
		t.Errorf("placeholder shown with text: %q", got)
	}
}

func TestTextFieldWithoutWidthShowsEverything(t *testing.T) {
	f := newTestField(0)
	long := strings.Repeat("lagging ", 20)
	typeInto(f, long)
	if got := ansi.Strip(f.View()); got != "› "+long+" " {
		t.Errorf("%q", got)
	}
}

// BenchmarkTextFieldLongLine types at the end of a line as long as an event
// may be: each key costs time in proportion to the line, not its square.
func BenchmarkTextFieldLongLine(b *testing.B) {
	f := newTestField(100)
	f.CharLimit = 0
	f.SetValue(strings.Repeat("replica lag ", 1000))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		typeInto(f, "x")
		keys(f, "backspace")
		_ = f.View()
	}
}
