package tui

import (
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// saveAsDialog asks where to save a file, asks before replacing one that is there, and
// writes it, readable only by this user. It is the one save-as flow: the read-out and the
// letters both use it.
type saveAsDialog struct {
	c         *common
	in        textinput.Model
	fit       bool    // size the box to the window
	remember  *string // keeps what was typed for next time, when set
	write     func(path string, overwrite bool) (warns []string, err error)
	replacing bool // asking whether to replace a file that is there
}

// savedAsMsg tells the screen below that the file was written.
type savedAsMsg struct {
	path  string
	warns []string
}

// pathCheckedMsg and writtenMsg are the results of the dialog's commands.
type (
	pathCheckedMsg struct {
		path   string
		exists bool
	}
	writtenMsg struct {
		path  string
		warns []string
		err   error
	}
)

func newSaveAs(c *common, initial string, fit bool, write func(string, bool) ([]string, error)) *saveAsDialog {
	in := textinput.New()
	in.Prompt = "Save as: "
	in.CharLimit = 500
	in.SetStyles(c.inputStyles())
	d := &saveAsDialog{c: c, in: in, fit: fit, write: write}
	d.resize()
	d.in.SetValue(initial)
	d.in.CursorEnd()
	return d
}

func (d *saveAsDialog) start() tea.Cmd { return d.in.Focus() }
func (d *saveAsDialog) restyle()       { d.in.SetStyles(d.c.inputStyles()) }

func (d *saveAsDialog) resize() {
	if d.fit {
		d.in.SetWidth(max(d.c.width-lipglossWidth(d.in.Prompt)-2, 10))
	}
}

// target is the path typed, with ~ for the home folder.
func (d *saveAsDialog) target() string { return expandHome(d.in.Value()) }

func expandHome(p string) string {
	p = strings.TrimSpace(entitlements.CleanText(p))
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	return p
}

func (d *saveAsDialog) writeCmd(path string, overwrite bool) tea.Cmd {
	write := d.write
	return runIO(func() tea.Msg {
		warns, err := write(path, overwrite)
		return writtenMsg{path: path, warns: warns, err: err}
	})
}

func (d *saveAsDialog) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pathCheckedMsg:
		if d.replacing || msg.path != d.target() {
			return nil
		}
		if msg.exists {
			d.replacing = true
			d.in.Blur()
			return nil
		}
		return d.writeCmd(msg.path, false)
	case guestSaveOKMsg:
		if msg.path != d.target() {
			return nil
		}
		return statPath(msg.path)
	case writtenMsg:
		if msg.err != nil {
			if os.IsExist(msg.err) {
				d.replacing = true
				return nil
			}
			return tea.Sequence(d.c.pop(), d.c.failure("Not saved: "+msg.err.Error()))
		}
		return tea.Sequence(d.c.pop(), d.c.send(savedAsMsg{path: msg.path, warns: msg.warns}), d.c.status("Saved to "+msg.path))
	case tea.KeyPressMsg:
		if d.replacing {
			switch msg.String() {
			case "y", "Y":
				return d.writeCmd(d.target(), true)
			case "n", "N", "esc":
				d.replacing = false
				return d.in.Focus()
			}
			return nil
		}
		switch msg.String() {
		case "enter":
			if d.target() == "" {
				return nil
			}
			if d.c.guest {
				// Say first that the file outlives the guest session, and where it goes.
				return d.c.push(&guestSaveScreen{c: d.c, path: d.target()})
			}
			return statPath(d.target())
		case "esc":
			return d.c.pop()
		}
	}
	if d.replacing {
		return nil
	}
	var cmd tea.Cmd
	d.in, cmd = d.in.Update(msg)
	if d.remember != nil {
		*d.remember = d.in.Value()
	}
	return cmd
}

func statPath(path string) tea.Cmd {
	return runIO(func() tea.Msg {
		_, err := os.Stat(path)
		return pathCheckedMsg{path: path, exists: err == nil}
	})
}

func (d *saveAsDialog) footer(width int) string {
	if d.replacing {
		return d.c.st.Error.Render(clip("That file already exists. Replace it? y / n  ("+d.target()+")", width))
	}
	return d.in.View()
}
func (d *saveAsDialog) view() string  { return d.footer(d.c.width) }
func (d *saveAsDialog) crumb() string { return "" }
func (d *saveAsDialog) keys() helpKeys {
	if d.replacing {
		return helpKeys{short: []key.Binding{kb("y", "replace"), kb("n", "choose another name"), d.c.keys.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("enter", "save"), kb("esc", "cancel"), d.c.keys.QuickExit}}
}
