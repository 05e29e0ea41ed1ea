package entitlements

import (
	"strings"
	"testing"
)

// A family's read-out says what every child gets once, and then what differs by child.
func TestFamilyReadOutSaysSharedThingsOnce(t *testing.T) {
	asOf := DateOf(2026, 3, 2)
	base := func(age string) Answers {
		var a Answers
		for k, v := range map[Key]string{Country: "england", Relationship: "grandparent", LivingWithCarer: "yes", ParentInHome: "no",
			LegalStatus: "sgo", CouncilInvolved: "yes", PreviouslyLookedAfter: "yes", ChildAge: age, CouncilKey: "Leeds", InWork: "yes"} {
			if err := a.Set(k, v); err != nil {
				t.Fatal(err)
			}
		}
		return a
	}
	older, baby := Assess(base("7"), asOf).Report(), Assess(base("2"), asOf).Report()
	out := FamilyReadOut([]string{"Tyler, 7", "Ava, 2"}, []Report{older, baby})
	if !strings.Contains(out, "The family: Tyler, 7; Ava, 2.") || !strings.Contains(out, "For every child") {
		t.Fatalf("no family heading:\n%s", out)
	}
	// Something both children get is said once only.
	for _, o := range older.Outcomes {
		if o.Status == Eligible && statusOf(baby, o.ID) == Eligible {
			if n := strings.Count(out, "- "+o.Title+" ("); n != 1 {
				t.Errorf("%q is said %d times, want once:\n%s", o.Title, n, out)
			}
		}
	}
	// Something that differs is said under the child it is for.
	differs := false
	for _, o := range older.Outcomes {
		if o.Status != statusOf(baby, o.ID) {
			differs = true
		}
	}
	if differs && !strings.Contains(out, "\nFor Tyler, 7\n") && !strings.Contains(out, "\nFor Ava, 2\n") {
		t.Errorf("nothing said child by child:\n%s", out)
	}
	if one := FamilyReadOut([]string{"Tyler, 7"}, []Report{older}); one != ReadOut(older) {
		t.Error("one child's read-out differs from ReadOut")
	}
}
