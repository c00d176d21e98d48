package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/mattn/go-sqlite3"
)

func TestRetryBusyRetriesOnlyLockErrors(t *testing.T) {
	ctx := context.Background()
	calls := 0
	err := retryBusy(ctx, func() error {
		calls++
		if calls < 3 {
			return fmt.Errorf("read schema version: %w", sqlite3.Error{Code: sqlite3.ErrBusy})
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Fatalf("busy twice then fine: err %v after %d calls, want nil after 3", err, calls)
	}
	calls = 0
	other := errors.New("disk on fire")
	if err := retryBusy(ctx, func() error { calls++; return other }); !errors.Is(err, other) || calls != 1 {
		t.Fatalf("other error: %v after %d calls, want it at once", err, calls)
	}
}

// An up-to-date open reads only the number of migrations; it must be the
// version of the last one.
func TestLatestMigrationIsTheLastVersion(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	latest, err := latestMigration()
	if err != nil {
		t.Fatal(err)
	}
	if latest == 0 || latest != ms[len(ms)-1].version {
		t.Fatalf("latestMigration() = %d, want %d (the last migration's version)", latest, ms[len(ms)-1].version)
	}
}
