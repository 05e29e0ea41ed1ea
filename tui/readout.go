package tui

import (
	"os"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// readoutScreen shows the summary an adviser reads out, to scroll, copy, save or print.
type readoutScreen struct {
	c    *common
	cs   *caseState
	vp   viewport.Model
	text string
	full bool // the full list of what the family can get, rather than the short read-out
}

func newReadoutScreen(c *common, cs *caseState) *readoutScreen {
	r := &readoutScreen{c: c, cs: cs, vp: viewport.New(), text: cs.readOut()}
	r.resize()
	r.vp.GotoTop()
	return r
}

func (r *readoutScreen) crumb() string {
	if r.full {
		return r.cs.label() + " · Read-out · full list"
	}
	return r.cs.label() + " · Read-out summary"
}

func (r *readoutScreen) resize() {
	r.vp.SetWidth(max(r.c.width, 10))
	r.vp.SetHeight(max(r.c.bodyHeight()-1, 3))
	if r.text != "" {
		r.vp.SetContent(wrapText(r.text, r.c.width-1))
	}
}

func defaultSavePath(today string) string {
	name := "kincare-summary-" + today + ".txt"
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, name)
	}
	return name
}

func (r *readoutScreen) update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		r.vp, cmd = r.vp.Update(msg)
		return cmd
	}
	keys := r.c.keys
	switch {
	case key.Matches(k, backKey):
		return r.c.pop()
	case key.Matches(k, keys.Copy):
		return tea.Batch(r.c.copyText(r.text), r.c.status("Copied. Paste it where you need it."))
	case key.Matches(k, keys.Save):
		if r.c.savePath == "" {
			r.c.savePath = defaultSavePath(r.c.today.String())
		}
		text, store := r.text, r.c.store
		d := newSaveAs(r.c, r.c.savePath, false, func(path string, overwrite bool) ([]string, error) {
			return nil, writeRecorded(store, path, []byte(text), overwrite)
		})
		d.remember = &r.c.savePath
		return r.c.push(d)
	case key.Matches(k, keys.Print):
		return r.c.push(newConfirm(r.c, "Leave kincare now and print the read-out once the screen is clear? y / n", "leave and print", "stay", printAndQuitMsg{r.text}))
	case key.Matches(k, keys.FullList):
		// One key between the short read-out and every outcome; copy, save and print take
		// whichever is shown.
		r.full = !r.full
		r.text = r.cs.readOut()
		if r.full {
			r.text = r.cs.fullList()
		}
		r.resize()
		r.vp.GotoTop()
		return nil
	case key.Matches(k, keys.Help):
		r.c.help.ShowAll = !r.c.help.ShowAll
		return nil
	}
	var cmd tea.Cmd
	r.vp, cmd = r.vp.Update(msg)
	return cmd
}

func (r *readoutScreen) view() string {
	return r.vp.View() + "\n" + r.c.st.Subtle.Render(itoa(int(r.vp.ScrollPercent()*100))+"% read")
}

func (r *readoutScreen) viewWith(d dialog) string {
	return r.vp.View() + "\n" + d.footer(r.c.width)
}

func (r *readoutScreen) keys() helpKeys {
	k := r.c.keys
	full := k.FullList
	if r.full {
		full.SetHelp("f", "short one")
	}
	// Quick exit must fit at 80 columns: scrolling and printing come after it.
	return helpKeys{short: []key.Binding{full, k.Copy, k.Save, backKey, k.QuickExit, kb("↑/↓", "scroll"), k.Print}}
}
