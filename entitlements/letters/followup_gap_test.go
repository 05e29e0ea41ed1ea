package letters

import (
	"slices"
	"strings"
	"testing"

	"kincare/entitlements"
)

// A follow-up to a letter whose recipient's address was missing keeps that gap marked and listed.
func TestFollowUpKeepsRecipientGaps(t *testing.T) {
	var a entitlements.Answers
	for k, v := range map[entitlements.Key]string{entitlements.Country: "england", entitlements.LivingWithCarer: "yes", entitlements.ParentInHome: "no", entitlements.Relationship: "grandparent", entitlements.LegalStatus: "sgo", entitlements.CouncilKey: "Leeds"} {
		a.Set(k, v)
	}
	in := Input{RequestID: "sg_support_assessment", Answers: a, AsOf: entitlements.MustDate("2026-11-22"), Today: entitlements.MustDate("2026-11-22")}
	orig, err := Draft(in)
	if err != nil {
		t.Fatal(err)
	}
	var addrGap string
	for _, g := range orig.Gaps {
		if strings.Contains(g, "address") && strings.Contains(strings.Join(orig.To, "\n"), "["+g+"]") {
			addrGap = g
		}
	}
	if addrGap == "" {
		t.Fatalf("the original should have an address gap in the recipient block: %v %v", orig.To, orig.Gaps)
	}
	in.Today = entitlements.MustDate("2027-01-20")
	fu, err := FollowUp(in, orig, entitlements.MustDate("2026-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(fu.To, "\n"), "["+addrGap+"]") || !slices.Contains(fu.Gaps, addrGap) {
		t.Errorf("follow-up lost the gap %q: to=%v gaps=%v", addrGap, fu.To, fu.Gaps)
	}
}
