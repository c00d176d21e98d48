package incident

import (
	"encoding/json"
	"testing"
)

func TestEscapeJSONControls(t *testing.T) {
	in := map[string]string{"text": "a\u009b31mred\u202egnp.exe é ok \u2028 line"}
	raw, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	got := EscapeJSONControls(raw)
	want := `{"text":"a\u009b31mred\u202egnp.exe é ok \u2028 line"}`
	if string(got) != want {
		t.Fatalf("EscapeJSONControls = %s, want %s", got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatalf("escaped JSON does not parse: %v", err)
	}
	if back["text"] != in["text"] {
		t.Fatalf("round trip changed the text: %q, want %q", back["text"], in["text"])
	}
	plain := []byte(`{"text":"café"}`)
	if out := EscapeJSONControls(plain); &out[0] != &plain[0] {
		t.Error("clean input was copied")
	}
}
