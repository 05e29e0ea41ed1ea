package entitlements

import (
	"strconv"
	"strings"
	"testing"
)

// TestWalkBudget counts rule evaluations for the worst answer sets: nothing known, every
// key "not sure" where it can be, each legal status with everything else unknown, the
// nations, and the whole random sample. None may go over walkBudget.
func TestWalkBudget(t *testing.T) {
	type tried struct {
		name string
		a    Answers
	}
	var cases []tried
	cases = append(cases, tried{"nothing known", Answers{}})
	var allNotSure Answers
	for _, k := range AllKeys() {
		for _, v := range k.Spec().Values {
			if v == NotSure {
				_ = allNotSure.Set(k, NotSure)
			}
		}
	}
	cases = append(cases, tried{"every key not sure", allNotSure})
	for _, v := range keySpecs[LegalStatus].Values {
		var a Answers
		_ = a.Set(LegalStatus, v)
		cases = append(cases, tried{"legal_status " + v + ", nothing else", a})
	}
	for _, v := range keySpecs[Country].Values {
		var a Answers
		_ = a.Set(Country, v)
		cases = append(cases, tried{"country " + v + ", nothing else", a})
	}
	var unrecognised Answers
	_ = unrecognised.Set(CouncilKey, "Harrogate")
	cases = append(cases, tried{"a town for the council, nothing else", unrecognised})
	worst, worstName := 0, ""
	for _, ds := range append(append([]string{}, probeDates...), "2026-02-26", "2026-04-05") {
		d := MustDate(ds)
		for _, c := range cases {
			n := Assess(c.a, d).evaluations
			if n > worst {
				worst, worstName = n, c.name+" as at "+ds
			}
			if n > walkBudget {
				t.Errorf("%s as at %s: %d rule evaluations, over the budget of %d", c.name, ds, n, walkBudget)
			}
		}
	}
	as, ds := ktSeedAnswers(2000)
	for i := range as {
		if n := Assess(as[i], ds[i]).evaluations; n > worst {
			worst, worstName = n, "a generated answer set"
		}
	}
	if worst > walkBudget {
		t.Errorf("worst case %s: %d evaluations, over %d", worstName, worst, walkBudget)
	}
	// The largest rules with nothing known, so a growing one is noticed.
	var parts []string
	var w walk
	c := ctx{a: &Answers{}, asOf: MustDate("2026-11-22"), country: "england"}
	for i := range rules {
		ru := &rules[i]
		c.evals = 0
		c.explore(&w, func(c *ctx) (uint8, *verdict, bool) { v := ru.eval(c); return statusIndex[v.status], v, false })
		if c.evals >= 200 {
			parts = append(parts, ru.id+" "+strconv.Itoa(c.evals))
		}
	}
	t.Logf("worst: %d evaluations (%s); budget %d; rules over 200 with nothing known: %s", worst, worstName, walkBudget, strings.Join(parts, ", "))
	if CheckRules() != nil {
		t.Errorf("start-up check: %v", CheckRules())
	}
}

// TestRuleReadingTextKeyIsRefused: a rule that reads order_date or placing_council through
// the walk (they have no values to walk) is refused by the start-up check, with its id and
// the key named, instead of failing later; the walk itself does not panic on it.
func TestRuleReadingTextKeyIsRefused(t *testing.T) {
	for _, k := range []Key{OrderDate, PlacingCouncil} {
		bad := rule{id: "bad_rule", eval: func(c *ctx) *verdict {
			if c.is(k, "2024-01-01") {
				return fosterYes
			}
			return fosterNo
		}}
		err := checkRules([]rule{rules[0], bad})
		if err == nil || !strings.Contains(err.Error(), "bad_rule") || !strings.Contains(err.Error(), k.String()) {
			t.Errorf("%s: checkRules = %v, want an error naming bad_rule and %s", k, err, k)
		}
	}
	deep := rule{id: "deep_rule", eval: func(c *ctx) *verdict {
		for k := Key(0); k < NumKeys; k++ {
			if k != OrderDate && k != PlacingCouncil && k != CouncilKey {
				c.val(k)
			}
		}
		return fosterNo
	}}
	if err := checkRules([]rule{deep}); err == nil || !strings.Contains(err.Error(), "deep_rule") {
		t.Errorf("a rule reading every answer: checkRules = %v, want it refused (too many unknown answers or over budget)", err)
	}
	if err := checkRules(rules[:]); err != nil {
		t.Errorf("the real rules: %v", err)
	}
}
