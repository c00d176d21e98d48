package e2e

import (
	"bytes"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

// TestLogSurvivesSIGKILL kills `scribe log` processes at random moments,
// round after round, and checks that every event whose id a process printed
// is in the database, and that the file stays intact.
func TestLogSurvivesSIGKILL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Kill test", "--tz", "UTC")
	rng := rand.New(rand.NewPCG(1, 2))
	acknowledged := map[int64]string{}
	killed := 0
	const rounds = 40
	for round := 0; round < rounds; round++ {
		var procs []*exec.Cmd
		var outs []*bytes.Buffer
		for p := 0; p < 3; p++ {
			text := fmt.Sprintf("round %d process %d", round, p)
			cmd := exec.Command(binary, "--db", db, "log", id, text)
			cmd.Env = baseEnv(t)
			out := &bytes.Buffer{}
			cmd.Stdout = out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			procs = append(procs, cmd)
			outs = append(outs, out)
		}
		time.Sleep(time.Duration(rng.IntN(15000)) * time.Microsecond)
		for p, cmd := range procs {
			if rng.IntN(2) == 0 {
				if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
					killed++
				}
			}
			_ = cmd.Wait()
			if s := strings.TrimSpace(outs[p].String()); s != "" {
				n, err := strconv.ParseInt(s, 10, 64)
				if err != nil {
					t.Fatalf("log printed %q, want an id", s)
				}
				acknowledged[n] = fmt.Sprintf("round %d process %d", round, p)
			}
		}
	}
	if killed == 0 || len(acknowledged) == 0 {
		t.Fatalf("the test did not exercise anything: killed %d, acknowledged %d", killed, len(acknowledged))
	}
	d := showJSON(t, db, id)
	stored := map[int64]string{}
	for _, e := range d.Events {
		stored[e.ID] = e.Text
	}
	for n, text := range acknowledged {
		if stored[n] != text {
			t.Errorf("event %d (%q) was acknowledged but is stored as %q", n, text, stored[n])
		}
	}
	assertIntegrity(t, db)
	t.Logf("%d rounds, %d kills, %d acknowledged events all present", rounds, killed, len(acknowledged))
}

// TestConcurrentLoggers runs four processes logging at once: every one of
// their writes succeeds and is stored.
func TestConcurrentLoggers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "scribe.db")
	id := mustScribe(t, db, "new", "Concurrency test", "--tz", "UTC")
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan string, writers*each)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				r := scribe(t, db, "", nil, "log", id, fmt.Sprintf("writer %d line %d", w, i))
				if r.code != 0 || r.stderr != "" {
					errs <- fmt.Sprintf("writer %d line %d: exit %d: %s", w, i, r.code, r.stderr)
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	d := showJSON(t, db, id)
	seen := map[string]bool{}
	for _, e := range d.Events {
		seen[e.Text] = true
	}
	for w := 0; w < writers; w++ {
		for i := 0; i < each; i++ {
			if text := fmt.Sprintf("writer %d line %d", w, i); !seen[text] {
				t.Errorf("lost %q", text)
			}
		}
	}
	assertIntegrity(t, db)
}

func assertIntegrity(t *testing.T, db string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var result string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	if result != "ok" {
		t.Fatalf("integrity_check = %q", result)
	}
}
