package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kincare/entitlements"
	"kincare/entitlements/letters"
	"kincare/storage"
)

// openLetterCase makes a case whose answers offer the special guardianship support letter, and
// shows its letters.
func openLetterCase(t *testing.T, d *driver) {
	t.Helper()
	openSGOCase(d)
	d.answerAll(grandmaSGO)
	d.key("o", "l")
	if onTop[*lettersScreen](d) == nil {
		t.Fatalf("not on letters:\n%s", d.screen())
	}
}

// selectLetter moves the letters cursor to a request id.
func selectLetter(t *testing.T, d *driver, id string) {
	t.Helper()
	for i, r := range letterRows(d.m.cs) {
		if r.id == id {
			d.key("home")
			d.m.cs.lettersCursor = 0
			for j := 0; j < i; j++ {
				d.key("down")
			}
			return
		}
	}
	t.Fatalf("letter %s not listed:\n%s", id, d.screen())
}

// workingDaysBefore is the date n working days before d.
func workingDaysBefore(d entitlements.Date, n int) entitlements.Date {
	for n > 0 {
		d = d.AddDays(-1)
		if letters.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

func TestLetterJourney(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	openLetterCase(t, d)
	d.mustSee("Ask for a special guardianship support assessment", "not drafted yet")
	d.checkFits()
	selectLetter(t, d, "sg_support_assessment")
	d.key("enter")
	if onTop[*letterScreen](d) == nil {
		t.Fatalf("letter not opened:\n%s", d.screen())
	}
	r := d.m.cs.request("sg_support_assessment")
	if r == nil || len(r.Versions) != 1 || r.Versions[0].Edited {
		t.Fatalf("first draft not saved as version 1: %+v", r)
	}
	d.mustSee("version 1", "Press d to fill in:", "child's full name")
	d.checkFits()

	// add the child's name in details, then write the letter again
	d.key("d")
	if onTop[*detailsScreen](d) == nil {
		t.Fatalf("details not opened:\n%s", d.screen())
	}
	d.checkFits()
	for onTop[*detailsScreen](d).fields[onTop[*detailsScreen](d).cursor].group != "Child" {
		d.key("down")
	}
	d.typeText("Tyler Okafor")
	d.key("enter")
	d.typeText("14/05/2019")
	d.key("enter")
	if d.m.cs.c.Details.Child == nil || d.m.cs.c.Details.Child.Name != "Tyler Okafor" || d.m.cs.c.Details.Child.DateOfBirth != "2019-05-14" {
		t.Fatalf("details not kept: %+v", d.m.cs.c.Details.Child)
	}
	d.key("esc")
	if onTop[*letterScreen](d) == nil {
		t.Fatalf("not back on the letter:\n%s", d.screen())
	}
	d.mustSee("[child's full name]") // the saved text is unchanged until regenerated
	d.key("g")
	if n := len(d.m.cs.request("sg_support_assessment").Versions); n != 2 {
		t.Fatalf("regenerate made %d versions", n)
	}
	d.mustNotSee("child's full name]", "child's date of birth]")
	if !strings.Contains(onTop[*letterScreen](d).text(), "Tyler Okafor") {
		t.Fatalf("name not in the letter:\n%s", onTop[*letterScreen](d).text())
	}

	// edit
	d.key("e")
	d.mustSee("Editing")
	d.checkFits()
	d.typeText("PS ")
	d.key("ctrl+s")
	r = d.m.cs.request("sg_support_assessment")
	if len(r.Versions) != 3 || !r.Versions[2].Edited || !strings.HasPrefix(r.Versions[2].Text, "PS ") {
		t.Fatalf("edit not saved as a new edited version: %d versions", len(r.Versions))
	}
	d.mustSee("version 3, edited")

	// regenerate after an edit asks first
	d.key("g")
	d.mustSee("This replaces your edits. Keep a copy of them and regenerate? y/n")
	d.key("n")
	if len(d.m.cs.request("sg_support_assessment").Versions) != 3 || !strings.HasPrefix(onTop[*letterScreen](d).text(), "PS ") {
		t.Fatal("answering n changed the text")
	}
	d.key("g", "y")
	r = d.m.cs.request("sg_support_assessment")
	if len(r.Versions) != 4 || r.Versions[3].Edited || strings.HasPrefix(r.Versions[3].Text, "PS ") || !strings.HasPrefix(r.Versions[2].Text, "PS ") {
		t.Fatalf("regenerate after edit: %d versions", len(r.Versions))
	}
	d.key("e")
	d.typeText("PS ")
	d.key("esc")

	// export in every format
	dir := t.TempDir()
	magic := map[string]string{"txt": "", "md": "", "html": "<!DOCTYPE html>", "pdf": "%PDF-"}
	for _, f := range letters.Formats {
		d.key("x", string(f[0]))
		if onTop[*saveAsDialog](d) == nil {
			t.Fatalf("no path prompt for %s:\n%s", f, d.screen())
		}
		if want := filepath.Join(home, "kincare-letters", "letter-"); !strings.HasPrefix(d.inputValue(), want) || !strings.HasSuffix(d.inputValue(), "."+f) {
			t.Fatalf("default path %q", d.inputValue())
		}
		if c := d.m.cs.c; c.Details.Child != nil && c.Details.Child.Name != "" && strings.Contains(strings.ToLower(d.inputValue()), strings.ToLower(strings.Fields(c.Details.Child.Name)[0])) {
			t.Fatalf("the default file name carries the child's name: %q", d.inputValue())
		}
		p := filepath.Join(dir, "letter."+f)
		d.setInput(p)
		d.key("enter")
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%s not written: %v\n%s", f, err, d.screen())
		}
		if !bytes.HasPrefix(b, []byte(magic[f])) {
			t.Fatalf("%s starts %q", f, b[:min(len(b), 20)])
		}
		if f == "txt" && !strings.HasPrefix(string(b), "PS ") {
			t.Fatalf("the export is not the edited text: %q", b[:20])
		}
		if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
			t.Fatalf("%s mode %v", f, fi.Mode())
		}
		d.mustSee("Saved to")
	}
	// a second export to the same path asks first
	d.key("x", "t")
	p := filepath.Join(dir, "letter.txt")
	os.WriteFile(p, []byte("keep me"), 0o600)
	d.setInput(p)
	d.key("enter")
	d.mustSee("That file already exists. Replace it?")
	d.key("n")
	if b, _ := os.ReadFile(p); string(b) != "keep me" {
		t.Fatal("file replaced without asking")
	}
	d.key("enter", "y")
	if b, _ := os.ReadFile(p); !strings.HasPrefix(string(b), "PS ") {
		t.Fatalf("file not replaced after yes: %q", b)
	}

	// copy
	d.key("c")
	if !d.m.clipboardSet {
		t.Fatal("copy did not mark the clipboard")
	}

	// no follow-up before it is due
	d.key("f")
	if onTop[*letterScreen](d).follow {
		t.Fatal("follow-up offered before the letter was sent")
	}

	// mark as sent 30 working days ago
	sent := workingDaysBefore(fixedToday, 30)
	d.key("m")
	d.mustSee("Sent on (")
	d.setInput(sent.Time().Format("2/1/2006"))
	d.key("enter")
	d.mustSee("Sent how?")
	d.key("down", "enter")
	r = d.m.cs.request("sg_support_assessment")
	due := letters.ReplyDue("sg_support_assessment", sent)
	if r.Status != storage.StatusSent || r.SentOn != sent.String() || r.SentHow != "email" || r.ReplyDue != due.String() {
		t.Fatalf("not marked as sent: %+v", r)
	}
	d.mustSee("OVERDUE: reply was due by", due.Long(), "by email", "1 letter overdue")
	d.checkFits()

	// follow-up
	d.key("f")
	if !onTop[*letterScreen](d).follow || len(d.m.cs.request("sg_support_assessment").FollowUps) != 1 {
		t.Fatalf("follow-up not drafted:\n%s", d.screen())
	}
	d.mustSee("Follow-up:", sent.Long())
	d.checkFits()
	d.key("x", "p")
	fp := filepath.Join(dir, "follow-up.pdf")
	d.setInput(fp)
	d.key("enter")
	if b, err := os.ReadFile(fp); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("follow-up not exported: %v", err)
	}
	d.key("esc") // back to the letter
	if onTop[*letterScreen](d).follow {
		t.Fatal("esc did not leave the follow-up")
	}
	d.key("esc") // the letters list
	d.mustSee("1 letter overdue", "OVERDUE")
	d.checkFits()
	d.key("esc")
	d.mustSee("1 letter overdue") // the case screen
	d.fire(saveTickMsg{})
	got, err := st.Get(d.m.cs.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if gr := got.Requests; len(gr) != 1 || len(gr[0].Versions) != 5 || len(gr[0].FollowUps) != 1 || got.Details.Child.Name != "Tyler Okafor" {
		t.Fatalf("saved case: %+v", got.Requests)
	}
	d.key("esc", "esc") // the questions, then leaving the case, which asks first
	d.mustSee("Close this case and go back to the list?")
	d.key("y")
	if d.m.top() != screen(d.m.list) {
		t.Fatalf("not on the case list:\n%s", d.screen())
	}
	d.mustSee("reply overdue")

	// reply received clears the flag
	d.key("enter")
	d.key("l")
	selectLetter(t, d, "sg_support_assessment")
	d.key("enter", "r")
	d.mustSee("Reply received on:")
	d.key("enter")
	d.mustSee("replied on 2 March 2026")
	d.mustNotSee("overdue")
}

// A letter whose outcomes are all not eligible is not offered.
func TestLetterNotOffered(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 80, 24)
	openLetterCase(t, d)
	offered := map[string]bool{}
	for _, r := range letterRows(d.m.cs) {
		offered[r.id] = true
	}
	for _, o := range d.m.cs.rep.Outcomes {
		for _, id := range o.Requests {
			if offered[id] {
				continue
			}
			// every outcome that offers a letter not listed must be not eligible
			for _, o2 := range d.m.cs.rep.Outcomes {
				for _, id2 := range o2.Requests {
					if id2 == id && o2.Status != entitlements.NotEligible {
						t.Fatalf("%s is offered by %s (%s) but not listed", id, o2.ID, o2.Status)
					}
				}
			}
			d.mustNotSee(requestTitle(id))
		}
	}
	if !offered["sg_support_assessment"] {
		t.Fatal("sg_support_assessment not offered")
	}
	if offered["private_fostering_notice"] {
		t.Fatal("private fostering notice offered for a special guardian")
	}
}

// Odd names in the details never put escape sequences on the screen.
func TestLetterOddDetails(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 16}} {
		d := newDriver(t, Options{NoColor: true}, size[0], size[1])
		openLetterCase(t, d)
		d.m.cs.c.Details = entitlements.Details{
			Carer:   &entitlements.Person{Name: "Nana 👵🏽 Joy \x1b]52;c;aGVsbG8=\x07", Address: []string{"عائلة حسن — منشستر", "\x1b[2J12 Mill Lane\u202e"}},
			Child:   &entitlements.Child{Name: "Tyler \x1b[31mRed\x1b[0m 👦🏾"},
			Council: &entitlements.Office{Name: "\x9b31mLeeds\x1bP evil \x1b\\ Council"},
		}
		selectLetter(t, d, "sg_support_assessment")
		d.key("enter")
		for _, step := range []func(){func() {}, func() { d.key("d") }, func() { d.key("esc", "e") }, func() { d.key("esc", "x") }} {
			step()
			d.checkFits()
			v := d.m.View().Content
			if strings.Contains(v, "\x1b]") || strings.Contains(v, "\x1bP") || strings.Contains(v, "\x9b") {
				t.Fatalf("escape sequence reached the view: %q", v)
			}
			checkNoStrayEscapes(t, d.screen())
		}
	}
}

// Locking in the middle of an edit keeps what was typed as a new version.
func TestLetterEditSurvivesLock(t *testing.T) {
	st := storage.NewMemory()
	d := newDriver(t, Options{Store: st, NoColor: true}, 80, 24)
	openLetterCase(t, d)
	selectLetter(t, d, "sg_support_assessment")
	d.key("enter", "e")
	d.typeText("Note ")
	id := d.m.cs.c.ID
	d.fire(idleMsg{})
	if !d.locked() {
		t.Fatalf("not locked:\n%s", d.screen())
	}
	c, err := st.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	vs := c.Requests[0].Versions
	if len(vs) != 2 || !vs[1].Edited || !strings.HasPrefix(vs[1].Text, "Note ") {
		t.Fatalf("edit lost on lock: %+v", vs)
	}
}

// The follow-up can be edited like a letter, and the list says it was drafted.
func TestLetterFollowUpEdit(t *testing.T) {
	d := newDriver(t, Options{NoColor: true}, 60, 16)
	openLetterCase(t, d)
	selectLetter(t, d, "sg_support_assessment")
	d.key("enter", "m")
	d.setInput(workingDaysBefore(fixedToday, 25).Time().Format("2 January 2006"))
	d.key("enter", "3")
	if r := d.m.cs.request("sg_support_assessment"); r.SentHow != storage.SentByHand {
		t.Fatalf("sent how %q", r.SentHow)
	}
	d.key("f")
	d.checkFits()
	d.key("e")
	d.typeText("Hello ")
	d.key("ctrl+s")
	r := d.m.cs.request("sg_support_assessment")
	if len(r.FollowUps) != 2 || !r.FollowUps[1].Edited || len(r.Versions) != 1 {
		t.Fatalf("follow-up edit: %d follow-ups, %d versions", len(r.FollowUps), len(r.Versions))
	}
	d.key("esc", "esc")
	d.send(windowSize(100, 24))
	d.mustSee("follow-up drafted", "sent on 26 January 2026 by hand")
	d.checkFits()
}
