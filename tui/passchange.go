package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"kincare/storage"
)

// passChanger is a case file whose passphrase can be added, changed or removed.
type passChanger interface {
	storage.Store
	ChangePassphrase(current, next []byte) error
}

// passphraseMsg asks the root for the passphrase screen (ctrl+p on the case list).
type passphraseMsg struct{}

// passChangedMsg is the result of rewriting the file with a new passphrase.
type passChangedMsg struct {
	added, removed bool
	err            error
}

// The steps of the passphrase screen.
const (
	passCurrent = iota // the passphrase the file has now
	passNew            // the new one, or empty to remove it
	passAgain          // the new one again, to be sure
	passRemove         // removing protection: asked once more
	passWorking        // the file is being rewritten
)

// passphraseScreen adds a passphrase to the case file, changes it, or removes it. The file is
// rewritten, so no unprotected copy of a case stays inside it.
type passphraseScreen struct {
	c       *common
	store   passChanger
	step    int
	current []byte
	next    []byte
	in      textinput.Model
	problem string
}

func newPassphraseScreen(c *common, s passChanger) *passphraseScreen {
	p := &passphraseScreen{c: c, store: s, in: newPassInput(c), step: passNew}
	if s.Protected() {
		p.step = passCurrent
	}
	return p
}

func (p *passphraseScreen) start() tea.Cmd { return p.in.Focus() }
func (p *passphraseScreen) restyle()       { p.in.SetStyles(p.c.inputStyles()) }
func (p *passphraseScreen) crumb() string  { return "Passphrase" }

func (p *passphraseScreen) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case passChangedMsg:
		if msg.err != nil {
			p.step, p.current, p.next = passCurrent, nil, nil
			if !p.store.Protected() {
				p.step = passNew
			}
			p.problem = "Nothing was changed. " + msg.err.Error()
			if errors.Is(msg.err, storage.ErrWrongPassphrase) {
				p.problem = "That is not the passphrase this file has now, so nothing was changed. Capital letters count."
			}
			return p.in.Focus()
		}
		done := "The passphrase was changed."
		switch {
		case msg.added:
			done = "Your cases are now protected with a passphrase."
		case msg.removed:
			done = "The passphrase was removed. Anyone using this computer can now open your cases."
		}
		return tea.Sequence(p.c.pop(), p.c.status(done))
	case tea.KeyPressMsg:
		if p.step == passWorking {
			return nil
		}
		if p.step == passRemove {
			switch msg.String() {
			case "y", "Y":
				return p.apply()
			case "n", "N", "esc":
				p.step = passNew
				return p.in.Focus()
			}
			return nil
		}
		switch msg.String() {
		case "esc":
			return p.c.pop()
		case "enter":
			return p.enter()
		}
	}
	var cmd tea.Cmd
	p.in, cmd = p.in.Update(msg)
	return cmd
}

func (p *passphraseScreen) enter() tea.Cmd {
	typed := []byte(p.in.Value())
	p.in.Reset()
	p.problem = ""
	switch p.step {
	case passCurrent:
		if len(typed) == 0 {
			return nil
		}
		p.current, p.step = typed, passNew
	case passNew:
		if len(typed) == 0 {
			if !p.store.Protected() {
				return nil
			}
			p.step = passRemove
			p.in.Blur()
			return nil
		}
		if err := storage.CheckPassphrase(typed); err != nil {
			p.problem = storage.PassphraseAdvice
			return nil
		}
		p.next, p.step = typed, passAgain
	case passAgain:
		if string(typed) != string(p.next) {
			p.next, p.step = nil, passNew
			p.problem = "The two did not match. Type the new passphrase again."
			return nil
		}
		return p.apply()
	}
	return nil
}

// apply rewrites the file with the new passphrase (or none).
func (p *passphraseScreen) apply() tea.Cmd {
	p.step = passWorking
	p.in.Blur()
	s, current, next := p.store, p.current, p.next
	added, removed := !s.Protected(), len(next) == 0
	return runIO(func() tea.Msg {
		return passChangedMsg{added: added, removed: removed, err: s.ChangePassphrase(current, next)}
	})
}

func (p *passphraseScreen) view() string {
	w := p.c.width - 2
	st := p.c.st
	var b strings.Builder
	if p.store.Protected() {
		b.WriteString(wrapText("Your case file is protected with a passphrase. Here you can change it, or remove it.", w) + "\n\n")
	} else {
		b.WriteString(wrapText("Your case file has no passphrase. Anyone using this computer could open it. On a shared computer, a passphrase keeps the family's details private.", w) + "\n\n")
	}
	var ask string
	switch p.step {
	case passCurrent:
		ask = "First, type the passphrase the file has now and press enter."
	case passNew:
		ask = "Type a new passphrase and press enter. Use at least 10 characters, or four words with spaces, such as \"purple kettle river morning\"."
		if p.store.Protected() {
			ask += " To remove the passphrase, leave it empty and press enter."
		}
	case passAgain:
		ask = "Type the new passphrase again, to be sure, and press enter."
	case passRemove:
		b.WriteString(st.Error.Render(wrapText("Remove the passphrase? Anyone using this computer could then open your cases. y / n", w)))
		return b.String()
	case passWorking:
		b.WriteString(wrapText("Saving your cases again with the new passphrase…", w))
		return b.String()
	}
	b.WriteString(wrapText(ask, w) + "\n\n")
	b.WriteString(p.in.View())
	if p.problem != "" {
		b.WriteString("\n\n" + st.Error.Render(wrapText(p.problem, w)))
	}
	b.WriteString("\n\n" + st.Subtle.Render(wrapText("If you forget the passphrase, nobody can open the file. Press esc to leave it as it is.", w)))
	return b.String()
}

func (p *passphraseScreen) keys() helpKeys {
	if p.step == passRemove {
		return helpKeys{short: []key.Binding{kb("y", "remove"), kb("n", "keep it"), p.c.keys.QuickExit}}
	}
	return helpKeys{short: []key.Binding{kb("enter", "next"), kb("esc", "cancel"), p.c.keys.QuickExit}}
}
