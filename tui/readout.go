package tui

import (
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
)

// readoutModel shows the summary an adviser reads out, to scroll, copy, save or print.
type readoutModel struct {
	vp      viewport.Model
	text    string
	back    screen
	saving  bool // asking for a file name
	confirm bool // asking whether to replace a file
	path    textinput.Model
}

func newReadoutModel() readoutModel {
	ti := textinput.New()
	ti.Prompt = "Save as: "
	ti.CharLimit = 500
	return readoutModel{vp: viewport.New(), path: ti}
}

func (r *readoutModel) reset() {
	r.text = ""
	r.vp.SetContent("")
	r.saving, r.confirm = false, false
}

func (r *readoutModel) resize(m *Model) {
	r.vp.SetWidth(max(m.c.width, 10))
	r.vp.SetHeight(max(m.bodyHeight()-1, 3))
	if r.text != "" {
		r.vp.SetContent(wrapText(r.text, m.c.width-1))
	}
}

func (r *readoutModel) open(m *Model, back screen) tea.Cmd {
	r.back = back
	r.text = entitlements.ReadOut(m.cs.rep)
	r.saving, r.confirm = false, false
	r.resize(m)
	r.vp.GotoTop()
	m.scr = scrReadOut
	return nil
}

func defaultSavePath(m *Model) string {
	name := "kincare-summary-" + m.today() + ".txt"
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, name)
	}
	return name
}

func (r *readoutModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if r.confirm {
		if ok {
			switch k.String() {
			case "y", "Y":
				r.confirm = false
				return writeFile(r.target(), r.text, true)
			case "n", "N", "esc":
				r.confirm = false
				r.saving = true
				return r.path.Focus()
			}
		}
		return nil
	}
	if r.saving {
		if ok {
			switch k.String() {
			case "enter":
				if r.target() == "" {
					return nil
				}
				return statFile(r.target())
			case "esc":
				r.saving = false
				r.path.Blur()
				return nil
			}
		}
		var cmd tea.Cmd
		r.path, cmd = r.path.Update(msg)
		return cmd
	}
	if !ok {
		var cmd tea.Cmd
		r.vp, cmd = r.vp.Update(msg)
		return cmd
	}
	keys := m.c.keys
	switch {
	case k.String() == "esc" || k.String() == "q":
		m.scr = r.back
		return nil
	case key.Matches(k, keys.Copy):
		m.clipboardSet = true
		return tea.Batch(tea.SetClipboard(r.text), m.setStatus("Copied. Paste it where you need it.", false))
	case key.Matches(k, keys.Save):
		r.saving = true
		if r.path.Value() == "" {
			r.path.SetValue(defaultSavePath(m))
		}
		r.path.CursorEnd()
		return r.path.Focus()
	case key.Matches(k, keys.Print):
		m.printOnExit = r.text
		return m.quit()
	case key.Matches(k, keys.Help):
		m.c.help.ShowAll = !m.c.help.ShowAll
		return nil
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return cmd
}

func (r *readoutModel) target() string {
	p := strings.TrimSpace(entitlements.CleanText(r.path.Value()))
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	return p
}

func (r *readoutModel) onFile(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case fileExistsMsg:
		if msg.path != r.target() {
			return nil
		}
		if msg.exists {
			r.confirm = true
			r.saving = false
			return nil
		}
		return writeFile(msg.path, r.text, false)
	case fileWrittenMsg:
		r.saving, r.confirm = false, false
		r.path.Blur()
		if msg.err != nil {
			if os.IsExist(msg.err) {
				r.confirm = true
				return nil
			}
			return m.setStatus("Not saved: "+msg.err.Error(), true)
		}
		return m.setStatus("Saved to "+msg.path, false)
	}
	return nil
}

func (r *readoutModel) view(m *Model) string {
	st := m.c.st
	foot := st.Subtle.Render(itoa(int(r.vp.ScrollPercent()*100)) + "% read")
	switch {
	case r.confirm:
		foot = st.Error.Render(clip("That file already exists. Replace it? y / n  ("+r.target()+")", m.c.width))
	case r.saving:
		foot = r.path.View()
	}
	return r.vp.View() + "\n" + foot
}

func (r *readoutModel) keys(m *Model) helpKeys {
	k := m.c.keys
	if r.confirm {
		return helpKeys{short: []key.Binding{kb("y", "replace"), kb("n", "choose another name"), k.QuickExit}}
	}
	if r.saving {
		return helpKeys{short: []key.Binding{kb("enter", "save"), kb("esc", "cancel"), k.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("↑/↓", "scroll"), k.Copy, k.Save, k.Print, kb("esc", "back"), k.QuickExit}}
}
