package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"scribe/incident"
)

// parse runs a command built with a runF that only records that it was
// called, so that the flag parsing is tested apart from running: nothing
// opens a database.
func parse(t *testing.T, cmd *cobra.Command, args ...string) error {
	t.Helper()
	var out bytes.Buffer
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	return cmd.ExecuteContext(context.Background())
}

func testApp() *App {
	return &App{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{},
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC) }}
}

func TestLogOptions(t *testing.T) {
	a := testApp()
	var got *logOptions
	run := func(_ context.Context, o *logOptions) error { got = o; return nil }
	if err := parse(t, a.logCmd(run), "#7", "rolled", "back", "--kind", "a", "--at", "14:05", "--by", "Ken", "--pin"); err != nil {
		t.Fatal(err)
	}
	want := logOptions{IncidentID: 7, Text: "rolled back", Kind: incident.KindAction, At: whenFlag{"14:05", true}, By: "Ken", Pin: true}
	if *got != want {
		t.Errorf("options = %+v, want %+v", *got, want)
	}
	for _, bad := range [][]string{{"7"}, {"x", "text"}, {"7", "t", "--kind", "gossip"}, {"7", "bad \xff"}} {
		got = nil
		if err := parse(t, a.logCmd(run), bad...); err == nil || got != nil {
			t.Errorf("log %q: err %v, ran %v", bad, err, got != nil)
		}
	}
}

func TestNewOptions(t *testing.T) {
	a := testApp()
	var got *newOptions
	run := func(_ context.Context, o *newOptions) error { got = o; return nil }
	if err := parse(t, a.newCmd(run), "Replica", "lag", "--sev", "SEV2", "--tz", "CET", "--at", "-5m"); err != nil {
		t.Fatal(err)
	}
	if got.Title != "Replica lag" || got.Severity != 2 || got.Zone.String() != "Europe/Berlin" || !got.At.set {
		t.Errorf("options = %+v", *got)
	}
	got = nil
	if err := parse(t, a.newCmd(run), "x", "--tz", strings.Repeat("Z", 130<<10)); err == nil || got != nil || len(err.Error()) > 300 {
		t.Errorf("a 130 KB --tz: ran %v, error of %d bytes", got != nil, len(err.Error()))
	}
	if err := parse(t, a.newCmd(run), "bad \xff title"); err == nil {
		t.Error("a title with invalid UTF-8 parsed")
	}
}

func TestRoleStatusMilestoneOptions(t *testing.T) {
	a := testApp()
	var role *roleOptions
	if err := parse(t, a.roleCmd(func(_ context.Context, o *roleOptions) error { role = o; return nil }), "3", "ic"); err == nil {
		t.Error("role with the person missing parsed")
	}
	if err := parse(t, a.roleCmd(func(_ context.Context, o *roleOptions) error { role = o; return nil }), "3", "ic", "Rosa", "M."); err != nil {
		t.Fatal(err)
	}
	if role.IncidentID != 3 || role.Role != incident.RoleCommander || role.Person != "Rosa M." {
		t.Errorf("role options = %+v", *role)
	}
	var status *statusOptions
	if err := parse(t, a.statusCmd(func(_ context.Context, o *statusOptions) error { status = o; return nil }), "3", "IDENTIFIED", "bad", "config"); err != nil {
		t.Fatal(err)
	}
	if status.State != incident.Identified || status.Message != "bad config" {
		t.Errorf("status options = %+v", *status)
	}
	var ms *milestoneOptions
	run := func(_ context.Context, o *milestoneOptions) error { ms = o; return nil }
	if err := parse(t, a.milestoneCmd(run), "3", "mitigate", "--clear"); err != nil {
		t.Fatal(err)
	}
	if ms.Milestone != incident.MilestoneMitigated || !ms.Clear {
		t.Errorf("milestone options = %+v", *ms)
	}
	if err := parse(t, a.milestoneCmd(run), "3", "mitigated", "--clear", "--at", "14:00"); err == nil {
		t.Error("--clear with --at parsed")
	}
}

func TestSetShowListEditOptions(t *testing.T) {
	a := testApp()
	var set *setOptions
	if err := parse(t, a.setCmd(func(_ context.Context, o *setOptions) error { set = o; return nil }), "3", "root_cause", "-"); err != nil {
		t.Fatal(err)
	}
	if set.Field != incident.FieldRootCause || !set.FromStdin {
		t.Errorf("set options = %+v", *set)
	}
	var show *showOptions
	if err := parse(t, a.showCmd(func(_ context.Context, o *showOptions) error { show = o; return nil }), "3", "--json"); err != nil {
		t.Fatal(err)
	}
	if *show != (showOptions{IncidentID: 3, JSON: true}) {
		t.Errorf("show options = %+v", *show)
	}
	var list *listOptions
	if err := parse(t, a.listCmd(func(_ context.Context, o *listOptions) error { list = o; return nil }), "--json"); err != nil || !list.JSON {
		t.Errorf("list --json: %v %+v", err, list)
	}
	var edit *editOptions
	if err := parse(t, a.editCmd(func(_ context.Context, o *editOptions) error { edit = o; return nil }), "12"); err != nil || edit.IncidentID != 12 {
		t.Errorf("edit 12: %v %+v", err, edit)
	}
	var exp *exportOptions
	if err := parse(t, a.exportCmd(func(_ context.Context, o *exportOptions) error { exp = o; return nil }), "3", "--format", "json", "-o", "out.json", "--tz", "UTC"); err != nil {
		t.Fatal(err)
	}
	if !exp.JSON || exp.Out != "out.json" || exp.Markdown.Zone != time.UTC {
		t.Errorf("export options = %+v", *exp)
	}
	if err := parse(t, a.exportCmd(func(context.Context, *exportOptions) error { return nil }), "3", "--format", "json", "--names"); err == nil {
		t.Error("--names with JSON parsed")
	}
	var lint *lintOptions
	if err := parse(t, a.lintCmd(func(_ context.Context, o *lintOptions) error { lint = o; return nil }), "3", "--strict", "--json", "--tz", "PT"); err != nil {
		t.Fatal(err)
	}
	if lint.IncidentID != 3 || !lint.Strict || !lint.JSON || lint.Zone.String() != "America/Los_Angeles" {
		t.Errorf("lint options = %+v", *lint)
	}
}

func TestActionOptions(t *testing.T) {
	a := testApp()
	var add *actionAddOptions
	if err := parse(t, a.actionAddCmd(func(_ context.Context, o *actionAddOptions) error { add = o; return nil }),
		"3", "Alert", "on", "lag", "--owner", " @ida ", "--due", "next friday", "--priority", "1"); err != nil {
		t.Fatal(err)
	}
	if add.Title != "Alert on lag" || add.Owner != "@ida" || add.Due != "next friday" || add.Priority != incident.P1 {
		t.Errorf("action add options = %+v", *add)
	}
	if err := parse(t, a.actionAddCmd(func(context.Context, *actionAddOptions) error { return nil }), "3", "x", "--owner", "a\nb"); err == nil {
		t.Error("a two-line owner parsed")
	}

	var edit *actionEditOptions
	run := func(_ context.Context, o *actionEditOptions) error { edit = o; return nil }
	if err := parse(t, a.actionEditCmd(run), "12", "--owner", "", "--due", "+3d"); err != nil {
		t.Fatal(err)
	}
	if edit.ItemID != 12 || edit.Owner == nil || *edit.Owner != "" || edit.Due == nil || *edit.Due != "+3d" || edit.Title != nil || edit.Priority != nil {
		t.Errorf("action edit options = %+v", *edit)
	}
	if err := parse(t, a.actionEditCmd(run), "12"); err == nil || !strings.Contains(err.Error(), "nothing to change") {
		t.Errorf("action edit without a flag: %v", err)
	}
	for _, c := range []struct {
		cmd  func(func(context.Context, *actionIDOptions) error) *cobra.Command
		args []string
		want actionIDOptions
	}{
		{a.actionDoneCmd, []string{"4", "--wontdo"}, actionIDOptions{ItemID: 4, State: incident.ItemWontDo}},
		{a.actionDoneCmd, []string{"4", "--reopen"}, actionIDOptions{ItemID: 4, State: incident.ItemOpen}},
		{a.actionDeleteCmd, []string{"5"}, actionIDOptions{ItemID: 5}},
		{a.actionRestoreCmd, []string{"6"}, actionIDOptions{ItemID: 6}},
	} {
		var got *actionIDOptions
		if err := parse(t, c.cmd(func(_ context.Context, o *actionIDOptions) error { got = o; return nil }), c.args...); err != nil {
			t.Fatalf("%v: %v", c.args, err)
		}
		if *got != c.want {
			t.Errorf("%v: options %+v, want %+v", c.args, *got, c.want)
		}
	}
	var list *actionListOptions
	if err := parse(t, a.actionListCmd(func(_ context.Context, o *actionListOptions) error { list = o; return nil }), "3", "--json"); err != nil || *list != (actionListOptions{IncidentID: 3, JSON: true}) {
		t.Errorf("action list: %v %+v", err, list)
	}
}

func TestRetroOptions(t *testing.T) {
	a := testApp()
	calls := map[string]retroOptions{}
	run := func(_ context.Context, name string, o *retroOptions) error { calls[name] = *o; return nil }
	for _, args := range [][]string{
		{"7", "well", "The", "rollback", "took", "two", "minutes"},
		{"edit", "12", "The", "canary", "covered", "eu-west-1"},
		{"delete", "13"},
		{"restore", "14"},
	} {
		if err := parse(t, a.retroCmdWith(run), args...); err != nil {
			t.Fatalf("retro %v: %v", args, err)
		}
	}
	want := map[string]retroOptions{
		"add":     {IncidentID: 7, Section: incident.RetroWentWell, Text: "The rollback took two minutes"},
		"edit":    {NoteID: 12, Text: "The canary covered eu-west-1"},
		"delete":  {NoteID: 13},
		"restore": {NoteID: 14},
	}
	for name, w := range want {
		if calls[name] != w {
			t.Errorf("retro %s: options %+v, want %+v", name, calls[name], w)
		}
	}
	if err := parse(t, a.retroCmdWith(run), "edit", "12"); err == nil {
		t.Error("retro edit without text parsed")
	}
}

// TestCommandNameBuildsOnlyWhatIsNamed: `scribe log …` builds the log
// command alone (start-up cost); anything else sees every command.
func TestCommandNameBuildsOnlyWhatIsNamed(t *testing.T) {
	for args, want := range map[string]string{
		"log 7 x":            "log",
		"--db x.db log 7 x":  "log",
		"--db=x.db show 7":   "show",
		"--help":             "",
		"":                   "",
		"-- log":             "",
		"help log":           "help",
		"__complete log 7 x": "__complete",
		"--version":          "",
	} {
		if got := commandName(strings.Fields(args)); got != want {
			t.Errorf("commandName(%q) = %q, want %q", args, got, want)
		}
	}
	a := testApp()
	if n := len(a.commands([]string{"log", "7", "x"})); n != 1 {
		t.Errorf("scribe log built %d commands", n)
	}
	if n := len(a.commands([]string{"help"})); n < 15 {
		t.Errorf("scribe help built %d commands", n)
	}
}
