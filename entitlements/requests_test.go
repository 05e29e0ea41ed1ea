package entitlements

import (
	"strconv"
	"strings"
	"testing"
)

// ktSpecRequests is the letters table of spec/assess.md, copied by hand.
var ktSpecRequests = []string{"virtual_school_advice", "sg_support_assessment", "asgsf_assessment", "fostering_allowance_review",
	"child_in_need_assessment", "local_offer_copy", "private_fostering_notice", "school_pupil_premium_plus",
	"legal_advice_funding", "cao_allowance", "kinship_allowance_pilot", "flexible_working", "parental_leave",
	"adoption_support_assessment", "looked_after_status_enquiry"}

func ktAnswers(t *testing.T, kv map[string]any) Answers {
	t.Helper()
	var a Answers
	for k, v := range kv {
		key, ok := KeyNamed(k)
		if !ok {
			t.Fatalf("no key %s", k)
		}
		s, isStr := v.(string)
		if !isStr {
			s = strconv.Itoa(v.(int))
		}
		if err := a.Set(key, s); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestRequestIDsMatchSpec(t *testing.T) {
	if strings.Join(RequestIDs, ",") != strings.Join(ktSpecRequests, ",") {
		t.Errorf("RequestIDs %v, spec %v", RequestIDs, ktSpecRequests)
	}
	as, ds := ktSeedAnswers(3000)
	ok := map[string]bool{}
	for _, r := range ktSpecRequests {
		ok[r] = true
	}
	for i := range as {
		rep := Assess(as[i], ds[i]).Report()
		for _, o := range rep.Outcomes {
			for _, q := range o.Requests {
				if !ok[q] {
					t.Fatalf("%s asks for letter %q, not in the spec", o.ID, q)
				}
			}
			if o.Status == NotEligible && len(o.Requests) > 0 {
				t.Errorf("%s is not_eligible but offers letters %v", o.ID, o.Requests)
			}
		}
	}
}

// TestRequestsOffered: the letters the spec ties to an outcome are offered where it applies.
func TestRequestsOffered(t *testing.T) {
	base := map[string]any{"country": "england", "living_with_carer": "yes", "relationship": "grandparent", "parent_in_home": "no",
		"child_age": 8, "education": "primary", "school_type": "state", "council": "Leeds", "in_work": "yes", "child_disabled": "no",
		"parents_died": "none", "benefits": "no", "carer_pension_age": "no", "court_case": "none", "considering_order": "none"}
	with := func(extra map[string]any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	cases := []struct {
		name    string
		answers map[string]any
		id      string
		request string
	}{
		{"SG assessment letter", with(map[string]any{"legal_status": "sgo", "previously_looked_after": "yes", "council_involved": "no"}), "sg_support_assessment", "sg_support_assessment"},
		{"ASGSF letter", with(map[string]any{"legal_status": "sgo", "previously_looked_after": "yes", "council_involved": "no"}), "asgsf", "asgsf_assessment"},
		{"PP+ letter to the school", with(map[string]any{"legal_status": "sgo", "previously_looked_after": "yes", "council_involved": "no"}), "pupil_premium_plus", "school_pupil_premium_plus"},
		{"Virtual School letter", with(map[string]any{"legal_status": "cao", "previously_looked_after": "no", "council_involved": "no"}), "virtual_school", "virtual_school_advice"},
		{"fostering review", with(map[string]any{"legal_status": "kinship_foster"}), "fostering_allowance", "fostering_allowance_review"},
		{"looked-after status enquiry (informal, council arranged)", with(map[string]any{"legal_status": "none", "council_involved": "yes"}), "fostering_allowance", "looked_after_status_enquiry"},
		{"looked-after status enquiry (SGO, council arranged)", with(map[string]any{"legal_status": "sgo", "council_involved": "yes", "previously_looked_after": "no"}), "fostering_allowance", "looked_after_status_enquiry"},
		{"looked-after status enquiry (check)", with(map[string]any{"legal_status": "none", "council_involved": "not_sure"}), "fostering_allowance", "looked_after_status_enquiry"},
		{"private fostering notice", with(map[string]any{"legal_status": "none", "relationship": "family_friend", "duration": "28_days_or_more"}), "private_fostering_notification", "private_fostering_notice"},
		{"child in need", with(map[string]any{"legal_status": "none"}), "s17_support", "child_in_need_assessment"},
		{"local offer", with(map[string]any{"legal_status": "none"}), "kinship_local_offer", "local_offer_copy"},
		{"legal advice funding", with(map[string]any{"legal_status": "none", "considering_order": "sgo"}), "council_funded_legal_advice", "legal_advice_funding"},
		{"CAO allowance", with(map[string]any{"legal_status": "cao", "previously_looked_after": "no", "council_involved": "no"}), "cao_allowance", "cao_allowance"},
		{"kinship allowance", with(map[string]any{"legal_status": "sgo", "previously_looked_after": "yes", "council_involved": "no", "council": "Bolton", "sg_financial_support": "no"}), "kinship_allowance_pilot", "kinship_allowance_pilot"},
		{"flexible working", with(nil), "flexible_working", "flexible_working"},
		{"parental leave", with(map[string]any{"legal_status": "sgo", "previously_looked_after": "yes", "council_involved": "no"}), "unpaid_parental_leave", "parental_leave"},
		{"adoption support", with(map[string]any{"legal_status": "adoption", "previously_looked_after": "yes"}), "adoption_support_assessment", "adoption_support_assessment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, _ := Assess(ktAnswers(t, c.answers), MustDate("2026-11-22")).Outcome(c.id)
			if o.Status == NotEligible {
				t.Fatalf("%s is not_eligible: %v", c.id, o.Why)
			}
			for _, q := range o.Requests {
				if q == c.request {
					return
				}
			}
			t.Errorf("%s (%s) offers %v, want %s", c.id, o.Status, o.Requests, c.request)
		})
	}
}

// TestUnconfirmedFigureWords: Reading the rules 12: an unconfirmed figure is shown with its
// year and "check the current figure".
func TestUnconfirmedFigureWords(t *testing.T) {
	a := ktAnswers(t, map[string]any{"country": "england", "living_with_carer": "yes", "relationship": "grandparent",
		"parent_in_home": "no", "child_age": 8, "legal_status": "kinship_foster", "education": "primary", "school_type": "state", "council": "Camden"})
	seen := 0
	for _, d := range ktDates {
		rep := Assess(a, MustDate(d)).Report()
		for _, o := range rep.Outcomes {
			for _, f := range o.Figures {
				w := FigureWords(f)
				if !strings.Contains(w, f.Period) {
					t.Errorf("%s as at %s: %q does not give the year %s", o.ID, d, w, f.Period)
				}
				if !f.Confirmed {
					seen++
					if !strings.Contains(w, "check the current") {
						t.Errorf("%s as at %s: unconfirmed figure read as %q", o.ID, d, w)
					}
					if !strings.Contains(FullText(rep), "check the current") {
						t.Errorf("%s as at %s: the full text does not say to check the current figure", o.ID, d)
					}
				}
			}
		}
		if !rep.Money.Confirmed && !strings.Contains(ReadOut(rep), "this year's are not confirmed") {
			t.Errorf("as at %s: the read-out counts an earlier year's rate without saying so", d)
		}
	}
	if seen == 0 {
		t.Log("no unconfirmed figures on these dates")
	}
}
