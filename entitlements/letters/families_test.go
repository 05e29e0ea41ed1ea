package letters

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kincare/entitlements"
)

// The five families of the letters review (2026-12-02), two of its probe cases and a family of
// two: every letter each is offered is drafted and kept as a golden file, to be read as an
// adviser would read it.
var reviewDay = entitlements.MustDate("2026-12-02")

type familyCase struct {
	in      entitlements.Input
	details entitlements.Details
}

func loadFamilyCase(t testing.TB, path string) familyCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw struct {
		Answers json.RawMessage `json:"answers"`
		Family  json.RawMessage `json:"family"`
		Details json.RawMessage `json:"details"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var fc familyCase
	if raw.Family != nil {
		fc.in, err = entitlements.ParseInput(raw.Family)
	} else {
		fc.in, err = entitlements.ParseInput([]byte(`{"answers":` + string(raw.Answers) + `}`))
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if fc.details, err = entitlements.ParseDetails(raw.Details); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return fc
}

// familyLetters drafts every letter a case is offered, in list order.
func familyLetters(t *testing.T, fc familyCase) map[string][]Letter {
	t.Helper()
	out := map[string][]Letter{}
	if fc.in.Family != nil {
		offered := map[string]bool{}
		for _, r := range entitlements.AssessFamily(*fc.in.Family, reviewDay).Children {
			for _, id := range Offered(r.Report()) {
				offered[id] = true
			}
		}
		for _, id := range IDs() {
			if !offered[id] {
				continue
			}
			ls, err := DraftFamily(FamilyInput{RequestID: id, Family: *fc.in.Family, Details: fc.details, AsOf: reviewDay, Today: reviewDay})
			if err != nil {
				t.Fatalf("%s: %v", id, err)
			}
			out[id] = ls
		}
		return out
	}
	for _, id := range Offered(entitlements.Assess(fc.in.Answers, reviewDay).Report()) {
		l, err := Draft(Input{RequestID: id, Answers: fc.in.Answers, Details: fc.details, AsOf: reviewDay, Today: reviewDay})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		out[id] = []Letter{l}
	}
	return out
}

func TestGoldenReviewFamilies(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "families", "*.json"))
	if len(paths) < 8 {
		t.Fatalf("want the review's families in testdata/families, found %d", len(paths))
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".json")
		fc := loadFamilyCase(t, p)
		letters := familyLetters(t, fc)
		if len(letters) == 0 {
			t.Errorf("%s: no letters offered", name)
		}
		for id, ls := range letters {
			var parts []string
			for i, l := range ls {
				checkLetter(t, name+" "+id, l)
				parts = append(parts, goldenText(l))
				_ = i
			}
			compareGolden(t, filepath.Join("testdata", "golden", "families", name+"__"+id+".txt"), strings.Join(parts, "\n=====\n"))
		}
	}
}

// A family of two: the Virtual School, the special guardianship support team and a complaint
// get one letter naming both children; the school gets one Pupil Premium Plus letter per child.
func TestFamilyLettersNameEveryChild(t *testing.T) {
	fc := loadFamilyCase(t, filepath.Join("testdata", "families", "F2.json"))
	letters := familyLetters(t, fc)
	for _, id := range []string{"virtual_school_advice", "sg_support_assessment", ComplaintStage1} {
		ls := letters[id]
		if len(ls) != 1 {
			t.Fatalf("%s: want one letter for both children, got %d", id, len(ls))
		}
		for _, want := range []string{"Tyler Okafor and Ava Okafor", "Tyler, born on 14 May 2019, and Ava, born on 2 January 2021"} {
			if !strings.Contains(ls[0].Text(), want) {
				t.Errorf("%s: lacks %q:\n%s", id, want, ls[0].Text())
			}
		}
	}
	pp := letters["school_pupil_premium_plus"]
	if len(pp) != 2 || !strings.Contains(pp[0].Subject, "Tyler Okafor") || !strings.Contains(pp[1].Subject, "Ava Okafor") {
		t.Fatalf("want one Pupil Premium Plus letter per child, got %d", len(pp))
	}
	if strings.Contains(pp[0].Text(), "Ava") || strings.Contains(pp[1].Text(), "Tyler") {
		t.Error("a per-child letter names the other child")
	}
}

// Children whose answers differ in what the letter says get their own letters.
func TestFamilyLettersSplitWhenTheFactsDiffer(t *testing.T) {
	fc := loadFamilyCase(t, filepath.Join("testdata", "families", "F2.json"))
	f := *fc.in.Family
	f.Children = slices.Clone(f.Children)
	a := f.Children[1].Answers
	if err := a.Set(entitlements.OrderDate, "2020-01-10"); err != nil {
		t.Fatal(err)
	}
	f.Children[1].Answers = a
	ls, err := DraftFamily(FamilyInput{RequestID: "sg_support_assessment", Family: f, Details: fc.details, AsOf: reviewDay, Today: reviewDay})
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 2 {
		t.Fatalf("orders three years apart go to different councils: want 2 letters, got %d", len(ls))
	}
}

// No letter prints words that the review found printed literally or wrongly.
func TestGoldenHasNoKnownBadWording(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("testdata", "golden", "families", "*.txt"))
	paths = append(paths, more...)
	if len(paths) < 40 {
		t.Fatalf("only %d golden letters", len(paths))
	}
	bad := []string{"or uncle", "or sister", "a adoption", "a appointment", "or am about to", "exceptional circumstances",
		"relative or close family friend", "by London Borough", "if Oliwia were fostered", " a order"}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			if strings.Contains(string(data), b) {
				t.Errorf("%s contains %q", p, b)
			}
		}
	}
}
