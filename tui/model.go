package tui

import (
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/storage"
)

type screen int

const (
	scrLoading screen = iota
	scrFirstRun
	scrPassphrase
	scrCases
	scrNewCase
	scrInterview
	scrResults
	scrOutcome
	scrReadOut
	scrNotes
	scrLetters
	scrLetter
	scrDetails
	scrLocked
	scrFatal
)

// Model is the root of the interface: it holds what is shared and routes each message to the
// screen in front.
type Model struct {
	c     *common
	opts  Options
	path  string
	store storage.Store
	scr   screen

	status    string
	statusErr bool
	statusSeq int
	fatal     string

	// passphrase entry (opening, unlocking, or choosing one on first run)
	pass      textinput.Model
	passTries int
	unlocking bool
	// On first run a new passphrase is typed twice: a slip the first time would lock the
	// file for good. passFirst is the first typing while the second is asked for.
	passFirst    []byte
	passConfirm  bool
	passMismatch bool

	list    casesModel
	newCase newCaseModel
	cs      *caseState
	iv      interviewModel
	res     resultsModel
	ro      readoutModel
	notes   notesModel
	lt      letterModel
	det     detailsModel

	lettersCursor int

	lockAfter   time.Duration
	idleSeq     int
	saveSeq     int
	dirty       bool
	lockedID    string // the case that was open when the screen locked
	lockedScr   screen
	lettersBack screen
	netWarn     string // shown on the case list while the file is on a network drive

	clipboardSet bool
	printOnExit  string
	quick        bool
	quitting     bool
}

// New makes the root model. Run calls it; tests call it directly.
func New(o Options) *Model {
	if o.Getenv == nil {
		o.Getenv = func(string) string { return "" }
	}
	m := &Model{c: newCommon(o), opts: o, path: o.DBPath, store: o.Store}
	m.lockAfter = o.LockAfter
	if m.lockAfter <= 0 {
		m.lockAfter = 10 * time.Minute
		if o.Guest {
			m.lockAfter = 5 * time.Minute
		}
	}
	if m.c.today.IsZero() {
		n := time.Now()
		m.c.today = entitlements.DateOf(n.Year(), n.Month(), n.Day())
	}
	m.pass = textinput.New()
	m.pass.EchoMode = textinput.EchoPassword
	m.pass.EchoCharacter = '•'
	if m.c.ascii {
		m.pass.EchoCharacter = '*'
	}
	m.pass.Prompt = "Passphrase: "
	m.pass.CharLimit = 200
	m.list = newCasesModel()
	m.ro = newReadoutModel()
	m.notes = newNotesModel()
	m.lt = newLetterModel()
	m.det = newDetailsModel()
	m.scr = scrLoading
	m.styleInputs()
	if m.store == nil && o.Guest {
		m.store = storage.NewMemory()
	}
	return m
}

func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.resetIdle()}
	if m.store != nil {
		m.scr = scrCases
		cmds = append(cmds, m.refreshList())
	} else {
		cmds = append(cmds, checkDB(m.path))
	}
	return tea.Batch(cmds...)
}

// PrintOnExit is the text to print once the screen is back to normal ("" for none).
func (m *Model) PrintOnExit() string { return m.printOnExit }

func (m *Model) today() string { return m.c.today.String() }

func (m *Model) refreshList() tea.Cmd {
	if m.store == nil {
		return nil
	}
	return listCases(m.store, m.list.query(), m.today())
}

func (m *Model) resetIdle() tea.Cmd {
	m.idleSeq++
	return tick(m.lockAfter, idleMsg{seq: m.idleSeq})
}

func (m *Model) setStatus(s string, isErr bool) tea.Cmd {
	m.status, m.statusErr = entitlements.CleanText(s), isErr
	m.statusSeq++
	return tick(4*time.Second, clearStatusMsg{seq: m.statusSeq})
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.c.help.SetWidth(msg.Width)
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.c.dark = msg.IsDark()
		m.c.setStyles()
		m.styleInputs()
		m.layout()
		if m.iv.form != nil {
			m.iv.form.rebuild(m.c)
		}
		return m, nil
	case idleMsg:
		if msg.seq != m.idleSeq || m.scr == scrLocked || m.scr == scrFatal {
			return m, nil
		}
		return m, m.lock()
	case clearStatusMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	case saveTickMsg:
		if msg.seq == m.saveSeq && m.dirty && m.cs != nil && m.store != nil {
			return m, saveCase(m.store, m.cs.snapshot(), msg.seq)
		}
		return m, nil
	case savedMsg:
		if msg.err != nil {
			return m, m.setStatus("Not saved: "+msg.err.Error(), true)
		}
		if m.cs != nil && m.cs.c.ID == "" {
			m.cs.c.ID = msg.id
		}
		if msg.seq == m.saveSeq {
			m.dirty = false
		}
		if m.c.guest {
			return m, m.setStatus("Kept for this session only", false)
		}
		return m, m.setStatus("Saved", false)
	case tea.KeyPressMsg:
		cmd := m.resetIdle()
		if key.Matches(msg, m.c.keys.QuickExit) {
			return m, m.quickExit()
		}
		if m.tooSmall() {
			return m, cmd
		}
		next, c2 := m.updateScreen(msg)
		return next, tea.Batch(cmd, c2)
	case tea.PasteMsg:
		cmd := m.resetIdle()
		next, c2 := m.updateScreen(msg)
		return next, tea.Batch(cmd, c2)
	}
	return m.updateScreen(msg)
}

// updateScreen hands a message to the screen in front, and handles the results of commands.
func (m *Model) updateScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case dbStateMsg:
		return m, m.onDBState(msg)
	case openedMsg:
		return m, m.onOpened(msg)
	case unlockedMsg:
		return m, m.onUnlocked(msg)
	case lockedMsg:
		return m, nil
	case listedMsg:
		m.list.setCases(msg)
		return m, nil
	case loadedMsg:
		return m, m.onLoaded(msg)
	case deletedMsg:
		if msg.err != nil {
			return m, m.setStatus("Not deleted: "+msg.err.Error(), true)
		}
		return m, tea.Batch(m.refreshList(), m.setStatus("Case deleted", false))
	case fileExistsMsg, fileWrittenMsg:
		return m, m.ro.onFile(m, msg)
	case letterExistsMsg, letterExportedMsg:
		if m.cs == nil {
			return m, nil
		}
		return m, m.lt.onMsg(m, msg)
	}
	switch m.scr {
	case scrFirstRun, scrPassphrase, scrLocked:
		return m, m.updatePass(msg)
	case scrCases:
		return m, m.list.update(m, msg)
	case scrNewCase:
		return m, m.newCase.update(m, msg)
	case scrInterview:
		return m, m.iv.update(m, msg)
	case scrResults, scrOutcome:
		return m, m.res.update(m, msg)
	case scrReadOut:
		return m, m.ro.update(m, msg)
	case scrNotes:
		return m, m.notes.update(m, msg)
	case scrLetters:
		return m, m.updateLetters(msg)
	case scrLetter:
		return m, m.lt.update(m, msg)
	case scrDetails:
		return m, m.det.update(m, msg)
	case scrFatal:
		if k, ok := msg.(tea.KeyPressMsg); ok && k.String() != "" {
			m.quitting = true
			return m, tea.Quit
		}
	}
	return m, nil
}

func (m *Model) onDBState(msg dbStateMsg) tea.Cmd {
	m.netWarn = msg.netWarn
	switch {
	case msg.err != nil:
		m.fatal = msg.err.Error()
		m.scr = scrFatal
		return nil
	case !msg.exists:
		m.scr = scrFirstRun
		m.pass.Reset()
		return m.pass.Focus()
	case msg.protected:
		m.scr = scrPassphrase
		m.pass.Reset()
		return m.pass.Focus()
	}
	return openDB(m.path, nil)
}

func (m *Model) onOpened(msg openedMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, storage.ErrWrongPassphrase) {
			return m.wrongPass()
		}
		if errors.Is(msg.err, storage.ErrNeedPassphrase) {
			m.scr = scrPassphrase
			m.pass.Reset()
			return m.pass.Focus()
		}
		m.fatal = msg.err.Error()
		m.scr = scrFatal
		return nil
	}
	m.store = msg.store
	m.pass.Reset()
	m.scr = scrCases
	return m.refreshList()
}

const maxTries = 3

func (m *Model) wrongPass() tea.Cmd {
	m.passTries++
	m.pass.Reset()
	if m.passTries >= maxTries {
		m.fatal = "That passphrase was wrong three times, so kincare will close. Your cases are safe and unchanged. If you have forgotten the passphrase, nobody can open the file without it."
		m.scr = scrFatal
		return nil
	}
	return m.setStatus("That passphrase does not open the case file. Capital letters count. Try again.", true)
}

func (m *Model) onUnlocked(msg unlockedMsg) tea.Cmd {
	if msg.err != nil {
		if errors.Is(msg.err, storage.ErrWrongPassphrase) {
			return m.wrongPass()
		}
		m.fatal = msg.err.Error()
		m.scr = scrFatal
		return nil
	}
	m.pass.Reset()
	m.passTries = 0
	m.unlocking = false
	if m.lockedID != "" {
		id := m.lockedID
		m.lockedID = ""
		m.scr = scrCases
		return tea.Batch(m.refreshList(), loadCase(m.store, id))
	}
	m.scr = scrCases
	return m.refreshList()
}

func (m *Model) updatePass(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch k.String() {
		case "enter":
			p := []byte(m.pass.Value())
			switch {
			case m.scr == scrFirstRun && len(p) > 0 && !m.passConfirm:
				m.passFirst, m.passConfirm, m.passMismatch = p, true, false
				m.pass.Reset()
				return nil
			case m.scr == scrFirstRun && m.passConfirm && string(p) != string(m.passFirst):
				m.passFirst, m.passConfirm, m.passMismatch = nil, false, true
				m.pass.Reset()
				return nil
			case m.scr == scrFirstRun:
				m.passFirst, m.passConfirm, m.passMismatch = nil, false, false
				m.scr = scrLoading
				return openDB(m.path, p)
			case m.scr == scrLocked && m.store != nil && !m.store.Protected():
				m.scr = scrCases
				return m.onUnlocked(unlockedMsg{})
			case m.scr == scrLocked:
				if len(p) == 0 {
					return nil
				}
				return unlockStore(m.store, p)
			default:
				if len(p) == 0 {
					return nil
				}
				return openDB(m.path, p)
			}
		case "esc":
			if m.scr == scrFirstRun && m.passConfirm {
				m.passFirst, m.passConfirm = nil, false
				m.pass.Reset()
				return nil
			}
			if m.scr == scrFirstRun {
				m.pass.Reset()
				m.scr = scrLoading
				return openDB(m.path, nil)
			}
		}
	}
	if m.scr == scrLocked && m.store != nil && !m.store.Protected() {
		return nil
	}
	var cmd tea.Cmd
	m.pass, cmd = m.pass.Update(msg)
	return cmd
}

// lock hides the case, drops what was decrypted and asks for the passphrase again.
func (m *Model) lock() tea.Cmd {
	var cmds []tea.Cmd
	if m.cs != nil {
		// Text being typed is kept, not lost.
		if m.scr == scrLetter && m.lt.mode == lmEdit {
			if text := cleanBlock(m.lt.ta.Value()); text != cleanBlock(m.lt.text(m)) {
				m.lt.addVersion(m, text, true)
			}
		}
		if m.scr == scrDetails {
			m.det.commit(m)
		}
		if m.dirty && m.store != nil {
			cmds = append(cmds, saveCase(m.store, m.cs.snapshot(), m.saveSeq))
		}
		m.lockedID = m.cs.c.ID
		m.lockedScr = m.scr
	}
	m.cs = nil
	m.iv = interviewModel{}
	m.res = resultsModel{}
	m.ro.reset()
	m.notes = newNotesModel()
	m.lt = newLetterModel()
	m.det = newDetailsModel()
	m.styleInputs()
	m.list.cases = nil
	m.scr = scrLocked
	m.pass.Reset()
	cmds = append(cmds, m.pass.Focus())
	if m.store != nil {
		cmds = append(cmds, lockStore(m.store))
	}
	return tea.Sequence(cmds...)
}

// quickExit leaves at once: the clipboard kincare filled is cleared and the program ends;
// Run clears the screen and the scrollback and closes the case file.
func (m *Model) quickExit() tea.Cmd {
	m.quick = true
	m.quitting = true
	m.printOnExit = ""
	if m.clipboardSet {
		return tea.Sequence(tea.SetClipboard(""), tea.Quit)
	}
	return tea.Quit
}

func (m *Model) quit() tea.Cmd {
	m.quitting = true
	return tea.Quit
}

func (m *Model) tooSmall() bool { return m.c.width < minWidth || m.c.height < minHeight }

// bodyHeight is the room a screen has between the title line and the status and help lines.
func (m *Model) bodyHeight() int {
	help := 1
	if m.c.help.ShowAll {
		help = lipgloss.Height(m.helpView())
	}
	h := m.c.height - 3 - help
	if h < 3 {
		h = 3
	}
	return h
}

func (m *Model) layout() {
	m.ro.resize(m)
	m.notes.resize(m)
	if m.cs != nil && m.scr == scrLetter {
		m.lt.resize(m)
	}
	if m.iv.form != nil {
		m.iv.form.resize(m.c, m.iv.leftWidth(m))
	}
}

// markDirty schedules a save shortly after the last change.
func (m *Model) markDirty() tea.Cmd {
	m.dirty = true
	m.saveSeq++
	return tick(400*time.Millisecond, saveTickMsg{seq: m.saveSeq})
}

func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "kincare"
	return v
}

func (m *Model) render() string {
	if m.quitting {
		return ""
	}
	if m.tooSmall() {
		msg := "Please make this window larger."
		return lipgloss.Place(max(m.c.width, 1), max(m.c.height, 1), lipgloss.Center, lipgloss.Center, wrapText(msg, max(m.c.width-2, 10)))
	}
	w := m.c.width
	title := m.c.st.Title.Render("kincare")
	crumb := m.crumb()
	if crumb != "" {
		title += m.c.st.Subtle.Render(" · " + clip(crumb, w-12))
	}
	if m.c.guest {
		tag := " GUEST: nothing is kept"
		if lipgloss.Width(title)+len(tag) < w {
			title += m.c.st.Warn.Render(tag)
		}
	}
	if n := m.overdueCount(); n > 0 && m.scr != scrCases && m.scr != scrLocked {
		tag := " ! " + overdueWords(n)
		if lipgloss.Width(title)+lipgloss.Width(tag) > w {
			title = ansi.Truncate(title, max(w-lipgloss.Width(tag), 10), "…")
		}
		title += m.c.st.Warn.Render(tag)
	}
	body := padLines(m.body(), m.bodyHeight())
	body = lipgloss.NewStyle().MaxWidth(w).Render(body)
	status := ""
	if m.status != "" {
		st := m.c.st.Notice
		if m.statusErr {
			st = m.c.st.Error
		}
		status = st.Render(clip(m.status, w))
	}
	out := title + "\n\n" + body + "\n" + status + "\n" + m.helpView()
	return fitLines(out, m.c.height)
}

func (m *Model) crumb() string {
	name := ""
	if m.cs != nil {
		name = m.cs.label()
	}
	switch m.scr {
	case scrFirstRun:
		return "Welcome"
	case scrPassphrase:
		return "Open your cases"
	case scrLocked:
		return "Locked"
	case scrCases:
		return "Cases"
	case scrNewCase:
		return "New case"
	case scrInterview:
		return name + " · Questions"
	case scrResults:
		return name + " · What the family can get"
	case scrOutcome:
		// Not "Details": that word is the people's details screen.
		return name + " · What the family can get · More about this"
	case scrReadOut:
		return name + " · Read-out summary"
	case scrNotes:
		return name + " · Notes"
	case scrLetters:
		return name + " · Letters"
	case scrLetter:
		return name + " · Letter"
	case scrDetails:
		return name + " · People's details"
	}
	return ""
}

func (m *Model) body() string {
	switch m.scr {
	case scrLoading:
		return "Opening your cases…"
	case scrFirstRun:
		return m.viewFirstRun()
	case scrPassphrase, scrLocked:
		return m.viewPass()
	case scrCases:
		return m.list.view(m)
	case scrNewCase:
		return m.newCase.view(m)
	case scrInterview:
		return m.iv.view(m)
	case scrResults:
		return m.res.viewList(m)
	case scrOutcome:
		return m.res.viewOutcome(m)
	case scrReadOut:
		return m.ro.view(m)
	case scrNotes:
		return m.notes.view(m)
	case scrLetters:
		return m.viewLetters()
	case scrLetter:
		return m.lt.view(m)
	case scrDetails:
		return m.det.view(m)
	case scrFatal:
		return wrapText(m.fatal, m.c.width-2) + "\n\nPress any key to close."
	}
	return ""
}

func (m *Model) viewFirstRun() string {
	w := m.c.width - 2
	where := m.path
	var b strings.Builder
	b.WriteString(wrapText("Your cases are kept in one file on this computer: "+where, w) + "\n")
	b.WriteString(wrapText("Nothing is sent anywhere. Delete a case and it is gone.", w) + "\n")
	b.WriteString(wrapText("You can protect the file with a passphrase. If you forget it, nobody can open the file.", w) + "\n\n")
	b.WriteString(m.pass.View() + "\n\n")
	switch {
	case m.passConfirm:
		b.WriteString(m.c.st.Bold.Render(wrapText("Type the same passphrase again, to be sure, and press enter. Press esc to start again.", w)))
	case m.passMismatch:
		b.WriteString(m.c.st.Error.Render(wrapText("The two did not match. Type a passphrase again, or press esc to carry on without one.", w)))
	default:
		b.WriteString(m.c.st.Subtle.Render(wrapText("Type a passphrase and press enter, or press esc to carry on without one.", w)))
	}
	return b.String()
}

func (m *Model) viewPass() string {
	w := m.c.width - 2
	var b strings.Builder
	if m.scr == scrLocked {
		b.WriteString(m.c.st.Bold.Render("kincare locked itself because nobody used it for a while.") + "\n")
		if m.store != nil && !m.store.Protected() {
			b.WriteString(wrapText("Press enter to carry on.", w) + "\n")
			return b.String()
		}
		b.WriteString(wrapText("Enter the passphrase to carry on.", w) + "\n\n")
	} else {
		b.WriteString(wrapText("Your case file is protected. Enter the passphrase to open it.", w) + "\n\n")
	}
	b.WriteString(m.pass.View())
	if m.passTries > 0 {
		b.WriteString("\n\n" + m.c.st.Subtle.Render(wrapText(triesLeft(maxTries-m.passTries), w)))
	}
	return b.String()
}

func triesLeft(n int) string {
	if n == 1 {
		return "1 try left."
	}
	return itoa(n) + " tries left."
}

func (m *Model) helpView() string {
	hk := m.helpKeys()
	if !m.c.help.ShowAll {
		hk.short = m.fitShortHelp(hk.short)
	}
	v := m.c.help.View(hk)
	ls := strings.Split(v, "\n")
	for i, l := range ls {
		ls[i] = ansi.Truncate(l, m.c.width, "…")
	}
	return strings.Join(ls, "\n")
}

// fitShortHelp drops keys from the short help until it fits the window, rather than cutting
// the line mid-word. The keys at the end that lead out (esc, and the quick exit) are always
// kept; the others are in order of importance, so they go from the end.
func (m *Model) fitShortHelp(bs []key.Binding) []key.Binding {
	width := func(bs []key.Binding) int {
		h := m.c.help
		h.SetWidth(0)
		return lipgloss.Width(h.ShortHelpView(bs))
	}
	if len(bs) < 2 || width(bs) <= m.c.width {
		return bs
	}
	cut := len(bs)
	for cut > 1 {
		k := bs[cut-1].Help().Key
		if k != "ctrl+q" && !strings.HasPrefix(k, "esc") && !strings.Contains(k, "/esc") {
			break
		}
		cut--
	}
	tail := bs[cut:]
	head := append([]key.Binding(nil), bs[:cut]...)
	for len(head) > 1 && width(append(append([]key.Binding(nil), head...), tail...)) > m.c.width {
		head = head[:len(head)-1]
	}
	return append(head, tail...)
}

func (m *Model) helpKeys() helpKeys {
	k := m.c.keys
	switch m.scr {
	case scrFirstRun:
		if m.passConfirm {
			return helpKeys{short: []key.Binding{kb("enter", "confirm"), kb("esc", "start again"), k.QuickExit}}
		}
		return helpKeys{short: []key.Binding{kb("enter", "set passphrase"), kb("esc", "no passphrase"), k.QuickExit}}
	case scrLocked:
		return helpKeys{short: []key.Binding{kb("enter", "carry on"), k.QuickExit}}
	case scrPassphrase:
		return helpKeys{short: []key.Binding{kb("enter", "open"), k.QuickExit}}
	case scrCases:
		return m.list.keys(m)
	case scrNewCase:
		return helpKeys{short: []key.Binding{kb("enter", "next"), kb("esc", "back"), k.QuickExit}}
	case scrInterview:
		return m.iv.keys(m)
	case scrResults, scrOutcome:
		return m.res.keys(m)
	case scrReadOut:
		return m.ro.keys(m)
	case scrNotes:
		return m.notes.keys(m)
	case scrLetters:
		return m.lettersKeys()
	case scrLetter:
		return m.lt.keys(m)
	case scrDetails:
		return m.det.keys(m)
	case scrFatal:
		return helpKeys{short: []key.Binding{kb("any key", "close")}}
	}
	return helpKeys{short: []key.Binding{k.QuickExit}}
}

func kb(k, h string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, h)) }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// styleInputs gives the text boxes the current look: plain when colours are off.
func (m *Model) styleInputs() {
	ti := m.c.st.Input
	ta := m.c.st.TextArea
	if m.c.noColor {
		plain := lipgloss.NewStyle()
		st := textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain, Prompt: plain}
		ti = textinput.Styles{Focused: st, Blurred: st}
		as := textarea.StyleState{Base: plain, Text: plain, LineNumber: plain, CursorLineNumber: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: plain, Prompt: plain, Selection: plain.Reverse(true)}
		ta.Focused, ta.Blurred = as, as
		ta.Cursor.Color = nil
	}
	m.pass.SetStyles(ti)
	m.list.search.SetStyles(ti)
	m.ro.path.SetStyles(ti)
	m.notes.ta.SetStyles(ta)
	m.lt.ta.SetStyles(ta)
	m.lt.in.SetStyles(ti)
	m.det.in.SetStyles(ti)
}

func lipglossHeight(s string) int { return lipgloss.Height(s) }
