package wizard

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	e "kincare/entitlements"
)

var asOf = e.MustDate("2026-11-22")

type scenario struct {
	Name    string
	AsOf    string `json:"as_of"`
	Answers e.Answers
}

func loadScenarios(t testing.TB) map[string]scenario {
	files, _ := filepath.Glob("../entitlements/testdata/scenarios/*.json")
	if len(files) == 0 {
		t.Fatal("no scenarios found in entitlements/testdata/scenarios")
	}
	out := map[string]scenario{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in, err := e.ParseInput(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var sc scenario
		json.Unmarshal(data, &struct{ Name *string }{&sc.Name})
		sc.Answers = in.Answers
		sc.AsOf = asOf.String()
		if in.AsOf != nil {
			sc.AsOf = in.AsOf.String()
		}
		out[filepath.Base(f)] = sc
	}
	return out
}

// whenHolds drops the answers whose question's condition does not hold: the contract never
// asks them ("with ...", assess.md "Answers").
func whenHolds(a e.Answers) e.Answers {
	for changed := true; changed; {
		changed = false
		for _, k := range a.Known() {
			if q := byKey[k]; q != nil && q.When != nil && !q.When(&a) {
				a.Clear(k)
				changed = true
			}
		}
	}
	return a
}

// sameOutcomes asserts that assessing only the asked answers gives the same arrangement and
// statuses as assessing the whole file: skipping never changes an outcome.
func sameOutcomes(t *testing.T, name string, full e.Answers, w *Wizard, d e.Date) {
	t.Helper()
	full = whenHolds(full)
	want := e.Assess(full, d)
	var asked e.Answers
	for _, k := range w.Asked() {
		if v, ok := full.Get(k); ok {
			asked.Set(k, v)
		}
	}
	got := e.Assess(asked, d)
	if got.Arrangement != want.Arrangement {
		t.Errorf("%s: arrangement from asked answers %s, from all answers %s", name, got.Arrangement, want.Arrangement)
	}
	for _, id := range e.OutcomeIDs() {
		if got.Status(id) != want.Status(id) {
			t.Errorf("%s: %s is %s from the asked answers but %s from all of them", name, id, got.Status(id), want.Status(id))
		}
	}
}

func TestScenariosReplay(t *testing.T) {
	var counts []int
	for name, sc := range loadScenarios(t) {
		d := e.MustDate(sc.AsOf)
		rep, w := ReplayAnswers(sc.Answers, d)
		if !rep.Done {
			t.Errorf("%s: the wizard did not finish", name)
		}
		sameOutcomes(t, name, sc.Answers, w, d)
		counts = append(counts, len(rep.Asked))
		// A file that leaves questions out makes the wizard ask (and skip) them; the bound is
		// for families who answer what they are asked.
		if len(rep.Asked) > 20 && len(rep.Asked) == len(w.Asked()) && complete(sc.Answers, rep.Asked) {
			t.Errorf("%s: %d questions asked; no scenario should need more than 20", name, len(rep.Asked))
		}
	}
	sort.Ints(counts)
	t.Logf("questions asked per scenario: median %d, max %d, over %d scenarios", counts[len(counts)/2], counts[len(counts)-1], len(counts))
}

func complete(a e.Answers, asked []string) bool {
	for _, n := range asked {
		k, _ := e.KeyNamed(n)
		if !a.Has(k) {
			return false
		}
	}
	return true
}

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

func TestGeneratedReplays(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 1500
	if testing.Short() {
		n = 200
	}
	var counts []int
	for i := 0; i < n; i++ {
		a := randomAnswers(r, 0.1)
		rep, w := ReplayAnswers(a, asOf)
		if !rep.Done {
			t.Fatalf("case %d: not done", i)
		}
		sameOutcomes(t, "generated", a, w, asOf)
		if t.Failed() {
			b, _ := json.Marshal(a)
			t.Fatalf("answers: %s", b)
		}
		counts = append(counts, len(rep.Asked))
	}
	sort.Ints(counts)
	t.Logf("generated: median %d, max %d questions", counts[len(counts)/2], counts[len(counts)-1])
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

func TestWalksEndAndAskOnlyWhatMatters(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	walks := 300
	if testing.Short() {
		walks = 50
	}
	for i := 0; i < walks; i++ {
		w := New(e.Answers{}, asOf)
		seen := map[e.Key]bool{}
		for step := 0; ; step++ {
			if step > int(e.NumKeys) {
				t.Fatal("a walk did not end")
			}
			q, ok := w.Next()
			if !ok {
				break
			}
			if seen[q.Key] {
				t.Fatalf("walk %d: %s asked twice", i, q.Name)
			}
			seen[q.Key] = true
			if !decidesSometimes(r, w.Answers(), q.Key, asOf) {
				t.Fatalf("walk %d: %s was asked but no answer to it could change anything (answers %v)", i, q.Name, w.Answers())
			}
			switch {
			case r.IntN(10) == 0:
				w.Skip(q.Key)
			case len(q.Options) > 0:
				if err := w.Answer(q.Key, q.Options[r.IntN(len(q.Options))].Value); err != nil {
					t.Fatal(err)
				}
			case q.Kind == e.Number:
				w.Answer(q.Key, []string{"1", "2", "3", "5", "12", "16", "17", "19", "23"}[r.IntN(9)])
			default:
				w.Answer(q.Key, []string{"Bolton", "Leeds", "Harrogate"}[r.IntN(3)])
			}
		}
		if !w.Done() {
			t.Fatal("Next said no more questions but Done is false")
		}
	}
}

func TestGoingBackAndChanging(t *testing.T) {
	w := New(e.Answers{}, asOf)
	for _, kv := range [][2]string{{"country", "england"}, {"relationship", "grandparent"}, {"living_with_carer", "yes"}, {"parent_in_home", "no"}, {"legal_status", "sgo"}} {
		k, _ := e.KeyNamed(kv[0])
		if err := w.Answer(k, kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	q, _ := w.Next()
	if q.Key != e.CouncilInvolved && q.Key != e.PreviouslyLookedAfter {
		t.Fatalf("after an SGO the next question was %s", q.Name)
	}
	w.Answer(e.PreviouslyLookedAfter, "yes")
	w.Answer(e.SGFinancialSupport, "no")
	// Change the legal status: the previous answer is kept but no longer asked about or used.
	w.Answer(e.LegalStatus, "none")
	if v := w.Answers().Value(e.PreviouslyLookedAfter); v != "yes" {
		t.Fatalf("an answer that stopped mattering was lost: %q", v)
	}
	if !slices.Contains(w.Ignored(), e.PreviouslyLookedAfter) {
		t.Errorf("previously_looked_after should be listed as ignored after the status became none; ignored=%v", w.Ignored())
	}
	// Newly relevant questions are asked: with no order, how long the stay is can matter for a friend.
	w.Answer(e.Relationship, "family_friend")
	found := false
	for !found {
		q, ok := w.Next()
		if !ok {
			break
		}
		if q.Key == e.Duration {
			found = true
		}
		w.Skip(q.Key)
	}
	if !found {
		t.Error("duration was never asked for a family friend with no order")
	}
	w.Clear(e.Duration)
	if q, ok := w.Next(); !ok || q.Key != e.Duration {
		t.Errorf("after clearing a skipped answer it should be asked again, got %v", q.Name)
	}
}

func TestDiffSaysWhatChangedAndWhy(t *testing.T) {
	var a e.Answers
	for k, v := range map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no", e.LegalStatus: "sgo", e.CouncilKey: "Bolton", e.SGFinancialSupport: "no", e.PreviouslyLookedAfter: "no", e.CouncilInvolved: "no", e.ChildAge: "7"} {
		a.Set(k, v)
	}
	w := New(a, asOf)
	before := w.Result()
	w.Answer(e.CouncilKey, "Leeds")
	var line string
	for _, c := range Diff(before, w.Result()) {
		if c.ID == "kinship_allowance_pilot" {
			line = c.String()
		}
	}
	if !strings.HasPrefix(line, "Kinship allowance (Kinship Zones): eligible -> not eligible, because") || !strings.Contains(line, "Your council is not one of them") {
		t.Errorf("change line = %q", line)
	}
}

func TestExplainWhenDecisive(t *testing.T) {
	w := New(e.Answers{}, asOf)
	if w.Explain() != "" {
		t.Error("the definition should not be shown before anything is known")
	}
	w.Answer(e.Country, "england")
	w.Answer(e.ParentInHome, "yes")
	if ex := w.Explain(); !strings.Contains(ex, "not kinship care") || !strings.Contains(ex, "early help") {
		t.Errorf("explain = %q", ex)
	}
	if !w.Done() {
		t.Error("once a parent is the main carer nothing else can change the outcome (in England)")
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
	w := New(e.Answers{}, asOf)
	if err := w.Answer(e.OrderDate, "December 2023"); err != nil || w.Answers().Value(e.OrderDate) != "2023-12" {
		t.Errorf("order date as a month: %v %q", err, w.Answers().Value(e.OrderDate))
	}
}

func TestAnswerNormalises(t *testing.T) {
	w := New(e.Answers{}, asOf)
	if err := w.Answer(e.CouncilKey, "newcastle"); err != nil || w.Answers().Value(e.CouncilKey) != "Newcastle upon Tyne" {
		t.Errorf("council = %q, %v", w.Answers().Value(e.CouncilKey), err)
	}
	if err := w.Answer(e.CouncilKey, "Harrogate"); err != nil || w.Answers().Value(e.CouncilKey) != "Harrogate" {
		t.Errorf("an unknown council must be kept as typed: %q, %v", w.Answers().Value(e.CouncilKey), err)
	}
	if err := w.Answer(e.ChildAge, "26"); err == nil {
		t.Error("age 26 accepted")
	}
	if err := w.Answer(e.OrderDate, "1 March 2024"); err != nil || w.Answers().Value(e.OrderDate) != "2024-03-01" {
		t.Errorf("order date = %q, %v", w.Answers().Value(e.OrderDate), err)
	}
	if err := w.Answer(e.LegalStatus, "Special guardianship order"); err != nil || w.Answers().Value(e.LegalStatus) != "sgo" {
		t.Errorf("a label should be accepted as the answer: %q %v", w.Answers().Value(e.LegalStatus), err)
	}
}

func BenchmarkWizardNext(b *testing.B) {
	var a e.Answers
	for k, v := range map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no", e.LegalStatus: "sgo"} {
		a.Set(k, v)
	}
	w := New(a, asOf)
	b.ReportAllocs()
	for b.Loop() {
		// An answer then the choice of the next question: what happens on every key press.
		w.Answer(e.ChildAge, "7")
		if _, ok := w.Next(); !ok {
			b.Fatal("done too early")
		}
	}
}

// TestNewKeysAskedOnlyWhereTheyCount: who went to court, and whether the child would
// otherwise be in care, are asked only with a child arrangements order (made, or being
// applied for) in or possibly in a Kinship Zone, and only where the answer can change it.
func TestNewKeysAskedOnlyWhereTheyCount(t *testing.T) {
	base := map[e.Key]string{e.Country: "england", e.Relationship: "grandparent", e.LivingWithCarer: "yes", e.ParentInHome: "no",
		e.ChildAge: "7", e.CouncilInvolved: "no", e.PreviouslyLookedAfter: "no", e.ParentsDied: "none", e.ConsideringOrder: "none"}
	build := func(extra map[e.Key]string) *Wizard {
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
		return New(a, e.MustDate("2026-12-02"))
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
		if got := w.Relevant(e.OrderRoute); got != c.route {
			t.Errorf("%s: order_route asked = %v, want %v", c.name, got, c.route)
		}
		if got := w.Relevant(e.OtherwiseInCare); got != c.otherw {
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
