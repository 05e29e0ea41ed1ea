package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
)

func (lt *letterScreen) update(msg tea.Msg) tea.Cmd {
	cmd := lt.handle(msg)
	lt.vp.SetHeight(lt.textHeight())
	return cmd
}

func (lt *letterScreen) handle(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return lt.onKey(msg)
	case regenerateMsg:
		return lt.regenerate()
	case formatChosenMsg:
		return lt.c.push(lt.exportDialog(msg.format))
	case savedAsMsg:
		lt.warns = nil
		for _, w := range msg.warns {
			lt.warns = append(lt.warns, "! "+entitlements.CleanText(w))
		}
		if len(lt.warns) > 2 {
			lt.warns = append(lt.warns[:1], "! and "+itoa(len(msg.warns)-1)+" more the PDF cannot show exactly")
		}
		lt.setContent()
		return nil
	case dateChosenMsg:
		if msg.purpose == "sent" {
			lt.sentOn = msg.iso
			return lt.c.push(lt.sentHowDialog())
		}
		return lt.markReplied(msg.iso)
	case sentHowMsg:
		return lt.markSent(msg.how)
	case letterEditedMsg:
		if msg.text == cleanBlock(lt.text()) {
			return lt.c.status("No changes.")
		}
		return tea.Batch(lt.addVersion(msg.text, true), lt.c.status("Your changes are saved as a new version."))
	case detailsDoneMsg:
		lt.detailsChanged = msg.changed
		lt.refresh()
		return nil
	}
	var cmd tea.Cmd
	lt.vp, cmd = lt.vp.Update(msg)
	return cmd
}

// letterKeys are the letter screen's keys, by what they do: the same bindings answer the key
// and label it in the help.
var letterKeys = struct {
	Back, Edit, Export, MarkSent, Copy, Reply, FollowUp, Details, Regenerate, Help key.Binding
}{
	Back:       key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "back")),
	Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
	Export:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
	MarkSent:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark as sent")),
	Copy:       key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy")),
	Reply:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reply")),
	FollowUp:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "follow-up")),
	Details:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "details")),
	Regenerate: key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "write again")),
	Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
}

// relabel is a binding with another help text, for the full help's longer words.
func relabel(b key.Binding, text string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, text))
}

func (lt *letterScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	keys, lk := lt.c.keys, letterKeys
	switch {
	case key.Matches(k, lk.Back):
		if lt.follow {
			lt.follow = false
			lt.refresh()
			return nil
		}
		lt.warns = nil
		return lt.c.pop()
	case key.Matches(k, lk.Edit):
		return lt.c.push(newLetterEditor(lt))
	case key.Matches(k, lk.Regenerate):
		if v, ok := lt.latest(); ok && v.Edited {
			return lt.c.push(newConfirm(lt.c, "This replaces your edits. Keep a copy of them and regenerate? y/n", "yes", "no", regenerateMsg{}))
		}
		return lt.regenerate()
	case key.Matches(k, lk.Export):
		return tea.Batch(lt.c.push(lt.formatDialog()), lt.gapWarning("exporting"))
	case key.Matches(k, lk.Copy):
		return tea.Batch(lt.c.copyText(lt.text()), lt.c.status("Copied (if your terminal allows it). Paste it where you need it."))
	case key.Matches(k, lk.MarkSent):
		return tea.Batch(lt.c.push(newDateDialog(lt.c, "sent", "Sent on (for example 2/3/2026): ", lt.c.today)), lt.gapWarning("sending"))
	case key.Matches(k, lk.Reply):
		r := lt.cs.request(lt.id)
		if r == nil || r.Status != storage.StatusSent {
			return lt.c.failure("Mark the letter as sent first (m).")
		}
		return lt.c.push(newDateDialog(lt.c, "reply", "Reply received on: ", lt.c.today))
	case key.Matches(k, lk.Details):
		lt.detailsChanged = false
		return lt.c.push(newDetailsScreen(lt.c, lt.cs))
	case key.Matches(k, lk.FollowUp):
		return lt.openFollowUp()
	case key.Matches(k, lk.Help):
		lt.c.help.ShowAll = !lt.c.help.ShowAll
		lt.setContent()
		return nil
	case key.Matches(k, keys.PageDown):
		lt.vp.PageDown()
		return nil
	case key.Matches(k, keys.PageUp):
		lt.vp.PageUp()
		return nil
	}
	var cmd tea.Cmd
	lt.vp, cmd = lt.vp.Update(k)
	return cmd
}
