package entitlements

import (
	"encoding/json"
	"strconv"
	"testing"
)

// TestRepresentativeAges proves that walking the representative ages (engine.go) gives the same
// answers as walking every age 0-25: for answer sets without child_age, the statuses each
// outcome can take with the age unknown are exactly the union of those it can take with each
// age 0..25 set explicitly. So if the ages give more than one status the outcome is check, and
// if they all give one status S (and nothing else is unknown) it is S.
func TestRepresentativeAges(t *testing.T) {
	t.Parallel()
	n := ktSample / 10
	if testing.Short() {
		n = 300
	}
	as, ds := ktSeedAnswers(n)
	fails, tried := 0, 0
	for i := range as {
		a, d := as[i], ds[i]
		a.Clear(ChildAge)
		r := ktAssess(t, a, d)
		var union [numRules]resultSet
		for age := 0; age <= 25; age++ {
			b := a
			if err := b.Set(ChildAge, strconv.Itoa(age)); err != nil {
				t.Fatal(err)
			}
			rb := ktAssess(t, b, d)
			for j := range rules {
				union[j] |= ktSig(rb, j)
			}
		}
		tried++
		for j := range rules {
			have := ktSig(r, j)
			st := r.outcomes[j].status
			ok := have == union[j]
			if union[j]&(union[j]-1) != 0 && st != Check {
				ok = false
			}
			if union[j]&(union[j]-1) == 0 && st != statusByIndex[trailingZero(union[j])] {
				ok = false
			}
			if !ok {
				fails++
				if fails <= 10 {
					ab, _ := json.Marshal(a)
					t.Errorf("%s as at %s: %s is %s %s with the age unknown; over ages 0-25 %s",
						ab, d, rules[j].id, st, ktSigString(have), ktSigString(union[j]))
				}
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d failures in %d answer sets", fails, tried)
	}
}

func trailingZero(s resultSet) int {
	for i := 0; i < 4; i++ {
		if s&(1<<i) != 0 {
			return i
		}
	}
	return -1
}
