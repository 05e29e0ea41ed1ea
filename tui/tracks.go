package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// tracksScreen says what kincare, the terminal and the shell may keep on this computer, and
// how to clear each: the "cover your tracks" advice family support sites give, for kincare.
type tracksScreen struct {
	c    *common
	path string // the case file, or "" in a guest session
	vp   viewport.Model
}

// tracksMsg asks the root for the cover-your-tracks screen (it knows where the file is).
type tracksMsg struct{}

func newTracksScreen(c *common, path string) *tracksScreen {
	t := &tracksScreen{c: c, path: path, vp: viewport.New()}
	t.resize()
	return t
}

func (t *tracksScreen) crumb() string { return "Cover your tracks" }

func (t *tracksScreen) resize() {
	t.vp.SetWidth(max(t.c.width, 10))
	t.vp.SetHeight(max(t.c.bodyHeight()-1, 3))
	t.vp.SetContent(wrapFlags(t.text(), t.c.width-1))
}

func (t *tracksScreen) text() string {
	where := "Your cases are kept in one file: " + t.path + "."
	if t.c.guest || t.path == "" {
		where = "This is a guest session: your cases are kept only until kincare closes."
	}
	return strings.Join([]string{
		"What kincare keeps",
		"- " + where + " Deleting a case (ctrl+d on the case list) removes it from the file for good. To remove every case and the file, run: kincare delete --all",
		"- A letter you export, or a read-out you save, stays where you saved it (letters go to the kincare-letters folder in your home folder unless you choose another place). Delete those files when you no longer need them.",
		"- On a shared computer, use a guest session (ctrl+g) or protect the file with a passphrase.",
		"",
		"What the terminal may keep",
		"- Scrollback: the window may let someone scroll back to what was on the screen. ctrl+q leaves kincare at once and clears the screen and the scrollback. When you finish, close the terminal window too.",
		"- Clipboard: a letter or read-out you copied stays there until something else is copied. ctrl+q replaces it with a harmless word.",
		"",
		"What the shell keeps",
		"- Your command history keeps every command you typed, with any file names in it (for example the name of a saved read-out). In bash, history -c clears this window's history. In PowerShell, Clear-History clears it; the saved history is in the file Get-PSReadLineOption shows.",
		"",
		"If someone may be checking this computer, clearing everything can itself be noticed. Family Rights Group's advice line, 0808 801 0366, can talk it through with you.",
	}, "\n")
}

func (t *tracksScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, backKey) {
		return t.c.pop()
	}
	var cmd tea.Cmd
	t.vp, cmd = t.vp.Update(msg)
	return cmd
}

func (t *tracksScreen) view() string {
	return t.vp.View() + "\n" + t.c.st.Subtle.Render(itoa(int(t.vp.ScrollPercent()*100))+"% read")
}

func (t *tracksScreen) keys() helpKeys {
	return helpKeys{short: []key.Binding{kb("↑/↓", "scroll"), backKey, t.c.keys.QuickExit}}
}
