package tui

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/storage"
)

// updating says whether -update was given. teatest's golden package defines the same flag,
// so it is looked up rather than defined twice.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

// fixedStore gives every case the same last-changed time, so screens do not depend on the clock.
type fixedStore struct{ storage.Store }

var fixedTime = time.Date(2026, time.February, 27, 10, 30, 0, 0, time.UTC)

func (f fixedStore) List(today string) ([]storage.Summary, error) {
	s, err := f.Store.List(today)
	for i := range s {
		s[i].Updated = fixedTime
	}
	return s, err
}

func (f fixedStore) Search(q, today string) ([]storage.Summary, error) {
	s, err := f.Store.Search(q, today)
	for i := range s {
		s[i].Updated = fixedTime
	}
	return s, err
}

// oddCases are names that must never break the screen.
func oddCases(t testing.TB) storage.Store {
	st := storage.NewMemory()
	cases := []storage.Case{
		{Label: "Mrs Ahmed, Leeds", Household: []byte(`{"council":"Leeds","country":"england"}`)},
		{Label: "Nana 👵🏽 Joy and the twins 👧🏾👦🏾", Household: []byte(`{}`),
			Requests: []storage.Request{{ID: "sg_support_assessment", Status: storage.StatusSent, SentOn: "2026-01-02", ReplyDue: "2026-01-30"}}},
		{Label: "عائلة حسن — منشستر", Household: []byte(`{"council":"Manchester"}`)},
		{Label: "\x1b[31mRed\x1b]52;c;aGVsbG8=\x07 pasted \x1b[2J label", Household: []byte(`{}`)},
		{Label: strings.Repeat("A very long label that goes on and on ", 8), Household: []byte(`{}`)},
		{Household: []byte(`{"council":"Bolton"}`), Details: entitlements.Details{Carer: &entitlements.Person{Name: "Pat Okafor"}},
			Children: []storage.Child{{Name: "Tyler Okafor", Answers: []byte(`{"child_age":7}`)}, {Name: "Ava", Answers: []byte(`{"child_age":2}`)}, {}}},
	}
	for i := range cases {
		c := cases[i]
		if err := st.Save(&c); err != nil {
			t.Fatal(err)
		}
	}
	return fixedStore{st}
}

type goldenScreen struct {
	name  string
	setup func(d *driver)
}

func openSGOCase(d *driver) {
	d.key("ctrl+n")
	d.pick("adviser")
	d.typeText("Grandma Rose 🌹, Leeds")
	d.key("enter")
}

var goldenScreens = []goldenScreen{
	{"cases", func(d *driver) {}},
	{"cases_delete", func(d *driver) { d.key("down", "ctrl+d") }},
	{"cases_search", func(d *driver) { d.typeText("leeds") }},
	{"new_case", func(d *driver) { d.key("ctrl+n") }},
	{"interview_first", openSGOCase},
	{"interview_mid", func(d *driver) {
		openSGOCase(d)
		for _, v := range []string{"england", "grandparent", "yes", "no"} {
			d.pick(v)
		}
	}},
	{"interview_typed", func(d *driver) {
		openSGOCase(d)
		d.answerUntil(grandmaSGO, "child_age")
		d.typeText("7")
	}},
	{"interview_help", func(d *driver) {
		openSGOCase(d)
		d.key("?")
	}},
	{"interview_answers", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("tab")
	}},
	{"interview_changed", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("tab")
		d.selectAnswer(entitlements.Benefits)
		d.key("e")
		d.pick("no")
	}},
	{"results", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o")
	}},
	{"results_all", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o", "x")
	}},
	{"outcome", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o", "enter")
	}},
	{"readout", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("r")
	}},
	{"readout_save", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("r")
		d.m.c.savePath = "/home/adviser/summary.txt"
		d.key("w")
	}},
	{"notes", func(d *driver) {
		openSGOCase(d)
		d.m.cs.c.Notes = []storage.Note{
			{ID: "a", At: fixedTime, Text: "Called the helpline about school uniform costs."},
			{ID: "b", At: fixedTime.Add(time.Hour), Text: "Pasted \x1b[31mred\x1b[0m text 👍 and עברית"},
		}
		d.key("ctrl+t")
		d.typeText("Rang the council")
		d.m.cs.c.Notes[len(d.m.cs.c.Notes)-1].At = fixedTime.Add(2 * time.Hour)
	}},
	{"letters", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o", "l")
	}},
	{"letter", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o", "l")
		for i, r := range letterRows(d.m.cs) {
			if r.id == "sg_support_assessment" {
				d.m.cs.lettersCursor = i
			}
		}
		d.key("enter")
	}},
	{"details", func(d *driver) {
		openSGOCase(d)
		d.answerAll(grandmaSGO)
		d.key("o", "d")
		d.typeText("Nana 👵🏽 Joy")
		d.key("down")
	}},
	{"family_questions", func(d *driver) {
		openFamily(d)
		d.answerSister("child_disabled")
	}},
	{"family_results", func(d *driver) {
		openFamily(d)
		d.answerSister("")
		d.key("o")
	}},
	{"family_readout", func(d *driver) {
		openFamily(d)
		d.answerSister("")
		d.key("r")
	}},
	{"locked", func(d *driver) {
		openSGOCase(d)
		d.fire(idleMsg{})
	}},
	{"passphrase", func(d *driver) {
		// Put straight on the stack, not started: the box is drawn as it first appears.
		d.m.stack = []screen{newPassScreen(d.m.c, d.m.path, 1)}
	}},
	{"first_run", func(d *driver) {
		d.m.stack = []screen{newFirstRunScreen(d.m.c, "/home/carer/.local/share/kincare/kincare.db")}
	}},
}

func (d *driver) answerUntil(answers map[string]string, stop string) {
	d.t.Helper()
	for i := 0; i < 60 && d.iv().form != nil && d.iv().ask.Question.Name != stop; i++ {
		d.answerOne(answers)
	}
}

func TestGolden(t *testing.T) {
	sizes := [][2]int{{80, 24}, {60, 16}}
	for _, gs := range goldenScreens {
		for _, size := range sizes {
			for _, colour := range []bool{false, true} {
				name := gs.name + "_" + itoa(size[0]) + "x" + itoa(size[1])
				if colour {
					name += "_colour"
				}
				t.Run(name, func(t *testing.T) {
					d := newDriver(t, Options{Store: oddCases(t), NoColor: !colour, ASCII: false}, size[0], size[1])
					gs.setup(d)
					d.checkFits()
					got := d.m.View().Content
					if !colour {
						got = ansi.Strip(got)
						if strings.Contains(d.m.View().Content, "\x1b[3") && !strings.Contains(got, "\x1b") {
							// colour codes in a no-colour screen
							t.Errorf("no-colour screen has colours")
						}
					}
					checkNoStrayEscapes(t, ansi.Strip(got))
					compareGolden(t, name, got)
				})
			}
		}
	}
	// Below the smallest size, one line asks for more room and nothing is lost.
	d := newDriver(t, Options{Store: oddCases(t), NoColor: true}, 80, 24)
	openSGOCase(d)
	d.pick("england")
	d.send(windowSize(50, 12))
	d.mustSee("Please make this window larger")
	d.key("down", "enter")
	compareGolden(t, "too_small_50x12", ansi.Strip(d.m.View().Content))
	d.send(windowSize(80, 24))
	d.mustSee("Country: England")
}

func checkNoStrayEscapes(t *testing.T, s string) {
	t.Helper()
	for _, r := range s {
		if r == 0x1b || (r < 0x20 && r != '\n') {
			t.Fatalf("control character %U reached the screen:\n%q", r, s)
		}
	}
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if updating() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui -run TestGolden -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run with -update if the change is intended.\n--- got:\n%s\n--- want:\n%s", name, ansi.Strip(got), ansi.Strip(string(want)))
	}
}
