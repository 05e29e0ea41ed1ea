package letters

import (
	"strings"
	"testing"

	"kincare/entitlements"
)

// Someone only thinking of special guardianship must not write as if they were a special guardian.
func TestSGSupportLetterForSomeoneConsideringAnOrder(t *testing.T) {
	for _, legal := range []string{"cao", "none", "kinship_foster"} {
		var a entitlements.Answers
		for k, v := range map[entitlements.Key]string{entitlements.Country: "england", entitlements.LivingWithCarer: "yes", entitlements.ParentInHome: "no",
			entitlements.Relationship: "aunt_uncle", entitlements.LegalStatus: legal, entitlements.ConsideringOrder: "sgo", entitlements.CouncilKey: "Leeds"} {
			a.Set(k, v)
		}
		l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: a, AsOf: entitlements.MustDate("2026-11-22"), Today: entitlements.MustDate("2026-11-22")})
		if err != nil {
			t.Fatalf("%s: %v", legal, err)
		}
		text := l.Text()
		if strings.Contains(text, "I am the special guardian") || strings.Contains(text, "three years after the order") {
			t.Errorf("%s: the letter speaks as a special guardian:\n%s", legal, text)
		}
		if legal != "kinship_foster" && !strings.Contains(text, "thinking of applying for a special guardianship order") {
			t.Errorf("%s: the letter does not say the carer is considering an order:\n%s", legal, text)
		}
	}
}

// When the council that looked after the child is the family's own council, its address is known.
func TestPlacingCouncilSameAsHomeUsesItsAddress(t *testing.T) {
	var a entitlements.Answers
	for k, v := range map[entitlements.Key]string{entitlements.Country: "england", entitlements.LivingWithCarer: "yes", entitlements.ParentInHome: "no",
		entitlements.Relationship: "grandparent", entitlements.LegalStatus: "sgo", entitlements.PreviouslyLookedAfter: "yes",
		entitlements.OrderDate: "2025-01-10", entitlements.CouncilKey: "Leeds", entitlements.PlacingCouncil: "Leeds"} {
		a.Set(k, v)
	}
	d := entitlements.Details{Council: &entitlements.Office{Name: "Leeds City Council", Address: []string{"Merrion House"}, Postcode: "LS2 8BB"}}
	l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: a, Details: d, AsOf: entitlements.MustDate("2026-11-22"), Today: entitlements.MustDate("2026-11-22")})
	if err != nil {
		t.Fatal(err)
	}
	to := strings.Join(l.To, "\n")
	if !strings.Contains(to, "Merrion House") || strings.Contains(to, "[") {
		t.Errorf("recipient = %q; gaps %v", to, l.Gaps)
	}
	if d.PlacingCouncil != nil {
		t.Error("drafting changed the caller's details")
	}
}
