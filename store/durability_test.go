package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"scribe/incident"
)

const (
	helperKillDBEnv       = "SCRIBE_STORE_KILL_DB"
	helperKillIncidentEnv = "SCRIBE_STORE_KILL_INCIDENT"
)

// A process killed with SIGKILL at an arbitrary moment loses no event whose
// id it had reported: LogEvent returns only after the commit is durable.
func TestKilledWriterLosesNothingAcknowledged(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "scribe.db")
	s := openAt(t, path)
	inc := newIncident(t, s)
	acked := map[int64]bool{}
	for round := range 5 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessLogsUntilKilled$", "-test.count=1")
		cmd.Env = append(os.Environ(), helperKillDBEnv+"="+path, helperKillIncidentEnv+"="+strconv.FormatInt(inc.ID, 10))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a different number of acknowledged writes each round.
		lines := bufio.NewScanner(out)
		for n := 0; n < 10+round*17 && lines.Scan(); n++ {
			id, err := strconv.ParseInt(lines.Text(), 10, 64)
			if err != nil {
				t.Fatalf("helper said %q", lines.Text())
			}
			acked[id] = true
		}
		cmd.Process.Kill()
		// Whatever it managed to report before dying counts too.
		for lines.Scan() {
			if id, err := strconv.ParseInt(lines.Text(), 10, 64); err == nil {
				acked[id] = true
			}
		}
		cmd.Wait()
	}
	for id := range acked {
		if _, err := s.Event(ctx, id); err != nil {
			t.Errorf("acknowledged event #%d lost: %v", id, err)
		}
	}
	if len(acked) < 5*10 {
		t.Fatalf("only %d acknowledged events: the helper did not run", len(acked))
	}
	checkIntegrity(t, s)
}

// TestHelperProcessLogsUntilKilled is the writer that
// TestKilledWriterLosesNothingAcknowledged kills; run directly it has
// nothing to do.
func TestHelperProcessLogsUntilKilled(t *testing.T) {
	path := os.Getenv(helperKillDBEnv)
	if path == "" {
		return
	}
	id, err := strconv.ParseInt(os.Getenv(helperKillIncidentEnv), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; ; i++ {
		e := incident.Event{IncidentID: id, Kind: incident.KindNote, Text: fmt.Sprintf("line %d", i)}
		if err := s.LogEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
		fmt.Println(e.ID)
	}
}
