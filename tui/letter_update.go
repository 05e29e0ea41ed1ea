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
		return push(lt.exportDialog(msg.format))
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
			return push(lt.sentHowDialog())
		}
		return lt.markReplied(msg.iso)
	case sentHowMsg:
		return lt.markSent(msg.how)
	case letterEditedMsg:
		if msg.text == cleanBlock(lt.text()) {
			return status("No changes.")
		}
		return tea.Batch(lt.addVersion(msg.text, true), status("Your changes are saved as a new version."))
	case detailsDoneMsg:
		lt.detailsChanged = msg.changed
		lt.refresh()
		return nil
	}
	var cmd tea.Cmd
	lt.vp, cmd = lt.vp.Update(msg)
	return cmd
}

func (lt *letterScreen) onKey(k tea.KeyPressMsg) tea.Cmd {
	keys := lt.c.keys
	switch k.String() {
	case "esc", "q":
		if lt.follow {
			lt.follow = false
			lt.refresh()
			return nil
		}
		lt.warns = nil
		return pop()
	case "e":
		return push(newLetterEditor(lt))
	case "g":
		if v, ok := lt.latest(); ok && v.Edited {
			return push(newConfirm(lt.c, "This replaces your edits. Keep a copy of them and regenerate? y/n", "yes", "no", regenerateMsg{}))
		}
		return lt.regenerate()
	case "x":
		return tea.Batch(push(lt.formatDialog()), lt.gapWarning("exporting"))
	case "c":
		return tea.Batch(copyText(lt.text()), status("Copied (if your terminal allows it). Paste it where you need it."))
	case "m":
		return tea.Batch(push(newDateDialog(lt.c, "sent", "Sent on (for example 2/3/2026): ", lt.c.today)), lt.gapWarning("sending"))
	case "r":
		r := lt.cs.request(lt.id)
		if r == nil || r.Status != storage.StatusSent {
			return failure("Mark the letter as sent first (m).")
		}
		return push(newDateDialog(lt.c, "reply", "Reply received on: ", lt.c.today))
	case "d":
		lt.detailsChanged = false
		return push(newDetailsScreen(lt.c, lt.cs))
	case "f":
		return lt.openFollowUp()
	case "?":
		lt.c.help.ShowAll = !lt.c.help.ShowAll
		lt.setContent()
		return nil
	}
	switch {
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
