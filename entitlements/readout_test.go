package entitlements

import (
	"strings"
	"testing"
)

const ktAunt = `"country":"england","living_with_carer":"yes","parent_in_home":"no","in_work":"no","council":"Leeds","relationship":"aunt_uncle","child_age":5,"legal_status":"cao","benefits":"no","child_disabled":"yes","child_dla":"yes","parents_died":"none","education":"primary"`

func TestReadOutMoneyFirstAndOnlyWhatApplies(t *testing.T) {
	young := ReadOut(moneyChild(t, `{`+ktAunt+`,"carer_pension_age":"no"}`).Report())
	old := ReadOut(moneyChild(t, `{`+ktAunt+`,"carer_pension_age":"yes"}`).Report())
	// 140,660 eligible; may 364,728 + 449,540 = 814,268, said to the nearest £10.
	if !strings.Contains(young, "You can claim about £1,410 a year now: Child Benefit about £1,410.") ||
		!strings.Contains(young, "You may also be able to claim about £8,140 a year: Carer's Allowance about £4,500 and the Universal Credit child element about £3,650.") {
		t.Errorf("money sentence:\n%s", young)
	}
	if strings.Contains(old, "Carer's Allowance about") {
		t.Errorf("a carer over State Pension age is given a Carer's Allowance amount:\n%s", old)
	}
	if i, j := strings.Index(young, "You can claim"), strings.Index(young, "What to do next"); i < 0 || j < i {
		t.Errorf("the money must come before the steps:\n%s", young)
	}
	steps := strings.Count(young, "\n1. ") + strings.Count(young, "\n2. ") + strings.Count(young, "\n3. ")
	if steps != 3 || strings.Contains(young, "\n6. ") {
		t.Errorf("want three to five steps:\n%s", young)
	}
	if !strings.Contains(young, "Send a letter asking the council for a child arrangements order allowance.") {
		t.Errorf("a step does not name its letter by what it asks and of whom:\n%s", young)
	}
}

func TestReadOutSaysTheLowestRate(t *testing.T) {
	text := ReadOut(moneyChild(t, `{"country":"england","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","child_age":6,"legal_status":"kinship_foster"}`).Report())
	// Rest of England 5-10, 2025-26: £194 × 52 = £10,088, said as about £10,090.
	for _, want := range []string{"fostering allowance about £10,090", "We do not know your council, so the allowance is counted at its lowest rate.", "this year's are not confirmed", "Do you know which council area you live in?"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
}

func TestFamilyReadOutSaysSharedThingsOnce(t *testing.T) {
	fr := moneyFamily(t, `{"as_of":"2026-11-22",
	 "household":{"country":"england","council":"Camden","benefits":"yes","carer_pension_age":"no","in_work":"no","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","parents_died":"none","court_case":"none","considering_order":"none","child_disabled":"no","child_dla":"no"},
	 "children":[{"name":"Leah","answers":{"child_age":13,"legal_status":"kinship_foster","education":"secondary","school_type":"state"}},
	             {"name":"Noah","answers":{"child_age":6,"legal_status":"sgo","council_involved":"yes","previously_looked_after":"yes","education":"primary","school_type":"state","sg_financial_support":"yes"}}]}`)
	text := FamilyReadOut(fr.Report())
	if strings.Count(text, "Virtual School Head") != 1 {
		t.Errorf("a step both children share should be said once:\n%s", text)
	}
	for _, want := range []string{"Summary for Leah and Noah", "Leah: The council looks after the child", "Noah: A special guardianship order",
		"fostering allowance about £13,360 for Leah", "For Leah: Send a letter asking the fostering service"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
	}
	if n := len(strings.Fields(text)); n > ReadOutLimit(2) {
		t.Errorf("%d words, limit %d", n, ReadOutLimit(2))
	}
}
