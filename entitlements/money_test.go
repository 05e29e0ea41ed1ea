package entitlements

import (
	"encoding/json"
	"strings"
	"testing"
)

// Figures used below, 2026-27 unless said (data/params):
//   Child Benefit            eldest £27.05/wk × 52 = £1,406.60   other £17.90/wk × 52 = £930.80
//   Guardian's Allowance     £22.95/wk × 52 = £1,193.40
//   Carer's Allowance        £86.45/wk × 52 = £4,495.40
//   UC child element         first child (born before 6/4/2017) £351.88/mo × 12 = £4,222.56
//                            other £303.94/mo × 12 = £3,647.28
//   UC child element 2025-26 first child £339.00/mo × 12 = £4,068.00
//   Fostering NMA            2026-27 not confirmed, so 2025-26 (confirmed: false):
//                            London 11-15 £257/wk × 52 = £13,364; rest of England 5-10 £194/wk × 52 = £10,088;
//                            rest of England 0-2 £170/wk × 52 = £8,840

const moneyAsOf = "2026-11-22"

func moneyChild(t *testing.T, answers string) *Result {
	t.Helper()
	in, err := ParseInput([]byte(`{"as_of":"` + moneyAsOf + `","answers":` + answers + `}`))
	if err != nil {
		t.Fatal(err)
	}
	return Assess(in.Answers, *in.AsOf)
}

func moneyFamily(t *testing.T, file string) *FamilyResult {
	t.Helper()
	in, err := ParseInput([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	return AssessFamily(*in.Family, *in.AsOf)
}

// wantStatuses checks the statuses a situation rests on, so a rule change that moves them shows
// here rather than as a wrong sum.
func wantStatuses(t *testing.T, r *Result, want map[string]Status) {
	t.Helper()
	for id, s := range want {
		if got := r.Status(id); got != s {
			t.Errorf("%s = %s, want %s (the hand-worked total assumes it)", id, got, s)
		}
	}
}

func itemsSay(m MoneySummary) string {
	b, _ := json.Marshal(m)
	return string(b)
}

func TestMoneyOneChild(t *testing.T) {
	const base = `"country":"england","living_with_carer":"yes","parent_in_home":"no","child_disabled":"no","child_dla":"no","in_work":"no"`
	cases := []struct {
		name      string
		answers   string
		statuses  map[string]Status
		eligible  int64
		may       int64
		confirmed bool
		items     []string
	}{
		{
			// Child Benefit, eldest rate: 2705 × 52 = 140,660. Carer's Allowance not (no DLA),
			// UC not (no means-tested benefit), Guardian's Allowance not (both parents alive).
			name:     "SGO grandmother, one child of 7, no benefits",
			answers:  `{` + base + `,"council":"Leeds","relationship":"grandparent","child_age":7,"legal_status":"sgo","benefits":"no","carer_pension_age":"yes","parents_died":"none","education":"primary"}`,
			statuses: map[string]Status{"child_benefit": Eligible, "guardians_allowance": NotEligible, "universal_credit_child_element": NotEligible},
			eligible: 140660, confirmed: true, items: []string{"child_benefit"},
		},
		{
			// Orphan of 10 on Universal Credit. 2026-11-22 less 10 years is 2016-11-22, on or
			// before 5 April 2017: the first-child rate. 140,660 + 119,340 + 35,188 × 12 (422,256)
			// = 682,256.
			name:     "SGO, orphan of 10, on Universal Credit",
			answers:  `{` + base + `,"council":"Leeds","relationship":"grandparent","child_age":10,"legal_status":"sgo","benefits":"yes","carer_pension_age":"no","parents_died":"both","education":"primary"}`,
			statuses: map[string]Status{"child_benefit": Eligible, "guardians_allowance": Eligible, "universal_credit_child_element": Eligible},
			eligible: 682256, confirmed: true, items: []string{"child_benefit", "guardians_allowance", "universal_credit_child_element"},
		},
		{
			// Kinship foster child of 12 in London: 2026-27 not confirmed, so 2025-26's £257 × 52
			// = 1,336,400, confirmed false. No Child Benefit for a looked-after child.
			name:     "kinship foster, 12, London",
			answers:  `{` + base + `,"council":"Camden","relationship":"grandparent","child_age":12,"legal_status":"kinship_foster","benefits":"no","carer_pension_age":"no","parents_died":"none","education":"secondary"}`,
			statuses: map[string]Status{"fostering_allowance": Eligible, "child_benefit": NotEligible},
			eligible: 1336400, confirmed: false, items: []string{"fostering_allowance"},
		},
		{
			// Council unknown: the lowest rate, rest of England 5-10, £194 × 52 = 1,008,800.
			name:     "kinship foster, 6, council not known",
			answers:  `{` + base + `,"relationship":"grandparent","child_age":6,"legal_status":"kinship_foster","benefits":"no","carer_pension_age":"no","parents_died":"none","education":"primary"}`,
			statuses: map[string]Status{"fostering_allowance": Eligible},
			eligible: 1008800, confirmed: false, items: []string{"fostering_allowance"},
		},
		{
			// CAO aunt, disabled child of 5 on DLA, carer under pension age. Child Benefit
			// 140,660 eligible. May: UC standard rate (born after April 2017) 30,394 × 12 = 364,728
			// + Carer's Allowance 8,645 × 52 = 449,540 = 814,268.
			name:     "CAO aunt, child of 5 on DLA",
			answers:  `{"country":"england","living_with_carer":"yes","parent_in_home":"no","in_work":"no","council":"Leeds","relationship":"aunt_uncle","child_age":5,"legal_status":"cao","benefits":"no","carer_pension_age":"no","child_disabled":"yes","child_dla":"yes","parents_died":"none","education":"primary"}`,
			statuses: map[string]Status{"child_benefit": Eligible, "universal_credit_child_element": MayBeEligible, "carers_allowance": MayBeEligible},
			eligible: 140660, may: 814268, confirmed: true, items: []string{"child_benefit", "universal_credit_child_element", "carers_allowance"},
		},
		{
			// The same carer over State Pension age: no Carer's Allowance, and no Universal Credit
			// (Pension Credit instead, not counted). 140,660 only.
			name:     "CAO aunt over pension age, child of 5 on DLA",
			answers:  `{"country":"england","living_with_carer":"yes","parent_in_home":"no","in_work":"no","council":"Leeds","relationship":"aunt_uncle","child_age":5,"legal_status":"cao","benefits":"no","carer_pension_age":"yes","child_disabled":"yes","child_dla":"yes","parents_died":"none","education":"primary"}`,
			statuses: map[string]Status{"child_benefit": Eligible, "universal_credit_child_element": NotEligible, "carers_allowance": MayBeEligible},
			eligible: 140660, confirmed: true, items: []string{"child_benefit"},
		},
		{
			// A parent is the main carer: not kinship care, nothing counted.
			name:      "not kinship care",
			answers:   `{"country":"england","living_with_carer":"yes","parent_in_home":"yes","relationship":"grandparent","child_age":4}`,
			confirmed: true,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := moneyChild(t, tc.answers)
			wantStatuses(t, r, tc.statuses)
			m := r.Money()
			if m.EligiblePerYear != tc.eligible || m.MayPerYear != tc.may || m.OneOff != 0 || m.Confirmed != tc.confirmed {
				t.Errorf("got eligible %d may %d one-off %d confirmed %v, want %d %d 0 %v\n%s",
					m.EligiblePerYear, m.MayPerYear, m.OneOff, m.Confirmed, tc.eligible, tc.may, tc.confirmed, itemsSay(m))
			}
			var ids []string
			for _, it := range m.Items {
				ids = append(ids, it.ID)
				if it.Child != nil {
					t.Errorf("%s: a single child's item has no child position", it.ID)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tc.items, ",") {
				t.Errorf("items %v, want %v", ids, tc.items)
			}
		})
	}
}

// The Universal Credit first-child rate turns on the date child_age years before as_of.
func TestMoneyUniversalCreditFirstChildDate(t *testing.T) {
	const a = `"country":"england","council":"Leeds","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","legal_status":"sgo","benefits":"yes","carer_pension_age":"no","child_age":9,"parents_died":"none","education":"primary"`
	for _, tc := range []struct {
		asOf string
		want int64
	}{
		// 2026-04-04 less 9 years is 2017-04-04: certainly born before 6 April 2017.
		// 2025-26 rate (the year starts 6 April): 33,900 × 12 = 406,800.
		{"2026-04-04", 406800},
		// 2026-04-05 less 9 years is 2017-04-05: still on or before 5 April 2017.
		{"2026-04-05", 406800},
		// 2026-11-22 less 9 years is 2017-11-22: may be born after; standard 30,394 × 12 = 364,728.
		{"2026-11-22", 364728},
	} {
		in, err := ParseInput([]byte(`{"as_of":"` + tc.asOf + `","answers":{` + a + `}}`))
		if err != nil {
			t.Fatal(err)
		}
		m := Assess(in.Answers, *in.AsOf).Money()
		var got int64
		for _, it := range m.Items {
			if it.ID == "universal_credit_child_element" {
				got = it.Amount()
			}
		}
		if got != tc.want {
			t.Errorf("%s: UC child element %d, want %d", tc.asOf, got, tc.want)
		}
	}
}

func TestMoneyFamilyOfThree(t *testing.T) {
	// Grandparents on Universal Credit raising Tyler 12, Maisie 8 (DLA) and Ava 3 under SGOs,
	// listed youngest first so the eldest is not simply the first.
	fr := moneyFamily(t, `{"as_of":"2026-11-22",
	 "household":{"country":"england","council":"Kent","benefits":"yes","carer_pension_age":"no","in_work":"no","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","legal_status":"sgo","parents_died":"none","child_disabled":"no","child_dla":"no"},
	 "children":[{"name":"Ava","answers":{"child_age":3,"education":"early_years"}},
	             {"name":"Tyler","answers":{"child_age":12,"education":"secondary"}},
	             {"name":"Maisie","answers":{"child_age":8,"education":"primary","child_disabled":"yes","child_dla":"yes"}}]}`)
	for i, r := range fr.Children {
		wantStatuses(t, r, map[string]Status{"child_benefit": Eligible, "universal_credit_child_element": Eligible})
		if i == 2 {
			wantStatuses(t, r, map[string]Status{"carers_allowance": MayBeEligible})
		}
	}
	m := fr.Money()
	// Child Benefit: Tyler (eldest) 140,660; Ava and Maisie 93,080 each: 326,820.
	// UC: Tyler 12 (2014-11-22, before April 2017) first-child 422,256; Ava and Maisie standard
	// 364,728 each: 1,151,712. Eligible: 326,820 + 1,151,712 = 1,478,532.
	// May: Carer's Allowance once for the carer, 449,540.
	if m.EligiblePerYear != 1478532 || m.MayPerYear != 449540 || m.OneOff != 0 || !m.Confirmed {
		t.Errorf("got %d / %d / %d / %v, want 1478532 / 449540 / 0 / true\n%s", m.EligiblePerYear, m.MayPerYear, m.OneOff, m.Confirmed, itemsSay(m))
	}
	want := []struct {
		id    string
		child int // -1: the carer's
		pence int64
	}{
		{"child_benefit", 0, 93080}, {"child_benefit", 1, 140660}, {"child_benefit", 2, 93080},
		{"universal_credit_child_element", 0, 364728}, {"universal_credit_child_element", 1, 422256}, {"universal_credit_child_element", 2, 364728},
		{"carers_allowance", -1, 449540},
	}
	if len(m.Items) != len(want) {
		t.Fatalf("%d items, want %d\n%s", len(m.Items), len(want), itemsSay(m))
	}
	for i, w := range want {
		it := m.Items[i]
		child := -1
		if it.Child != nil {
			child = *it.Child
		}
		if it.ID != w.id || child != w.child || it.Amount() != w.pence {
			t.Errorf("item %d: %s child %d %d, want %s child %d %d", i, it.ID, child, it.Amount(), w.id, w.child, w.pence)
		}
	}
	// JSON: child 0 is written (not dropped as empty); the carer's item has no child.
	js := itemsSay(m)
	if !strings.Contains(js, `"child":0`) || strings.Count(js, `"child"`) != 6 {
		t.Errorf("child positions in JSON: %s", js)
	}
}

// When the oldest child gets no Child Benefit (19 and not in education), the eldest-child rate
// goes to the eldest child it is paid for.
func TestMoneyFamilyEldestRateFollowsThePayment(t *testing.T) {
	fr := moneyFamily(t, `{"as_of":"2026-11-22",
	 "household":{"country":"england","council":"Leeds","benefits":"no","carer_pension_age":"yes","in_work":"no","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","legal_status":"sgo","parents_died":"none","child_disabled":"no","child_dla":"no"},
	 "children":[{"name":"Jade","answers":{"child_age":19,"education":"not_in_education"}},
	             {"name":"Kai","answers":{"child_age":14,"education":"secondary"}}]}`)
	wantStatuses(t, fr.Children[0], map[string]Status{"child_benefit": NotEligible})
	wantStatuses(t, fr.Children[1], map[string]Status{"child_benefit": Eligible})
	// Kai: 140,660 (eldest rate). No UC (no benefits), no Carer's Allowance (pension age).
	m := fr.Money()
	if m.EligiblePerYear != 140660 || len(m.Items) != 1 || *m.Items[0].Child != 1 {
		t.Errorf("got %s", itemsSay(m))
	}
}

// Cases the rules cannot reach today, built by setting statuses directly: the Kinship Zone
// allowance is never counted beside a fostering allowance for the same child, a may_be_eligible
// fostering allowance is never counted, Carer's Allowance is counted once, and the grant is a
// one-off.
func TestMoneyCountingRules(t *testing.T) {
	set := func(r *Result, id string, s Status) bool {
		i, ok := ruleIndex[id]
		if ok {
			r.outcomes[i].status = s
		}
		return ok
	}
	r := moneyChild(t, `{"country":"england","council":"Bolton","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","child_age":1,"legal_status":"kinship_foster"}`)
	set(r, "fostering_allowance", Eligible)
	set(r, "kinship_allowance_pilot", Eligible)
	m := r.Money()
	// Bolton, rest of England, 0-2: £170 × 52 = 884,000, once.
	if m.EligiblePerYear != 884000 || len(m.Items) != 1 || m.Items[0].ID != "fostering_allowance" || m.Items[0].LowestRate {
		t.Errorf("fostering and kinship allowance both counted? %s", itemsSay(m))
	}
	set(r, "fostering_allowance", MayBeEligible)
	m = r.Money()
	// Now only the Kinship Zone allowance, at the same rate.
	if m.EligiblePerYear != 884000 || len(m.Items) != 1 || m.Items[0].ID != "kinship_allowance_pilot" {
		t.Errorf("a may_be_eligible fostering allowance was counted: %s", itemsSay(m))
	}

	// Two children whose Carer's Allowance is may_be_eligible: once, for the carer.
	a, b := moneyChild(t, `{"child_age":4}`), moneyChild(t, `{"child_age":6}`)
	set(a, "carers_allowance", MayBeEligible)
	set(b, "carers_allowance", MayBeEligible)
	fr := &FamilyResult{Children: []*Result{a, b}}
	if m := fr.Money(); m.MayPerYear != 449540 || len(m.Items) != 1 || m.Items[0].Child != nil {
		t.Errorf("Carer's Allowance should count once, for the carer: %s", itemsSay(m))
	}

}

// The Sure Start Maternity Grant: £500 once, never in the yearly sums; its figure lives with
// its rule. A baby of 0 under an SGO made last month, the carer on Universal Credit.
func TestMoneyMaternityGrant(t *testing.T) {
	if _, ok := ruleIndex["sure_start_maternity_grant"]; !ok {
		t.Skip("the sure_start_maternity_grant outcome is not in these rules")
	}
	r := moneyChild(t, `{"country":"england","council":"Leeds","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","child_age":0,"legal_status":"sgo","order_date":"2026-10","benefits":"yes","carer_pension_age":"no","parents_died":"none","education":"not_yet"}`)
	if s := r.Status("sure_start_maternity_grant"); s != Eligible && s != MayBeEligible {
		t.Fatalf("the grant is %s for a baby under a new SGO on Universal Credit", s)
	}
	m := r.Money()
	// One-off 50,000; the yearly sums hold only Child Benefit (140,660) and the UC child
	// element at the standard rate (364,728), never the grant.
	if m.OneOff != 50000 || m.EligiblePerYear+m.MayPerYear != 140660+364728 {
		t.Errorf("got %s", itemsSay(m))
	}
}
