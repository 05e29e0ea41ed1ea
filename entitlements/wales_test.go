package entitlements

import (
	"strings"
	"testing"
)

// The Cardiff call of the adviser review: an aunt in Wales with a child arrangements order for
// her niece, 15, in work. What the cards say must agree with each other: the Wales card names
// what is worked out as in England, and no outcome it names carries the "we cannot say" line;
// nothing for a child under five is left to check for a 15-year-old.
func TestWalesCardsAgree(t *testing.T) {
	var a Answers
	for k, v := range map[Key]string{
		Country: "wales", Relationship: "aunt_uncle", LivingWithCarer: "yes", ParentInHome: "no",
		LegalStatus: "cao", ChildAge: "15", InWork: "yes", CourtCase: "none",
	} {
		if err := a.Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	rep := Assess(a, DateOf(2026, 12, 3)).Report()
	sign := ""
	for _, o := range rep.Outcomes {
		if o.ID == "outside_england_signpost" {
			sign = strings.Join(o.Why, " ")
		}
	}
	if strings.Contains(sign, "benefits work as in England") {
		t.Errorf("the Wales card says every UK benefit is worked out: %s", sign)
	}
	cannotSay := outsideEnglandCheck.why[0]
	worked := map[string]string{"child_benefit": "Child Benefit", "guardians_allowance": "Guardian's Allowance",
		"legal_aid_cao_application": "legal aid", "legal_aid_sgo_application": "legal aid", "legal_aid_care_proceedings": "legal aid"}
	for _, o := range rep.Outcomes {
		why := strings.Join(o.Why, " ")
		if name, ok := worked[o.ID]; ok {
			if !strings.Contains(sign, name) {
				t.Errorf("the Wales card does not say %s is worked out", name)
			}
			if strings.Contains(why, cannotSay) {
				t.Errorf("%s: the Wales card says it is worked out, but it says %q", o.ID, why)
			}
		}
		if o.Status == Check && (strings.Contains(o.Title, "at two") || strings.Contains(o.Title, "three and four") || strings.Contains(o.Title, "Maternity")) {
			t.Errorf("%s is left to check for a 15-year-old", o.Title)
		}
	}
}
