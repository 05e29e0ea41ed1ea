package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// letterEditor edits a letter's text; closing it saves the changes as a new version.
type letterEditor struct {
	c  *common
	lt *letterScreen // the letter being edited, which keeps the versions
	ta textarea.Model
}

func newLetterEditor(lt *letterScreen) *letterEditor {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.Prompt = "│ "
	ta.SetStyles(lt.c.areaStyles())
	e := &letterEditor{c: lt.c, lt: lt, ta: ta}
	e.resize()
	e.ta.SetValue(lt.text())
	e.ta.MoveToBegin()
	return e
}

func (e *letterEditor) start() tea.Cmd { return e.ta.Focus() }
func (e *letterEditor) restyle()       { e.ta.SetStyles(e.c.areaStyles()) }
func (e *letterEditor) crumb() string  { return e.lt.crumb() }

func (e *letterEditor) resize() {
	e.ta.SetWidth(max(e.c.width-2, 10))
	e.ta.SetHeight(max(e.c.bodyHeight()-2, 3))
}

// keepOnLock keeps what was typed as a new version.
func (e *letterEditor) keepOnLock() {
	if text := cleanBlock(e.ta.Value()); text != cleanBlock(e.lt.text()) {
		e.lt.addVersion(text, true)
	}
}

func (e *letterEditor) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "esc" || k.String() == "ctrl+s") {
		e.ta.Blur()
		return e.c.popWith(letterEditedMsg{text: cleanBlock(e.ta.Value())})
	}
	var cmd tea.Cmd
	e.ta, cmd = e.ta.Update(msg)
	return cmd
}

func (e *letterEditor) view() string {
	st := e.c.st
	w := e.c.width - 1
	return st.Bold.Render(clip("Editing: "+requestTitle(e.lt.id), w)) + "\n" + e.ta.View() + "\n" +
		st.Subtle.Render(clip("ctrl+s or esc saves your changes as a new version", w))
}

func (e *letterEditor) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("ctrl+s/esc", "save"), e.c.keys.QuickExit}}
}
