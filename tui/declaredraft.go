package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The declare form's title is a draft too: a declaration half typed when
// ctrl+c quits (or the machine dies) comes back, in the form, the next
// time the list is shown. It is kept as the draft of incident 0, a number
// no incident has.

// declareDraftID is the Drafts key of the declare form's title.
const declareDraftID = 0

// declareDraft is the list screen's bookkeeping of that draft.
type declareDraft struct {
	seq        int    // the latest save scheduled
	saved      string // what the store of drafts holds, as far as we know
	quitAnyway bool   // the save on quit failed: the next ctrl+c quits
}

// declareDraftMsg is the draft read when the list is loaded.
type declareDraftMsg struct {
	text string
	err  error
}

// declareDraftDueMsg asks for a save after the typing paused.
type declareDraftDueMsg struct{ seq int }

// declareDraftSavedMsg ends a save; quit when it was the save on quit.
type declareDraftSavedMsg struct {
	text string
	quit bool
	err  error
}

// loadDeclareDraft reads the kept declaration.
func (l *listScreen) loadDeclareDraft() tea.Cmd {
	drafts, ctx := l.c.opts.Drafts, l.c.ctx
	if drafts == nil {
		return nil
	}
	return func() tea.Msg {
		text, err := drafts.LoadDraft(ctx, declareDraftID)
		return declareDraftMsg{text: text, err: err}
	}
}

// declareDraftLoaded opens the form again with the kept title, unless a
// declaration is being typed already.
func (l *listScreen) declareDraftLoaded(msg declareDraftMsg) tea.Cmd {
	if msg.err != nil {
		l.status.Error(msg.err)
		return nil
	}
	l.draft.saved = msg.text
	title := strings.TrimSpace(Sanitize(msg.text))
	if title == "" || l.declare != nil {
		return nil
	}
	l.declare = newDeclareForm(l.c, title)
	l.declare.SetWidth(l.c.width)
	return l.status.Info(l.c, "your unfinished declaration is back · enter goes on, esc drops it")
}

// declareText is what the declaration's draft should hold now: the title,
// typed or already taken.
func (l *listScreen) declareText() string {
	f := l.declare
	if f == nil {
		return ""
	}
	if f.title != "" {
		return f.title
	}
	return f.in.Value()
}

// declareDraftSoon schedules a save for when typing pauses.
func (l *listScreen) declareDraftSoon() tea.Cmd {
	if l.c.opts.Drafts == nil {
		return nil
	}
	l.draft.seq++
	seq := l.draft.seq
	return l.c.after(draftDelay, func(time.Time) tea.Msg { return declareDraftDueMsg{seq: seq} })
}

// saveDeclareDraft keeps the declaration's title ("" removes the draft)
// when it changed; quit ends the program once it is kept. nil when there
// is nothing to save.
func (l *listScreen) saveDeclareDraft(quit bool) tea.Cmd {
	drafts, ctx, text := l.c.opts.Drafts, l.c.ctx, l.declareText()
	if drafts == nil || text == l.draft.saved {
		return nil
	}
	return func() tea.Msg {
		return declareDraftSavedMsg{text: text, quit: quit, err: drafts.SaveDraft(ctx, declareDraftID, text)}
	}
}

// declareDraftSaved notes what is kept; after the save on quit, it quits,
// or says why it did not.
func (l *listScreen) declareDraftSaved(msg declareDraftSavedMsg) tea.Cmd {
	if msg.err != nil {
		if msg.quit {
			l.draft.quitAnyway = true
			l.status.ErrorHint(msg.err, "the declaration is not saved as a draft (ctrl+c again quits anyway)")
			return nil
		}
		l.status.Error(msg.err)
		return nil
	}
	l.draft.saved = msg.text
	if msg.quit {
		return tea.Quit
	}
	return nil
}

// quit ends the program from the list, keeping a declaration half typed
// first.
func (l *listScreen) quit() tea.Cmd {
	if l.draft.quitAnyway {
		return tea.Quit
	}
	if cmd := l.saveDeclareDraft(true); cmd != nil {
		return cmd
	}
	return tea.Quit
}

// declared forgets the draft of a declaration that was made or dropped.
func (l *listScreen) declared() tea.Cmd {
	return l.saveDeclareDraft(false)
}
