package tui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/wizard"
)

// Pressing enter on autopilot never answers for the person: four enters on a new case end
// on the first question, with a message saying what to do, and nothing recorded.
func TestEnterFourTimesEndsOnAQuestion(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		d := newDriver(t, Options{NoColor: true}, sz[0], sz[1])
		d.key("ctrl+n", "enter", "enter", "enter", "enter")
		if d.iv() == nil || d.iv().form == nil || d.iv().ask.Key != entitlements.Country {
			t.Fatalf("%dx%d: four enters did not end on the first question:\n%s", sz[0], sz[1], d.screen())
		}
		d.mustSee("Choose an answer (or s to skip).")
		d.mustNotSee("What the family can get", "Saved")
		if known := d.m.cs.s.Answers(0).Known(); len(known) != 0 {
			t.Fatalf("answers recorded by enter alone: %v", known)
		}
		d.checkFits()
		// The message goes with the next key, and a number then chooses.
		d.key("1")
		d.mustNotSee("Choose an answer")
		d.mustSee("> 1. England")
		d.key("enter")
		if d.m.cs.s.Answers(0).Value(entitlements.Country) != "england" {
			t.Fatal("1 then enter did not answer England")
		}
	}
}

// No question starts with an option chosen, for a carer or an adviser.
func TestNoOptionIsChosenAtFirst(t *testing.T) {
	for _, user := range []string{"carer", "adviser"} {
		d := questionDriver(t, user, 80, 24)
		for _, q := range wizard.Questions() {
			if len(q.Options) == 0 || q.Key == entitlements.User { // who is using it was answered
				continue
			}
			d.askQuestion(q)
			if v := d.iv().form.current(); v != "" {
				t.Errorf("%s (%s): %q is chosen before any key", q.Name, user, v)
			}
			if s := d.screen(); strings.Contains(s, "> 1.") || regexp.MustCompile(`> +\d+\. `).MatchString(s) {
				t.Errorf("%s (%s): a cursor marks an option before any key:\n%s", q.Name, user, s)
			}
		}
	}
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n")
	d.mustSee("1. I am the carer")
	d.mustNotSee("> 1.", "> 2.")
}

// Numbers choose: one digit on a short list; on a long list two digits typed together make
// one number, and a first digit on its own stands once the wait is over.
func TestNumbersChooseOptions(t *testing.T) {
	d := questionDriver(t, "adviser", 80, 24)
	rel := wizard.QuestionFor(entitlements.Relationship).For("adviser")
	if len(rel.Options) < 10 {
		t.Fatalf("the relationship list has %d options; this test needs ten or more", len(rel.Options))
	}
	ask := func() { d.askQuestion(rel) }
	cases := []struct {
		keys []string
		fire bool // the wait for a second digit ends after the first key
		want int  // option number, 0 for none
	}{
		{[]string{"3"}, false, 3},
		{[]string{"1"}, false, 1},
		{[]string{"1", "2"}, false, 12},
		{[]string{"1", "0"}, false, 10},
		{[]string{"1", "2"}, true, 2},
		{[]string{"1", "9"}, false, 9}, // 19 is no option: the 9 starts again
		{[]string{"0"}, false, 0},
		{[]string{"down", "down"}, false, 2},
		{[]string{"5", "up"}, false, 4},
	}
	for _, c := range cases {
		ask()
		for i, k := range c.keys {
			d.key(k)
			if i == 0 && c.fire {
				d.fire(digitTimeoutMsg{})
			}
		}
		got := d.iv().form.chosen() + 1
		if got != c.want {
			t.Errorf("keys %v (wait over: %v): chose %d, want %d", c.keys, c.fire, got, c.want)
		}
	}
	// A short list never waits for a second digit.
	d.askQuestion(wizard.QuestionFor(entitlements.Country))
	d.key("2", "1")
	if got := d.iv().form.current(); got != "england" {
		t.Errorf("2 then 1 on a list of five chose %q, want england", got)
	}
}

// A refused answer says why beside the box at once, stays through anything but a key
// (a cursor blink, a save), and the status line no longer says "Saved".
func TestRefusedAnswerSaysWhyUntilTheNextKey(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerUntil(grandmaSGO, "child_age")
	d.fire(saveTickMsg{})
	d.mustSee("Saved")
	for _, c := range []struct{ typed, want string }{
		{"two", "Type the age as a number, like 7."},
		// The session's words (one home for both front ends, wizard/errors.go).
		{"30", "Type an age from 0 to 25, as a number, like 7."},
		{"2.5", "Type the age as a number, like 7."},
	} {
		d.typeText(c.typed)
		d.key("enter")
		mustSeeWrapped(d, c.want)
		d.mustNotSee("Saved")
		d.send(struct{}{}) // any message that is not a key, such as a cursor blink
		d.send(clearStatusMsg{seq: d.m.statusSeq})
		mustSeeWrapped(d, c.want)
		if d.iv().ask.Question.Name != "child_age" {
			t.Fatalf("%q was accepted as an age", c.typed)
		}
		d.checkFits()
		for range c.typed {
			d.key("backspace")
		}
		if d.iv().form.err != "" {
			t.Fatalf("the message stayed after a key: %q", d.iv().form.err)
		}
	}
	// At 60x16 the message shows with the box.
	d.send(windowSize(60, 16))
	d.typeText("two")
	d.key("enter")
	d.mustSee("> two")
	mustSeeWrapped(d, "Type the age as a number, like 7.")
	d.checkFits()
}

// mustSeeWrapped fails unless every line of msg, wrapped to the question's width, shows.
func mustSeeWrapped(d *driver, msg string) {
	d.t.Helper()
	for _, l := range strings.Split(wrapText(msg, d.iv().leftWidth()), "\n") {
		d.mustSee(strings.TrimSpace(l))
	}
}

// questionDriver is a case opened by user, for putting any question on screen.
func questionDriver(t *testing.T, user string, w, h int) *driver {
	t.Helper()
	d := newDriver(t, Options{NoColor: true}, w, h)
	d.key("ctrl+n")
	d.pick(user)
	d.key("enter")
	if d.iv() == nil {
		t.Fatalf("no questions on screen:\n%s", d.screen())
	}
	return d
}

var (
	optionLine = regexp.MustCompile(`^[┃│┌┏|] (?:> |  )( *)(\d+)\. (\S+)`)
	aboveLine  = regexp.MustCompile(`↑ (\d+) more above`)
	belowLine  = regexp.MustCompile(`↓ (\d+) more below`)
)

// checkOptionsInSight fails unless every option of q is on screen or counted by a marker.
// It returns the option numbers in sight.
func checkOptionsInSight(t *testing.T, d *driver, q wizard.Question, where string) []int {
	t.Helper()
	s := d.screen()
	var shown []int
	above, below := 0, 0
	for _, l := range strings.Split(s, "\n") {
		if m := optionLine.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[2])
			if n < 1 || n > len(q.Options) {
				t.Fatalf("%s: option number %d on screen, the question has %d:\n%s", where, n, len(q.Options), s)
			}
			if first := strings.Fields(q.Options[n-1].Label)[0]; m[3] != first {
				t.Fatalf("%s: option %d reads %q, want %q:\n%s", where, n, m[3], first, s)
			}
			shown = append(shown, n)
		}
		if m := aboveLine.FindStringSubmatch(l); m != nil {
			above, _ = strconv.Atoi(m[1])
		}
		if m := belowLine.FindStringSubmatch(l); m != nil {
			below, _ = strconv.Atoi(m[1])
		}
	}
	if len(shown) == 0 {
		t.Fatalf("%s: no option in sight:\n%s", where, s)
	}
	for i, n := range shown {
		if n != shown[0]+i {
			t.Fatalf("%s: options in sight are not in order: %v\n%s", where, shown, s)
		}
	}
	if shown[0]-1 != above || len(q.Options)-shown[len(shown)-1] != below {
		t.Fatalf("%s: options %v in sight of %d, but the markers say %d above and %d below:\n%s",
			where, shown, len(q.Options), above, below, s)
	}
	d.checkFits()
	return shown
}

// Every option of every question can be seen: at 80x24 all of them at once; on a smaller
// window a marker says how many are out of sight, and moving down brings each one into view.
func TestEveryOptionCanBeSeen(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		for _, user := range []string{"carer", "adviser"} {
			d := questionDriver(t, user, sz[0], sz[1])
			for _, q := range wizard.Questions() {
				q = q.For(user)
				for variant := 0; variant < 3; variant++ {
					explained, editing := variant == 1, variant == 2
					where := q.Name + " (" + user + ", " + itoa(sz[0]) + "x" + itoa(sz[1])
					d.iv().showHelp = explained
					d.askQuestion(q)
					d.iv().ask.Editing = editing // a line above the question says so
					d.iv().form.value = ""       // who is using it was answered when the case began
					if explained {
						where += ", explained"
					}
					if editing {
						where += ", changing an answer"
					}
					where += ")"
					if len(q.Options) == 0 {
						d.mustSee("> ")
						d.key("enter") // refused: the message shows with the box
						if !strings.Contains(d.screen(), "> ") || d.iv().form.err == "" {
							t.Fatalf("%s: the box or the message is out of sight:\n%s", where, d.screen())
						}
						continue
					}
					shown := checkOptionsInSight(t, d, q, where)
					if sz == [2]int{80, 24} && !explained && len(shown) != len(q.Options) {
						t.Errorf("%s: only %d of %d options show at 80x24:\n%s", where, len(shown), len(q.Options), d.screen())
					}
					d.key("enter") // refused with a message: the list still accounts for every option
					checkOptionsInSight(t, d, q, where+" with the message")
					for i := 1; i <= len(q.Options); i++ {
						d.key("down")
						if got := d.iv().form.chosen() + 1; got != i {
							t.Fatalf("%s: down chose %d, want %d", where, got, i)
						}
						d.mustSee("> ")
						shown := checkOptionsInSight(t, d, q, where+" at option "+itoa(i))
						if i < shown[0] || i > shown[len(shown)-1] {
							t.Fatalf("%s: the chosen option %d is out of sight:\n%s", where, i, d.screen())
						}
					}
				}
			}
		}
	}
}

// Each question as it first appears, at both sizes, with and without colour.
func TestQuestionGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		for _, colour := range []bool{false, true} {
			d := newDriver(t, Options{Store: oddCases(t), NoColor: !colour}, size[0], size[1])
			openSGOCase(d)
			for _, q := range wizard.Questions() {
				name := "questions/" + q.Name + "_" + itoa(size[0]) + "x" + itoa(size[1])
				if colour {
					name += "_colour"
				}
				t.Run(name, func(t *testing.T) {
					d.askQuestion(q)
					d.checkFits()
					got := d.m.View().Content
					if !colour {
						got = ansi.Strip(got)
					}
					checkNoStrayEscapes(t, ansi.Strip(got))
					compareGolden(t, name, got)
				})
			}
		}
	}
}

// The wait for a second digit ends with its own timer, never another form's.
func TestDigitWaitEndsWithItsOwnTimer(t *testing.T) {
	c := newCommon(Options{NoColor: true})
	opts := wizard.QuestionFor(entitlements.Relationship).Options
	a := newQForm(c, "A", "", opts, false, "", 40, 20)
	b := newQForm(c, "B", "", opts, false, "", 40, 20)
	a.update(tea.KeyPressMsg{Code: '1', Text: "1"})
	b.update(tea.KeyPressMsg{Code: '1', Text: "1"})
	a.update(digitTimeoutMsg{seq: b.digitSeq})
	a.update(tea.KeyPressMsg{Code: '2', Text: "2"})
	if a.chosen() != 11 {
		t.Fatalf("another form's timer ended this one's wait: chose %d", a.chosen()+1)
	}
	b.update(digitTimeoutMsg{seq: b.digitSeq})
	b.update(tea.KeyPressMsg{Code: '2', Text: "2"})
	if b.chosen() != 1 {
		t.Fatalf("after the wait, 2 chose %d", b.chosen()+1)
	}
}
