package entitlements

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// ktSpecOutcomes is the outcome list copied by hand from spec/assess.md ("Outcomes (id — kind)"),
// in its order, with each kind.
var ktSpecOutcomes = []struct{ id, kind string }{
	{"fostering_allowance", "entitlement"}, {"sg_support_assessment", "advice"}, {"sg_allowance", "entitlement"},
	{"cao_allowance", "entitlement"}, {"kinship_allowance_pilot", "entitlement"}, {"s17_support", "entitlement"},
	{"child_benefit", "entitlement"}, {"guardians_allowance", "entitlement"}, {"universal_credit_child_element", "entitlement"},
	{"carers_allowance", "entitlement"}, {"tax_free_childcare", "entitlement"}, {"qualifying_care_relief", "entitlement"},
	{"child_maintenance", "entitlement"}, {"disability_living_allowance", "entitlement"}, {"pension_credit_child_addition", "entitlement"},
	{"healthy_start", "entitlement"}, {"sure_start_maternity_grant", "entitlement"},
	{"asgsf", "entitlement"},
	{"virtual_school", "advice"}, {"pupil_premium_plus", "entitlement"}, {"school_admissions_priority", "entitlement"},
	{"fair_access_protocol", "entitlement"}, {"early_years_free_hours_2yo", "entitlement"}, {"early_years_free_hours_3_4yo", "entitlement"},
	{"free_school_meals", "entitlement"}, {"education_parent_rights", "advice"}, {"leaving_care_support", "advice"},
	{"legal_aid_care_proceedings", "entitlement"}, {"legal_aid_sgo_application", "entitlement"}, {"legal_aid_cao_application", "entitlement"},
	{"free_legal_advice", "advice"}, {"council_funded_legal_advice", "advice"},
	{"kinship_local_offer", "advice"}, {"peer_support_and_training", "advice"}, {"family_group_conference", "advice"},
	{"adoption_support_assessment", "advice"}, {"private_fostering_notification", "duty"},
	{"unpaid_parental_leave", "entitlement"}, {"flexible_working", "entitlement"}, {"employer_kinship_leave", "advice"},
	{"adoption_leave", "entitlement"}, {"time_off_for_dependants", "entitlement"}, {"carers_leave", "entitlement"},
	{"outside_england_signpost", "advice"},
}

// ktKeys is the answer table of spec/assess.md, copied by hand: key and values.
var ktKeys = []struct {
	name   string
	values []string
}{
	{"country", []string{"england", "wales", "scotland", "northern_ireland", "outside_uk"}},
	{"user", []string{"carer", "adviser"}},
	{"living_with_carer", []string{"yes", "soon", "no"}},
	{"relationship", []string{"grandparent", "great_grandparent", "sibling", "aunt_uncle", "step_parent", "great_aunt_uncle", "cousin", "other_relative", "family_friend", "parents_partner", "parent", "other"}},
	{"parent_in_home", []string{"yes", "no"}},
	{"duration", []string{"under_28_days", "28_days_or_more", "not_sure"}},
	{"child_age", nil},
	{"child_disabled", []string{"yes", "no", "not_sure"}},
	{"legal_status", []string{"none", "kinship_foster", "sgo", "cao", "residence_order", "adoption", "guardian", "not_sure"}},
	{"council_involved", []string{"yes", "no", "not_sure"}},
	{"order_route", []string{"care_proceedings", "private", "not_sure"}},
	{"otherwise_in_care", []string{"yes", "no", "not_sure"}},
	{"previously_looked_after", []string{"yes", "no", "not_sure"}},
	{"adopted_from_state_care_abroad", []string{"yes", "no"}},
	{"order_date", nil},
	{"council", nil},
	{"placing_council", nil},
	{"education", []string{"not_yet", "early_years", "primary", "secondary", "post_16", "not_in_education"}},
	{"school_type", []string{"state", "independent", "home_educated", "not_sure"}},
	{"ehcp", []string{"yes", "no", "not_sure"}},
	{"parents_died", []string{"none", "one", "both", "not_sure"}},
	{"surviving_parent", []string{"whereabouts_unknown", "in_prison_2_years", "hospital_order", "divorced_not_maintaining", "father_unknown", "other"}},
	{"benefits", []string{"yes", "no", "not_sure"}},
	{"carer_pension_age", []string{"yes", "no", "not_sure"}},
	{"child_dla", []string{"yes", "no", "not_sure"}},
	{"sg_financial_support", []string{"yes", "no"}},
	{"court_case", []string{"none", "care_proceedings", "private_proceedings", "parent_applying", "not_sure"}},
	{"considering_order", []string{"none", "sgo", "cao", "adoption", "not_sure"}},
	{"in_work", []string{"yes", "self_employed", "no"}},
}

// Councils typed as people type them: zones, non-zones, the two Lincolnshires, a town.
var ktCouncils = []string{"Bolton", "Leeds", "Harrogate", "NE Lincolnshire", "North Lincolnshire", "Newcastle",
	"Cornwall", "Wiltshire Council", "London Borough of Bexley", "Camden", "Cardiff", "Medway"}

// Dates either side of every start and end date in the spec.
var ktDates = []string{"2023-04-30", "2023-05-01", "2024-04-05", "2024-04-06", "2024-08-31", "2024-09-01",
	"2024-10-10", "2024-10-11", "2026-02-26", "2026-02-27", "2026-04-05", "2026-04-06", "2026-08-31",
	"2026-09-01", "2026-11-22", "2028-03-31", "2028-04-01"}

func ktGenAnswers(rng *rand.Rand) Answers {
	var a Answers
	pAbsent := []float64{0.1, 0.3, 0.6}[rng.Intn(3)]
	for i, ks := range ktKeys {
		if rng.Float64() < pAbsent {
			continue
		}
		k := Key(i)
		var v string
		switch ks.name {
		case "child_age":
			v = strconv.Itoa(rng.Intn(26))
		case "order_date":
			v = fmt.Sprintf("20%02d-%02d-%02d", 10+rng.Intn(17), 1+rng.Intn(12), 1+rng.Intn(28))
		case "council", "placing_council":
			v = ktCouncils[rng.Intn(len(ktCouncils))]
		case "country":
			// England most of the time, so the English rules get exercised.
			if rng.Intn(3) > 0 {
				v = "england"
			} else {
				v = ks.values[rng.Intn(len(ks.values))]
			}
		case "living_with_carer", "parent_in_home", "relationship":
			// Mostly kinship care; sometimes not.
			v = ks.values[rng.Intn(len(ks.values))]
			if (v == "no" && ks.name == "living_with_carer") || (v == "yes" && ks.name == "parent_in_home") || v == "parent" {
				if rng.Intn(4) > 0 {
					continue
				}
			}
		default:
			v = ks.values[rng.Intn(len(ks.values))]
		}
		if err := a.Set(k, v); err != nil {
			panic(err)
		}
	}
	return a
}

// ktSig is the set of statuses an outcome can take given the answers: one status when the
// answers settle it; for a "check" from unknown answers, every status the unknowns could give.
func ktSig(r *Result, i int) resultSet {
	ev := &r.outcomes[i]
	if !ev.unknown {
		return 1 << statusIndex[ev.status]
	}
	var s resultSet
	for j, v := range ev.alts {
		if v != nil {
			s |= 1 << j
		}
	}
	return s
}

func ktSigString(s resultSet) string {
	var ss []string
	for j := 0; j < 4; j++ {
		if s&(1<<j) != 0 {
			ss = append(ss, string(statusByIndex[j]))
		}
	}
	return "{" + strings.Join(ss, ",") + "}"
}

// ktUnknown says whether k is unknown for the rules: absent, not_sure, or (council) a name
// that is not a children's services authority (Reading the rules 7).
func ktUnknown(a *Answers, k Key) bool {
	v := a.Value(k)
	if v == "" || v == NotSure {
		return true
	}
	if k == CouncilKey {
		_, ok := FindCouncil(v)
		return !ok
	}
	return false
}

// ktSubst lists the real values an unknown key may stand for, from the spec: a missing
// relationship, parent_in_home or living_with_carer never makes it not kinship care (Reading 3);
// a missing country is England (Reading 2); an unknown council is a zone or not.
func ktSubst(k Key) []string {
	switch k {
	case Country:
		return []string{"england"}
	case LivingWithCarer:
		return []string{"yes", "soon"}
	case ParentInHome:
		return []string{"no"}
	case Relationship:
		return without(ktKeys[k].values, "parent")
	case ChildAge:
		var vs []string
		for n := 0; n <= 25; n++ {
			vs = append(vs, strconv.Itoa(n))
		}
		return vs
	case CouncilKey:
		return []string{"Bolton", "Leeds"}
	case User, OrderDate, PlacingCouncil:
		return nil
	}
	return without(ktKeys[k].values, NotSure)
}

// ktRawDisabled: the spec words these rules on child_disabled "yes or not_sure" itself
// (DLA, Carer's Allowance; child_dla read only when child_disabled is not no, Reading 11), so a
// not_sure/missing child_disabled is the same as yes for them, not a walk over yes and no.
var ktRawDisabled = map[string]bool{"disability_living_allowance": true, "carers_allowance": true, "early_years_free_hours_2yo": true}

const ktSample = 20000

func ktSeedAnswers(n int) ([]Answers, []Date) {
	rng := rand.New(rand.NewSource(20261122))
	as := make([]Answers, n)
	ds := make([]Date, n)
	for i := range as {
		as[i] = ktGenAnswers(rng)
		ds[i] = MustDate(ktDates[rng.Intn(len(ktDates))])
	}
	return as, ds
}

func ktAssess(t *testing.T, a Answers, d Date) (r *Result) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			b, _ := json.Marshal(a)
			t.Fatalf("panic on %s as at %s: %v", b, d, p)
		}
	}()
	return Assess(a, d)
}

func (r *Result) kindOf(i int) Kind { return rules[i].kind }

// TestOutcomeKindsMatchSpec: each outcome's kind as spec/assess.md lists it.
func TestOutcomeKindsMatchSpec(t *testing.T) {
	rep := Assess(Answers{}, MustDate("2026-11-22")).Report()
	for j, o := range rep.Outcomes {
		if string(o.Kind) != ktSpecOutcomes[j].kind {
			t.Errorf("%s: kind %s, spec says %s", o.ID, o.Kind, ktSpecOutcomes[j].kind)
		}
	}
}

func TestOutcomeIDsMatchSpec(t *testing.T) {
	ids := OutcomeIDs()
	if len(ids) != len(ktSpecOutcomes) {
		t.Fatalf("%d outcome ids, spec lists %d", len(ids), len(ktSpecOutcomes))
	}
	for i, o := range ktSpecOutcomes {
		if ids[i] != o.id {
			t.Errorf("outcome %d is %s, spec says %s", i, ids[i], o.id)
		}
	}
	for i, ks := range ktKeys {
		s := Key(i).Spec()
		if s.Name != ks.name {
			t.Errorf("key %d is %s, spec says %s", i, s.Name, ks.name)
		}
		if ks.values != nil && !reflect.DeepEqual(s.Values, ks.values) {
			t.Errorf("%s values %v, spec says %v", ks.name, s.Values, ks.values)
		}
	}
}

// TestProperties checks what must hold for any answers, over a fixed random sample.
func TestProperties(t *testing.T) {
	t.Parallel()
	n := ktSample
	if testing.Short() {
		n = 2000
	}
	as, ds := ktSeedAnswers(n)
	arrOK := map[string]bool{}
	for _, a := range ktArrangements {
		arrOK[a] = true
	}
	fails := 0
	fail := func(a Answers, d Date, format string, args ...any) {
		t.Helper()
		fails++
		if fails <= 25 {
			b, _ := json.Marshal(a)
			t.Errorf("%s as at %s: %s", b, d, fmt.Sprintf(format, args...))
		}
	}
	for i := range as {
		a, d := as[i], ds[i]
		r := ktAssess(t, a, d)
		rep := r.Report()
		if rep.AsOf != d.String() {
			fail(a, d, "as_of %s", rep.AsOf)
		}
		if !arrOK[rep.Arrangement] {
			fail(a, d, "arrangement %q", rep.Arrangement)
		}
		if rep.KinshipCare != (rep.Arrangement != ArrNotKinship && rep.Arrangement != ArrOutsideEngland) {
			fail(a, d, "kinship_care %v with %s", rep.KinshipCare, rep.Arrangement)
		}
		if rep.Arrangement != ArrangementOf(&a) {
			fail(a, d, "ArrangementOf disagrees")
		}
		if len(rep.Outcomes) != len(ktSpecOutcomes) {
			fail(a, d, "%d outcomes", len(rep.Outcomes))
			continue
		}
		unk := map[string]bool{}
		for _, k := range rep.Unanswered {
			kk, ok := KeyNamed(k)
			if !ok || !ktUnknown(&a, kk) {
				fail(a, d, "unanswered %q was answered (%q)", k, a.Value(kk))
			}
			unk[k] = true
		}
		for j, o := range rep.Outcomes {
			if o.ID != ktSpecOutcomes[j].id {
				fail(a, d, "outcome %d is %s, want %s", j, o.ID, ktSpecOutcomes[j].id)
			}
			if o.Kind != r.kindOf(j) {
				fail(a, d, "%s: kind %s changes with the answers", o.ID, o.Kind)
			}
			switch o.Status {
			case Eligible, MayBeEligible, Check, NotEligible:
			default:
				fail(a, d, "%s: status %q", o.ID, o.Status)
			}
			// Reading 4, and its one exception: with the country missing the signpost is check.
			if rep.Arrangement == ArrNotKinship && o.Status != NotEligible && !(o.ID == "outside_england_signpost" && !a.Has(Country) && o.Status == Check) {
				fail(a, d, "not kinship care but %s is %s", o.ID, o.Status)
			}
			if o.Status == Check && (len(o.Why) == 0 || len(o.NextSteps) == 0) {
				fail(a, d, "%s is check with why %q next %q", o.ID, o.Why, o.NextSteps)
			}
			if len(o.Why) == 0 || o.Title == "" || o.Summary == "" {
				fail(a, d, "%s: no title, summary or why", o.ID)
			}
			good := false
			for _, s := range o.Sources {
				if _, err := ParseDate(s.Checked); err == nil && s.URL != "" && s.Title != "" {
					good = true
				}
			}
			if !good {
				fail(a, d, "%s: no source with a checked date", o.ID)
			}
			for _, f := range o.Figures {
				if f.Period == "" || f.Label == "" || f.Pence <= 0 {
					fail(a, d, "%s: figure %+v", o.ID, f)
				}
				switch f.Per {
				case "week", "month", "year", "one_off":
				default:
					fail(a, d, "%s: figure per %q", o.ID, f.Per)
				}
			}
			for _, k := range o.Unanswered {
				if !unk[k] {
					fail(a, d, "%s: unanswered %s not in the report's unanswered", o.ID, k)
				}
			}
			if len(o.Unanswered) > 0 && o.Status != Check {
				fail(a, d, "%s is %s but lists unanswered %v", o.ID, o.Status, o.Unanswered)
			}
			if s := ktSig(r, j); (s&(s-1) != 0) != (r.outcomes[j].unknown) || (s&(s-1) != 0 && o.Status != Check) {
				fail(a, d, "%s: status %s with possible statuses %s", o.ID, o.Status, ktSigString(s))
			}
		}
		// Outside England (rules.md and Reading 6): each outcome against the same answers
		// evaluated in England.
		if rep.Arrangement == ArrOutsideEngland {
			if st := r.Status("outside_england_signpost"); st != Eligible {
				fail(a, d, "outside England: signpost %s", st)
			}
			eng := a
			_ = eng.Set(Country, "england")
			re := Assess(eng, d)
			country := a.Value(Country)
			for _, o := range rep.Outcomes {
				if o.ID == "outside_england_signpost" {
					continue
				}
				want := ktOutsideEngland(o.ID, country, re.Status(o.ID))
				if o.Status != want {
					fail(a, d, "outside England (%s): %s is %s, want %s (in England %s)", country, o.ID, o.Status, want, re.Status(o.ID))
				}
			}
		}
		if !a.Has(Country) && r.Status("outside_england_signpost") != Check {
			fail(a, d, "missing country: signpost %s", r.Status("outside_england_signpost"))
		}
		if i%5 != 0 {
			continue
		}
		// Report JSON round trip.
		b1, err := json.Marshal(rep)
		if err != nil {
			fail(a, d, "marshal: %v", err)
			continue
		}
		var back Report
		if err := json.Unmarshal(b1, &back); err != nil {
			fail(a, d, "unmarshal: %v", err)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b1, b2) {
			fail(a, d, "report JSON round trip differs")
		}
		if bytes.Contains(b1, []byte("{{")) || bytes.Contains(b1, []byte("<no value>")) || bytes.Contains(b1, []byte("%!")) {
			fail(a, d, "template residue in report")
		}
		// Answers JSON round trip, directly and through an answers file.
		ab, _ := json.Marshal(a)
		var a2 Answers
		if err := json.Unmarshal(ab, &a2); err != nil || a2 != a {
			fail(a, d, "answers round trip: %v", err)
		}
		in, err := ParseInput([]byte(`{"as_of":"` + d.String() + `","answers":` + string(ab) + `}`))
		if err != nil || in.Answers != a || in.AsOf == nil || *in.AsOf != d {
			fail(a, d, "ParseInput round trip: %v", err)
		}
		// "user" changes wording, never outcomes.
		u := a
		if u.Value(User) == "adviser" {
			_ = u.Set(User, "carer")
		} else {
			_ = u.Set(User, "adviser")
		}
		ru := Assess(u, d)
		for j := range rules {
			if ru.outcomes[j].status != r.outcomes[j].status {
				fail(a, d, "user changes %s", rules[j].id)
			}
		}
		if i%10 != 0 {
			continue
		}
		if txt := ReadOut(rep); strings.Contains(txt, "{{") || strings.Contains(txt, "<no value>") || strings.Contains(txt, "%!") {
			fail(a, d, "template residue in read-out")
		}
	}
	if fails > 0 {
		t.Errorf("%d failures in %d answer sets", fails, n)
	}
}

// ktOutsideEngland is what rules.md ("Outside England", Reading 6) makes of an outcome whose
// status in England would be eng: English schemes are not eligible; UK-wide ones (and, in
// Wales, legal aid and the maternity grant) are as in England; "the rest" keep not_eligible
// and are otherwise check.
func ktOutsideEngland(id, country string, eng Status) Status {
	rest := Check
	if eng == NotEligible {
		rest = NotEligible
	}
	switch id {
	case "virtual_school", "pupil_premium_plus", "school_admissions_priority", "fair_access_protocol",
		"kinship_local_offer", "kinship_allowance_pilot", "asgsf", "s17_support":
		return NotEligible
	case "fostering_allowance", "sg_allowance", "cao_allowance":
		if country == "wales" {
			return rest
		}
		return NotEligible
	case "legal_aid_care_proceedings", "legal_aid_sgo_application", "legal_aid_cao_application":
		if country == "wales" {
			return eng
		}
		return NotEligible
	case "child_benefit", "guardians_allowance":
		if country == "outside_uk" {
			return rest
		}
		return eng
	case "sure_start_maternity_grant":
		switch country {
		case "wales":
			return eng
		case "outside_uk":
			return NotEligible
		}
	}
	return rest
}

// TestUnknownAnswers checks Reading the rules 1 by substitution: for every unknown key K, the
// statuses possible with K unknown are exactly the union of those possible with K set to each
// of its real values (so an unknown answer never gives a status, eligible or any other, that
// one of its values would contradict: if it decides, the outcome is check). Which keys are
// listed as unanswered is checked by TestUnansweredIsExact.
func TestUnknownAnswers(t *testing.T) {
	t.Parallel()
	n := ktSample / 25
	if testing.Short() {
		n = 200
	}
	as, ds := ktSeedAnswers(n)
	fails := 0
	for i := range as {
		a, d := as[i], ds[i]
		r := ktAssess(t, a, d)
		if r.Arrangement == ArrNotKinship {
			continue
		}
		var union [numRules]map[Key]resultSet
		for j := range union {
			union[j] = map[Key]resultSet{}
		}
		for k := Key(0); k < NumKeys; k++ {
			if !ktUnknown(&a, k) {
				continue
			}
			for _, v := range ktSubst(k) {
				b := a
				if err := b.Set(k, v); err != nil {
					t.Fatal(err)
				}
				rb := ktAssess(t, b, d)
				for j := range rules {
					s := ktSig(rb, j)
					union[j][k] |= s
				}
				if k == ChildDisabled && v == "yes" {
					for j := range rules {
						if ktRawDisabled[rules[j].id] && ktSig(rb, j) != ktSig(r, j) {
							fails++
							if fails < 20 {
								ab, _ := json.Marshal(a)
								t.Errorf("%s as at %s: %s with child_disabled unknown %s, yes %s (spec: 'yes or not_sure')",
									ab, d, rules[j].id, ktSigString(ktSig(r, j)), ktSigString(ktSig(rb, j)))
							}
						}
					}
				}
			}
		}
		for j := range rules {
			id := rules[j].id
			have := ktSig(r, j)
			for k, u := range union[j] {
				if k == ChildDisabled && ktRawDisabled[id] {
					continue
				}
				if k == Country && id == "outside_england_signpost" {
					continue // Reading the rules 2
				}
				if u != have {
					fails++
					if fails < 20 {
						ab, _ := json.Marshal(a)
						t.Errorf("%s as at %s: %s with %s unknown can be %s; over its values %s", ab, d, id, k, ktSigString(have), ktSigString(u))
					}
				}
			}
		}
	}
	if fails > 0 {
		t.Errorf("%d failures in %d answer sets", fails, n)
	}
}
