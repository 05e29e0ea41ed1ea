package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"kincare/storage"
)

// The new-case label's help is whole, and the box to type in is on screen, at both sizes.
func TestNewCaseLabelHelpWhole(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		d := newDriver(t, Options{NoColor: true}, sz[0], sz[1])
		d.key("ctrl+n", "enter")
		s := d.screen()
		flat := strings.Join(strings.Fields(s), " ")
		if !strings.Contains(flat, "you can leave it empty.") {
			t.Fatalf("%dx%d: the label help is cut:\n%s", sz[0], sz[1], s)
		}
		d.typeText("Ruth")
		d.mustSee("> Ruth")
		d.checkFits()
	}
}

// A typed question whose title wraps still shows the box to type in.
func TestTypedQuestionWithLongTitleShowsBox(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n", "enter", "enter")
	for i := 0; i < 60 && d.iv().form != nil && d.iv().ask.Question.Name != "placing_council"; i++ {
		d.answerOne(grandmaSGO)
	}
	if d.iv().form == nil {
		t.Fatal("the placing council question was not asked")
	}
	d.mustSee("Which council looked after the child")
	d.typeText("Lee")
	d.mustSee("> Leeds")
}

// answerOne answers the question on screen from answers, or skips it.
func (d *driver) answerOne(answers map[string]string) {
	d.t.Helper()
	q := d.iv().ask.Question
	v, ok := answers[q.Name]
	switch {
	case !ok && d.iv().form.typed:
		d.key("ctrl+s")
	case !ok:
		d.key("s")
	case d.iv().form.typed:
		d.typeText(v)
		d.key("enter")
	default:
		d.pick(v)
	}
}

// The help line is never cut mid-word: keys drop off the end instead, and the way out
// (esc, and the quick exit) always stays.
func TestHelpLineKeepsTheWayOut(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {60, 16}} {
		d := newDriver(t, Options{NoColor: true}, sz[0], sz[1])
		last := func() string {
			ls := strings.Split(d.screen(), "\n")
			return ls[len(ls)-1]
		}
		if l := last(); !strings.Contains(l, "esc quit") || !strings.HasSuffix(strings.TrimSpace(l), "ctrl+q quick exit") {
			t.Errorf("%dx%d cases: help line %q", sz[0], sz[1], l)
		}
		d.key("ctrl+n", "enter", "enter")
		if l := last(); strings.Contains(l, "…") || !strings.HasSuffix(strings.TrimSpace(l), "ctrl+q quick exit") || !strings.Contains(l, "enter answer") {
			t.Errorf("%dx%d questions: help line %q", sz[0], sz[1], l)
		}
		d.checkFits()
	}
}

// When the answers so far do not all fit beside the question, the pane says how many are
// out of sight, and tab shows the earliest.
func TestAnswersSoFarSaysWhatIsHidden(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n", "enter", "enter")
	for i := 0; i < 60 && d.iv().form != nil && len(d.iv().cs.s.Answered()) < 16; i++ {
		d.answerOne(grandmaSGO)
	}
	d.mustSee("Answers so far · tab to change", "earlier answers", "Results so far", "cannot say yet")
	d.mustNotSee("Country: England")
	d.key("tab")
	for i := 0; i < 20; i++ {
		d.key("up")
	}
	d.mustSee("Country: England", "more")
	d.mustNotSee("earlier answers")
	d.checkFits()
}

// A long results list says there is more below (and above once scrolled), and the legal
// arrangement is shown whole at 80x24.
func TestResultsSayThereIsMore(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	d.key("ctrl+n", "enter", "enter")
	d.answerAll(grandmaSGO)
	d.key("o")
	d.mustSee("until they are 18.", "More below: ↓")
	for i := 0; i < 30; i++ {
		d.key("down")
	}
	d.mustSee("More above: ↑")
	d.checkFits()
	d.key("enter")
	d.mustSee("More about this")
	d.mustNotSee("· Details")
}

// A new passphrase is typed twice; if the two differ, nothing is set and it asks again.
func TestFirstRunPassphraseTypedTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 60, 16)
	d.typeText("correct horse")
	d.key("enter")
	d.mustSee("again, to be sure", "enter confirm")
	d.typeText("correct hrose")
	d.key("enter")
	d.mustSee("did not match")
	if onTop[*firstRunScreen](d) == nil {
		t.Fatal("a mismatched passphrase was accepted")
	}
	d.typeText("correct horse")
	d.key("enter")
	d.key("esc") // start again
	d.mustSee("Type one and press enter")
	d.typeText("correct horse")
	d.key("enter")
	d.typeText("correct horse")
	d.key("enter")
	d.mustSee("No cases yet")
	d.m.shutdown()
	if p, err := storage.IsProtected(path); err != nil || !p {
		t.Fatalf("file not protected: %v %v", p, err)
	}
}

// Once every question is answered the help line offers the results, not "answer" and "skip";
// on a small window the question says how to have it explained.
func TestDoneAndNarrowHints(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 60, 16)
	d.key("ctrl+n", "enter", "enter")
	d.mustSee("Press ? to explain this question.")
	d.answerAll(grandmaSGO)
	d.mustSee("enter results", "That is every question")
	d.mustNotSee("enter answer", "s skip")
	d.checkFits()
}
