package tui

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// sentHows are the ways of sending as the person reads them, in storage.SendingWays' order.
var sentHows = []string{"post", "email", "by hand", "other"}

// letterScreen is one letter (or its follow-up) to read, write again, export, copy and track.
// Editing, choosing and asking are their own small screens on top of it.
type letterScreen struct {
	c              *common
	cs             *caseState
	id             string
	follow         bool // showing the follow-up rather than the letter
	draft          letters.Letter
	vp             viewport.Model
	warns          []string
	sentOn         string
	detailsChanged bool // details changed since the text was drafted
}

// The answers the letter's dialogs hand back.
type (
	regenerateMsg   struct{}
	formatChosenMsg struct{ format string }
	sentHowMsg      struct{ how int }
	letterEditedMsg struct{ text string }
)

// openLetter drafts the letter to show it; it fails only when a letter never drafted
// cannot be drafted.
func openLetter(c *common, cs *caseState, id string) (*letterScreen, error) {
	lt := &letterScreen{c: c, cs: cs, id: id, vp: viewport.New()}
	l, err := lt.redraft()
	if _, ok := lt.latest(); !ok && err != nil {
		return nil, err
	}
	if err == nil {
		lt.draft = l
	}
	return lt, nil
}

// start saves the first draft as version 1.
func (lt *letterScreen) start() tea.Cmd {
	var cmd tea.Cmd
	if _, ok := lt.latest(); !ok {
		cmd = lt.addVersion(lt.draft.Text(), false)
	}
	lt.setContent()
	lt.vp.GotoTop()
	return cmd
}

func (lt *letterScreen) crumb() string { return lt.cs.label() + " · Letter" }
func (lt *letterScreen) resize()       { lt.setContent() }

func (lt *letterScreen) input(today entitlements.Date) letters.Input {
	in := letters.Input{RequestID: lt.id, Answers: lt.cs.answersFor(lt.id), Details: lt.cs.c.Details, AsOf: lt.cs.asOf(lt.c.today), Today: today}
	if lt.id == letters.ComplaintStage1 {
		// The complaint names the letters to the council that were refused or are late.
		childID := ""
		if r := lt.cs.request(lt.id); r != nil && len(r.Children) == 1 {
			childID = r.Children[0]
		}
		in.Earlier = complaintEarlier(lt.cs.c, lt.c.today, childID)
	}
	return in
}

// redraft writes the letter (or the follow-up) afresh from the case.
func (lt *letterScreen) redraft() (letters.Letter, error) {
	today := lt.c.today
	if !lt.follow {
		return letters.Draft(lt.input(today))
	}
	r := lt.cs.request(lt.id)
	sent := today
	if r != nil {
		if d, err := entitlements.ParseDate(r.SentOn); err == nil {
			sent = d
		}
	}
	orig, err := letters.Draft(lt.input(sent))
	if err != nil {
		return letters.Letter{}, err
	}
	if r != nil && r.ReplyDue != "" {
		orig.ReplyDue = r.ReplyDue
	}
	return letters.FollowUp(lt.input(today), orig, sent)
}

// versions are the saved texts of what is shown.
func (lt *letterScreen) versions() []storage.LetterVersion {
	r := lt.cs.request(lt.id)
	if r == nil {
		return nil
	}
	if lt.follow {
		return r.FollowUps
	}
	return r.Versions
}

func (lt *letterScreen) latest() (storage.LetterVersion, bool) {
	vs := lt.versions()
	if len(vs) == 0 {
		return storage.LetterVersion{}, false
	}
	return vs[len(vs)-1], true
}

func (lt *letterScreen) text() string {
	v, _ := lt.latest()
	return v.Text
}

func (lt *letterScreen) addVersion(text string, edited bool) tea.Cmd {
	r := lt.cs.ensureRequest(lt.id)
	v := storage.LetterVersion{At: time.Now().UTC(), Text: text, Edited: edited}
	if lt.follow {
		r.FollowUps = append(r.FollowUps, v)
	} else {
		r.Versions = append(r.Versions, v)
	}
	lt.setContent()
	return lt.cs.touch()
}

// refresh drafts again when the details change: the gaps shown come from the saved text.
func (lt *letterScreen) refresh() {
	if l, err := lt.redraft(); err == nil {
		lt.draft = l
	}
	lt.setContent()
}

func (lt *letterScreen) setContent() {
	lt.vp.SetWidth(max(lt.c.width, 10))
	lt.vp.SetHeight(lt.textHeight())
	lt.vp.SetContent(wrapText(cleanBlock(lt.text()), lt.c.width-2))
}

func (lt *letterScreen) textHeight() int {
	return max(lt.c.bodyHeight()-lipglossHeight(lt.header())-1, 2)
}

func (lt *letterScreen) regenerate() tea.Cmd {
	l, err := lt.redraft()
	if err != nil {
		return lt.c.failure("Cannot write this letter again: " + err.Error())
	}
	lt.draft = l
	lt.detailsChanged = false
	if l.Text() == lt.text() {
		lt.setContent()
		return lt.c.status("Written again: nothing changed.")
	}
	return tea.Batch(lt.addVersion(l.Text(), false), lt.c.status("Written again from the case. Earlier versions are kept."))
}

// gapWarning says, before a letter leaves, that it still has gaps: a letter with
// "[child's date of birth]" in it should not go out by mistake.
func (lt *letterScreen) gapWarning(doing string) tea.Cmd {
	gs := gapsIn(lt.text())
	if len(gs) == 0 {
		return nil
	}
	n := "1 gap"
	if len(gs) > 1 {
		n = itoa(len(gs)) + " gaps"
	}
	return lt.c.failure("Before " + doing + ": this letter still has " + n + " to fill in (press d for details, or e to edit).")
}

// exportPath is where an export goes by default: ~/kincare-letters, or the current folder.
// The name says which letter and when, never whose: a shared computer's folders and "recent
// files" lists are seen by the next person too.
func (lt *letterScreen) exportPath(ext string) string {
	name := "letter-" + strings.ReplaceAll(lt.id, "_", "-")
	if lt.follow {
		name += "-follow-up"
	}
	name += "-" + lt.c.today.String() + "." + ext
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, storage.LettersFolder, name)
	}
	return name
}

// exportDialog asks where to save the letter in a format.
func (lt *letterScreen) exportDialog(format string) *saveAsDialog {
	l, store := letterFromText(lt.text(), lt.draft), lt.c.store
	return newSaveAs(lt.c, lt.exportPath(format), true, func(path string, overwrite bool) ([]string, error) {
		data, warns, err := letters.Export(l, format)
		if err != nil {
			return nil, err
		}
		return warns, writeRecorded(store, path, data, overwrite)
	})
}

func (lt *letterScreen) formatDialog() *choiceDialog {
	hot := map[string]int{}
	for i, f := range letters.Formats {
		hot[f[:1]] = i
	}
	return &choiceDialog{c: lt.c, lead: "Export as: ", items: letters.Formats, sep: " ", hot: hot,
		choose: func(i int) tea.Msg { return formatChosenMsg{letters.Formats[i]} }}
}

func (lt *letterScreen) sentHowDialog() *choiceDialog {
	items := make([]string, len(sentHows))
	hot := map[string]int{}
	for i, h := range sentHows {
		items[i] = itoa(i+1) + " " + h
		hot[itoa(i+1)] = i
	}
	return &choiceDialog{c: lt.c, lead: "Sent how? ", items: items, sep: "  ", hot: hot,
		choose: func(i int) tea.Msg { return sentHowMsg{i} }}
}

func (lt *letterScreen) markSent(how int) tea.Cmd {
	d, err := entitlements.ParseDate(lt.sentOn)
	if err != nil {
		return nil
	}
	r := lt.cs.ensureRequest(lt.id)
	// A follow-up is sent with its own dates; the first letter's are kept as they were.
	mark := r.MarkSent
	if lt.follow {
		mark = r.MarkFollowUpSent
	}
	due, err := mark(d, storage.SendingWays[how])
	if err != nil {
		return lt.c.failure(err.Error())
	}
	lt.setContent()
	return tea.Batch(lt.cs.touch(), lt.c.status("Marked as sent. Reply due by "+due.Long()+"."))
}

func (lt *letterScreen) markReplied(iso string) tea.Cmd {
	d, _ := entitlements.ParseDate(iso)
	r := lt.cs.ensureRequest(lt.id)
	r.Status, r.RepliedOn = storage.StatusReplied, iso
	lt.setContent()
	return tea.Batch(lt.cs.touch(), lt.c.status("Reply received on "+d.Long()+"."))
}

func (lt *letterScreen) openFollowUp() tea.Cmd {
	if lt.follow {
		lt.follow = false
		lt.refresh()
		return nil
	}
	r := lt.cs.request(lt.id)
	if r == nil || (len(r.FollowUps) == 0 && !requestOverdue(r, lt.c.today)) {
		msg := "A follow-up is offered once a reply is overdue. Mark the letter as sent first (m)."
		if r != nil && r.Status == storage.StatusSent {
			msg = "A follow-up is offered once the reply is overdue (due by " + longDate(r.ReplyDue) + ")."
		}
		return lt.c.status(msg)
	}
	lt.follow = true
	l, err := lt.redraft()
	if err != nil {
		lt.follow = false
		return lt.c.failure("Cannot write the follow-up: " + err.Error())
	}
	lt.draft = l
	var cmd tea.Cmd
	if len(r.FollowUps) == 0 {
		cmd = tea.Batch(lt.addVersion(l.Text(), false), lt.c.status("Follow-up drafted and saved."))
	}
	lt.setContent()
	lt.vp.GotoTop()
	return cmd
}

func (lt *letterScreen) keys() helpKeys {
	k, lk := lt.c.keys, letterKeys
	short := []key.Binding{lk.Edit, lk.Export, lk.MarkSent, lk.Copy, lk.Reply, lk.FollowUp, lk.Details, lk.Regenerate, lk.Back, k.QuickExit}
	return helpKeys{short: short, full: [][]key.Binding{
		{kb("↑/↓", "scroll"), lk.Edit, lk.Regenerate, lk.Details},
		{lk.Export, lk.Copy, lk.Back},
		{relabel(lk.MarkSent, "mark sent"), relabel(lk.Reply, "reply received"), lk.FollowUp, k.QuickExit},
	}}
}
