package letters

import (
	"errors"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template"

	"kincare/entitlements"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	asOf  = entitlements.MustDate("2026-11-22")
	today = entitlements.MustDate("2026-11-23")
)

func answers(t testing.TB, js string) entitlements.Answers {
	t.Helper()
	in, err := entitlements.ParseInput([]byte(`{"answers":` + js + `}`))
	if err != nil {
		t.Fatalf("answers %s: %v", js, err)
	}
	return in.Answers
}

// cases are answer sets that between them enable every request.
var cases = map[string]string{
	"sgo":      `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"yes","order_date":"2024-03-01","council":"Leeds","placing_council":"Bradford","child_age":7,"education":"primary","school_type":"state","in_work":"yes","child_disabled":"no"}`,
	"foster":   `{"country":"england","living_with_carer":"yes","relationship":"aunt_uncle","legal_status":"kinship_foster","council":"Leeds","placing_council":"Leeds","child_age":9,"education":"primary","school_type":"state","considering_order":"sgo"}`,
	"informal": `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"none","council_involved":"yes","duration":"28_days_or_more","council":"Leeds","child_age":5}`,
	"private":  `{"country":"england","living_with_carer":"yes","relationship":"family_friend","legal_status":"none","duration":"28_days_or_more","child_age":10,"child_disabled":"no","council":"Leeds"}`,
	"cao":      `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"cao","previously_looked_after":"no","council_involved":"no","order_date":"2025-06-10","council":"Leeds","child_age":6}`,
	"zone":     `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"yes","order_date":"2025-02-01","council":"Bolton","placing_council":"Bolton","sg_financial_support":"no","child_age":8}`,
	"adoption": `{"country":"england","living_with_carer":"yes","relationship":"sibling","legal_status":"adoption","previously_looked_after":"yes","adopted_from_state_care_abroad":"no","order_date":"2025-01-10","council":"Leeds","placing_council":"Wakefield","child_age":4}`,
	"disabled": `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"yes","order_date":"2024-03-01","council":"Leeds","placing_council":"Bradford","child_age":7,"in_work":"yes","child_disabled":"yes"}`,
	"baby":     `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"no","council_involved":"no","order_date":"2026-10-01","council":"Leeds","child_age":0,"benefits":"yes"}`,
	"oldsgo":   `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"yes","order_date":"2020-05-01","council":"Leeds","placing_council":"Bradford","child_age":12}`,
}

// caseFor picks the case each golden letter is drafted from.
var caseFor = map[string]string{
	"virtual_school_advice": "sgo", "sg_support_assessment": "sgo", "asgsf_assessment": "sgo",
	"fostering_allowance_review": "foster", "child_in_need_assessment": "sgo", "local_offer_copy": "sgo",
	"private_fostering_notice": "private", "school_pupil_premium_plus": "sgo", "legal_advice_funding": "foster",
	"cao_allowance": "cao", "kinship_allowance_pilot": "zone", "flexible_working": "sgo", "parental_leave": "sgo",
	"adoption_support_assessment": "adoption", "looked_after_status_enquiry": "informal",
	ComplaintStage1: "sgo", CarersLeaveNotice: "disabled", ConnectedPersonAssessment: "informal", MaternityGrantNote: "baby",
}

func fullDetails(t testing.TB) entitlements.Details {
	d, err := entitlements.ParseDetails([]byte(`{
	"carer": {"name": "Margaret Okafor", "relationship_words": "grandmother", "address": ["12 Mill Lane", "Leeds"], "postcode": "LS1 4AB", "phone": "0113 496 0000", "email": "margaret@example.org"},
	"second_carer": {"name": "Samuel Okafor"},
	"child": {"name": "Tyler Okafor", "date_of_birth": "2019-05-14", "needs": "Tyler has nightmares and is falling behind in reading."},
	"story": "Tyler came to us in March 2023, when children's services placed him with us under an interim care order.",
	"school": {"name": "Mill Lane Primary School", "address": ["Mill Lane", "Leeds"], "postcode": "LS1 4AC", "email": "office@milllane.example.org"},
	"council": {"name": "Leeds City Council", "team": "Kinship Care Team", "address": ["Merrion House", "110 Merrion Centre", "Leeds"], "postcode": "LS2 8BB",
		"services": {"children_services": {"team": "Children's Social Work Service", "email": "csws@leeds.example.org"},
			"complaints": {"team": "Children's Complaints", "contact": "Ms A Khan", "reference": "LCC/COMP/123", "copy_to": ["Director of Children's Services"]}}},
	"placing_council": {"name": "City of Bradford Metropolitan District Council", "team": "Special Guardianship Support Team", "address": ["Britannia House", "Hall Ings", "Bradford"], "postcode": "BD1 1HX"},
	"virtual_school": {"name": "Leeds Virtual School", "address": ["Merrion House", "Leeds"], "postcode": "LS2 8BB"},
	"employer": {"name": "Northern Buses Ltd", "contact": "Mr J Patel", "address": ["1 Depot Road", "Leeds"], "postcode": "LS9 1AA"},
	"order": {"court": "Leeds Family Court", "case_number": "LS24P00123"}}`))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var bracketRe = regexp.MustCompile(`\[([^\[\]]*)\]`)
var citationYear = regexp.MustCompile(`^\[(19|20)[0-9]{2}\]$`)

func checkLetter(t testing.TB, name string, l Letter) {
	t.Helper()
	text := l.Text()
	for _, bad := range []string{"<no value>", "{{", "}}", gapOpen, gapClose, "%!"} {
		if strings.Contains(text, bad) {
			t.Errorf("%s: contains %q:\n%s", name, bad, text)
		}
	}
	gaps := map[string]bool{}
	for _, g := range l.Gaps {
		if gaps[g] {
			t.Errorf("%s: gap %q listed twice", name, g)
		}
		gaps[g] = true
	}
	for _, m := range bracketRe.FindAllStringSubmatch(text, -1) {
		if citationYear.MatchString(m[0]) {
			continue // a law report's year, as in [2013] EWCA Civ 904
		}
		if !gaps[m[1]] {
			t.Errorf("%s: [%s] is in the text but not in Gaps %q", name, m[1], l.Gaps)
		}
	}
	for _, g := range l.Gaps {
		if !strings.Contains(text, "["+g+"]") {
			t.Errorf("%s: gap %q listed but not in the text", name, g)
		}
	}
	if _, err := entitlements.ParseDate(l.ReplyDue); err != nil {
		t.Errorf("%s: ReplyDue %q", name, l.ReplyDue)
	}
	if due, _ := entitlements.ParseDate(l.ReplyDue); !strings.Contains(l.Body, due.Long()) {
		t.Errorf("%s: the body does not give the reply date %s", name, due.Long())
	}
	if !poundYearRe(text) {
		t.Errorf("%s: a £ figure without a year:\n%s", name, text)
	}
}

var poundRe = regexp.MustCompile(`£\s?[0-9][0-9,.]*`)
var yearRe = regexp.MustCompile(`\b(19|20)[0-9]{2}\b`)

// poundYearRe says whether every £ figure has a year within 60 characters of it.
func poundYearRe(text string) bool {
	for _, loc := range poundRe.FindAllStringIndex(text, -1) {
		lo, hi := max(0, loc[0]-60), min(len(text), loc[1]+60)
		if !yearRe.MatchString(text[lo:hi]) {
			return false
		}
	}
	return true
}

func TestTemplatesLoad(t *testing.T) {
	if err := LoadTemplates(); err != nil {
		t.Fatal(err)
	}
	for _, id := range IDs() {
		tp := loaded().byID[id]
		if tp == nil || len(tp.sources) == 0 || tp.title == "" {
			t.Errorf("%s: template missing title or sources", id)
		}
	}
}

func TestMissingKeyIsAnError(t *testing.T) {
	tp, err := newTemplate("x", "{{.NoSuchField}}")
	if err != nil {
		t.Fatal(err)
	}
	c := newCase(&Input{Today: today, AsOf: asOf}, entitlements.Eligible, today)
	if _, err := run(tp, c.data); err == nil {
		t.Fatal("a missing key must be an error, not <no value>")
	}
	var _ *template.Template = tp
}

// earlier are the letters a complaint names in the full golden case.
var earlier = []Sent{
	{Subject: "Request for an assessment of special guardianship support needs, including financial support: Tyler Okafor", SentOn: entitlements.MustDate("2026-09-01"), Due: entitlements.MustDate("2026-09-29")},
	{Subject: "Follow-up", SentOn: entitlements.MustDate("2026-10-05"), Due: entitlements.MustDate("2026-10-19"), FollowUp: true},
}

// draftForGolden drafts a letter; the maternity grant note, whose outcome may not be in these
// rules yet, is drafted as a may_be_eligible letter when no outcome offers it.
func draftForGolden(t *testing.T, in Input) Letter {
	t.Helper()
	l, err := Draft(in)
	var no *ErrNotOffered
	if errors.As(err, &no) && in.RequestID == MaternityGrantNote {
		if _, ok := entitlements.Assess(in.Answers, in.AsOf).Outcome("sure_start_maternity_grant"); !ok {
			c := newCase(&in, entitlements.MayBeEligible, ReplyDue(in.RequestID, in.Today))
			l, err = c.render(loaded().byID[in.RequestID], nil)
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", in.RequestID, err)
	}
	return l
}

func goldenText(l Letter) string {
	return l.Text() + "\n---\nGaps: " + strings.Join(l.Gaps, "; ") + "\nReply due: " + l.ReplyDue + fmt.Sprintf("\nAssert: %v\n", l.Assert)
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%s (run go test -update): %v", path, err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file (run go test -update to accept):\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	if err := LoadTemplates(); err != nil {
		t.Fatal(err)
	}
	for _, id := range IDs() {
		for _, variant := range []string{"full", "gaps"} {
			a := answers(t, cases[caseFor[id]])
			in := Input{RequestID: id, Answers: a, AsOf: asOf, Today: today}
			if variant == "full" {
				in.Details = fullDetails(t)
				if id == ComplaintStage1 {
					in.Earlier = earlier
				}
				if id == MaternityGrantNote {
					in.Details.Child = &entitlements.Child{Name: "Ruby Okafor", DateOfBirth: "2026-08-20"}
				}
			}
			l := draftForGolden(t, in)
			name := id + "__" + variant
			checkLetter(t, name, l)
			if variant == "gaps" {
				for _, want := range []string{"your full name", "your address", "child's full name"} {
					if !contains(l.Gaps, want) {
						t.Errorf("%s: Gaps %q lacks %q", name, l.Gaps, want)
					}
				}
			}
			compareGolden(t, filepath.Join("testdata", "golden", name+".txt"), goldenText(l))
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func TestNotOffered(t *testing.T) {
	a := answers(t, `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"cao","previously_looked_after":"no","council_involved":"no","considering_order":"none"}`)
	_, err := Draft(Input{RequestID: "sg_support_assessment", Answers: a, AsOf: asOf, Today: today})
	var no *ErrNotOffered
	if !errors.As(err, &no) || no.RequestID != "sg_support_assessment" || !strings.Contains(no.Reason, "Special guardianship support assessment: not eligible") {
		t.Fatalf("want ErrNotOffered naming the outcome, got %v", err)
	}
	if _, err := Draft(Input{RequestID: "nope", Answers: a, AsOf: asOf, Today: today}); !errors.Is(err, ErrUnknownRequest) {
		t.Fatalf("want ErrUnknownRequest, got %v", err)
	}
}

func TestOffered(t *testing.T) {
	got := Offered(entitlements.Assess(answers(t, cases["sgo"]), asOf).Report())
	for _, want := range []string{"virtual_school_advice", "sg_support_assessment", "asgsf_assessment", "flexible_working"} {
		if !contains(got, want) {
			t.Errorf("Offered %q lacks %s", got, want)
		}
	}
	if contains(got, "fostering_allowance_review") || contains(got, "private_fostering_notice") {
		t.Errorf("Offered %q has a letter whose outcome is not_eligible", got)
	}
}

func TestThreeYearRule(t *testing.T) {
	d := fullDetails(t)
	l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: answers(t, cases["oldsgo"]), Details: d, AsOf: asOf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(l.To, "\n"), "Leeds City Council") || !strings.Contains(l.Body, "more than three years ago") {
		t.Errorf("an order from 2020 goes to the home council:\n%s", l.Text())
	}
	l, _ = Draft(Input{RequestID: "sg_support_assessment", Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today})
	if !strings.Contains(strings.Join(l.To, "\n"), "Bradford") || !strings.Contains(l.Body, "until 1 March 2027") {
		t.Errorf("an order from 2024 goes to the placing council:\n%s", l.Text())
	}
	if !strings.Contains(l.Body, "was looked after by the City of Bradford Metropolitan District Council immediately before the order was made") {
		t.Errorf("the fact that makes the request valid is missing:\n%s", l.Body)
	}
}

func TestAssertOnlyWhenEligible(t *testing.T) {
	// sgo with previously_looked_after not_sure: sg_support_assessment is check, so the letter asks.
	a := answers(t, `{"country":"england","living_with_carer":"yes","relationship":"grandparent","legal_status":"sgo","previously_looked_after":"not_sure","order_date":"2024-03-01","council":"Leeds"}`)
	l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: a, AsOf: asOf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if l.Assert || strings.Contains(l.Body, "must carry out this assessment when asked") || !strings.Contains(l.Body, "may carry out this assessment on request") {
		t.Errorf("a check letter must ask, not assert:\n%s", l.Body)
	}
}

func TestFollowUp(t *testing.T) {
	in := Input{RequestID: "sg_support_assessment", Answers: answers(t, cases["sgo"]), Details: fullDetails(t), AsOf: asOf, Today: today}
	orig, err := Draft(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Today = entitlements.MustDate("2027-01-11")
	f, err := FollowUp(in, orig, today)
	if err != nil {
		t.Fatal(err)
	}
	checkLetter(t, "follow_up", f)
	for _, want := range []string{"23 November 2026", orig.Subject, "25 January 2027", "within 10 working days"} {
		if !strings.Contains(f.Text(), want) {
			t.Errorf("follow-up lacks %q:\n%s", want, f.Text())
		}
	}
	if f.ReplyDue != "2027-01-25" || strings.Join(f.To, "|") != strings.Join(orig.To, "|") {
		t.Errorf("follow-up due %s to %q", f.ReplyDue, f.To)
	}
}

// randomAnswers gives every key a random value (or none).
func randomAnswers(r *rand.Rand) entitlements.Answers {
	var a entitlements.Answers
	texts := []string{"Leeds", "Bolton", "Bradford", "Newcastle", "Kent", "Nowhere Town", "Zoë [Council] \x1b[31m", "מועצה", "City of London"}
	for _, k := range entitlements.AllKeys() {
		if r.Intn(5) == 0 {
			continue
		}
		s := k.Spec()
		var v string
		switch s.Kind {
		case entitlements.Choice:
			v = s.Values[r.Intn(len(s.Values))]
		case entitlements.Number:
			v = fmt.Sprint(s.Min + r.Intn(s.Max-s.Min+1))
		case entitlements.Text:
			v = texts[r.Intn(len(texts))]
		case entitlements.DateValue:
			v = entitlements.DateOf(2008+r.Intn(20), 1, 1).AddDays(r.Intn(365)).String()
		}
		if err := a.Set(k, v); err != nil {
			panic(err)
		}
	}
	if r.Intn(3) > 0 { // mostly England and kinship care, so that letters are offered
		_ = a.Set(entitlements.Country, "england")
		_ = a.Set(entitlements.LivingWithCarer, "yes")
		_ = a.Set(entitlements.ParentInHome, "no")
	}
	return a
}

func randomDetails(r *rand.Rand, full entitlements.Details) entitlements.Details {
	d := full
	if r.Intn(2) == 0 {
		d.Carer = nil
	}
	if r.Intn(2) == 0 {
		d.Child = nil
	}
	if r.Intn(2) == 0 {
		d.Council = nil
	}
	if r.Intn(2) == 0 {
		d.PlacingCouncil = nil
	}
	if r.Intn(3) == 0 {
		d.Carer = &entitlements.Person{Name: "Odd [name] \x1b]52;c;SGVsbG8=\x07 \u202e", Address: []string{"[flat]", ""}}
	}
	return d
}

func TestPropertyRandomAnswers(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	r := rand.New(rand.NewSource(20261122))
	full := fullDetails(t)
	drafted := map[string]int{}
	for i := 0; i < n; i++ {
		a := randomAnswers(r)
		d := randomDetails(r, full)
		day := entitlements.DateOf(2024, 1, 1).AddDays(r.Intn(1200))
		rep := entitlements.Assess(a, day).Report()
		offered := Offered(rep)
		for _, id := range offered {
			ok := false
			for _, o := range rep.Outcomes {
				if o.Status != entitlements.NotEligible && contains(requestsOf(o, rep.Arrangement), id) {
					ok = true
				}
			}
			if !ok {
				t.Fatalf("case %d: %s offered without an outcome that is not not_eligible", i, id)
			}
		}
		for j, id := range IDs() {
			if !contains(offered, id) && (i+j)%7 != 0 {
				continue // refusals are cheap to check on a sample
			}
			l, err := Draft(Input{RequestID: id, Answers: a, Details: d, AsOf: day, Today: day})
			if !contains(offered, id) {
				var no *ErrNotOffered
				if !errors.As(err, &no) {
					t.Fatalf("case %d: %s is not offered but Draft gave %v", i, id, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("case %d: %s: %v (answers %s)", i, id, err, mustJSON(a))
			}
			drafted[id]++
			checkLetter(t, fmt.Sprintf("case %d %s", i, id), l)
			if strings.ContainsRune(l.Text(), 0x1b) || strings.ContainsRune(l.Text(), 0x07) {
				t.Fatalf("case %d %s: control characters in the letter", i, id)
			}
		}
	}
	_, haveGrant := entitlements.Assess(answers(t, cases["baby"]), asOf).Outcome("sure_start_maternity_grant")
	for _, id := range IDs() {
		if id == MaternityGrantNote && !haveGrant {
			continue // its outcome is not in these rules yet
		}
		if drafted[id] == 0 {
			t.Errorf("no random case drafted %s", id)
		}
	}
}

func mustJSON(a entitlements.Answers) string {
	b, _ := a.MarshalJSON()
	return string(b)
}

// The follow-up to a stage 1 complaint asks for stage 2, with 25 working days to answer, and
// names the Ombudsman as the last step.
func TestComplaintFollowUpIsStage2(t *testing.T) {
	in := Input{RequestID: ComplaintStage1, Answers: answers(t, cases["sgo"]), Details: fullDetails(t), AsOf: asOf, Today: today, Earlier: earlier}
	orig, err := Draft(in)
	if err != nil {
		t.Fatal(err)
	}
	in.Today = entitlements.MustDate("2027-01-11")
	f, err := FollowUp(in, orig, today)
	if err != nil {
		t.Fatal(err)
	}
	checkLetter(t, "stage 2", f)
	for _, want := range []string{"stage 2", "25 working days", "Local Government and Social Care Ombudsman", "23 November 2026"} {
		if !strings.Contains(f.Text(), want) {
			t.Errorf("stage 2 letter lacks %q:\n%s", want, f.Text())
		}
	}
	if f.ReplyDue != AddWorkingDays(in.Today, 25).String() || f.Greeting != "Dear Ms Khan" {
		t.Errorf("stage 2: due %s, %s", f.ReplyDue, f.Greeting)
	}
}
