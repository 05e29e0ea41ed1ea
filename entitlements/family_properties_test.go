package entitlements

import (
	"encoding/json"
	"math/rand"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

const ktFamilySample = 1500

// ktGenFamily makes a family: the household holds the carer's keys and, sometimes, keys usually
// given per child (a shared order, the parents' situation); each child has its own answers,
// which sometimes repeat a household key with another value.
func ktGenFamily(rng *rand.Rand) Family {
	base := ktGenAnswers(rng)
	var f Family
	for _, k := range base.Known() {
		if IsHouseholdKey(k) || rng.Intn(3) == 0 {
			_ = f.Household.Set(k, base.Value(k))
		}
	}
	n := 1 + rng.Intn(6)
	if rng.Intn(20) == 0 {
		n = MaxChildren
	}
	for i := 0; i < n; i++ {
		own := ktGenAnswers(rng)
		var c Answers
		for _, k := range own.Known() {
			if !IsHouseholdKey(k) || rng.Intn(8) == 0 {
				_ = c.Set(k, own.Value(k))
			}
		}
		f.Children = append(f.Children, FamilyChild{Name: []string{"Tyler", "Ava", "Maisie", "Leo", "Mason", "Ruby"}[i%6], Answers: c})
	}
	return f
}

// What a read-out must never say: statute citations, the project's reference codes, outcome
// ids, letter ids and answer keys.
var ktCitation = regexp.MustCompile(`\b(section|s\.?)\s?\d|\bAct (19|20)\d\d|Regulations|\breg\.? \d|\[[A-Z]{2} §| v [A-Z]`)

func ktReadOutProblems(text string, limit int) []string {
	var out []string
	if n := len(strings.Fields(text)); n > limit {
		out = append(out, "too long")
	}
	if m := ktCitation.FindString(text); m != "" {
		out = append(out, "cites "+m)
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z') }) {
		if !strings.Contains(w, "_") {
			continue
		}
		out = append(out, "says the id "+w)
	}
	return out
}

// ktMoneyAdds checks a money summary's totals against its items.
func ktMoneyAdds(m MoneySummary) bool {
	var e, may, one int64
	confirmed := true
	for _, it := range m.Items {
		switch {
		case it.PenceOneOff != nil && it.PencePerYear == nil:
			one += *it.PenceOneOff
		case it.PencePerYear != nil && it.PenceOneOff == nil && it.Status == Eligible:
			e += *it.PencePerYear
		case it.PencePerYear != nil && it.PenceOneOff == nil && it.Status == MayBeEligible:
			may += *it.PencePerYear
		default:
			return false
		}
		confirmed = confirmed && it.Confirmed
	}
	return e == m.EligiblePerYear && may == m.MayPerYear && one == m.OneOff && confirmed == m.Confirmed
}

// TestFamilyProperties: over generated families, each child's outcomes equal that child's
// single assessment on its merged answers; money totals are the sums of the items, with the
// eldest-child rates and Carer's Allowance once; and the read-outs keep their word limits and
// say no citation, id or amount that does not apply.
func TestFamilyProperties(t *testing.T) {
	t.Parallel()
	n := ktFamilySample
	if testing.Short() {
		n = 200
	}
	rng := rand.New(rand.NewSource(20261202))
	longestOne, longestFamily := 0, 0
	fails := 0
	fail := func(f Family, format string, args ...any) {
		fails++
		if fails <= 10 {
			b, _ := json.Marshal(f)
			t.Errorf(format+"\n  family: %s", append(args, b)...)
		}
	}
	for i := 0; i < n; i++ {
		f := ktGenFamily(rng)
		d := MustDate(ktDates[rng.Intn(len(ktDates))])
		fr := AssessFamily(f, d)
		rep := fr.Report()
		for c := range f.Children {
			one := Assess(f.Merged(c), d).Report()
			if !reflect.DeepEqual(one.Outcomes, rep.Children[c].Outcomes) || one.Arrangement != rep.Children[c].Arrangement ||
				!reflect.DeepEqual(one.Unanswered, rep.Children[c].Unanswered) {
				fail(f, "child %d differs from its single assessment", c)
			}
			if !ktMoneyAdds(one.Money) {
				fail(f, "child %d: money totals are not the sum of the items: %+v", c, one.Money)
			}
			text := ReadOut(one)
			longestOne = max(longestOne, len(strings.Fields(text)))
			for _, p := range ktReadOutProblems(text, ReadOutLimit(1)) {
				fail(f, "child %d read-out: %s\n%s", c, p, text)
			}
		}
		m := rep.Money
		if !ktMoneyAdds(m) {
			fail(f, "family money totals are not the sum of the items: %+v", m)
		}
		eldestRate, _, _ := FigureAt("child_benefit", "eldest", d)
		carers, eldest := 0, 0
		for _, it := range m.Items {
			if it.ID == "carers_allowance" {
				carers++
				if it.Child != nil {
					fail(f, "Carer's Allowance names a child")
				}
			} else if it.Child == nil || *it.Child < 0 || *it.Child >= len(f.Children) {
				fail(f, "%s has no child position", it.ID)
			}
			if it.ID == "child_benefit" && it.Amount() == eldestRate.Pence*52 {
				eldest++
			}
		}
		if carers > 1 || eldest > 1 {
			fail(f, "Carer's Allowance %d times, the eldest-child rate %d times", carers, eldest)
		}
		text := FamilyReadOut(rep)
		longestFamily = max(longestFamily, len(strings.Fields(text))-ReadOutLimit(len(f.Children))+ReadOutWords)
		for _, p := range ktReadOutProblems(text, ReadOutLimit(len(f.Children))) {
			fail(f, "family read-out: %s\n%s", p, text)
		}
		// No amount that does not apply: a payment is named with an amount only if counted.
		counted := map[string]bool{}
		for _, it := range m.Items {
			counted[it.ID] = true
		}
		for _, id := range []string{"child_benefit", "guardians_allowance", "fostering_allowance", "kinship_allowance_pilot", "universal_credit_child_element", "carers_allowance"} {
			if !counted[id] && strings.Contains(text, MoneyName(id)+" about £") {
				fail(f, "the read-out gives an amount for %s, which is not counted", id)
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d failures in %d families", fails, n)
	}
	t.Logf("longest one-child read-out %d words (limit %d); longest family read-out %d words over its allowance for further children (limit %d)",
		longestOne, ReadOutWords, longestFamily, ReadOutWords)
}
