package store

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"scribe/store/pgtest"
)

// The store's tests are a contract both backends keep: every test that
// does not check something only SQLite has (its file, its pragmas, its
// locks) runs twice, once on a SQLite file and once, under TestPostgres, on
// a fresh PostgreSQL database (openTest and testDB pick by the test's
// name). TestContractListsEveryTest keeps the two lists below complete.

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// contract lists the tests that run on both backends.
var contract = map[string]func(*testing.T){
	"ActionItems":                                TestActionItems,
	"EditKeepsAnUnreadableDueDate":               TestEditKeepsAnUnreadableDueDate,
	"ActionItemFromEventOfAnotherIncident":       TestActionItemFromEventOfAnotherIncident,
	"ConcurrentStoresLoseNothing":                TestConcurrentStoresLoseNothing,
	"UpdateActionItemKeepsRevisions":             TestUpdateActionItemKeepsRevisions,
	"DeleteActionItem":                           TestDeleteActionItem,
	"UndoingActionItemEventDeletesTheItem":       TestUndoingActionItemEventDeletesTheItem,
	"UpdateRetroNote":                            TestUpdateRetroNote,
	"ClearMilestone":                             TestClearMilestone,
	"MilestoneFollowsItsLiveEvents":              TestMilestoneFollowsItsLiveEvents,
	"EditEventKeepsRevisions":                    TestEditEventKeepsRevisions,
	"EditEventRefuses":                           TestEditEventRefuses,
	"EditMilestoneEventMovesMilestone":           TestEditMilestoneEventMovesMilestone,
	"DeleteAndRestoreEvent":                      TestDeleteAndRestoreEvent,
	"LogEventAndEventsOrder":                     TestLogEventAndEventsOrder,
	"LogEventRefuses":                            TestLogEventRefuses,
	"EventTableMatchesTheSchema":                 TestEventTableMatchesTheSchema,
	"EventColumnsRoundTrip":                      TestEventColumnsRoundTrip,
	"ImportRowShapes":                            TestImportRowShapes,
	"FilingClaimBetweenTwoStores":                TestFilingClaimBetweenTwoStores,
	"FilingClaimFromTheFutureExpires":            TestFilingClaimFromTheFutureExpires,
	"FilingClaimRejectsBadInput":                 TestFilingClaimRejectsBadInput,
	"ImportFollowsLatestStatus":                  TestImportFollowsLatestStatus,
	"DeletingAStatusEventRestoresTheStateBefore": TestDeletingAStatusEventRestoresTheStateBefore,
	"CreateIncidentDefaultsAndDeclaredEvent":     TestCreateIncidentDefaultsAndDeclaredEvent,
	"CreateIncidentRefusesInvalid":               TestCreateIncidentRefusesInvalid,
	"IncidentNotFoundNamesNumber":                TestIncidentNotFoundNamesNumber,
	"IncidentsNewestFirst":                       TestIncidentsNewestFirst,
	"UpdateIncident":                             TestUpdateIncident,
	"SetSeverity":                                TestSetSeverity,
	"RetroNotes":                                 TestRetroNotes,
	"AssignRoleHandOff":                          TestAssignRoleHandOff,
	"AssignRoleBackfill":                         TestAssignRoleBackfill,
	"SnapshotReadsEverything":                    TestSnapshotReadsEverything,
	"ImportSnapshotRoundTrip":                    TestImportSnapshotRoundTrip,
	"ImportSnapshotIntoExistingIncident":         TestImportSnapshotIntoExistingIncident,
	"ImportSnapshotIsAllOrNothing":               TestImportSnapshotIsAllOrNothing,
	"ImportSnapshotAcrossBatches":                TestImportSnapshotAcrossBatches,
	"SetStatus":                                  TestSetStatus,
	"SetMilestone":                               TestSetMilestone,
	"BadStoredEventTimeMarksTheEventOnly":        TestBadStoredEventTimeMarksTheEventOnly,
	"BadStoredIncidentIsListedWithAWarning":      TestBadStoredIncidentIsListedWithAWarning,
	"BadStoredRowsOfOtherKinds":                  TestBadStoredRowsOfOtherKinds,
	"WritesRefuseInstantsOutOfRange":             TestWritesRefuseInstantsOutOfRange,
	"DataVersionSeesOtherStoresCommits":          TestDataVersionSeesOtherStoresCommits,
	"ChangesSinceSeq":                            TestChangesSinceSeq,
	"WatchSeesAnotherStoresWrites":               TestWatchSeesAnotherStoresWrites,
	"ApplyIsIdempotent":                          TestApplyIsIdempotent,
	"ApplyChainByUUID":                           TestApplyChainByUUID,
	"TrackingClaimBetweenTwoStores":              TestTrackingClaimBetweenTwoStores,
	"TrackingRefusesBadInput":                    TestTrackingRefusesBadInput,
	"PushIsWholeIdempotentAndIncremental":        TestPushIsWholeIdempotentAndIncremental,
	// The runbook (runbook_test.go).
	"ChecklistAttachedAndExtended":                    TestChecklistAttachedAndExtended,
	"SetChecklistItem":                                TestSetChecklistItem,
	"Reminders":                                       TestReminders,
	"RunbookInSnapshotChangesAndImport":               TestRunbookInSnapshotChangesAndImport,
	"RunbookOperationsAreIdempotent":                  TestRunbookOperationsAreIdempotent,
	"PushCarriesTheRunbook":                           TestPushCarriesTheRunbook,
	"PushedSeverityAndStatusFollowTheTimeline":        TestPushedSeverityAndStatusFollowTheTimeline,
	"MigrationSeverityEvents":                         TestMigrationSeverityEvents,
	"DeletingASeverityEventRestoresTheSeverityBefore": TestDeletingASeverityEventRestoresTheSeverityBefore,
	"ImportNamesTheRowsItAdded":                       TestImportNamesTheRowsItAdded,
	"ImportFillsOnlyEmptyNarrative":                   TestImportFillsOnlyEmptyNarrative,
}

// sqliteOnly lists the tests that check what only SQLite has, and why.
var sqliteOnly = map[string]string{
	"ConcurrentProcessesOnNewFile":                "processes creating one new file (PostgreSQL: TestPostgresConcurrentFirstOpens)",
	"ConcurrentProcessesReopening":                "processes opening and closing one file (PostgreSQL: TestPostgresConcurrentProcesses)",
	"HelperProcessLogs":                           "the body of a writer process",
	"HelperProcessLogsUntilKilled":                "the body of a writer process",
	"HelperProcessReads":                          "the body of a reader process",
	"KilledWriterLosesNothingAcknowledged":        "the file's durability under kill -9 (PostgreSQL's is the server's)",
	"EventBatchFitsParameterLimit":                "SQLite's batch statements (PostgreSQL imports with COPY)",
	"RetryBusyRetriesOnlyLockErrors":              "SQLite's busy errors",
	"OpenSetsPragmas":                             "SQLite's pragmas",
	"TransactionsBeginImmediate":                  "SQLite's write lock",
	"OpenCreatesFileAndDirectoriesPrivately":      "the database file",
	"OpenEmptyFileBecomesScribeDatabase":          "the database file",
	"OpenImpossiblePathNamesIt":                   "the database file",
	"OpenRefusesNonSQLiteFile":                    "the database file",
	"OpenRefusesOtherSQLiteDatabases":             "the database file",
	"OpenRefusesOtherWALDatabase":                 "the database file",
	"OpenWritesHeaderThrough":                     "the database file",
	"OpenAcceptsScribeDatabaseWhoseHeaderIsInWAL": "the database file",
	"OpenRefusesNewerSchema":                      "the file's header (PostgreSQL: TestPostgresRefusesNewerSchema)",
	"ReopenKeepsData":                             "the database file",
	"MigrationsAreNumberedInOrder":                "the embedded files, checked once",
	"LatestMigrationIsTheLastVersion":             "the embedded files, checked once",
	"URLSchemeMatchesItsDefinition":               "a pure function, checked once",
	"DSNEscapesURICharacters":                     "SQLite's file URIs",
	"OpenReadOnly":                                "read-only files and directories",
	"OpenReadOnlyRefusals":                        "read-only files",
	"DanglingSymlinkDatabaseIsPrivate":            "the database file",
	"TimeRoundTripAndOrder":                       "a pure function, checked once",
	"ParseTimeRefusesMalformed":                   "a pure function, checked once",
	"OpenRefusesURLsOfOtherSchemes":               "refused before any backend opens, checked once",
	"DescribeAndRedact":                           "pure functions, checked once",
	"MigrationTeamBackfillsUUIDs":                 "SQLite's migration of older files",
	"IDSourceCountsUpWithinAMillisecond":          "a pure function, checked once",
	"HelperProcessPostgresWriter":                 "the body of a writer process",
}

// TestPostgres runs the contract on PostgreSQL.
func TestPostgres(t *testing.T) {
	pgtest.Server(t)
	names := make([]string, 0, len(contract))
	for name := range contract {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, contract[name])
	}
}

// onPostgres reports whether t runs under TestPostgres.
func onPostgres(t testing.TB) bool {
	return strings.HasPrefix(t.Name(), "TestPostgres/")
}

// Every test of the package is either in the contract, or SQLite's own
// with a reason, or one of the tests that exist for PostgreSQL alone.
func TestContractListsEveryTest(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Name.Name == "TestMain" {
				continue
			}
			name := strings.TrimPrefix(fn.Name.Name, "Test")
			_, inContract := contract[name]
			_, own := sqliteOnly[name]
			switch {
			case inContract && own:
				t.Errorf("%s is both in the contract and SQLite's own", fn.Name.Name)
			case !inContract && !own && !strings.HasPrefix(name, "Postgres") && name != "ContractListsEveryTest":
				t.Errorf("%s (%s) runs on SQLite only: add it to contract, or to sqliteOnly with the reason", fn.Name.Name, f)
			}
		}
	}
}
