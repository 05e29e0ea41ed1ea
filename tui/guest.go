package tui

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

// A guest session keeps nothing once kincare closes, except files the person chose to save.
// These two screens keep that promise honest: one says, before a file is written, that it will
// stay on this computer and where; the other, on leaving, lists every file the session wrote
// and offers to delete them.

// guestSaveOKMsg tells the save-as dialog below that the person agreed to keep a file.
type guestSaveOKMsg struct{ path string }

// guestSaveScreen asks before a guest session writes a file.
type guestSaveScreen struct {
	c    *common
	path string
}

func (g *guestSaveScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "y", "Y":
			return g.c.popWith(guestSaveOKMsg{path: g.path})
		case "n", "N", "esc":
			return g.c.pop()
		}
	}
	return nil
}

func (g *guestSaveScreen) view() string {
	w := g.c.width - 2
	st := g.c.st
	where := g.path
	if abs, err := filepath.Abs(g.path); err == nil {
		where = abs
	}
	var b strings.Builder
	b.WriteString(st.Bold.Render(wrapText("This file will stay on this computer.", w)) + "\n\n")
	b.WriteString(wrapText("This is a guest session: your cases go when kincare closes, but a saved file does not. The next person to use this computer could open it. It would be saved here:", w) + "\n\n")
	b.WriteString(wrapText("  Folder: "+filepath.Dir(where), w) + "\n")
	b.WriteString(wrapText("  File:   "+filepath.Base(where), w) + "\n\n")
	b.WriteString(wrapText("When you leave kincare, it will list the files you saved and offer to delete them.", w) + "\n\n")
	b.WriteString(st.Bold.Render(wrapText("Save it anyway? y / n", w)))
	return b.String()
}

func (g *guestSaveScreen) crumb() string { return "Save a file" }
func (g *guestSaveScreen) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("y", "save it"), kb("n", "do not save"), g.c.keys.QuickExit}}
}

// removedWrittenMsg is the result of deleting a guest session's files.
type removedWrittenMsg struct {
	kept []string // files kincare did not delete because someone changed them
	err  error
}

// leaveGuestScreen lists the files a guest session saved and offers to delete them before
// kincare closes.
type leaveGuestScreen struct {
	c     *common
	files []storage.WrittenFile
	err   string
}

// guestFilesLeft are the files a guest session saved that are still there.
func guestFilesLeft(s storage.Store) []storage.WrittenFile {
	list, _ := storage.WrittenFiles(s)
	var left []storage.WrittenFile
	for _, f := range list {
		if !f.Gone {
			left = append(left, f)
		}
	}
	return left
}

func removeWritten(s storage.Store) tea.Cmd {
	return runIO(func() tea.Msg {
		_, kept, err := storage.RemoveWrittenFiles(s)
		return removedWrittenMsg{kept: kept, err: err}
	})
}

func (g *leaveGuestScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case removedWrittenMsg:
		if msg.err != nil {
			g.err = "Not all were deleted: " + msg.err.Error()
			return nil
		}
		return g.c.send(leaveMsg{})
	case tea.KeyPressMsg:
		switch msg.String() {
		case "y", "Y", "d", "D":
			return removeWritten(g.c.store)
		case "k", "K":
			return g.c.send(leaveMsg{})
		case "esc", "n", "N":
			return g.c.pop()
		}
	}
	return nil
}

func (g *leaveGuestScreen) view() string {
	w := g.c.width - 2
	st := g.c.st
	var b strings.Builder
	b.WriteString(st.Bold.Render(wrapText("Before you go: these files you saved are still on this computer.", w)) + "\n\n")
	for _, f := range g.files {
		b.WriteString(wrapText("  "+filepath.Base(f.Path), w) + "\n")
		b.WriteString(wrapText("    in "+filepath.Dir(f.Path), w) + "\n")
		if f.Changed {
			b.WriteString(wrapText("    (changed since kincare saved it, so kincare will not delete it)", w) + "\n")
		}
	}
	b.WriteString("\n" + wrapText("The cases in this guest session go when kincare closes. The next person to use this computer could open these files.", w) + "\n\n")
	b.WriteString(st.Bold.Render(wrapText("Delete them now? y delete them and leave, k keep them and leave, esc stay in kincare.", w)))
	if g.err != "" {
		b.WriteString("\n\n" + st.Error.Render(wrapText(g.err, w)))
	}
	return b.String()
}

func (g *leaveGuestScreen) crumb() string { return "Leaving" }
func (g *leaveGuestScreen) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("y", "delete and leave"), kb("k", "keep and leave"), kb("esc", "stay"), g.c.keys.QuickExit}}
}
