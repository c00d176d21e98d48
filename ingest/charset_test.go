package ingest

import (
	"strings"
	"testing"
	"time"
)

// TestDecodeTextWindows1252: bytes that are not UTF-8 are read as
// Windows-1252 (its quotes and dashes at 0x80-0x9F, Latin-1 above), the
// UTF-8 around them kept as it is, and the note names the first line.
func TestDecodeTextWindows1252(t *testing.T) {
	text, note := decodeText([]byte("Caf\xe9 \xe2\x80\x94 ok\n\x93late\x94 \x96 na\xefve \x81\n"))
	if want := "Café — ok\n“late” – naïve \uFFFD\n"; text != want {
		t.Errorf("text %q, want %q", text, want)
	}
	if !strings.Contains(note, "line 1 is not UTF-8") || !strings.Contains(note, "Windows-1252") || !strings.Contains(note, "1 line more") {
		t.Errorf("note %q", note)
	}
	if text, note := decodeText([]byte("déjà vu\n")); text != "déjà vu\n" || note != "" {
		t.Errorf("UTF-8 changed: %q, %q", text, note)
	}
	res, err := ParseBytes([]byte("- 2024-05-04 14:02 UTC r\xe9sum\xe9 upload fails\n"), Options{Zone: time.UTC})
	if err != nil || len(res.Entries) != 1 || res.Entries[0].Text != "résumé upload fails" || len(res.Notes) == 0 || !strings.Contains(res.Notes[0], "Windows-1252") {
		t.Errorf("ParseBytes: %+v, %v", res, err)
	}
}

// TestImpossibleClockReason: a clock no day has says which part does not
// exist, rather than "no time of day".
func TestImpossibleClockReason(t *testing.T) {
	res := ParseText("- 2024-05-04 25:10 UTC hour too big\n- 2024-05-04 14:75 UTC minute too big\n- 26:00 bare\n- 2024-05-04 no clock\n", Options{Zone: time.UTC})
	want := []string{"hour 25 does not exist", "minute 75 does not exist", "hour 26 does not exist", "no time of day"}
	if len(res.Problems) != len(want) {
		t.Fatalf("problems %+v", res.Problems)
	}
	for i, w := range want {
		if !strings.Contains(res.Problems[i].Reason, w) {
			t.Errorf("line %d: %q, want %q", res.Problems[i].Line, res.Problems[i].Reason, w)
		}
	}
}
