package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
	"kincare/wizard"
)

type letterMode int

const (
	lmView letterMode = iota
	lmEdit
	lmConfirmRegen
	lmFormat
	lmPath
	lmReplace
	lmSentDate
	lmSentHow
	lmReplyDate
)

var sentHows = []string{"post", "email", "by hand", "other"}

// letterModel is one letter (or its follow-up): read, edit, regenerate, export, copy, track.
type letterModel struct {
	id     string
	follow bool // showing the follow-up rather than the letter
	draft  letters.Letter
	mode   letterMode
	vp     viewport.Model
	ta     textarea.Model
	in     textinput.Model
	fmtCur int
	howCur int
	sentOn string
	format string
	err    string
	warns  []string

	width          int
	detailsChanged bool // details changed since the text was drafted
}

type letterExistsMsg struct {
	path   string
	exists bool
}

type letterExportedMsg struct {
	path  string
	warns []string
	err   error
}

func newLetterModel() letterModel {
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.Prompt = "│ "
	in := textinput.New()
	in.CharLimit = 500
	return letterModel{vp: viewport.New(), ta: ta, in: in}
}

func (m *Model) asOf() entitlements.Date {
	if m.cs != nil && m.cs.c.AsOf != "" {
		if d, err := entitlements.ParseDate(m.cs.c.AsOf); err == nil {
			return d
		}
	}
	return m.c.today
}

func (lt *letterModel) input(m *Model, today entitlements.Date) letters.Input {
	return letters.Input{RequestID: lt.id, Answers: m.cs.w.Answers(), Details: m.cs.c.Details, AsOf: m.asOf(), Today: today}
}

// redraft writes the letter (or the follow-up) afresh from the case.
func (lt *letterModel) redraft(m *Model) (letters.Letter, error) {
	if !lt.follow {
		return letters.Draft(lt.input(m, m.c.today))
	}
	r := m.cs.request(lt.id)
	sent := m.c.today
	if r != nil {
		if d, err := entitlements.ParseDate(r.SentOn); err == nil {
			sent = d
		}
	}
	orig, err := letters.Draft(lt.input(m, sent))
	if err != nil {
		return letters.Letter{}, err
	}
	if r != nil && r.ReplyDue != "" {
		orig.ReplyDue = r.ReplyDue
	}
	return letters.FollowUp(lt.input(m, m.c.today), orig, sent)
}

// versions are the saved texts of what is shown.
func (lt *letterModel) versions(m *Model) []storage.LetterVersion {
	r := m.cs.request(lt.id)
	if r == nil {
		return nil
	}
	if lt.follow {
		return r.FollowUps
	}
	return r.Versions
}

func (lt *letterModel) latest(m *Model) (storage.LetterVersion, bool) {
	vs := lt.versions(m)
	if len(vs) == 0 {
		return storage.LetterVersion{}, false
	}
	return vs[len(vs)-1], true
}

func (lt *letterModel) addVersion(m *Model, text string, edited bool) tea.Cmd {
	r := m.cs.ensureRequest(lt.id)
	v := storage.LetterVersion{At: time.Now().UTC(), Text: text, Edited: edited}
	if lt.follow {
		r.FollowUps = append(r.FollowUps, v)
	} else {
		r.Versions = append(r.Versions, v)
	}
	lt.setContent(m)
	return m.markDirty()
}

// open shows a letter; the first time, it is drafted and saved as version 1.
func (lt *letterModel) open(m *Model, id string) tea.Cmd {
	lt.id, lt.follow, lt.mode, lt.err, lt.warns, lt.detailsChanged = id, false, lmView, "", nil, false
	l, err := lt.redraft(m)
	var cmd tea.Cmd
	if _, ok := lt.latest(m); !ok {
		if err != nil {
			return m.setStatus("This letter cannot be drafted: "+err.Error(), true)
		}
		lt.draft = l
		cmd = lt.addVersion(m, l.Text(), false)
	} else if err == nil {
		lt.draft = l
	}
	m.scr = scrLetter
	lt.setContent(m)
	lt.vp.GotoTop()
	return cmd
}

// refresh is called when the details change: the gaps shown come from the saved text.
func (lt *letterModel) refresh(m *Model) tea.Cmd {
	if l, err := lt.redraft(m); err == nil {
		lt.draft = l
	}
	lt.setContent(m)
	return nil
}

func (lt *letterModel) text(m *Model) string {
	v, _ := lt.latest(m)
	return v.Text
}

// cleanBlock cleans each line of a text, keeping its line breaks.
func cleanBlock(s string) string {
	ls := strings.Split(s, "\n")
	for i, l := range ls {
		ls[i] = entitlements.CleanText(l)
	}
	return strings.Join(ls, "\n")
}

var gapMark = regexp.MustCompile(`\[([^\[\]\n]{1,80})\]`)

// gapWarning says, before a letter leaves, that it still has gaps: a letter with
// "[child's date of birth]" in it should not go out by mistake.
func (lt *letterModel) gapWarning(m *Model, doing string) tea.Cmd {
	gs := gapsIn(lt.text(m))
	if len(gs) == 0 {
		return nil
	}
	n := "1 gap"
	if len(gs) > 1 {
		n = itoa(len(gs)) + " gaps"
	}
	return m.setStatus("Before "+doing+": this letter still has "+n+" to fill in (press d for details, or e to edit).", true)
}

// gaps are the marked gaps still in the text, each once.
func gapsIn(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, mm := range gapMark.FindAllStringSubmatch(text, -1) {
		g := entitlements.CleanText(mm[1])
		if !seen[g] && g != "" {
			seen[g] = true
			out = append(out, g)
		}
	}
	return out
}

func (lt *letterModel) header(m *Model) string {
	st := m.c.st
	w := m.c.width - 1
	var lines []string
	title := requestTitle(lt.id)
	if lt.follow {
		title = "Follow-up: " + title
	}
	lines = append(lines, st.Bold.Render(clip(title, w)))
	r := m.cs.request(lt.id)
	state, late := m.requestState(r)
	if v, ok := lt.latest(m); ok {
		n := len(lt.versions(m))
		vs := "version " + itoa(n)
		if v.Edited {
			vs += ", edited"
		}
		if r != nil && r.Status != storage.StatusDrafted && r.Status != "" {
			state = vs + " · " + state
		} else {
			state = vs
		}
	}
	if late && !lt.follow {
		state += " · f: follow-up"
	}
	stl := st.Subtle
	if late {
		stl = st.Warn
	}
	sl := strings.Split(wrapText(entitlements.CleanText(state), w), "\n")
	if len(sl) > 2 {
		sl = sl[:2]
		sl[1] = clip(sl[1]+" …", w)
	}
	for _, l := range sl {
		lines = append(lines, stl.Render(l))
	}
	if gs := gapsIn(lt.text(m)); len(gs) > 0 {
		// The key comes first: the list may be cut short.
		g := "Press d to fill in: " + strings.Join(gs, ", ") + "."
		gl := strings.Split(wrapText(entitlements.CleanText(g), w), "\n")
		if len(gl) > 2 {
			gl = gl[:2]
			gl[1] = clip(gl[1]+" …", w)
		}
		for _, l := range gl {
			lines = append(lines, st.Warn.Render(l))
		}
	}
	if lt.detailsChanged {
		lines = append(lines, st.Notice.Render(clip("Details changed: press g to write the letter again.", w)))
	}
	for _, wn := range lt.warns {
		lines = append(lines, st.Warn.Render(clip(wn, w)))
	}
	return strings.Join(lines, "\n")
}

func (lt *letterModel) setContent(m *Model) {
	if m.cs == nil || lt.id == "" {
		return
	}
	lt.vp.SetWidth(max(m.c.width, 10))
	hl := lipglossHeight(lt.header(m))
	lt.vp.SetHeight(max(m.bodyHeight()-hl-1, 2))
	lt.vp.SetContent(wrapText(cleanBlock(lt.text(m)), m.c.width-2))
	lt.ta.SetWidth(max(m.c.width-2, 10))
	lt.ta.SetHeight(max(m.bodyHeight()-2, 3))
	lt.in.SetWidth(max(m.c.width-lipglossWidth(lt.in.Prompt)-2, 10))
}

func (lt *letterModel) resize(m *Model) { lt.setContent(m) }

func (lt *letterModel) regenerate(m *Model) tea.Cmd {
	l, err := lt.redraft(m)
	if err != nil {
		return m.setStatus("Cannot write this letter again: "+err.Error(), true)
	}
	lt.draft = l
	lt.detailsChanged = false
	if l.Text() == lt.text(m) {
		lt.setContent(m)
		return m.setStatus("Written again: nothing changed.", false)
	}
	return tea.Batch(lt.addVersion(m, l.Text(), false), m.setStatus("Written again from the case. Earlier versions are kept.", false))
}

// exportPath is where an export goes by default: ~/kincare-letters, or the current folder.
func (lt *letterModel) exportPath(m *Model, ext string) string {
	who := ""
	if m.cs.c.Details.Child != nil {
		who = m.cs.c.Details.Child.Name
	}
	if who == "" {
		who = m.cs.c.Label
	}
	name := slug(who)
	if name == "" {
		name = "letter"
	}
	name += "-" + strings.ReplaceAll(lt.id, "_", "-")
	if lt.follow {
		name += "-follow-up"
	}
	name += "-" + m.today() + "." + ext
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, "kincare-letters", name)
	}
	return name
}

// slug makes a safe file name part: letters and digits, the rest as single dashes.
func slug(s string) string {
	s = entitlements.CleanText(s)
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 40 {
		out = strings.Trim(out[:40], "-")
	}
	return out
}

func (lt *letterModel) target() string {
	p := strings.TrimSpace(entitlements.CleanText(lt.in.Value()))
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	return p
}

func statLetter(path string) tea.Cmd {
	return runIO(func() tea.Msg {
		_, err := os.Stat(path)
		return letterExistsMsg{path: path, exists: err == nil}
	})
}

// exportLetter writes the letter in a format to path, readable only by this user; an existing
// file is replaced only when overwrite is set.
func exportLetter(path string, l letters.Letter, format string, overwrite bool) tea.Cmd {
	return runIO(func() tea.Msg {
		data, warns, err := letters.Export(l, format)
		if err != nil {
			return letterExportedMsg{path: path, err: err}
		}
		return letterExportedMsg{path: path, warns: warns, err: writePrivate(path, data, overwrite)}
	})
}

func (lt *letterModel) onMsg(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case letterExistsMsg:
		if lt.mode != lmPath || msg.path != lt.target() {
			return nil
		}
		if msg.exists {
			lt.mode = lmReplace
			lt.in.Blur()
			return nil
		}
		return lt.export(m, false)
	case letterExportedMsg:
		if msg.err != nil {
			if os.IsExist(msg.err) {
				lt.mode = lmReplace
				return nil
			}
			lt.mode = lmView
			return m.setStatus("Not saved: "+msg.err.Error(), true)
		}
		lt.mode = lmView
		lt.in.Blur()
		lt.warns = nil
		for _, w := range msg.warns {
			lt.warns = append(lt.warns, "! "+entitlements.CleanText(w))
		}
		if len(lt.warns) > 2 {
			lt.warns = append(lt.warns[:1], "! and "+itoa(len(msg.warns)-1)+" more the PDF cannot show exactly")
		}
		lt.setContent(m)
		return m.setStatus("Saved to "+msg.path, false)
	}
	return nil
}

func (lt *letterModel) export(m *Model, overwrite bool) tea.Cmd {
	l := letterFromText(lt.text(m), lt.draft)
	return exportLetter(lt.target(), l, lt.format, overwrite)
}

func (lt *letterModel) startInput(prompt, value string) tea.Cmd {
	lt.in.Prompt = prompt
	lt.in.SetWidth(max(lt.width-lipglossWidth(prompt)-2, 10))
	lt.in.SetValue(value)
	lt.in.CursorEnd()
	lt.err = ""
	return lt.in.Focus()
}

func ukDate(d entitlements.Date) string { return d.Time().Format("02/01/2006") }

func (lt *letterModel) update(m *Model, msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	switch lt.mode {
	case lmEdit:
		if isKey && (k.String() == "esc" || k.String() == "ctrl+s") {
			lt.mode = lmView
			lt.ta.Blur()
			text := cleanBlock(lt.ta.Value())
			if text == cleanBlock(lt.text(m)) {
				return m.setStatus("No changes.", false)
			}
			return tea.Batch(lt.addVersion(m, text, true), m.setStatus("Your changes are saved as a new version.", false))
		}
		var cmd tea.Cmd
		lt.ta, cmd = lt.ta.Update(msg)
		return cmd
	case lmConfirmRegen:
		if isKey {
			switch k.String() {
			case "y", "Y":
				lt.mode = lmView
				return lt.regenerate(m)
			case "n", "N", "esc":
				lt.mode = lmView
			}
		}
		return nil
	case lmFormat:
		if isKey {
			switch k.String() {
			case "up", "left", "k":
				lt.fmtCur = max(lt.fmtCur-1, 0)
			case "down", "right", "j":
				lt.fmtCur = min(lt.fmtCur+1, len(letters.Formats)-1)
			case "t", "m", "h", "p":
				for i, f := range letters.Formats {
					if f[0] == k.String()[0] {
						lt.fmtCur = i
					}
				}
				return lt.chooseFormat(m)
			case "enter":
				return lt.chooseFormat(m)
			case "esc":
				lt.mode = lmView
			}
		}
		return nil
	case lmPath, lmSentDate, lmReplyDate:
		if isKey {
			switch k.String() {
			case "esc":
				lt.mode = lmView
				lt.err = ""
				lt.in.Blur()
				return nil
			case "enter":
				return lt.submit(m)
			}
		}
		var cmd tea.Cmd
		lt.in, cmd = lt.in.Update(msg)
		return cmd
	case lmReplace:
		if isKey {
			switch k.String() {
			case "y", "Y":
				return lt.export(m, true)
			case "n", "N", "esc":
				lt.mode = lmPath
				return lt.in.Focus()
			}
		}
		return nil
	case lmSentHow:
		if isKey {
			switch k.String() {
			case "up", "left", "k":
				lt.howCur = max(lt.howCur-1, 0)
			case "down", "right", "j":
				lt.howCur = min(lt.howCur+1, len(sentHows)-1)
			case "1", "2", "3", "4":
				lt.howCur = int(k.String()[0] - '1')
				return lt.markSent(m)
			case "enter":
				return lt.markSent(m)
			case "esc":
				lt.mode = lmView
			}
		}
		return nil
	}
	if !isKey {
		var cmd tea.Cmd
		lt.vp, cmd = lt.vp.Update(msg)
		return cmd
	}
	keys := m.c.keys
	lt.err = ""
	switch k.String() {
	case "esc", "q":
		if lt.follow {
			lt.follow = false
			lt.refresh(m)
			return nil
		}
		lt.warns = nil
		m.scr = scrLetters
		return nil
	case "e":
		lt.mode = lmEdit
		lt.ta.SetValue(lt.text(m))
		lt.ta.MoveToBegin()
		return lt.ta.Focus()
	case "g":
		if v, ok := lt.latest(m); ok && v.Edited {
			lt.mode = lmConfirmRegen
			return nil
		}
		return lt.regenerate(m)
	case "x":
		lt.mode = lmFormat
		return lt.gapWarning(m, "exporting")
	case "c":
		m.clipboardSet = true
		return tea.Batch(tea.SetClipboard(lt.text(m)), m.setStatus("Copied (if your terminal allows it). Paste it where you need it.", false))
	case "m":
		lt.mode = lmSentDate
		lt.width = m.c.width
		return tea.Batch(lt.startInput("Sent on (for example 2/3/2026): ", ukDate(m.c.today)), lt.gapWarning(m, "sending"))
	case "r":
		r := m.cs.request(lt.id)
		if r == nil || r.Status != storage.StatusSent {
			return m.setStatus("Mark the letter as sent first (m).", true)
		}
		lt.mode = lmReplyDate
		lt.width = m.c.width
		return lt.startInput("Reply received on: ", ukDate(m.c.today))
	case "d":
		lt.detailsChanged = false
		return m.det.open(m, scrLetter)
	case "f":
		return lt.openFollowUp(m)
	case "?":
		m.c.help.ShowAll = !m.c.help.ShowAll
		lt.setContent(m)
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
	lt.vp, cmd = lt.vp.Update(msg)
	return cmd
}

func (lt *letterModel) chooseFormat(m *Model) tea.Cmd {
	lt.format = letters.Formats[lt.fmtCur]
	lt.width = m.c.width
	lt.mode = lmPath
	return lt.startInput("Save as: ", lt.exportPath(m, lt.format))
}

func (lt *letterModel) submit(m *Model) tea.Cmd {
	switch lt.mode {
	case lmPath:
		if lt.target() == "" {
			return nil
		}
		return statLetter(lt.target())
	case lmSentDate, lmReplyDate:
		iso, err := wizard.ParseDateInput(lt.in.Value())
		if err != nil {
			lt.err = "That date was not understood. Try a form like 02/03/2026 or 2 March 2026."
			return nil
		}
		d, _ := entitlements.ParseDate(iso)
		if d.After(m.c.today) {
			lt.err = "That date is in the future."
			return nil
		}
		lt.in.Blur()
		if lt.mode == lmSentDate {
			lt.sentOn = iso
			lt.mode = lmSentHow
			return nil
		}
		r := m.cs.ensureRequest(lt.id)
		r.Status, r.RepliedOn = storage.StatusReplied, iso
		lt.mode = lmView
		lt.setContent(m)
		return tea.Batch(m.markDirty(), m.setStatus("Reply received on "+d.Long()+".", false))
	}
	return nil
}

func (lt *letterModel) markSent(m *Model) tea.Cmd {
	d, err := entitlements.ParseDate(lt.sentOn)
	if err != nil {
		lt.mode = lmView
		return nil
	}
	r := m.cs.ensureRequest(lt.id)
	// A follow-up is sent with its own dates; the first letter's are kept as they were.
	mark := r.MarkSent
	if lt.follow {
		mark = r.MarkFollowUpSent
	}
	due, err := mark(d, sentHows[lt.howCur])
	lt.mode = lmView
	if err != nil {
		return m.setStatus(err.Error(), true)
	}
	lt.setContent(m)
	return tea.Batch(m.markDirty(), m.setStatus("Marked as sent. Reply due by "+due.Long()+".", false))
}

func (lt *letterModel) openFollowUp(m *Model) tea.Cmd {
	if lt.follow {
		lt.follow = false
		lt.refresh(m)
		return nil
	}
	r := m.cs.request(lt.id)
	if r == nil || (len(r.FollowUps) == 0 && !requestOverdue(r, m.c.today)) {
		msg := "A follow-up is offered once a reply is overdue. Mark the letter as sent first (m)."
		if r != nil && r.Status == storage.StatusSent {
			msg = "A follow-up is offered once the reply is overdue (due by " + longDate(r.ReplyDue) + ")."
		}
		return m.setStatus(msg, false)
	}
	lt.follow = true
	l, err := lt.redraft(m)
	if err != nil {
		lt.follow = false
		return m.setStatus("Cannot write the follow-up: "+err.Error(), true)
	}
	lt.draft = l
	var cmd tea.Cmd
	if len(r.FollowUps) == 0 {
		cmd = tea.Batch(lt.addVersion(m, l.Text(), false), m.setStatus("Follow-up drafted and saved.", false))
	}
	lt.setContent(m)
	lt.vp.GotoTop()
	return cmd
}

func (lt *letterModel) view(m *Model) string {
	st := m.c.st
	w := m.c.width - 1
	if lt.mode == lmEdit {
		return st.Bold.Render(clip("Editing: "+requestTitle(lt.id), w)) + "\n" + lt.ta.View() + "\n" +
			st.Subtle.Render(clip("ctrl+s or esc saves your changes as a new version", w))
	}
	head := lt.header(m)
	hl := lipglossHeight(head)
	lt.vp.SetHeight(max(m.bodyHeight()-hl-1, 2))
	var foot string
	switch lt.mode {
	case lmConfirmRegen:
		foot = st.Error.Render(clip("This replaces your edits. Keep a copy of them and regenerate? y/n", w))
	case lmFormat:
		var parts []string
		for i, f := range letters.Formats {
			s := f
			if i == lt.fmtCur {
				s = st.Selected.Render("[" + f + "]")
			}
			parts = append(parts, s)
		}
		foot = "Export as: " + strings.Join(parts, " ")
	case lmPath, lmSentDate, lmReplyDate:
		foot = lt.in.View()
		if lt.err != "" {
			foot = st.Error.Render(clip(lt.err, w))
		}
	case lmReplace:
		foot = st.Error.Render(clip("That file already exists. Replace it? y / n  ("+lt.target()+")", w))
	case lmSentHow:
		var parts []string
		for i, h := range sentHows {
			s := itoa(i+1) + " " + h
			if i == lt.howCur {
				s = st.Selected.Render("[" + s + "]")
			}
			parts = append(parts, s)
		}
		foot = "Sent how? " + strings.Join(parts, "  ")
	default:
		foot = st.Subtle.Render(itoa(int(lt.vp.ScrollPercent()*100)) + "% read")
	}
	return head + "\n" + lt.vp.View() + "\n" + foot
}

func (lt *letterModel) keys(m *Model) helpKeys {
	k := m.c.keys
	switch lt.mode {
	case lmEdit:
		return helpKeys{short: []key.Binding{kb("ctrl+s/esc", "save"), k.QuickExit}}
	case lmConfirmRegen, lmReplace:
		return helpKeys{short: []key.Binding{kb("y", "yes"), kb("n", "no"), k.QuickExit}}
	case lmFormat, lmSentHow:
		return helpKeys{short: []key.Binding{kb("←/→ ↑/↓", "choose"), kb("enter", "ok"), kb("esc", "cancel"), k.QuickExit}}
	case lmPath, lmSentDate, lmReplyDate:
		return helpKeys{short: []key.Binding{kb("enter", "ok"), kb("esc", "cancel"), k.QuickExit}}
	}
	short := []key.Binding{kb("e", "edit"), kb("x", "export"), kb("m", "mark as sent"), kb("c", "copy"), kb("r", "reply"), kb("f", "follow-up"), kb("d", "details"), kb("g", "write again"), k.Back, k.QuickExit}
	return helpKeys{short: short, full: [][]key.Binding{
		{kb("↑/↓", "scroll"), kb("e", "edit"), kb("g", "write again"), kb("d", "details")},
		{kb("x", "export"), kb("c", "copy"), k.Back},
		{kb("m", "mark sent"), kb("r", "reply received"), kb("f", "follow-up"), k.QuickExit},
	}}
}

// letterFromText rebuilds a letter's parts from its saved (perhaps edited) text, so the export
// formats can lay it out; base supplies the title and anything the text does not show.
func letterFromText(text string, base letters.Letter) letters.Letter {
	if text == base.Text() {
		return base
	}
	l := letters.Letter{RequestID: base.RequestID, Title: base.Title, Status: base.Status, ReplyDue: base.ReplyDue, Sources: base.Sources}
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	g := -1
	for i, s := range lines {
		t := strings.TrimSpace(s)
		if strings.HasPrefix(t, "Dear ") && strings.HasSuffix(t, ",") {
			g = i
			break
		}
	}
	c := -1
	for i := len(lines) - 1; i > g && g >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if strings.HasSuffix(t, ",") && (strings.HasPrefix(t, "Yours") || strings.HasPrefix(t, "Kind regards") || strings.HasPrefix(t, "Best wishes") || strings.HasPrefix(t, "With thanks")) {
			c = i
			break
		}
	}
	if g < 0 || c < 0 {
		// Not laid out as a letter: everything is the body.
		l.Subject = base.Subject
		l.Body = strings.TrimSpace(text)
		return l
	}
	var blocks [][]string
	var cur []string
	for _, s := range lines[:g] {
		if strings.TrimSpace(s) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, strings.TrimSpace(s))
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	switch len(blocks) {
	case 0:
	case 1:
		l.To = blocks[0]
	case 2:
		l.Date, l.To = strings.Join(blocks[0], " "), blocks[1]
	default:
		n := len(blocks)
		for _, b := range blocks[:n-2] {
			l.From = append(l.From, b...)
		}
		l.Date, l.To = strings.Join(blocks[n-2], " "), blocks[n-1]
	}
	l.Greeting = strings.TrimSuffix(strings.TrimSpace(lines[g]), ",")
	mid := strings.Split(strings.TrimSpace(strings.Join(lines[g+1:c], "\n")), "\n\n")
	if len(mid) > 0 {
		l.Subject = strings.TrimSpace(mid[0])
		l.Body = strings.TrimSpace(strings.Join(mid[1:], "\n\n"))
	}
	l.Closing = strings.TrimSuffix(strings.TrimSpace(lines[c]), ",")
	enc := false
	for _, s := range lines[c+1:] {
		t := strings.TrimSpace(s)
		switch {
		case t == "":
		case t == "Enclosed:":
			enc = true
		case enc:
			l.Encloses = append(l.Encloses, strings.TrimPrefix(t, "- "))
		default:
			l.Signature = append(l.Signature, t)
		}
	}
	return l
}
