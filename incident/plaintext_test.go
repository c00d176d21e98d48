package incident

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "paged the DB team", "paged the DB team"},
		{"unicode kept", "Überlast — 5xx ★ 東京", "Überlast — 5xx ★ 東京"},
		{"osc title BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"osc title ST", "a\x1b]2;pwned\x1b\\b", "ab"},
		{"osc hyperlink", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"clear screen", "x\x1b[2J\x1b[Hy", "xy"},
		{"colour", "\x1b[31;1mred\x1b[0m", "red"},
		{"private csi", "a\x1b[?1049hb", "ab"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"two char escape", "a\x1bcb\x1b7c", "abc"},
		{"charset escape", "a\x1b(Bb", "ab"},
		{"lone esc at end", "abc\x1b", "abc"},
		{"unterminated osc", "a\x1b]0;title forever", "a"},
		{"8-bit csi", "a\u009b2Jb", "ab"},
		{"8-bit osc", "a\u009d0;t\u009cb", "ab"},
		{"c1 control", "a\u0085b", "ab"},
		{"bel and backspace", "a\x07\x08b", "ab"},
		{"del", "a\x7fb", "ab"},
		{"newline and tab", "a\nb\tc\r\nd", "a b c d"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolate", "x\u2066y\u2069z\u200f", "xyz"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PlainText(tt.in)
			if got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
			assertTerminalSafe(t, got)
		})
	}
}

func TestPlainBlockKeepsLines(t *testing.T) {
	got := PlainBlock("one\r\ntwo\rthree\n\x1b[2Jfour")
	if want := "one\ntwo\nthree\nfour"; got != want {
		t.Errorf("PlainBlock = %q, want %q", got, want)
	}
}

// assertTerminalSafe fails when s holds anything a terminal would act on.
func assertTerminalSafe(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r) {
			t.Errorf("%q still holds control %U", s, r)
		}
	}
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b]0;t\x07", "\x1b[2J", "\u009b31m", "a\u202eb", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := PlainText(in)
		assertTerminalSafe(t, out)
		if strings.ContainsRune(out, '\n') {
			t.Errorf("Sanitize kept a newline: %q", out)
		}
	})
}
