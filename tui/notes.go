package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

// notesModel is the adviser's notes on the case: the newest is edited in the box, and every
// change is saved shortly after typing stops.
type notesModel struct {
	ta      textarea.Model
	back    screen
	editing int // index of the note in the box, or -1 for a new one not yet started
}

func newNotesModel() notesModel {
	ta := textarea.New()
	ta.Placeholder = "Type a note. It is saved as you type."
	ta.ShowLineNumbers = false
	ta.CharLimit = 20000
	ta.Prompt = "│ "
	return notesModel{ta: ta, editing: -1}
}

func (n *notesModel) resize(m *Model) {
	n.ta.SetWidth(max(m.c.width-2, 10))
	n.ta.SetHeight(max(m.bodyHeight()/2-1, 3))
}

// load starts a fresh note for the case just opened.
func (n *notesModel) load(m *Model) {
	n.ta.Reset()
	n.editing = -1
	n.resize(m)
}

func (n *notesModel) focus() tea.Cmd { return n.ta.Focus() }

func (n *notesModel) update(m *Model, msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case k.String() == "esc":
			n.finish()
			n.ta.Blur()
			m.scr = n.back
			if n.back == scrInterview && m.iv.form == nil && !m.iv.done {
				return m.iv.start(m)
			}
			return nil
		case key.Matches(k, m.c.keys.AddNote):
			n.finish()
			return nil
		}
	}
	before := n.ta.Value()
	var cmd tea.Cmd
	n.ta, cmd = n.ta.Update(msg)
	if n.ta.Value() == before || m.cs == nil {
		return cmd
	}
	text := n.ta.Value()
	notes := m.cs.c.Notes
	if n.editing < 0 || n.editing >= len(notes) {
		if strings.TrimSpace(text) == "" {
			return cmd
		}
		m.cs.c.Notes = append(notes, storage.Note{ID: storage.NewID()[:16], At: time.Now().UTC(), Text: text})
		n.editing = len(m.cs.c.Notes) - 1
	} else {
		m.cs.c.Notes[n.editing].Text = text
		m.cs.c.Notes[n.editing].Edited = time.Now().UTC()
	}
	return tea.Batch(cmd, m.markDirty())
}

// finish closes the note being written, so the next key starts a new one.
func (n *notesModel) finish() {
	n.ta.Reset()
	n.editing = -1
}

func (n *notesModel) view(m *Model) string {
	st := m.c.st
	w := m.c.width - 2
	var b strings.Builder
	b.WriteString(n.ta.View() + "\n\n")
	room := m.bodyHeight() - n.ta.Height() - 3
	notes := m.cs.c.Notes
	if len(notes) == 0 {
		b.WriteString(st.Subtle.Render("No notes yet."))
		return b.String()
	}
	b.WriteString(st.Heading.Render("Notes, newest first") + "\n")
	used := 0
	for i := len(notes) - 1; i >= 0 && used < room; i-- {
		if i == n.editing {
			continue
		}
		nt := notes[i]
		when := nt.At.Local().Format("2 Jan 2006 15:04")
		first := strings.ReplaceAll(nt.Text, "\n", " ")
		b.WriteString(st.Bold.Render(when) + "  " + clip(first, w-lipglossWidth(when)-2) + "\n")
		used++
	}
	return b.String()
}

func (n *notesModel) keys(m *Model) helpKeys {
	k := m.c.keys
	return helpKeys{short: []key.Binding{kb("type", "write"), k.AddNote, kb("esc", "done"), k.QuickExit}}
}
