package wizard

import (
	"math/rand/v2"
	"strings"
	"testing"

	e "kincare/entitlements"
)

var asOf = e.MustDate("2026-11-22")

// randomAnswers fills every key with a random valid value, or leaves it out.
func randomAnswers(r *rand.Rand, pMissing float64) e.Answers {
	var a e.Answers
	for _, k := range e.AllKeys() {
		if r.Float64() < pMissing {
			continue
		}
		s := k.Spec()
		switch s.Kind {
		case e.Choice:
			a.Set(k, s.Values[r.IntN(len(s.Values))])
		case e.Number:
			a.Set(k, []string{"0", "2", "3", "4", "6", "11", "15", "16", "17", "18", "20", "22", "25"}[r.IntN(13)])
		case e.DateValue:
			a.Set(k, []string{"2021-06-01", "2024-03-01", "2025-12-01"}[r.IntN(3)])
		case e.Text:
			a.Set(k, []string{"Leeds", "Bolton", "Camden", "Harrogate", "Kent", "NE Lincolnshire"}[r.IntN(6)])
		}
	}
	return a
}

// decides says whether some two values of k give a different arrangement or status, with
// everything else as it is: checked by substitution, independently of Relevant.
func decides(a e.Answers, k e.Key, d e.Date) bool {
	s := k.Spec()
	var vals []string
	switch s.Kind {
	case e.Choice:
		vals = s.Values
	case e.Number:
		for i := 0; i <= 25; i++ {
			vals = append(vals, strings.TrimSpace(string(rune('0'+i/10))+string(rune('0'+i%10))))
		}
	case e.Text:
		vals = []string{"Leeds", "Bolton", "Camden", "Harrogate"}
	default:
		return false
	}
	var first *e.Result
	for _, v := range vals {
		try := a
		if err := try.Set(k, strings.TrimLeft(v, "0")); err != nil {
			try.Set(k, "0")
		}
		r := e.Assess(try, d)
		if first == nil {
			first = r
			continue
		}
		if r.Arrangement != first.Arrangement {
			return true
		}
		for _, id := range e.OutcomeIDs() {
			if r.Status(id) != first.Status(id) {
				return true
			}
		}
	}
	return false
}

// decidesSometimes says whether k can change the arrangement or a status once the other
// unknown answers are filled in: it tries random completions of everything else unknown.
func decidesSometimes(r *rand.Rand, a e.Answers, k e.Key, d e.Date) bool {
	for i := 0; i < 600; i++ { // enough completions to find a rare one that decides (e.g. age 2, no DLA, no benefits)
		fill := randomAnswers(r, 0)
		c := a
		for _, o := range e.AllKeys() {
			if o == k {
				continue
			}
			// A council name that is not a council counts as missing (Reading the rules 7).
			_, isCouncil := e.FindCouncil(c.Value(o))
			if v, ok := c.Get(o); !ok || v == e.NotSure || (o == e.CouncilKey && !isCouncil) {
				if fv, ok := fill.Get(o); ok && fv != e.NotSure {
					c.Set(o, fv)
				}
			}
		}
		c.Clear(k)
		if decides(c, k, d) {
			return true
		}
	}
	return false
}

// Changing an earlier answer keeps the answers that stop mattering (not lost, only no longer
// asked), asks what newly matters, and a forgotten answer is asked again.
func TestGoingBackAndChanging(t *testing.T) {
	s := NewSession(asOf)
	answer := func(k e.Key, v string) Step {
		t.Helper()
		st, err := s.Answer(s.AskFor(Ref{k, 0}), v)
		if err != nil {
			t.Fatalf("%s=%s: %v", k, v, err)
		}
		return st
	}
	for _, kv := range [][2]string{{"country", "england"}, {"relationship", "grandparent"}, {"living_with_carer", "yes"}, {"parent_in_home", "no"}, {"legal_status", "sgo"}} {
		k, _ := e.KeyNamed(kv[0])
		answer(k, kv[1])
	}
	if q := s.Current().Ask; q.Key != e.CouncilInvolved && q.Key != e.PreviouslyLookedAfter {
		t.Fatalf("after an SGO the next question was %s", q.Key)
	}
	answer(e.PreviouslyLookedAfter, "yes")
	answer(e.SGFinancialSupport, "no")
	// Change the legal status: the earlier answer is kept, but no longer asked about.
	answer(e.LegalStatus, "none")
	if v := s.Own(0).Value(e.PreviouslyLookedAfter); v != "yes" {
		t.Fatalf("an answer that stopped mattering was lost: %q", v)
	}
	if s.Matters(Ref{e.PreviouslyLookedAfter, 0}) {
		t.Error("in care before an order is asked with no order")
	}
	// Newly relevant questions are asked: with no order, how long the stay is can matter for a friend.
	st := answer(e.Relationship, "family_friend")
	found := false
	for !st.Done && !found {
		found = st.Ask.Key == e.Duration
		st = s.Skip(st.Ask)
	}
	if !found {
		t.Error("duration was never asked for a family friend with no order")
	}
	if st := s.Forget(Ref{e.Duration, 0}); st.Done || st.Ask.Key != e.Duration {
		t.Errorf("after forgetting a skipped answer it should be asked again, got %v", st.Ask.Key)
	}
}

func TestDiffSaysWhatChangedAndWhy(t *testing.T) {
	var a e.Answers
	for k, v := range map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no", e.LegalStatus: "sgo", e.CouncilKey: "Bolton", e.SGFinancialSupport: "no", e.PreviouslyLookedAfter: "no", e.CouncilInvolved: "no", e.ChildAge: "7"} {
		a.Set(k, v)
	}
	s, _ := FromFamily(e.Family{Children: []e.FamilyChild{{Name: "Tyler", Answers: a}}}, asOf)
	st, err := s.Answer(s.Reopen(Ref{e.CouncilKey, 0}), "Leeds")
	if err != nil || len(st.Changes) != 1 || !st.Edit {
		t.Fatalf("changes %+v, %v", st.Changes, err)
	}
	var line, sentence string
	for _, c := range st.Changes[0].Changes {
		if c.ID == "kinship_allowance_pilot" {
			line, sentence = c.String(), c.Sentence()
		}
	}
	if !strings.HasPrefix(line, "Kinship allowance (Kinship Zones): eligible -> not eligible, because") || !strings.Contains(line, "Your council is not one of them") {
		t.Errorf("change line = %q", line)
	}
	if !strings.HasPrefix(sentence, "Kinship allowance (Kinship Zones) changed from eligible to not eligible, because") || strings.Contains(sentence, "->") || strings.HasSuffix(sentence, "..") {
		t.Errorf("change sentence = %q", sentence)
	}
}

func TestExplainWhenDecisive(t *testing.T) {
	s := NewSession(asOf)
	if s.Explain(0) != "" {
		t.Error("the definition should not be shown before anything is known")
	}
	s.Answer(s.AskFor(Ref{e.Country, 0}), "england")
	st, _ := s.Answer(s.AskFor(Ref{e.ParentInHome, 0}), "yes")
	if ex := s.Explain(0); !strings.Contains(ex, "not kinship care") || !strings.Contains(ex, "early help") {
		t.Errorf("explain = %q", ex)
	}
	if !st.Done {
		t.Errorf("once a parent is the main carer nothing else can change the outcome (in England); next %s", st.Ask.Key)
	}
}

func TestWording(t *testing.T) {
	helps := map[string]bool{}
	for _, k := range e.AllKeys() {
		q := QuestionFor(k)
		if q.Name != k.String() {
			t.Errorf("%s: question has name %q", k, q.Name)
		}
		for _, p := range []string{q.Carer, q.Adviser} {
			if p == "" {
				t.Errorf("%s: a prompt is missing", k)
			}
			if n := len(strings.Fields(p)); n > 25 {
				t.Errorf("%s: prompt has %d words: %q", k, n, p)
			}
		}
		if q.Help == "" || helps[q.Help] {
			t.Errorf("%s: help is empty or the same as another question's", k)
		}
		helps[q.Help] = true
		if q.Kind == e.Choice {
			labels := map[string]bool{}
			values := map[string]bool{}
			for _, o := range q.Options {
				if o.Label == "" || labels[o.Label] {
					t.Errorf("%s: label %q empty or repeated", k, o.Label)
				}
				labels[o.Label] = true
				values[o.Value] = true
			}
			for _, v := range k.Spec().Values {
				if !values[v] {
					t.Errorf("%s: no option for the spec value %q", k, v)
				}
			}
			if len(values) != len(k.Spec().Values) {
				t.Errorf("%s: options do not match the spec values", k)
			}
		}
	}
}

func TestAdviserWordingOfOptions(t *testing.T) {
	for _, k := range e.AllKeys() {
		if k == e.User { // "Who is using this?" is answered by the person themselves
			continue
		}
		q := QuestionFor(k).For("adviser")
		labels := map[string]bool{}
		for _, o := range q.Options {
			if labels[o.Label] {
				t.Errorf("%s: adviser label %q repeated", k, o.Label)
			}
			labels[o.Label] = true
			for _, w := range strings.Fields(strings.ToLower(o.Label)) {
				if w == "me" || w == "my" || w == "i" {
					t.Errorf("%s: an adviser would read %q, which speaks as the carer", k, o.Label)
				}
			}
		}
	}
	if got := QuestionFor(e.LivingWithCarer).For("carer").OptionLabel("yes"); got != "Yes, the child lives with me" {
		t.Errorf("carer wording changed: %q", got)
	}
}

func TestParseDateInput(t *testing.T) {
	for in, want := range map[string]string{
		"22/11/2026": "2026-11-22", "2/3/2024": "2024-03-02", "22 Nov 2026": "2026-11-22", "22 november 2026": "2026-11-22",
		"1st March 2024": "2024-03-01", "2026-11-22": "2026-11-22", " 03.01.2025 ": "2025-01-03", "22-11-2026": "2026-11-22",
	} {
		got, err := ParseDateInput(in)
		if err != nil || got != want {
			t.Errorf("ParseDateInput(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "31/02/2026", "yesterday", "11/22/2026"} {
		if _, err := ParseDateInput(bad); err == nil {
			t.Errorf("ParseDateInput(%q) should fail", bad)
		}
	}
}

func TestParseDateOrMonthInput(t *testing.T) {
	for in, want := range map[string]string{"March 2024": "2024-03", "mar 2024": "2024-03", "03/2024": "2024-03", "2024-03": "2024-03", "14/03/2024": "2024-03-14"} {
		if got, err := ParseDateOrMonthInput(in); err != nil || got != want {
			t.Errorf("ParseDateOrMonthInput(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "13/2024", "spring 2024"} {
		if _, err := ParseDateOrMonthInput(bad); err == nil {
			t.Errorf("ParseDateOrMonthInput(%q) should fail", bad)
		}
	}
	s := NewSession(asOf)
	if _, err := s.Answer(s.AskFor(Ref{e.OrderDate, 0}), "December 2023"); err != nil || s.Own(0).Value(e.OrderDate) != "2023-12" {
		t.Errorf("order date as a month: %v %q", err, s.Own(0).Value(e.OrderDate))
	}
}

func TestAnswerNormalises(t *testing.T) {
	s := NewSession(asOf)
	get := func(k e.Key, in string) (string, error) {
		_, err := s.Answer(s.AskFor(Ref{k, 0}), in)
		return s.Answers(0).Value(k), err
	}
	if v, err := get(e.CouncilKey, "newcastle"); err != nil || v != "Newcastle upon Tyne" {
		t.Errorf("council = %q, %v", v, err)
	}
	if v, err := get(e.CouncilKey, "Harrogate"); err != nil || v != "Harrogate" {
		t.Errorf("an unknown council must be kept as typed: %q, %v", v, err)
	}
	if _, err := get(e.ChildAge, "26"); err == nil {
		t.Error("age 26 accepted")
	}
	if v, err := get(e.OrderDate, "1 March 2024"); err != nil || v != "2024-03-01" {
		t.Errorf("order date = %q, %v", v, err)
	}
	if v, err := get(e.LegalStatus, "Special guardianship order"); err != nil || v != "sgo" {
		t.Errorf("a label should be accepted as the answer: %q %v", v, err)
	}
}

// TestNewKeysAskedOnlyWhereTheyCount: who went to court, and whether the child would
// otherwise be in care, are asked only with a child arrangements order (made, or being
// applied for) in or possibly in a Kinship Zone, and only where the answer can change it.
func TestNewKeysAskedOnlyWhereTheyCount(t *testing.T) {
	base := map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no",
		e.ChildAge: "7", e.CouncilInvolved: "no", e.PreviouslyLookedAfter: "no", e.ParentsDied: "none", e.ConsideringOrder: "none"}
	build := func(extra map[e.Key]string) *Session {
		var a e.Answers
		for k, v := range base {
			a.Set(k, v)
		}
		for k, v := range extra {
			if v == "" {
				a.Clear(k)
				continue
			}
			a.Set(k, v)
		}
		s, _ := FromFamily(e.Family{Children: []e.FamilyChild{{Name: "Ava", Answers: a}}}, e.MustDate("2026-12-02"))
		return s
	}
	for _, c := range []struct {
		name          string
		extra         map[e.Key]string
		route, otherw bool
	}{
		{"CAO in Bolton", map[e.Key]string{e.LegalStatus: "cao", e.CouncilKey: "Bolton"}, true, true},
		{"CAO, council not known", map[e.Key]string{e.LegalStatus: "cao"}, true, true},
		{"CAO in Leeds", map[e.Key]string{e.LegalStatus: "cao", e.CouncilKey: "Leeds"}, false, false},
		{"private CAO in Bolton", map[e.Key]string{e.LegalStatus: "cao", e.CouncilKey: "Bolton", e.OrderRoute: "private"}, false, true},
		{"CAO from care proceedings in Bolton", map[e.Key]string{e.LegalStatus: "cao", e.CouncilKey: "Bolton", e.OrderRoute: "care_proceedings"}, false, false},
		{"SGO in Bolton", map[e.Key]string{e.LegalStatus: "sgo", e.CouncilKey: "Bolton"}, false, false},
		{"legal status not known", map[e.Key]string{e.CouncilKey: "Bolton"}, false, false},
		{"no order, applying for a CAO in Bolton", map[e.Key]string{e.LegalStatus: "none", e.CouncilKey: "Bolton", e.ConsideringOrder: "cao"}, false, true},
		{"no order, applying for a CAO in Leeds", map[e.Key]string{e.LegalStatus: "none", e.CouncilKey: "Leeds", e.ConsideringOrder: "cao"}, false, false},
	} {
		w := build(c.extra)
		if got := w.Matters(Ref{e.OrderRoute, 0}); got != c.route {
			t.Errorf("%s: order_route asked = %v, want %v", c.name, got, c.route)
		}
		if got := w.Matters(Ref{e.OtherwiseInCare, 0}); got != c.otherw {
			t.Errorf("%s: otherwise_in_care asked = %v, want %v", c.name, got, c.otherw)
		}
	}
	for _, k := range []e.Key{e.OrderRoute, e.OtherwiseInCare} {
		q := QuestionFor(k)
		if q.Help == "" || len(q.Options) != 3 || q.Carer == q.Adviser {
			t.Errorf("%s: question %+v", k, q)
		}
		for _, jargon := range []string{"public law", "FHDRA", "section 20"} {
			if strings.Contains(q.Carer, jargon) {
				t.Errorf("%s: the carer's wording uses %q", k, jargon)
			}
		}
	}
}
