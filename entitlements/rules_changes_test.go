package entitlements

import (
	"strings"
	"testing"
)

// ktPairs builds answers from name/value pairs, failing the test on a bad one.
func ktPairs(t *testing.T, kv ...string) Answers {
	t.Helper()
	var a Answers
	for i := 0; i+1 < len(kv); i += 2 {
		k, ok := KeyNamed(kv[i])
		if !ok {
			t.Fatalf("no key %s", kv[i])
		}
		if err := a.Set(k, kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func ktOutcome(t *testing.T, a Answers, asOf, id string) Outcome {
	t.Helper()
	o, ok := Assess(a, MustDate(asOf)).Outcome(id)
	if !ok {
		t.Fatalf("no outcome %s", id)
	}
	return o
}

var ktFriendFostering = []string{"country", "england", "living_with_carer", "yes", "parent_in_home", "no", "duration", "28_days_or_more",
	"child_age", "9", "child_disabled", "no", "legal_status", "none", "council_involved", "no"}

// TestPrivateFosteringIsADuty: a duty "applies to you"; it is not something you get. The
// great-grandparent caveat is said only to great-grandparents.
func TestPrivateFosteringIsADuty(t *testing.T) {
	friend := ktOutcome(t, ktPairs(t, append(ktFriendFostering, "relationship", "family_friend")...), "2026-12-02", "private_fostering_notification")
	if friend.Status != Eligible || friend.Kind != Duty {
		t.Fatalf("family friend: %s %s", friend.Kind, friend.Status)
	}
	if strings.Contains(friend.Summary, "You can get this") || !strings.HasPrefix(friend.Summary, "This applies to you.") {
		t.Errorf("duty summary = %q", friend.Summary)
	}
	if strings.Contains(strings.Join(friend.Why, " "), "Great-grandparents") {
		t.Errorf("a family friend is told about great-grandparents: %q", friend.Why)
	}
	gg := ktOutcome(t, ktPairs(t, append(ktFriendFostering, "relationship", "great_grandparent")...), "2026-12-02", "private_fostering_notification")
	if gg.Status != Eligible || !strings.Contains(strings.Join(gg.Why, " "), "Great-grandparents are not on the law's list") {
		t.Errorf("great-grandparent: %s %q", gg.Status, gg.Why)
	}
	// An entitlement still says "You can get this."
	cb := ktOutcome(t, ktPairs(t, append(ktFriendFostering, "relationship", "family_friend")...), "2026-12-02", "child_benefit")
	if !strings.HasPrefix(cb.Summary, "You can get this.") {
		t.Errorf("child benefit summary = %q", cb.Summary)
	}
}

// TestComplaintsRouteForCouncilArrangedPlacements: with no order, and before an order, the
// next steps name the children's complaints procedure and then the Ombudsman (AD §B6).
func TestComplaintsRouteForCouncilArrangedPlacements(t *testing.T) {
	base := []string{"country", "england", "living_with_carer", "yes", "relationship", "grandparent", "parent_in_home", "no", "child_age", "6", "council_involved", "yes"}
	for _, extra := range [][]string{{"legal_status", "none"}, {"legal_status", "sgo", "previously_looked_after", "no"}} {
		o := ktOutcome(t, ktPairs(t, append(append([]string{}, base...), extra...)...), "2026-12-02", "fostering_allowance")
		next := strings.Join(o.NextSteps, " ")
		if o.Status != MayBeEligible || !strings.Contains(next, "complaints procedure") || !strings.Contains(next, "Ombudsman") ||
			strings.Index(next, "complaints procedure") > strings.Index(next, "Ombudsman") {
			t.Errorf("%v: %s, next steps %q", extra, o.Status, o.NextSteps)
		}
	}
}

// TestResponsibleCouncilWithAMonth: an order date given as a month names both councils only
// in the month the three years end (Reading 10), and never changes a status.
func TestResponsibleCouncilWithAMonth(t *testing.T) {
	a := ktPairs(t, "order_date", "2023-12", "council", "Leeds", "placing_council", "Bradford")
	for _, c := range []struct {
		asOf, want, name string
		both             bool
	}{
		{"2026-11-30", "Bradford", "Bradford", false},
		{"2026-12-02", "Bradford", "", true},
		{"2027-01-01", "Leeds", "Leeds", false},
	} {
		s, name := ResponsibleCouncil(&a, MustDate(c.asOf))
		if name != c.name || !strings.Contains(s, c.want) {
			t.Errorf("as at %s: %q, %q", c.asOf, s, name)
		}
		if c.both && (!strings.Contains(s, "Leeds") || !strings.Contains(s, "Bradford") || !strings.Contains(s, "exact date")) {
			t.Errorf("as at %s: should name both councils and say to check the exact date: %q", c.asOf, s)
		}
	}
	full := ktPairs(t, "country", "england", "living_with_carer", "yes", "relationship", "grandparent", "legal_status", "sgo", "previously_looked_after", "yes", "child_age", "7")
	for _, od := range []string{"2023-12", "2023-12-01", "2023-12-31"} {
		b := full
		if err := b.Set(OrderDate, od); err != nil {
			t.Fatal(err)
		}
		ra, rb := Assess(full, MustDate("2026-12-02")), Assess(b, MustDate("2026-12-02"))
		for _, id := range OutcomeIDs() {
			if ra.Status(id) != rb.Status(id) {
				t.Errorf("order_date %s changes %s", od, id)
			}
		}
	}
}

// TestOrderDateForms: a day or a month; anything else is refused with both forms named; an
// old answers file without the new keys still reads.
func TestOrderDateForms(t *testing.T) {
	var a Answers
	for _, ok := range []string{"2024-03", "2024-03-14"} {
		if err := a.Set(OrderDate, ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"2024-13", "2024-3", "03/2024", "2024-02-30"} {
		if err := a.Set(OrderDate, bad); err == nil || !strings.Contains(err.Error(), "YYYY-MM") {
			t.Errorf("%s: %v", bad, err)
		}
	}
	in, err := ParseInput([]byte(`{"as_of":"2025-01-01","answers":{"legal_status":"cao","previously_looked_after":"no","parents_died":"both"}}`))
	if err != nil || in.Answers.Value(OrderRoute) != "" || in.Answers.Value(ParentsDied) != "both" {
		t.Errorf("old file: %v %+v", err, in.Answers)
	}
}

// TestFiguresOfTheNewRules: the maternity grant's £500 and Qualifying Care Relief's 2026-27
// amounts, reported but not confirmed.
func TestFiguresOfTheNewRules(t *testing.T) {
	baby := ktPairs(t, "country", "england", "living_with_carer", "yes", "relationship", "grandparent", "legal_status", "none", "child_age", "0", "benefits", "yes")
	o := ktOutcome(t, baby, "2026-12-02", "sure_start_maternity_grant")
	if o.Status != MayBeEligible || len(o.Figures) != 1 || o.Figures[0].Pence != 50000 || o.Figures[0].Per != "one_off" || !o.Figures[0].Confirmed {
		t.Errorf("grant: %s %+v", o.Status, o.Figures)
	}
	if !strings.Contains(strings.Join(o.NextSteps, " "), "within 6 months") {
		t.Errorf("grant next steps should give the claim window: %q", o.NextSteps)
	}
	foster := ktPairs(t, "country", "england", "living_with_carer", "yes", "relationship", "grandparent", "legal_status", "kinship_foster", "child_age", "9")
	q := ktOutcome(t, foster, "2026-12-02", "qualifying_care_relief")
	if q.Status != Eligible || len(q.Figures) == 0 || q.Figures[0].Period != "2025-26" || q.Figures[0].Confirmed {
		t.Errorf("QCR figures: %+v", q.Figures)
	}
	if why := strings.Join(q.Why, " "); !strings.Contains(why, "£20,440") || !strings.Contains(why, "not yet confirmed") {
		t.Errorf("QCR should give the reported 2026-27 amounts as not confirmed: %q", q.Why)
	}
	if q := ktOutcome(t, foster, "2025-12-02", "qualifying_care_relief"); strings.Contains(strings.Join(q.Why, " "), "reported") {
		t.Errorf("2025-26 is confirmed; nothing reported to say: %q", q.Why)
	}
}

// TestSignpostReadsTheCountry: a missing country makes the signpost check with country
// unanswered, for a kinship family and for a parent alike (Readings 2 and 4).
func TestSignpostReadsTheCountry(t *testing.T) {
	for _, a := range []Answers{{}, ktPairs(t, "relationship", "parent"), ktPairs(t, "living_with_carer", "no")} {
		r := Assess(a, MustDate("2026-12-02"))
		o, _ := r.Outcome("outside_england_signpost")
		if o.Status != Check || strings.Join(o.Unanswered, ",") != "country" || !r.Matters(Country) {
			t.Errorf("%v: signpost %s, unanswered %v", a.Known(), o.Status, o.Unanswered)
		}
	}
}

// TestKinshipZoneCouncilUnknownNamesTheZones: with the council unknown the allowance is check
// and the explanation names the seven zones.
func TestKinshipZoneCouncilUnknownNamesTheZones(t *testing.T) {
	a := ktPairs(t, "country", "england", "living_with_carer", "yes", "relationship", "grandparent", "legal_status", "sgo",
		"sg_financial_support", "no", "child_age", "6", "council", "Grimsby")
	o := ktOutcome(t, a, "2026-12-02", "kinship_allowance_pilot")
	if o.Status != Check || strings.Join(o.Unanswered, ",") != "council" || !strings.Contains(strings.Join(o.Why, " "), zonesList) {
		t.Errorf("%s %v %q", o.Status, o.Unanswered, o.Why)
	}
}
