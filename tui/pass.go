package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

func newPassInput(c *common) textinput.Model {
	in := textinput.New()
	in.EchoMode = textinput.EchoPassword
	in.EchoCharacter = '•'
	if c.ascii {
		in.EchoCharacter = '*'
	}
	in.Prompt = "Passphrase: "
	in.CharLimit = 200
	in.SetStyles(c.inputStyles())
	return in
}

// firstRunScreen says where cases are kept and offers a passphrase. A new passphrase is
// typed twice: a slip the first time would lock the file for good.
type firstRunScreen struct {
	c        *common
	path     string
	in       textinput.Model
	first    []byte // the first typing, while the second is asked for
	confirm  bool
	mismatch bool
	weak     bool // the last one typed was too short
}

func newFirstRunScreen(c *common, path string) *firstRunScreen {
	return &firstRunScreen{c: c, path: path, in: newPassInput(c)}
}

func (f *firstRunScreen) start() tea.Cmd { return f.in.Focus() }
func (f *firstRunScreen) restyle()       { f.in.SetStyles(f.c.inputStyles()) }
func (f *firstRunScreen) crumb() string  { return "Welcome" }

func (f *firstRunScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "enter":
			p := []byte(f.in.Value())
			f.in.Reset()
			switch {
			case len(p) > 0 && !f.confirm:
				f.mismatch = false
				if storage.CheckPassphrase(p) != nil {
					f.weak = true
					return nil
				}
				f.first, f.confirm, f.weak = p, true, false
				return nil
			case f.confirm && string(p) != string(f.first):
				f.first, f.confirm, f.mismatch = nil, false, true
				return nil
			}
			f.first, f.confirm, f.mismatch = nil, false, false
			return tea.Sequence(f.c.replace(&loadingScreen{}), openDB(f.path, p))
		case "ctrl+g":
			// A guest session from the start: no file is made.
			return f.c.send(guestMsg{})
		case "esc":
			f.in.Reset()
			if f.confirm {
				f.first, f.confirm = nil, false
				return nil
			}
			return tea.Sequence(f.c.replace(&loadingScreen{}), openDB(f.path, nil), f.c.status("No passphrase for now. To add one later, press ctrl+p on the case list."))
		}
	}
	var cmd tea.Cmd
	f.in, cmd = f.in.Update(msg)
	return cmd
}

func (f *firstRunScreen) view() string {
	w := f.c.width - 2
	st := f.c.st
	var b strings.Builder
	b.WriteString(wrapText("Your cases are kept in one file on this computer: "+f.path, w) + "\n")
	b.WriteString(wrapFlags("Nothing is sent anywhere. With a screen reader, start kincare with --accessible.", w) + "\n")
	b.WriteString(wrapText("On a shared computer, a passphrase or a guest session (ctrl+g) keeps the family's details private. If you forget the passphrase, nobody can open the file.", w) + "\n\n")
	b.WriteString(f.in.View() + "\n\n")
	switch {
	case f.confirm:
		b.WriteString(st.Bold.Render(wrapText("Type the same passphrase again, to be sure, and press enter. Press esc to start again.", w)))
	case f.weak:
		b.WriteString(st.Error.Render(wrapText(storage.PassphraseAdvice+" Or press esc to carry on without one.", w)))
	case f.mismatch:
		b.WriteString(st.Error.Render(wrapText("The two did not match. Type a passphrase again, or press esc to carry on without one.", w)))
	default:
		b.WriteString(st.Subtle.Render(wrapText("Type one and press enter: 10 characters or more, or four words like \"purple kettle river morning\". Or esc for none.", w)))
	}
	return b.String()
}

func (f *firstRunScreen) keys() helpKeys {
	if f.confirm {
		return helpKeys{short: []key.Binding{kb("enter", "confirm"), kb("esc", "start again"), f.c.keys.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("enter", "set passphrase"), f.c.keys.Guest, kb("esc", "no passphrase"), f.c.keys.QuickExit}}
}

// passScreen asks for the passphrase: to open a protected file, or to carry on after kincare
// locked itself. An unprotected file locked itself too, and carries on with enter.
type passScreen struct {
	c      *common
	path   string
	store  storage.Store // the locked store, when locked
	locked bool
	tries  int
	in     textinput.Model
}

func newPassScreen(c *common, path string, tries int) *passScreen {
	return &passScreen{c: c, path: path, tries: tries, in: newPassInput(c)}
}

func newLockScreen(c *common, store storage.Store, tries int) *passScreen {
	return &passScreen{c: c, store: store, locked: true, tries: tries, in: newPassInput(c)}
}

func (p *passScreen) start() tea.Cmd { return p.in.Focus() }
func (p *passScreen) restyle()       { p.in.SetStyles(p.c.inputStyles()) }

// open says whether the locked file has no passphrase, so enter alone carries on.
func (p *passScreen) open() bool { return p.locked && p.store != nil && !p.store.Protected() }

func (p *passScreen) crumb() string {
	if p.locked {
		return "Locked"
	}
	return "Open your cases"
}

func (p *passScreen) update(msg tea.Msg) tea.Cmd {
	if r, ok := msg.(passRefusedMsg); ok {
		p.tries = r.tries
		p.in.Reset()
		return nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() == "enter" {
		pass := []byte(p.in.Value())
		switch {
		case p.open():
			p.in.Reset()
			return p.c.send(unlockedMsg{})
		case len(pass) == 0:
			return nil
		case p.locked:
			return unlockStore(p.store, pass)
		}
		return openDB(p.path, pass)
	}
	if p.open() {
		return nil
	}
	var cmd tea.Cmd
	p.in, cmd = p.in.Update(msg)
	return cmd
}

func (p *passScreen) view() string {
	w := p.c.width - 2
	st := p.c.st
	var b strings.Builder
	if p.locked {
		b.WriteString(st.Bold.Render("kincare locked itself because nobody used it for a while.") + "\n")
		if p.open() {
			b.WriteString(wrapText("Press enter to carry on.", w) + "\n")
			return b.String()
		}
		b.WriteString(wrapText("Enter the passphrase to carry on.", w) + "\n\n")
	} else {
		b.WriteString(wrapText("Your case file is protected. Enter the passphrase to open it.", w) + "\n\n")
	}
	b.WriteString(p.in.View())
	if p.tries > 0 {
		b.WriteString("\n\n" + st.Subtle.Render(wrapText(triesLeft(maxTries-p.tries), w)))
	}
	return b.String()
}

func triesLeft(n int) string {
	if n == 1 {
		return "1 try left."
	}
	return itoa(n) + " tries left."
}

func (p *passScreen) keys() helpKeys {
	if p.locked {
		return helpKeys{short: []key.Binding{kb("enter", "carry on"), p.c.keys.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("enter", "open"), p.c.keys.QuickExit}}
}
