package tui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"kincare/entitlements"
	"kincare/storage"
)

var lineAsOf = entitlements.MustDate("2026-11-22")

func lineOptions(input string, store storage.Store, out io.Writer) AccessibleOptions {
	return AccessibleOptions{In: strings.NewReader(input), Out: out, Store: store, AsOf: lineAsOf,
		Now: func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }}
}

func runLines(t *testing.T, input string, store storage.Store) string {
	t.Helper()
	var out bytes.Buffer
	if err := RunAccessible(lineOptions(input, store, &out)); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func script(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// margaret is a grandmother with a special guardianship order after care for Tyler, 7.
var margaret = []string{
	"1",        // who: the carer
	"Tyler",    // the child's first name
	"1",        // country: England
	"1",        // relationship: grandparent
	"1",        // lives with me
	"2",        // a parent at home: no
	"3",        // legal status: special guardianship
	"2",        // children's services arranged it: no
	"1",        // in care just before the order: yes
	"7",        // age
	"2",        // disabled: no
	"1",        // a different order: no
	"1",        // court case: none
	"Leeds",    // council
	"3",        // work: no
	"1",        // primary (the stages possible at 7)
	"1",        // state school
	"1",        // parents died: none
	"2",        // means-tested benefit: no
	"1",        // State Pension age: yes
	"1/3/2024", // the date of the order (for letters)
	"s",        // the council that looked after the child: skipped
}

// noInternals fails on anything a person should never hear: escape sequences, internal ids
// (answer keys, outcome and letter ids), arrows, and dates written as numbers.
func noInternals(t *testing.T, out string) {
	t.Helper()
	if strings.ContainsRune(out, '\x1b') {
		t.Error("the line mode printed an escape sequence")
	}
	ids := []string{"legal_status", "council_involved", "sg_support_assessment", "not_sure", "parents_died", "child_age"}
	for _, id := range append(ids, entitlements.RequestIDs...) {
		if strings.Contains(out, id) {
			t.Errorf("the line mode read out the internal id %q", id)
		}
	}
	for _, sym := range []string{"->", "→", "✓"} {
		if strings.Contains(out, sym) {
			t.Errorf("the line mode read out the symbol %q", sym)
		}
	}
	if d := regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`).FindString(out); d != "" {
		t.Errorf("a date is read as %s, not in words", d)
	}
}

// A grandmother with a special guardianship order after care, answering by number, piped in.
func TestAccessibleWholeCase(t *testing.T) {
	out := runLines(t, script(append(margaret, "", "0")...), nil)
	noInternals(t, out)
	for _, want := range []string{
		"Question 1. Where does the child live?",
		"  1. England",
		"Question 2, about Tyler. How are you related to the child?",
		"Question 12. Which council area do you live in?",
		"Results",
		"You can get 13 things, may get 3, and none need checking.",
		"Summary as at 22 November 2026",
		"A special guardianship order makes you",
		"Nothing more you could answer would change these results.",
		"  1. Hear the full list of results",
		"Nothing was kept on this computer.",
		"Question 19, about Tyler. When was the order made?",
		"This is for letters only. It does not change the results.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The stages of education offered at 7 are only those possible at 7.
	if strings.Contains(out, "Sixth form, college or training") {
		t.Error("a 7-year-old was offered sixth form")
	}
	if strings.Contains(out, "Save this case") {
		t.Error("saving was offered with nowhere to save")
	}
}

// The family journey: Tyler, then Ava added with the answers she shares, then a household
// answer changed, of which only the changes are read.
func TestAccessibleFamilyJourney(t *testing.T) {
	ava := []string{
		"Ava",                        // another child
		"1", "1", "1", "1", "1", "1", // relationship to in care before: Same as Tyler
		"2",    // age
		"2",    // disabled: no
		"1",    // a different order: Same as Tyler
		"1",    // court case: Same as Tyler
		"2",    // nursery (the stages possible at 2)
		"1",    // parents died: Same as Tyler
		"same", // the date of the order: the same as Tyler's
		"s",    // the council before the order: skipped
	}
	menu := []string{
		"2", // change an answer
		"3", // the third answer: the means-tested benefit (household)
		"1", // yes
		"1", // the full list
		"0", // finish
	}
	out := runLines(t, script(append(append(margaret, ava...), menu...)...), nil)
	noInternals(t, out)
	for _, want := range []string{
		"Added Ava. Your own answers count for every child, so the next questions are about Ava only.",
		"Question 21, about Ava. How are you related to the child?",
		"  1. Same as Tyler (Grandparent)",
		"  1. Same as Tyler (Special guardianship order)",
		"Or type same, for the same answer as Tyler: 1 March 2024.",
		"Tyler, 7:",
		"Ava, 2:",
		"Summary for Tyler and Ava",
		"Free early education at two",
		"  6. Rename or remove a child",
		"For Tyler: That changed",
		"For Ava: That changed",
		"Results for Ava.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// The carer's own questions are asked once for the family.
	for _, q := range []string{"Which council area do you live in?", "Have you reached State Pension age?", "Where does the child live?"} {
		if n := len(regexp.MustCompile(`Question \d+(, about [^.]+)?\. `+regexp.QuoteMeta(q)).FindAllString(out, -1)); n != 1 {
			t.Errorf("%q asked %d times", q, n)
		}
	}
	// After the change, only what changed is read, not the whole results again.
	after := out[strings.Index(out, "Type the number of the answer to change"):]
	after = after[:strings.Index(after, "What next?")]
	if strings.Contains(after, "Summary") || !strings.Contains(after, "changed from") {
		t.Errorf("after a change the line mode should read only what changed:\n%s", after)
	}
}

func TestAccessibleHelpSkipBackAndBadInput(t *testing.T) {
	out := runLines(t, script("2", "", "?", "9", "England", "b", "1", "s", "q", "0"), nil)
	for _, want := range []string{
		"Help: The rules here are England's.",
		"Choose an answer by its number, from 1 to 5.",
		"What is the carer's relationship to the child?", // adviser wording
		"Going back.",
		"Skipped.",
		"Results",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
	// After going back, the country question is asked again with the same number.
	if strings.Count(out, "Question 1. Which country does the child live in?") != 2 {
		t.Errorf("going back did not ask question 1 again:\n%s", out)
	}
}

func TestAccessibleEndOfInputStillShowsResults(t *testing.T) {
	out := runLines(t, script("1", "", "1", "11"), nil)
	if !strings.Contains(out, "not kinship care") {
		t.Errorf("a parent should be told this is not kinship care:\n%s", out)
	}
	if !strings.Contains(out, "Results") {
		t.Error("results should be shown when the input ends")
	}
}

func TestAccessibleAgeErrorSaysWhatToType(t *testing.T) {
	out := runLines(t, script("1", "", "1", "1", "1", "2", "1", "2", "two", "2", "q", "0"), nil)
	if !strings.Contains(out, "Type the age as a number, like 7.") {
		t.Errorf("no plain message for a bad age:\n%s", out)
	}
}

func TestAccessibleCouncilSuggestionsAndSaving(t *testing.T) {
	store := storage.NewMemory()
	in := script("2", "", "1", "1", "1", "2", "3", "2", "2", "6", "2", "1", "1", "Boltn", "1", "2", "1", "1", "1", "1", "2", "2",
		"1/3/2024", "", "save", "Gran \x1b[31mBolton", "0")
	out := runLines(t, in, store)
	if !strings.Contains(out, "Did you mean one of these?") {
		t.Errorf("no suggestions for a misspelt council:\n%s", out)
	}
	if !strings.Contains(out, "Saved in") {
		t.Fatalf("not saved:\n%s", out)
	}
	list, _ := store.List("2026-11-22")
	if len(list) != 1 || list[0].Label != "Gran Bolton" {
		t.Fatalf("saved cases = %+v", list)
	}
	c, _ := store.Get(list[0].ID)
	if !strings.Contains(string(c.MergedAnswers(0)), `"council":"Bolton"`) {
		t.Errorf("the suggested council was not used: %s", c.MergedAnswers(0))
	}
}

func TestAccessibleOpenSavedCaseAndDraftLetter(t *testing.T) {
	store := storage.NewMemory()
	raw := []byte(`{"country":"england","user":"adviser","living_with_carer":"yes","relationship":"grandparent","parent_in_home":"no","legal_status":"sgo","previously_looked_after":"yes","council_involved":"no","order_date":"2024-03-01","council":"Leeds","placing_council":"Leeds","child_age":7,"child_disabled":"no","considering_order":"none","court_case":"none","in_work":"no","education":"primary","school_type":"state","parents_died":"none","benefits":"no","carer_pension_age":"no"}`)
	c := storage.Case{Label: "Nana Joy", Household: raw, Details: entitlements.Details{Child: &entitlements.Child{Name: "Tyler Okafor"}}}
	if err := store.Save(&c); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := dir + "/letter.txt"
	out := runLines(t, script("2", "1", "letter", "1", path, "letter", "1", path, "no", "0"), store)
	for _, want := range []string{"Opened Nana Joy.", "Results", "Start of letter.", "Tyler Okafor", "End of letter.", "Saved the letter to " + path, "already exists", "The file was not changed."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "Question 1.") {
		t.Error("a complete saved case should go straight to the results")
	}
	noInternals(t, out)
}

// A family is saved with its household and each child, and opens again as the same family.
func TestAccessibleFamilySavedAndReopened(t *testing.T) {
	store := storage.NewMemory()
	ava := []string{"Ava", "1", "1", "1", "1", "1", "1", "2", "2", "1", "1", "2", "1", "same", "s"}
	out := runLines(t, script(append(append(margaret, ava...), "save", "Margaret", "0")...), store)
	if !strings.Contains(out, "Saved in") {
		t.Fatalf("not saved:\n%s", out)
	}
	list, _ := store.List("2026-11-22")
	if len(list) != 1 {
		t.Fatalf("%d cases saved", len(list))
	}
	c, _ := store.Get(list[0].ID)
	if len(c.Children) != 2 || c.Children[0].Name != "Tyler" || c.Children[1].Name != "Ava" {
		t.Fatalf("children saved: %+v", c.Children)
	}
	if strings.Contains(string(c.Children[1].Answers), `"council":`) || !strings.Contains(string(c.Household), `"council":"Leeds"`) {
		t.Errorf("the carer's answers belong to the household: %s / %s", c.Household, c.Children[1].Answers)
	}
	if !slices.Contains(c.Children[1].Skipped, "placing_council") {
		t.Errorf("Ava's skip was not kept: %v", c.Children[1].Skipped)
	}
	ids := []string{c.Children[0].ID, c.Children[1].ID}
	// Reopened: the family's results straight away, then a change saved keeps the children's ids.
	out = runLines(t, script("2", "1", "change", "1", "2", "save", "0"), store)
	for _, want := range []string{"Opened Margaret.", "Tyler, 7:", "Ava, 2:", "Summary for Tyler and Ava"} {
		if !strings.Contains(out, want) {
			t.Errorf("reopened output lacks %q", want)
		}
	}
	c, _ = store.Get(list[0].ID)
	if c.Children[0].ID != ids[0] || c.Children[1].ID != ids[1] {
		t.Errorf("the children's ids changed on saving again: %v, then %s %s", ids, c.Children[0].ID, c.Children[1].ID)
	}
	if !strings.Contains(string(c.Household), `"country":"wales"`) {
		t.Errorf("the changed country was not saved: %s", c.Household)
	}
}

// The details letters use are filled in from the line mode, and the letter then has no gaps
// for them.
func TestAccessibleFillsInLetterDetails(t *testing.T) {
	in := append(margaret, "", "details",
		"Margaret Okafor", "1 High Street, Leeds", "LS1 1AA", "next", // the carer
		"next",                                   // a second carer
		"Tyler Okafor", "31/2/2019", "14/5/2019", // the child: a date that is not one, then one
		"done", "letter", "1", "", "0")
	out := runLines(t, script(in...), nil)
	if !strings.Contains(out, "That date was not understood") {
		t.Errorf("a bad date of birth was not refused:\n%s", out)
	}
	letter := out[strings.LastIndex(out, "Start of letter."):]
	letter = letter[:strings.Index(letter, "End of letter.")]
	for _, want := range []string{"Margaret Okafor", "1 High Street", "LS1 1AA", "Tyler Okafor"} {
		if !strings.Contains(letter, want) {
			t.Errorf("the letter lacks %q:\n%s", want, letter)
		}
	}
	for _, gap := range []string{"[your full name]", "[child's full name]", "[your address]"} {
		if strings.Contains(letter, gap) {
			t.Errorf("the letter still has the gap %s", gap)
		}
	}
	noInternals(t, out)
}

// No file is made until something is saved, and the first run asks how to keep cases.
func TestAccessibleNoFileUntilSaved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare", "kincare.db")
	run := func(in string) string {
		var out bytes.Buffer
		o := lineOptions(in, nil, &out)
		o.DBPath = path
		if err := RunAccessible(o); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	out := run(script("3", "1", "", "1", "q", "0"))
	if !strings.Contains(out, "a passphrase or a guest session is what keeps the family's details private") {
		t.Errorf("the first run did not explain the choice:\n%s", out)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a case file was made with nothing saved: %v", err)
	}
	if !strings.Contains(out, "Nothing was kept on this computer.") {
		t.Error("the end did not say nothing was kept")
	}
	// With a passphrase: a short one is refused kindly; the file is made, protected, at the save.
	out = run(script("2", "short", "kettle river blue sparrow", "kettle river blue sparrow", "1", "", "1", "q", "save", "Nana", "0"))
	if !strings.Contains(out, storage.PassphraseAdvice) {
		t.Errorf("a short passphrase was not refused:\n%s", out)
	}
	if !strings.Contains(out, "Saved in "+path) {
		t.Fatalf("not saved:\n%s", out)
	}
	if prot, err := storage.IsProtected(path); err != nil || !prot {
		t.Errorf("the file is not protected: %v %v", prot, err)
	}
	data, _ := os.ReadFile(path)
	if bytes.Contains(data, []byte("Nana")) {
		t.Error("the label is in the file in plain text")
	}
	// The next run asks for the passphrase and opens the case.
	out = run(script("wrong", "kettle river blue sparrow", "2", "1", "0"))
	if !strings.Contains(out, "Capital letters count") || !strings.Contains(out, "Opened Nana.") {
		t.Errorf("reopening the protected file:\n%s", out)
	}
}

// A guest session offers no save, warns that a saved letter stays, lists it at the end and
// deletes it when asked.
func TestAccessibleGuestOffersNoSaveAndListsFiles(t *testing.T) {
	dir := t.TempDir()
	letter := filepath.Join(dir, "letter.txt")
	var out bytes.Buffer
	o := lineOptions(script(append(margaret, "", "letter", "1", letter, "yes", "0", "yes")...), nil, &out)
	o.Guest = true
	if err := RunAccessible(o); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if strings.Contains(s, "Save this case") {
		t.Error("a guest session offered to save the case")
	}
	for _, want := range []string{"stays on this computer after you close kincare", "This session saved these files", letter, "Type yes to delete them now: \nNothing was kept on this computer."} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	if _, err := os.Stat(letter); !os.IsNotExist(err) {
		t.Error("the letter was not deleted")
	}
	noInternals(t, s)
}

// A quick exit clears like clear(1) on a terminal, says nothing after, and never writes an
// escape sequence into a pipe.
func TestAccessibleQuickExit(t *testing.T) {
	for _, terminal := range []bool{true, false} {
		var out bytes.Buffer
		o := lineOptions(script("1", "Tyler", "1", "!q", "1", "1"), nil, &out)
		o.Terminal = terminal
		if err := RunAccessible(o); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if terminal && !strings.HasSuffix(s, clearSequence) {
			t.Errorf("a quick exit on a terminal should end with home, erase screen, erase scrollback: %q", s[max(len(s)-40, 0):])
		}
		if !terminal && strings.ContainsRune(s, '\x1b') {
			t.Error("a quick exit wrote an escape sequence into a pipe")
		}
		if strings.Contains(s, "Question 3") || strings.Contains(s, "Nothing was kept") {
			t.Error("kincare carried on or spoke after a quick exit")
		}
	}
	// ctrl+c is a quick exit too.
	pr, pw := io.Pipe()
	defer pw.Close()
	intr := make(chan os.Signal, 1)
	var out syncBuffer
	o := lineOptions("", nil, &out)
	o.In, o.Interrupt, o.Terminal = pr, intr, true
	done := make(chan error)
	go func() { done <- RunAccessible(o) }()
	io.WriteString(pw, "1\n")
	waitFor(t, &out, "first name")
	intr <- os.Interrupt
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), clearSequence) {
		t.Error("ctrl+c did not clear the screen")
	}
}
