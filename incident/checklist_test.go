package incident_test

import (
	"strings"
	"testing"

	"scribe/incident"
)

func TestChecklistToAttachKeepsAndExtends(t *testing.T) {
	// Declared SEV3: its one item.
	attached := incident.ChecklistToAttach(nil, 3, []string{"Name an IC"})
	if len(attached) != 1 || attached[0].Order != 1 || attached[0].Severity != 3 || attached[0].State != incident.ChecklistOpen {
		t.Fatalf("SEV3 checklist attached as %+v", attached)
	}
	attached[0].State = incident.ChecklistDone
	// Escalated to SEV1: its items are added after, the shared one once,
	// the ticked one kept as it is.
	more := incident.ChecklistToAttach(attached, 1, []string{"name an  IC", "Page the DBA", "Tell the CEO", "Page the DBA", " "})
	var texts []string
	for _, c := range more {
		texts = append(texts, c.Text)
		if c.Severity != 1 || c.State != incident.ChecklistOpen {
			t.Errorf("added item %+v", c)
		}
	}
	if strings.Join(texts, "|") != "Page the DBA|Tell the CEO" || more[0].Order != 2 || more[1].Order != 3 {
		t.Errorf("escalation added %+v", more)
	}
	if attached[0].State != incident.ChecklistDone {
		t.Error("escalation changed an existing item")
	}
}

func TestChecklistItemValidate(t *testing.T) {
	ok := incident.ChecklistItem{Text: "Open the status page incident", Severity: 1, State: incident.ChecklistDone, At: at(14, 0), By: "Ana"}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for name, tt := range map[string]struct {
		edit func(*incident.ChecklistItem)
		want string
	}{
		"empty":     {func(c *incident.ChecklistItem) { c.Text = "  " }, "checklist item is empty"},
		"two lines": {func(c *incident.ChecklistItem) { c.Text = "a\nb" }, `checklist item "a…" spans several lines`},
		"long":      {func(c *incident.ChecklistItem) { c.Text = strings.Repeat("x", 201) }, "checklist item is 201 characters long: at most 200"},
		"severity":  {func(c *incident.ChecklistItem) { c.Severity = 0 }, "has severity 0"},
		"state":     {func(c *incident.ChecklistItem) { c.State = "half" }, `invalid checklist state "half": use one of open, done, skipped`},
		"by":        {func(c *incident.ChecklistItem) { c.By = "a\nb" }, "person spans several lines"},
		"year 2500": {func(c *incident.ChecklistItem) { c.At = c.At.AddDate(500, 0, 0) }, "outside the times scribe accepts"},
		"bad UTF-8": {func(c *incident.ChecklistItem) { c.Text = "a\xffb" }, "not valid UTF-8"},
	} {
		c := ok
		tt.edit(&c)
		wantInvalid(t, name, c.Validate(), tt.want)
	}
}

func TestFindChecklistItem(t *testing.T) {
	items := []incident.ChecklistItem{
		{Text: "Name an incident commander"}, {Text: "Open the status page incident"},
		{Text: "Post the first external update"}, {Text: "Page the owning team"},
	}
	for ref, want := range map[string]int{
		"1": 0, "#4": 3, "name an": 0, "OPEN the  status": 1, "external": 2, "owning team": 3, "Page the owning team": 3,
	} {
		if got, err := incident.FindChecklistItem(items, ref); err != nil || got != want {
			t.Errorf("FindChecklistItem(%q) = %d, %v; want %d", ref, got, err, want)
		}
	}
	for ref, want := range map[string]string{
		"":         "which checklist item?",
		"0":        "no checklist item 0: the checklist has 4",
		"5":        "no checklist item 5: the checklist has 4",
		"incident": `"incident" matches 2 checklist items (1 Name an incident commander; 2 Open the status page incident): give its number`,
		"coffee":   `no checklist item matches "coffee"`,
	} {
		_, err := incident.FindChecklistItem(items, ref)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("FindChecklistItem(%q) error %v, want %q", ref, err, want)
		}
	}
}
