package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"scribe/incident"
)

// actionsPane lists the incident's action items with their GitHub state;
// the selected one can be edited, deleted, marked done or filed.
type actionsPane struct {
	c     *common
	h     host
	keys  actionKeys
	list  itemList[incident.ActionItem]
	zone  *time.Location // typed due dates are days in it
	width int
}

// actionKeys are the Actions pane's item keys, on only while an item is
// selected.
type actionKeys struct {
	Edit, Delete, Done, File, Undo, Escape key.Binding
}

func newActionsPane(c *common, h host) *actionsPane {
	k := c.keys
	p := &actionsPane{c: c, h: h, keys: actionKeys{
		Edit:   rebind(k.Edit, "edit"),
		Delete: rebind(k.Delete, "delete"),
		Done:   rebind(k.Done, "done/reopen"),
		File:   rebind(k.File, "file on GitHub"),
		Undo:   rebind(k.Undo, "undo"),
		Escape: rebind(k.Escape, "unselect"),
	}}
	p.list = newItemList(newListKeys(k, "first item", "last item"), func(it incident.ActionItem) int64 { return it.ID })
	p.syncKeys()
	return p
}

func (p *actionsPane) Title() string {
	if open := p.open(); open > 0 {
		return fmt.Sprintf("Actions %d", open)
	}
	return "Actions"
}

// open counts the items still open.
func (p *actionsPane) open() int {
	n := 0
	for _, it := range p.list.items {
		if it.State == incident.ItemOpen {
			n++
		}
	}
	return n
}

func (p *actionsPane) ShortHelp() []key.Binding {
	k := &p.keys
	return []key.Binding{k.Edit, k.Done, k.Delete, k.File, k.Undo, k.Escape, p.list.keys.Up}
}

func (p *actionsPane) FullHelp() [][]key.Binding {
	k := &p.keys
	return [][]key.Binding{p.list.keys.help(), {k.Edit, k.Done, k.Delete, k.File, k.Undo, k.Escape}}
}

func (p *actionsPane) syncKeys() {
	k := &p.keys
	_, selected := p.list.Selected()
	for _, b := range []*key.Binding{&k.Edit, &k.Delete, &k.Done, &k.File, &k.Undo, &k.Escape} {
		b.SetEnabled(selected)
	}
}

func (p *actionsPane) SetSize(w, h int) { p.width = w; p.list.setHeight(h) }

func (p *actionsPane) SetData(d paneData) {
	p.zone = d.zone
	p.list.setItems(d.snap.ActionItems)
	p.syncKeys()
}

func (p *actionsPane) Selected() (incident.ActionItem, bool) { return p.list.Selected() }

func (p *actionsPane) Update(msg tea.Msg) tea.Cmd {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	defer p.syncKeys()
	k := &p.keys
	switch {
	case p.list.navigate(m):
	case key.Matches(m, k.Escape):
		p.list.unselect()
	case key.Matches(m, k.Undo):
		return p.h.undoLast()
	default:
		return p.itemKey(m)
	}
	return nil
}

// itemKey acts on the selected item.
func (p *actionsPane) itemKey(m tea.KeyPressMsg) tea.Cmd {
	it, ok := p.Selected()
	if !ok {
		return nil
	}
	k := &p.keys
	switch {
	case key.Matches(m, k.Edit):
		p.edit(it)
	case key.Matches(m, k.Done):
		return p.h.write("", itemState(it.IncidentID, it.ID, toggleDone))
	case key.Matches(m, k.Delete):
		// As in the timeline, the selection goes with the item.
		p.list.unselect()
		return p.h.write("", itemDelete(it))
	case key.Matches(m, k.File):
		return p.h.fileItems([]int64{it.ID})
	}
	return nil
}

// reopen edits item t again, unless it is gone.
func (p *actionsPane) reopen(t fixTarget, snap *incident.Snapshot) bool {
	if t.Kind != fixItem {
		return false
	}
	for _, it := range snap.ActionItems {
		if it.ID == t.ID && !it.Deleted() {
			p.edit(it)
			return true
		}
	}
	return false
}

// edit puts the item into the input in /action's grammar; what the line
// holds when Enter is pressed is what the item becomes (a tag taken out
// clears that field).
func (p *actionsPane) edit(it incident.ActionItem) {
	p.h.correct(correction{
		prompt: fmt.Sprintf("edit #%d › ", it.ID),
		text:   itemLine(it),
		hint:   "TITLE @owner due:WHEN p0-p3 -- description",
		save:   func(line string) (tea.Cmd, error) { return p.saveEdit(it, line) },
		target: fixTarget{Kind: fixItem, ID: it.ID},
	})
}

// itemLine writes an item in the grammar of /action.
func itemLine(it incident.ActionItem) string {
	var parts []string
	for _, w := range strings.Fields(Sanitize(it.Title)) {
		if needsEscape(w) {
			w = `\` + w // a word of the title, not a tag (parseActionItem)
		}
		parts = append(parts, w)
	}
	if owner := Sanitize(it.Owner); owner != "" {
		// readOwner's grammar: a login as @login, any other name in quotes.
		if login, ok := strings.CutPrefix(owner, "@"); !ok || login == "" || strings.ContainsAny(login, " \t\"") {
			owner = `@"` + strings.ReplaceAll(owner, `"`, "'") + `"`
		}
		parts = append(parts, owner)
	}
	if it.Due != "" {
		parts = append(parts, "due:"+it.Due)
	}
	if it.Priority != "" {
		parts = append(parts, strings.ToLower(string(it.Priority)))
	}
	if it.Description != "" {
		parts = append(parts, "--", Sanitize(it.Description))
	}
	return strings.Join(parts, " ")
}

func (p *actionsPane) saveEdit(orig incident.ActionItem, line string) (tea.Cmd, error) {
	next, err := parseActionItem(line, p.h.now(), p.zone)
	if err != nil {
		return nil, err
	}
	if next.Title == "" {
		return nil, incident.Errorf(incident.EINVALID, "the title is empty: to remove the item press esc, select it and press d")
	}
	next = keepUnchanged(orig, next, p.h.now(), p.zone)
	return p.h.write(line, func(ctx context.Context, st Store) (change, error) {
		if _, err := st.UpdateActionItem(ctx, orig.ID, func(it *incident.ActionItem) error {
			it.Title, it.Owner, it.Due, it.Priority, it.Description = next.Title, next.Owner, next.Due, next.Priority, next.Description
			return nil
		}); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("action item #%d saved", orig.ID), undo: undoItemEdit(orig)}, nil
	}), nil
}

// keepUnchanged gives back, in next (what the corrected line reads as),
// the stored value of every field whose reading the user did not change
// from the prefilled line: the line's grammar cannot say everything an
// item may hold (a title with "p1" or "@security" in it reads those as
// tags, a name with a double quote in it is written with a single one),
// and correcting the due date must not rewrite the owner or the title.
func keepUnchanged(orig, next incident.ActionItem, now time.Time, zone *time.Location) incident.ActionItem {
	before, err := parseActionItem(itemLine(orig), now, zone)
	if err != nil {
		return next
	}
	keep := func(field *string, was, is, stored string) {
		if was == is {
			*field = stored
		}
	}
	keep(&next.Title, before.Title, next.Title, orig.Title)
	keep(&next.Owner, before.Owner, next.Owner, orig.Owner)
	keep(&next.Due, before.Due, next.Due, orig.Due)
	keep(&next.Description, before.Description, next.Description, orig.Description)
	if before.Priority == next.Priority {
		next.Priority = orig.Priority
	}
	return next
}

// undoItemEdit puts an item's fields back as they were.
func undoItemEdit(prev incident.ActionItem) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if _, err := st.UpdateActionItem(ctx, prev.ID, func(it *incident.ActionItem) error {
			it.Title, it.Owner, it.Due, it.Priority, it.Description = prev.Title, prev.Owner, prev.Due, prev.Priority, prev.Description
			return nil
		}); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("undone: action item #%d back as it was", prev.ID)}, nil
	}}
}

// itemDelete soft-deletes an item and its timeline line; undo brings both
// back.
func itemDelete(it incident.ActionItem) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteActionItem(ctx, it.ID); err != nil {
			return change{}, err
		}
		undo := &undoOp{run: func(ctx context.Context, st Store) (change, error) {
			if err := st.RestoreActionItem(ctx, it.ID); err != nil {
				return change{}, err
			}
			return change{what: fmt.Sprintf("undone: action item #%d is back", it.ID)}, nil
		}}
		what := fmt.Sprintf("deleted action item #%d %q · ctrl+z or /undo brings it back", it.ID, clip(it.Title))
		return change{what: what, removed: it.EventID, undo: undo}, nil
	}
}

// undoItemAdd removes an item this session added, with its timeline line.
func undoItemAdd(it incident.ActionItem) *undoOp {
	return &undoOp{run: func(ctx context.Context, st Store) (change, error) {
		if err := st.DeleteActionItem(ctx, it.ID); err != nil {
			return change{}, err
		}
		return change{what: fmt.Sprintf("undone: removed action item #%d %q", it.ID, clip(it.Title)), removed: it.EventID}, nil
	}}
}

func toggleDone(s incident.ItemState) incident.ItemState {
	if s == incident.ItemOpen {
		return incident.ItemDone
	}
	return incident.ItemOpen
}

// itemState moves an action item of incident id to the state next gives
// for its current one; undo moves it back.
func itemState(id, itemID int64, next func(incident.ItemState) incident.ItemState) writeFunc {
	return func(ctx context.Context, st Store) (change, error) {
		var prev incident.ItemState
		it, err := st.UpdateActionItem(ctx, itemID, func(it *incident.ActionItem) error {
			if it.IncidentID != id {
				return incident.Errorf(incident.ENOTFOUND, "action item #%d belongs to another incident: see the Actions pane for this one's numbers", itemID)
			}
			prev = it.State
			it.State = next(it.State)
			return nil
		})
		if err != nil {
			return change{}, err
		}
		undo := &undoOp{run: itemState(id, itemID, func(incident.ItemState) incident.ItemState { return prev })}
		return change{what: fmt.Sprintf("action item #%d: %s", itemID, it.State.Label()), undo: undo}, nil
	}
}

func (p *actionsPane) View() string {
	st := p.c.styles
	head := st.Muted.Render(fit(fmt.Sprintf("%d open of %d · /action TITLE @owner due:WHEN p1 · /file OWNER/NAME · select: e edit, x done, d delete, f file", p.open(), len(p.list.items)), p.width))
	if len(p.list.items) == 0 {
		return head + "\n" + st.Muted.Render(fit("No action items yet.", p.width))
	}
	return strings.Join(p.list.rows([]string{head}, p.row), "\n")
}

func (p *actionsPane) row(it incident.ActionItem, selected bool) string {
	box := "☐"
	switch it.State {
	case incident.ItemDone:
		box = "☑"
	case incident.ItemWontDo:
		box = "☒"
	}
	parts := []string{fmt.Sprintf("%s #%-3d %s", box, it.ID, Sanitize(it.Title))}
	if it.Owner != "" {
		parts = append(parts, "@"+strings.TrimPrefix(Sanitize(it.Owner), "@"))
	} else {
		parts = append(parts, "(no owner)")
	}
	if it.Priority != "" {
		parts = append(parts, string(it.Priority))
	}
	if it.Due != "" {
		parts = append(parts, "due "+it.Due)
	}
	if it.State != incident.ItemOpen {
		parts = append(parts, it.State.Label())
	}
	gh := it.GitHub
	switch {
	case gh.Filed():
		parts = append(parts, fmt.Sprintf("GH %s#%d %s", Sanitize(gh.Repo), gh.Number, Sanitize(gh.State)))
	case gh.SyncError != "":
		parts = append(parts, "GH error: "+Sanitize(gh.SyncError))
	}
	line := strings.Join(parts, "  ")
	if selected && it.Description != "" {
		line += "  — " + Sanitize(it.Description)
	}
	if selected {
		return p.c.styles.Selected.Render(padRight(fit(line, p.width), p.width))
	}
	if it.State != incident.ItemOpen {
		return p.c.styles.Muted.Render(fit(line, p.width))
	}
	return fit(line, p.width)
}
