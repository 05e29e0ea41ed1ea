package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"kincare/entitlements"
	"kincare/wizard"
)

func lipglossWidth(s string) int { return lipgloss.Width(s) }

// qform is a one-question form: a numbered list to choose from, or a box to type in.
//
// Nothing is chosen for the person: a list starts with no option marked, and enter with
// nothing chosen is refused by the screen that asks. An option is chosen with ↑/↓ or by its
// number; two digits typed within a second make one number on a list of ten or more.
type qform struct {
	c           *common
	title, desc string
	options     []wizard.Option
	typed       bool
	// suggestions complete what is typed (council names). They are a fixed list the text box
	// matches by itself, so nothing reads the typed value off the update loop.
	suggestions []string
	// value is the chosen option's value ("" while nothing is chosen), or the typed text.
	value  string
	width  int
	height int
	// err says why the last answer was refused. It stays until the next key.
	err string
	in  textinput.Model
	// top is the first option in sight when the list is longer than the room for it.
	top int
	// firstDigit waits for a second digit on a long list ("1" then "3" is 13).
	firstDigit int
	digitSeq   int
}

// digitWait is how long a first digit waits for a second one.
const digitWait = time.Second

// digitTimeoutMsg ends the wait for a second digit.
type digitTimeoutMsg struct{ seq int }

var digitSeqs int

func newQForm(c *common, title, desc string, options []wizard.Option, typed bool, initial string, width, height int) *qform {
	q := &qform{title: title, desc: desc, options: options, typed: typed, value: initial, width: width, height: height}
	q.rebuild(c)
	return q
}

// rebuild makes the form again (after a resize or a change of colours), keeping the answer.
func (q *qform) rebuild(c *common) {
	q.c = c
	if !q.typed {
		if q.chosen() < 0 {
			q.value = ""
		}
		q.scrollTo(q.chosen())
		return
	}
	in := textinput.New()
	in.Prompt = "> "
	in.CharLimit = 200
	look := c.st.Input
	look.Cursor.Blink = false // a blinking cursor redraws the screen twice a second for nothing
	in.SetStyles(look)
	in.KeyMap.AcceptSuggestion = key.NewBinding(key.WithDisabled())
	in.KeyMap.NextSuggestion = key.NewBinding(key.WithDisabled())
	in.KeyMap.PrevSuggestion = key.NewBinding(key.WithDisabled())
	if len(q.suggestions) > 0 {
		in.ShowSuggestions = true
		in.SetSuggestions(q.suggestions)
	}
	in.SetWidth(max(q.formWidth()-lipgloss.Width(in.Prompt)-1, 5))
	in.SetValue(q.value)
	in.Focus()
	q.in = in
}

// formWidth is one cell narrower than the room given, so nothing touches the pane's border.
func (q *qform) formWidth() int { return max(q.width-1, 20) }

func (q *qform) resize(c *common, width int) {
	if width != q.width {
		q.width = width
		q.rebuild(c)
	}
}

func (q *qform) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case digitTimeoutMsg:
		if msg.seq == q.digitSeq {
			q.firstDigit = 0
		}
		return nil
	case tea.KeyPressMsg:
		q.err = ""
		if !q.typed {
			return q.choiceKey(msg)
		}
	case tea.PasteMsg:
		q.err = ""
	}
	if !q.typed {
		return nil
	}
	var cmd tea.Cmd
	q.in, cmd = q.in.Update(msg)
	q.value = q.in.Value()
	return cmd
}

// chosen is the index of the chosen option, or -1.
func (q *qform) chosen() int {
	for i, o := range q.options {
		if o.Value == q.value && q.value != "" {
			return i
		}
	}
	return -1
}

func (q *qform) choose(i int) {
	if i < 0 || i >= len(q.options) {
		return
	}
	q.value = q.options[i].Value
	q.scrollTo(i)
}

func (q *qform) choiceKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(q.options)
	sel := q.chosen()
	if r := []rune(k.Text); len(r) == 1 && r[0] >= '0' && r[0] <= '9' && k.Mod == 0 {
		return q.digit(int(r[0] - '0'))
	}
	q.firstDigit = 0
	page := max(q.layout().rows-2, 1)
	switch k.String() {
	case "up", "k":
		q.choose(max(sel-1, 0))
	case "down", "j":
		q.choose(min(sel+1, n-1))
	case "home":
		q.choose(0)
	case "end":
		q.choose(n - 1)
	case "pgup":
		q.choose(max(sel-page, 0))
	case "pgdown":
		q.choose(min(max(sel, 0)+page, n-1))
	}
	return nil
}

// digit chooses by number. On a list of ten or more, a digit that could begin a longer
// number waits a second for the next one; a second digit that makes no option starts again.
func (q *qform) digit(d int) tea.Cmd {
	n := len(q.options)
	if q.firstDigit > 0 {
		two := q.firstDigit*10 + d
		q.firstDigit = 0
		if two <= n {
			q.choose(two - 1)
			return nil
		}
	}
	if d >= 1 && d <= n {
		q.choose(d - 1)
	}
	if d >= 1 && d*10 <= n {
		q.firstDigit = d
		digitSeqs++
		q.digitSeq = digitSeqs
		return tick(digitWait, digitTimeoutMsg{seq: q.digitSeq})
	}
	return nil
}

// current is the chosen option's value, or the typed text (cleaned).
// For a council, the completion shown after the typed letters is what enter means: typing
// "Bol" shows "Bolton", so the answer is Bolton, not the unknown "Bol".
func (q *qform) current() string {
	v := strings.TrimSpace(entitlements.CleanText(q.value))
	if len(q.suggestions) == 0 || v == "" {
		return v
	}
	if _, known := entitlements.FindCouncil(v); known {
		return v
	}
	for _, s := range q.suggestions {
		if strings.HasPrefix(strings.ToLower(s), strings.ToLower(v)) {
			return s
		}
	}
	return v
}
