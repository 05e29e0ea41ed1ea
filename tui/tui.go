// Package tui is kincare's full-screen interface: the case list, the questions, the results,
// the read-out summary and notes.
package tui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"kincare/storage"
)

// clearAll homes the cursor, erases the screen, then erases the scrollback: the order clear(1)
// uses. Erasing the scrollback first lets terminals that keep a cleared screen (tmux) put the
// screen back into the emptied scrollback.
const clearAll = "\x1b[H\x1b[2J\x1b[3J"

// clipboardPayload is what the clipboard holds after a quick exit: a harmless word. Terminals
// ignore an empty OSC 52, which would leave a copied letter or read-out there.
const clipboardPayload = "cleared"

// clearClipboard overwrites the clipboard with clipboardPayload (OSC 52, base64).
const clearClipboard = "\x1b]52;c;Y2xlYXJlZA==\x07"

// Run starts the full-screen interface and returns any text to print once it has closed.
func Run(o Options) (string, error) {
	if o.Out == nil {
		o.Out = os.Stdout
	}
	if o.In == nil {
		o.In = os.Stdin
	}
	if o.Getenv == nil {
		o.Getenv = os.Getenv
	}
	if o.Getenv("NO_COLOR") != "" {
		o.NoColor = true
	}
	if !o.ASCII && !UTF8Locale(o.Getenv) {
		o.ASCII = true
	}
	m := New(o)
	opts := []tea.ProgramOption{tea.WithInput(o.In), tea.WithOutput(o.Out)}
	if o.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	p := tea.NewProgram(m, opts...)
	final, err := p.Run()
	fm, _ := final.(*Model)
	if fm == nil {
		fm = m
	}
	var kept []storage.WrittenFile
	if fm.c.guest && fm.store != nil {
		kept, _ = storage.WrittenFiles(fm.store)
	}
	closeErr := fm.shutdown()
	if fm.quick {
		// Nothing is printed after a quick exit: a line saying kincare was used gives it away.
		io.WriteString(o.Out, clearAll)
		io.WriteString(o.Out, clearClipboard)
	} else if fm.c.guest {
		fmt.Fprint(o.Out, guestGoodbye(kept))
	}
	if err != nil && !errors.Is(err, tea.ErrInterrupted) {
		return "", err
	}
	if closeErr != nil {
		return fm.printOnExit, closeErr
	}
	return fm.printOnExit, nil
}

// shutdown saves a case with unsaved changes and closes the store. It runs after the
// program has stopped, so the screen is already back to normal.
func (m *Model) shutdown() error {
	if m.store == nil {
		return nil
	}
	var err error
	if m.cs != nil && m.cs.dirty {
		c := m.cs.snapshot()
		err = m.store.Save(&c)
	}
	if m.c.guest {
		_ = m.store.DeleteAll()
	}
	if cerr := m.store.Close(); err == nil {
		err = cerr
	}
	m.cs = nil
	m.store = nil
	return err
}

// guestGoodbye says what a guest session left on this computer: nothing, or the files the
// person chose to save, which are theirs to delete.
func guestGoodbye(kept []storage.WrittenFile) string {
	var paths []string
	for _, f := range kept {
		if !f.Gone {
			paths = append(paths, "  "+f.Path)
		}
	}
	if len(paths) == 0 {
		return "Guest session ended. Nothing was kept.\n"
	}
	return "Guest session ended. The cases were not kept, but these files you saved are still on this computer:\n" +
		strings.Join(paths, "\n") + "\nDelete them when you no longer need them.\n"
}
