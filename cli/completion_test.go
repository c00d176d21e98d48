package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runApp runs scribe in-process against db and returns stdout.
func runApp(t *testing.T, db string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	a := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Now: time.Now,
		Getenv: func(k string) string {
			if k == "SCRIBE_DB" {
				return db
			}
			return os.Getenv(k)
		}}
	if code := a.Run(context.Background(), args); code != 0 {
		t.Fatalf("scribe %v: exit %d: %s", args, code, errb.String())
	}
	return out.String()
}

func TestCompletionOffersIncidentsAndVocabularies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	runApp(t, db, "new", "Replica lag on orders-db", "--tz", "UTC", "--sev", "2")
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "log", ""}, []string{"1\tSEV2 Replica lag on orders-db"}},
		{[]string{"__complete", "status", "1", ""}, []string{"investigating", "identified", "monitoring", "resolved"}},
		{[]string{"__complete", "milestone", "1", ""}, []string{"started", "detected", "mitigated"}},
		{[]string{"__complete", "set", "1", ""}, []string{"summary", "root-cause", "tz"}},
		{[]string{"__complete", "retro", "1", ""}, []string{"went-well", "lucky"}},
		{[]string{"__complete", "log", "1", "x", "--kind", ""}, []string{"decision", "comms"}},
		{[]string{"__complete", "action", "add", "1", "x", "--priority", ""}, []string{"P0", "P3"}},
	} {
		out := runApp(t, db, c.args...)
		for _, w := range c.want {
			if !strings.Contains(out, w+"\n") {
				t.Errorf("%v: completion lacks %q:\n%s", c.args, w, out)
			}
		}
	}
}
