package tui

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// fixedToday is the date every test runs on.
var fixedToday = entitlements.DateOf(2026, time.March, 2)

// pendingTick is what a tick becomes in tests: the driver keeps it for the test to fire.
type pendingTick struct {
	d   time.Duration
	msg tea.Msg
}

func init() {
	time.Local = time.UTC
	runIO = func(f func() tea.Msg) tea.Cmd {
		msg := f()
		return func() tea.Msg { return msg }
	}
	tick = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return pendingTick{d, msg} }
	}
}

// driver feeds messages to a model and runs the commands it returns, as the program would,
// but synchronously; timers are kept rather than waited for.
type driver struct {
	t     testing.TB
	m     *Model
	ticks []pendingTick
	quit  bool
}

func newDriver(t testing.TB, o Options, w, h int) *driver {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = fixedToday
	}
	if o.Store == nil && o.DBPath == "" && !o.Guest {
		o.Store = storage.NewMemory()
	}
	d := &driver{t: t, m: New(o)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

func (d *driver) send(msg tea.Msg) {
	_, cmd := d.m.Update(msg)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && !d.quit {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := callWithTimeout(c, cmdWait)
		if msg == nil {
			continue
		}
		switch v := msg.(type) {
		case tea.BatchMsg:
			queue = append(queue, v...)
			continue
		case pendingTick:
			d.ticks = append(d.ticks, v)
			continue
		case tea.QuitMsg:
			d.quit = true
			continue
		}
		if rv := reflect.ValueOf(msg); rv.Kind() == reflect.Slice && rv.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := 0; i < rv.Len(); i++ {
				queue = append(queue, rv.Index(i).Interface().(tea.Cmd))
			}
			continue
		}
		_, next := d.m.Update(msg)
		queue = append(queue, next)
	}
}

func callWithTimeout(c tea.Cmd, _ time.Duration) tea.Msg {
	// A cursor blink sleeps for half a second and starts the next blink: a person never
	// waits for it, so the driver drops it without waiting.
	if strings.Contains(runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name(), "cursor.(*Model).Blink") {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case m := <-ch:
		return m
	case <-time.After(cmdWait):
		if os.Getenv("TRACE_TIMEOUTS") != "" {
			fmt.Fprintln(os.Stderr, "TIMEOUT", runtime.FuncForPC(reflect.ValueOf(c).Pointer()).Name())
		}
		return nil
	}
}

// fire delivers every kept timer whose message is of the same type as want.
func (d *driver) fire(want tea.Msg) {
	ticks := d.ticks
	d.ticks = nil
	for _, tk := range ticks {
		if reflect.TypeOf(tk.msg) == reflect.TypeOf(want) {
			d.send(tk.msg)
		} else {
			d.ticks = append(d.ticks, tk)
		}
	}
}

// key sends one key press by name: "enter", "down", "ctrl+q", or a single character.
func (d *driver) key(names ...string) {
	for _, n := range names {
		d.send(keyMsg(n))
	}
}

// typeText sends each character as a key press.
func (d *driver) typeText(s string) {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(n string) tea.KeyPressMsg {
	codes := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "up": tea.KeyUp, "down": tea.KeyDown,
		"backspace": tea.KeyBackspace, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "space": tea.KeySpace, "f1": tea.KeyF1, "f2": tea.KeyF2, "home": tea.KeyHome}
	if c, ok := codes[n]; ok {
		if n == "space" {
			return tea.KeyPressMsg{Code: c, Text: " "}
		}
		return tea.KeyPressMsg{Code: c}
	}
	switch n {
	case "ctrl+right":
		return tea.KeyPressMsg{Code: tea.KeyRight, Mod: tea.ModCtrl}
	case "ctrl+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModCtrl}
	}
	if strings.HasPrefix(n, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(n[5]), Mod: tea.ModCtrl}
	}
	r := []rune(n)[0]
	return tea.KeyPressMsg{Code: r, Text: n}
}

// screen is the view with styling stripped.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

func (d *driver) mustSee(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			d.t.Fatalf("screen does not show %q:\n%s", p, s)
		}
	}
}

func (d *driver) mustNotSee(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if strings.Contains(s, p) {
			d.t.Fatalf("screen shows %q but should not:\n%s", p, s)
		}
	}
}

// checkFits fails if the view is taller or wider than the window.
func (d *driver) checkFits() {
	d.t.Helper()
	s := d.screen()
	lines := strings.Split(s, "\n")
	if len(lines) > d.m.c.height {
		d.t.Fatalf("view has %d lines, window has %d:\n%s", len(lines), d.m.c.height, s)
	}
	for _, l := range lines {
		if w := ansi.StringWidth(l); w > d.m.c.width {
			d.t.Fatalf("line is %d wide, window is %d: %q", w, d.m.c.width, l)
		}
	}
}

// pick chooses the option with this label in the current question.
func (d *driver) pick(label string) {
	d.t.Helper()
	var f *qform
	if iv := d.iv(); iv != nil {
		f = iv.form
	}
	if n := onTop[*newCaseScreen](d); n != nil {
		f = n.form
	}
	if f == nil {
		d.t.Fatalf("no question on screen, wanted to pick %q:\n%s", label, d.screen())
	}
	for i, o := range f.options {
		if o.Label == label || o.Value == label {
			d.key("home")
			for j := 0; j < i; j++ {
				d.key("down")
			}
			d.key("enter")
			return
		}
	}
	d.t.Fatalf("the question on screen has no option %q:\n%s", label, d.screen())
}

// answerAll answers every question the interview asks from answers (by key name), skipping
// any it has no answer for. It stops when the interview is done.
func (d *driver) answerAll(answers map[string]string) []string {
	d.t.Helper()
	var asked []string
	for i := 0; i < 60 && d.iv() != nil && d.iv().form != nil; i++ {
		q := d.iv().ask.Question
		asked = append(asked, q.Name)
		v := answers[q.Name]
		d.answerOne(answers)
		if d.iv().form != nil && d.iv().ask.Question.Name == q.Name && d.iv().form.err != "" {
			d.t.Fatalf("answer %q to %s was refused: %s", v, q.Name, ansi.Strip(d.iv().form.err))
		}
	}
	return asked
}

// grandmaSGO is a typical helpline call: a grandmother with a special guardianship order.
var grandmaSGO = map[string]string{
	"country": "england", "relationship": "grandparent", "living_with_carer": "yes", "parent_in_home": "no",
	"legal_status": "sgo", "council_involved": "yes", "previously_looked_after": "yes", "child_age": "7",
	"duration": "28_days_or_more", "child_disabled": "no", "council": "Leeds", "sg_financial_support": "no",
	"in_work": "no", "education": "primary", "school_type": "state", "ehcp": "no", "parents_died": "none",
	"benefits": "yes", "carer_pension_age": "no", "child_dla": "no", "court_case": "none", "considering_order": "none",
	"order_date": "14/03/2024", "placing_council": "Leeds", "adopted_from_state_care_abroad": "no",
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// cmdWait is how long the driver waits for a command: long enough for a loaded machine to
// schedule one that answers at once, shorter than a library timer (a wrapped cursor blink,
// half a second), which is dropped.
const cmdWait = 400 * time.Millisecond

// onTop is the screen on top of the stack as a T, or T's zero value when another is on top.
func onTop[T screen](d *driver) T {
	t, _ := d.m.top().(T)
	return t
}

// iv is the questions screen when it is on top, or nil.
func (d *driver) iv() *interviewScreen { return onTop[*interviewScreen](d) }

// locked says whether the lock screen is showing.
func (d *driver) locked() bool {
	p := onTop[*passScreen](d)
	return p != nil && p.locked
}

// setInput types over the text box of the dialog on top.
func (d *driver) setInput(v string) {
	d.t.Helper()
	switch t := d.m.top().(type) {
	case *saveAsDialog:
		t.in.SetValue(v)
	case *dateDialog:
		t.in.SetValue(v)
	default:
		d.t.Fatalf("no text box on top to type %q into:\n%s", v, d.screen())
	}
}

// inputValue is what the text box of the dialog on top holds.
func (d *driver) inputValue() string {
	switch t := d.m.top().(type) {
	case *saveAsDialog:
		return t.in.Value()
	case *dateDialog:
		return t.in.Value()
	}
	return ""
}

// selectAnswer moves the selection in the answers so far to an answer.
func (d *driver) selectAnswer(k entitlements.Key) {
	d.t.Helper()
	for i, l := range d.iv().cs.s.Answered() {
		if l.Key == k {
			d.iv().sel = i
			return
		}
	}
	d.t.Fatalf("no answer to %s in the answers so far:\n%s", k, d.screen())
}

// askQuestion puts a question about the first child (or the household) on screen, as the
// session would ask it now.
func (d *driver) askQuestion(q wizard.Question) {
	d.t.Helper()
	if d.iv() == nil {
		d.t.Fatalf("not on the questions:\n%s", d.screen())
	}
	d.iv().setAsk(d.m.cs.s.AskFor(wizard.Ref{Key: q.Key, Child: 0}))
}
