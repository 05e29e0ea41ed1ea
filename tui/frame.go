package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The frame every screen is drawn in: a title line with where the person is, the screen's
// body, a status line and the help line.

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
		msg := "Please make this window larger, or start kincare with --accessible for plain lines."
		return lipgloss.Place(max(m.c.width, 1), max(m.c.height, 1), lipgloss.Center, lipgloss.Center, wrapFlags(msg, max(m.c.width-2, 10)))
	}
	w := m.c.width
	title := m.c.st.Title.Render("kincare")
	crumb := ""
	if f := m.front(); f != nil {
		crumb = f.crumb()
	}
	if crumb != "" {
		title += m.c.st.Subtle.Render(" · " + clip(crumb, w-12))
	}
	if m.c.guest {
		tag := " GUEST: nothing is kept"
		if lipgloss.Width(title)+len(tag) < w {
			title += m.c.st.Warn.Render(tag)
		}
	}
	if n := m.overdueCount(); n > 0 && m.front() != screen(m.list) {
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

// body is the screen in front, with a dialog's line at its foot when one is open.
func (m *Model) body() string {
	t := m.top()
	if t == nil {
		return ""
	}
	if d, ok := t.(dialog); ok {
		if h, ok := m.front().(host); ok {
			return h.viewWith(d)
		}
	}
	return t.view()
}

// overdueCount is how many letters of the case in front wait for a late reply.
func (m *Model) overdueCount() int {
	if m.cs == nil {
		return 0
	}
	return m.cs.overdueCount(m.c.today)
}

func (m *Model) helpView() string {
	hk := helpKeys{short: []key.Binding{m.c.keys.QuickExit}}
	if t := m.top(); t != nil {
		hk = t.keys()
	}
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
	// The width the help model would draw, counted rather than drawn: this runs on every key.
	sepW := lipgloss.Width(m.c.help.ShortSeparator)
	width := func(bs []key.Binding) int {
		w := 0
		for _, b := range bs {
			if !b.Enabled() {
				continue
			}
			if w > 0 {
				w += sepW
			}
			w += lipgloss.Width(b.Help().Key) + 1 + lipgloss.Width(b.Help().Desc)
		}
		return w
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

func lipglossHeight(s string) int { return lipgloss.Height(s) }

// loadingScreen shows while the case file is being looked at.
type loadingScreen struct{}

func (*loadingScreen) update(tea.Msg) tea.Cmd { return nil }
func (*loadingScreen) view() string           { return "Opening your cases…" }
func (*loadingScreen) crumb() string          { return "" }
func (*loadingScreen) keys() helpKeys         { return helpKeys{short: []key.Binding{newKeyMap().QuickExit}} }

// fatalScreen says why kincare cannot go on; any key closes it.
type fatalScreen struct {
	c    *common
	text string
}

func (f *fatalScreen) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok && k.String() != "" {
		return f.c.send(quitMsg{})
	}
	return nil
}

func (f *fatalScreen) view() string {
	return wrapText(f.text, f.c.width-2) + "\n\nPress any key to close."
}
func (f *fatalScreen) crumb() string  { return "" }
func (f *fatalScreen) keys() helpKeys { return helpKeys{short: []key.Binding{kb("any key", "close")}} }

// wrapFlags wraps text that names a command-line flag, never breaking the flag at its dashes.
func wrapFlags(s string, width int) string {
	const keep = "\u2011\u2011" // non-breaking hyphens while wrapping
	return strings.ReplaceAll(wrapText(strings.ReplaceAll(s, "--", keep), width), keep, "--")
}
