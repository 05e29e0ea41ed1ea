package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kincare/entitlements"
	"kincare/storage"
)

var lineAsOf = entitlements.MustDate("2026-11-22")

func runLines(t *testing.T, input string, store storage.Store) string {
	t.Helper()
	var out bytes.Buffer
	err := RunAccessible(AccessibleOptions{In: strings.NewReader(input), Out: &out, Store: store, AsOf: lineAsOf,
		Now: func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// A grandmother with a special guardianship order after care, answering by number, piped in.
func TestAccessibleWholeCase(t *testing.T) {
	in := strings.Join([]string{
		"1",        // who: carer
		"1",        // country: England
		"1",        // relationship: grandparent
		"1",        // lives with me
		"2",        // parent in home: no
		"3",        // legal status: SGO
		"2",        // council involved: no
		"1",        // previously looked after: yes
		"7",        // age
		"2",        // disabled: no
		"1",        // considering order: none
		"1",        // court case: none
		"Leeds",    // council
		"1",        // in work: employee
		"3",        // primary
		"1",        // state school
		"1",        // parents died: none
		"2",        // benefits: no
		"2",        // pension age: no
		"1/3/2024", // the date of the order (for letters)
		"s",        // the council that looked after the child: skipped
		"1",        // summary
		"0",        // finish
	}, "\n") + "\n"
	out := runLines(t, in, nil)
	if strings.ContainsRune(out, '\x1b') {
		t.Fatal("the line mode printed an escape sequence")
	}
	for _, want := range []string{
		"Question 1. Where does the child live?",
		"  1. England",
		"Results",
		"Special guardianship: a court order",
		"Special guardianship support assessment: Eligible.",
		"Therapy paid for by the Adoption and Special Guardianship Support Fund: Eligible.",
		"Not eligible on these answers:",
		"Summary as at 22 November 2026",
		"Nothing was kept on this computer.",
		"Question 19. When was the order made?",
		"The order was made on 1 March 2024",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestAccessibleHelpSkipBackAndBadInput(t *testing.T) {
	in := "2\n?\n9\nEngland\nb\n1\ns\nq\n0\n"
	out := runLines(t, in, nil)
	for _, want := range []string{
		"Help: The rules here are England's.",
		"Please type a number from 1 to 5.",
		"What is the carer's relationship to the child?", // adviser wording
		"Results",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
	// After going back, the country question is asked again.
	if strings.Count(out, "Which country does the child live in?") < 2 {
		t.Errorf("going back did not ask the question again:\n%s", out)
	}
}

func TestAccessibleEndOfInputStillShowsResults(t *testing.T) {
	out := runLines(t, "1\n1\n11\n", nil)
	if !strings.Contains(out, "This is not kinship care") && !strings.Contains(out, "not kinship care") {
		t.Errorf("a parent should be told this is not kinship care:\n%s", out)
	}
	if !strings.Contains(out, "Results") {
		t.Error("results should be shown when the input ends")
	}
}

func TestAccessibleCouncilSuggestionsAndSaving(t *testing.T) {
	store := storage.NewMemory()
	in := strings.Join([]string{"2", "1", "1", "1", "2", "3", "2", "2", "6", "2", "1", "1", "Boltn", "1", "2", "3", "1", "1", "2", "2", "s", "4", "Gran \x1b[31mBolton", "0"}, "\n") + "\n"
	out := runLines(t, in, store)
	if !strings.Contains(out, "Did you mean one of these?") {
		t.Errorf("no suggestions for a misspelt council:\n%s", out)
	}
	if !strings.Contains(out, "Saved.") {
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
	out := runLines(t, strings.Join([]string{"2", "1", "5", "1", path, "5", "1", path, "no", "0"}, "\n")+"\n", store)
	for _, want := range []string{"Opened \"Nana Joy\".", "Results", "Start of letter.", "Tyler Okafor", "End of letter.", "Saved the letter to " + path, "already exists", "The file was not changed."} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "Question 1.") {
		t.Error("a complete saved case should go straight to the results")
	}
}
