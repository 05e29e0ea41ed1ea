package entitlements

import (
	"strings"
	"testing"
)

// Dean's call: an uncle with no order. When he says children's services arranged it, no
// sentence may still say the child is not in the council's care (the fostering outcome now
// says the child may be looked after in law); when the family arranged it, the plain words stay.
func TestSituationFollowsWhoArrangedIt(t *testing.T) {
	for _, arranged := range []string{"yes", "no"} {
		var a Answers
		for k, v := range map[Key]string{
			Country: "england", Relationship: "aunt_uncle", LivingWithCarer: "yes", ParentInHome: "no",
			LegalStatus: "none", CouncilInvolved: arranged, ChildAge: "2",
		} {
			if err := a.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		r := Assess(a, DateOf(2026, 12, 3))
		rep := r.Report()
		for name, text := range map[string]string{"results": SituationWords(rep), "screen": r.Situation(), "read-out": ReadOut(rep)} {
			denies := strings.Contains(text, "not in the council's care") || strings.Contains(text, "council does not look after")
			if arranged == "yes" && denies {
				t.Errorf("%s: children's services arranged it, yet it says the council does not look after the child: %s", name, text)
			}
			if arranged == "no" && !denies {
				t.Errorf("%s: the family arranged it, but the words do not say the child is not in care: %s", name, text)
			}
		}
	}
}
