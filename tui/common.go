package tui

import (
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/storage"
)

// Options configure the full-screen interface.
type Options struct {
	DBPath    string        // the case file; "" means the usual place
	Guest     bool          // keep nothing: cases live in memory only
	ASCII     bool          // plain symbols instead of ✓ ? ! ✗
	NoColor   bool          // no colours (NO_COLOR)
	LockAfter time.Duration // idle time before locking; 0 means 10 minutes (5 in guest mode)
	In        io.Reader
	Out       io.Writer
	Getenv    func(string) string
	// Today fixes the date (tests); zero means the real date.
	Today entitlements.Date
	// Store, when set, is used instead of opening DBPath (tests).
	Store storage.Store
}

// Minimum size of the window the interface draws in.
const (
	minWidth  = 60
	minHeight = 16
)

// common is what every screen shares: the look, the keys, the size and the settings.
type common struct {
	st      *styles
	keys    keyMap
	help    help.Model
	width   int
	height  int
	ascii   bool
	noColor bool
	dark    bool
	guest   bool
	today   entitlements.Date
	// helpLines is how many lines the full help of the screen on top takes; the root sets it.
	helpLines func() int
	// savePath is the last file name typed for a read-out, offered again next time.
	savePath string
	// posted are the messages screens have posted for the root, in order (nav.go).
	posted []tea.Msg
	// store is the open case file (or guest session), for recording the files written at a
	// person's request; the root keeps it current.
	store storage.Store
}

func newCommon(o Options) *common {
	c := &common{keys: newKeyMap(), ascii: o.ASCII, noColor: o.NoColor, dark: true, guest: o.Guest, width: 80, height: 24}
	c.today = o.Today
	c.setStyles()
	return c
}

func (c *common) setStyles() {
	c.st = newStyles(c.noColor, c.dark)
	c.help = help.New()
	c.help.Styles = c.st.Help
	if c.noColor {
		plain := lipgloss.NewStyle()
		hs := c.help.Styles
		hs.ShortKey, hs.ShortDesc, hs.ShortSeparator, hs.Ellipsis = plain.Bold(true), plain, plain, plain
		hs.FullKey, hs.FullDesc, hs.FullSeparator = plain.Bold(true), plain, plain
		c.help.Styles = hs
	}
	c.help.SetWidth(c.width)
}

// bodyHeight is the room a screen has between the title line and the status and help lines.
func (c *common) bodyHeight() int {
	help := 1
	if c.help.ShowAll && c.helpLines != nil {
		help = c.helpLines()
	}
	return max(c.height-3-help, 3)
}

// inputStyles are the text boxes' looks: plain when colours are off.
func (c *common) inputStyles() textinput.Styles {
	if c.noColor {
		plain := lipgloss.NewStyle()
		st := textinput.StyleState{Text: plain, Placeholder: plain, Suggestion: plain, Prompt: plain}
		return textinput.Styles{Focused: st, Blurred: st}
	}
	return c.st.Input
}

func (c *common) areaStyles() textarea.Styles {
	ta := c.st.TextArea
	if c.noColor {
		plain := lipgloss.NewStyle()
		as := textarea.StyleState{Base: plain, Text: plain, LineNumber: plain, CursorLineNumber: plain, CursorLine: plain, EndOfBuffer: plain, Placeholder: plain, Prompt: plain, Selection: plain.Reverse(true)}
		ta.Focused, ta.Blurred = as, as
		ta.Cursor.Color = nil
	}
	return ta
}

// statusSymbol is the status as a word and a symbol, so it never relies on colour.
func (c *common) statusLabel(s entitlements.Status) string {
	return entitlements.StatusWords(s) + " " + c.symbol(s)
}

func (c *common) symbol(s entitlements.Status) string {
	if c.ascii {
		switch s {
		case entitlements.Eligible:
			return "[ok]"
		case entitlements.MayBeEligible:
			return "[?]"
		case entitlements.Check:
			return "[!]"
		case entitlements.NotEligible:
			return "[x]"
		}
		return "[ ]"
	}
	switch s {
	case entitlements.Eligible:
		return "✓"
	case entitlements.MayBeEligible:
		return "?"
	case entitlements.Check:
		return "!"
	case entitlements.NotEligible:
		return "✗"
	}
	return " "
}

// cursor marks the selected row with a sign as well as a style.
func (c *common) cursor(on bool) string {
	if on {
		return "> "
	}
	return "  "
}

// UTF8Locale reports whether the locale settings say the terminal takes UTF-8.
func UTF8Locale(getenv func(string) string) bool {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := getenv(k); v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}

// clip makes text safe and short enough to draw: escape sequences and control characters go,
// and it is cut to width by display cells, never by bytes.
func clip(s string, width int) string {
	s = entitlements.CleanText(s)
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// wrapText wraps plain text to width cells.
func wrapText(s string, width int) string {
	if width < 10 {
		width = 10
	}
	return ansi.Wrap(s, width, "")
}

// fitLines cuts a block to at most n lines.
func fitLines(s string, n int) string {
	if n <= 0 {
		return ""
	}
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = ls[:n]
	}
	return strings.Join(ls, "\n")
}

// padLines cuts or pads a block to exactly n lines.
func padLines(s string, n int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = ls[:n]
	}
	for len(ls) < n {
		ls = append(ls, "")
	}
	return strings.Join(ls, "\n")
}
