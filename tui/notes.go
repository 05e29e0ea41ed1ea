package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

// notesScreen is the adviser's notes on the case: the newest is edited in the box, and every
// change is saved shortly after typing stops.
type notesScreen struct {
	c       *common
	cs      *caseState
	ta      textarea.Model
	editing int // index of the note in the box, or -1 for a new one not yet started
}

func newNotesScreen(c *common, cs *caseState) *notesScreen {
	ta := textarea.New()
	ta.Placeholder = "Type a note. It is saved as you type."
	ta.ShowLineNumbers = false
	ta.CharLimit = 20000
	ta.Prompt = "│ "
	ta.SetStyles(c.areaStyles())
	n := &notesScreen{c: c, cs: cs, ta: ta, editing: -1}
	n.resize()
	return n
}

func (n *notesScreen) crumb() string  { return n.cs.label() + " · Notes" }
func (n *notesScreen) start() tea.Cmd { return n.ta.Focus() }
func (n *notesScreen) restyle()       { n.ta.SetStyles(n.c.areaStyles()) }

func (n *notesScreen) resize() {
	n.ta.SetWidth(max(n.c.width-2, 10))
	n.ta.SetHeight(max(n.c.bodyHeight()/2-1, 3))
}

func (n *notesScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case k.String() == "esc":
			return n.c.pop()
		case key.Matches(k, n.c.keys.AddNote):
			// The note being written is closed, so the next key starts a new one.
			n.ta.Reset()
			n.editing = -1
			return nil
		}
	}
	before := n.ta.Value()
	var cmd tea.Cmd
	n.ta, cmd = n.ta.Update(msg)
	if n.ta.Value() == before {
		return cmd
	}
	text := n.ta.Value()
	notes := n.cs.c.Notes
	if n.editing < 0 || n.editing >= len(notes) {
		if strings.TrimSpace(text) == "" {
			return cmd
		}
		n.cs.c.Notes = append(notes, storage.Note{ID: storage.NewID()[:16], At: time.Now().UTC(), Text: text})
		n.editing = len(n.cs.c.Notes) - 1
	} else {
		n.cs.c.Notes[n.editing].Text = text
		n.cs.c.Notes[n.editing].Edited = time.Now().UTC()
	}
	return tea.Batch(cmd, n.cs.touch())
}

func (n *notesScreen) view() string {
	st := n.c.st
	w := n.c.width - 2
	var b strings.Builder
	b.WriteString(n.ta.View() + "\n\n")
	room := n.c.bodyHeight() - n.ta.Height() - 3
	notes := n.cs.c.Notes
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

func (n *notesScreen) keys() helpKeys {
	k := n.c.keys
	return helpKeys{short: []key.Binding{kb("type", "write"), k.AddNote, kb("esc", "done"), k.QuickExit}}
}
