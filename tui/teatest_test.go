package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// These journeys run the model in a real program loop (bubbletea's, through teatest): keys
// arrive as a terminal would send them and commands run on their own goroutines.

// keysFor answers, in the program, every question the interview will ask for these answers:
// the same choice of questions as the wizard makes, then the details letters need.
func keysFor(t *testing.T, user string, answers map[string]string) []tea.KeyPressMsg {
	t.Helper()
	var keys []tea.KeyPressMsg
	for _, q := range questionKeys(t, user, answers) {
		keys = append(keys, q.keys...)
	}
	return keys
}

// questionKeys are the keys that answer each question, question by question.
type askedKeys struct {
	name string
	keys []tea.KeyPressMsg
}

func questionKeys(t *testing.T, user string, answers map[string]string) []askedKeys {
	t.Helper()
	var out []askedKeys
	s := wizard.NewSession(fixedToday)
	if _, err := s.Answer(s.AskFor(wizard.Ref{Key: entitlements.User, Child: wizard.Household}), user); err != nil {
		t.Fatal(err)
	}
	for st := s.Current(); !st.Done; {
		a := st.Ask
		q := a.Question
		var keys []tea.KeyPressMsg
		v, ok := answers[q.Name]
		switch {
		case !ok && len(q.Options) == 0:
			keys = append(keys, keyMsg("ctrl+s"))
		case !ok:
			keys = append(keys, keyMsg("s"))
		case len(q.Options) == 0:
			for _, r := range v {
				keys = append(keys, keyMsg(string(r)))
			}
		default:
			keys = append(keys, keyMsg("home"))
			for _, o := range q.Options {
				if o.Value == v {
					break
				}
				keys = append(keys, keyMsg("down"))
			}
		}
		out = append(out, askedKeys{q.Name, keys})
		if !ok {
			st = s.Skip(a)
			continue
		}
		out[len(out)-1].keys = append(keys, keyMsg("enter"))
		var err error
		if st, err = s.Answer(a, v); err != nil {
			t.Fatalf("%s=%s: %v", q.Name, v, err)
		}
	}
	return out
}

// waitScreen waits until the program has drawn every one of wants.
func waitScreen(t *testing.T, tm *teatest.TestModel, wants ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		s := []byte(ansi.Strip(string(b)))
		for _, w := range wants {
			if !bytes.Contains(s, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func TestTeatestAdviserCallToReadOut(t *testing.T) {
	st := storage.NewMemory()
	m := New(Options{Store: st, NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "Who is using this?")
	tm.Send(keyMsg("2"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "A short name")
	for _, r := range "Mrs Ahmed" {
		tm.Send(keyMsg(string(r)))
	}
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "Which country")
	for _, k := range keysFor(t, "adviser", grandmaSGO) {
		tm.Send(k)
	}
	tm.Send(keyMsg("o"))
	waitScreen(t, tm, "What the family can get")
	tm.Send(keyMsg("r"))
	waitScreen(t, tm, "Read-out summary")
	tm.Send(keyMsg("p"))
	waitScreen(t, tm, "print the read-out")
	tm.Send(keyMsg("y"))
	fm, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !ok {
		t.Fatal("no final model")
	}
	out := fm.PrintOnExit()
	for _, want := range []string{"Summary as at 2 March 2026", "special guardian", "You can claim about £", "a letter asking the council for a special guardianship support assessment", "therapy needs"} {
		if !strings.Contains(out, want) {
			t.Errorf("read-out lacks %q:\n%s", want, out)
		}
	}
	if err := fm.shutdown(); err != nil {
		t.Fatal(err)
	}
}

func TestTeatestQuickExitMidInterview(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: st, NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "Who is using this?")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "A short name")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "Where does the child live?")
	tm.Send(keyMsg("1")) // England
	tm.Send(keyMsg("enter"))
	tm.Send(keyMsg("ctrl+q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if !fm.quick {
		t.Fatal("ctrl+q did not leave at once")
	}
	if err := fm.shutdown(); err != nil {
		t.Fatal(err)
	}
	// The case file is closed and the answer given before leaving was kept.
	st2, err := storage.Open(db, storage.Options{})
	if err != nil {
		t.Fatalf("the file should be closed and reopenable: %v", err)
	}
	defer st2.Close()
	list, _ := st2.List("")
	if len(list) != 1 {
		t.Fatalf("cases after quick exit = %d", len(list))
	}
	c, _ := st2.Get(list[0].ID)
	if !strings.Contains(string(c.MergedAnswers(0)), `"country":"england"`) {
		t.Errorf("the answer before quick exit was lost: %s", c.MergedAnswers(0))
	}
}

func TestTeatestGuestSessionWritesNothing(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local", "share"))
	t.Setenv("TMPDIR", home)
	m := New(Options{Guest: true, NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "guest session")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "Who is using this?")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "A short name")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "Where does the child live?")
	for _, k := range keysFor(t, "carer", grandmaSGO)[:6] {
		tm.Send(k)
	}
	tm.Send(keyMsg("ctrl+q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if err := fm.shutdown(); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.Walk(home, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) > 0 {
		t.Errorf("a guest session wrote files: %v", files)
	}
}

// A call that turns out to be about two children: half way through the first child's
// questions the adviser adds his sister, and the household's answers count for her at once.
func TestTeatestAddSecondChildMidCall(t *testing.T) {
	st := storage.NewMemory()
	m := New(Options{Store: st, NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "Who is using this?")
	tm.Send(keyMsg("2"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "A short name")
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "Which country")
	// The first child's questions as far as the council, a household answer.
	for _, q := range questionKeys(t, "adviser", grandmaSGO) {
		for _, k := range q.keys {
			tm.Send(k)
		}
		if q.name == "council" {
			break
		}
	}
	waitScreen(t, tm, "Council: Leeds")
	tm.Send(keyMsg("ctrl+n"))
	waitScreen(t, tm, "first name")
	for _, r := range "Ava" {
		tm.Send(keyMsg(string(r)))
	}
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "About Ava", "Same as Child 1")
	tm.Send(keyMsg("ctrl+q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if fm.cs == nil || fm.cs.s.NumChildren() != 2 {
		t.Fatal("the second child was not added")
	}
	for _, k := range []entitlements.Key{entitlements.Country, entitlements.CouncilKey} {
		if fm.cs.s.Answers(1).Value(k) == "" || fm.cs.s.Answers(1).Value(k) != fm.cs.s.Answers(0).Value(k) {
			t.Errorf("Ava's %s is %q, not the household's", k, fm.cs.s.Answers(1).Value(k))
		}
	}
	if a := fm.cs.step.Ask; a.Child != 1 || entitlements.IsHouseholdKey(a.Key) {
		t.Errorf("after adding Ava the next question is %s about %q", a.Question.Name, a.About())
	}
	if err := fm.shutdown(); err != nil {
		t.Fatal(err)
	}
}

// Changing one answer mid-call, from the results, takes three keys and then the new answer:
// c, the answer's number, enter. What changed is then shown whole.
func TestTeatestChangeAnswerInThreeKeys(t *testing.T) {
	// The answer's number, as the answers so far show it, from the same call run directly.
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	number := 0
	for i, l := range d.iv().cs.answered {
		if l.Key == entitlements.CouncilInvolved {
			number = i + 1
		}
	}
	if number == 0 {
		t.Fatal("social services' answer is not in the answers so far")
	}

	m := New(Options{Store: storage.NewMemory(), NoColor: true, Today: fixedToday})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	waitScreen(t, tm, "No cases yet")
	for _, k := range []string{"ctrl+n", "2", "enter"} {
		tm.Send(keyMsg(k))
	}
	waitScreen(t, tm, "A short name")
	for _, r := range "Grandma Rose 🌹, Leeds" {
		tm.Send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "Which country")
	for _, k := range keysFor(t, "adviser", grandmaSGO) {
		tm.Send(k)
	}
	tm.Send(keyMsg("o"))
	waitScreen(t, tm, "What the family can get")
	// c, then the number's digits; enter only while the digits could still mean another.
	change := []tea.KeyPressMsg{keyMsg("c")}
	for _, r := range itoa(number) {
		change = append(change, keyMsg(string(r)))
	}
	if number*10 <= len(d.iv().cs.answered) {
		change = append(change, keyMsg("enter"))
	}
	tm.Send(change[0])
	waitScreen(t, tm, "Change answer number")
	for _, k := range change[1:] {
		tm.Send(k)
	}
	waitScreen(t, tm, "Changing an earlier answer", "Did children's services arrange")
	// The new answer: social services did not arrange it after all.
	tm.Send(keyMsg("2"))
	tm.Send(keyMsg("enter"))
	waitScreen(t, tm, "What changed:")
	tm.Send(keyMsg("ctrl+q"))
	fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if got := fm.cs.s.Answers(0).Value(entitlements.CouncilInvolved); got == "yes" {
		t.Fatalf("the answer did not change: %q", got)
	}
	t.Logf("keys to reach the answer from the results: %d (then the new answer)", len(change))
	if len(change) > 3 {
		t.Errorf("changing an answer took %d keys", len(change))
	}
	fm.shutdown()
}
