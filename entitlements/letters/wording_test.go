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
