package entitlements

import (
	"strings"
	"testing"
)

func answersOf(t *testing.T, pairs ...string) *Answers {
	t.Helper()
	var a Answers
	for i := 0; i < len(pairs); i += 2 {
		k, ok := KeyNamed(pairs[i])
		if !ok {
			t.Fatalf("no key %q", pairs[i])
		}
		if err := a.Set(k, pairs[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	return &a
}

func TestAskableOnlyWhenTheSpecsConditionHolds(t *testing.T) {
	for _, c := range []struct {
		key     Key
		answers []string
		want    bool
	}{
		{SurvivingParent, nil, false},
		{SurvivingParent, []string{"parents_died", "not_sure"}, false},
		{SurvivingParent, []string{"parents_died", "both"}, false},
		{SurvivingParent, []string{"parents_died", "one"}, true},
		{PreviouslyLookedAfter, []string{"legal_status", "adoption"}, true},
		{PreviouslyLookedAfter, []string{"legal_status", "kinship_foster"}, false},
		{AdoptedAbroad, []string{"legal_status", "sgo"}, false},
		{AdoptedAbroad, []string{"legal_status", "adoption"}, true},
		{SGFinancialSupport, []string{"legal_status", "sgo"}, true},
		{SGFinancialSupport, []string{"legal_status", "cao"}, false},
		{OrderRoute, []string{"legal_status", "residence_order"}, true},
		{OrderRoute, []string{"legal_status", "guardian"}, false},
		{OtherwiseInCare, []string{"legal_status", "cao"}, true},
		{OtherwiseInCare, []string{"legal_status", "cao", "order_route", "care_proceedings"}, false},
		{OtherwiseInCare, []string{"legal_status", "none", "considering_order", "cao"}, true},
		{OtherwiseInCare, []string{"legal_status", "none"}, false},
		{CouncilInvolved, []string{"legal_status", "none"}, true},
		{CouncilInvolved, []string{"legal_status", "kinship_foster"}, false},
		{CouncilInvolved, nil, false},
		{Benefits, nil, true},
		{OrderDate, []string{"legal_status", "guardian"}, false},
		{OrderDate, []string{"legal_status", "adoption"}, true},
		{PlacingCouncil, []string{"legal_status", "sgo", "previously_looked_after", "not_sure"}, false},
		{PlacingCouncil, []string{"legal_status", "sgo", "previously_looked_after", "yes"}, true},
	} {
		if got := Askable(c.key, answersOf(t, c.answers...)); got != c.want {
			t.Errorf("Askable(%s, %v) = %v, want %v", c.key, c.answers, got, c.want)
		}
	}
}

func TestAskFirstNamesTheKeyTheConditionWaitsOn(t *testing.T) {
	if k, ok := AskFirst(SurvivingParent, answersOf(t)); !ok || k != ParentsDied {
		t.Errorf("surviving_parent with parents_died unknown: ask %v %v, want parents_died", k, ok)
	}
	if k, ok := AskFirst(SurvivingParent, answersOf(t, "parents_died", "none")); ok {
		t.Errorf("surviving_parent with parents_died none: ask %v, want nothing", k)
	}
	if k, ok := AskFirst(OtherwiseInCare, answersOf(t, "legal_status", "none")); !ok || k != ConsideringOrder {
		t.Errorf("otherwise_in_care with no order: ask %v %v, want considering_order", k, ok)
	}
	if k, ok := AskFirst(SurvivingParent, answersOf(t, "parents_died", "one")); !ok || k != SurvivingParent {
		t.Errorf("surviving_parent after parents_died one: ask %v %v, want itself", k, ok)
	}
}

// A Cardiff special guardian who has not said whether a parent died: the read-out asks that,
// never about "the surviving parent's situation".
func TestReadOutAsksWhetherAParentDiedBeforeTheSurvivingParent(t *testing.T) {
	r := moneyChild(t, `{"country":"wales","council":"Cardiff","living_with_carer":"yes","relationship":"grandparent","parent_in_home":"no","legal_status":"sgo","child_age":7,
		"council_involved":"yes","previously_looked_after":"yes","order_route":"care_proceedings","sg_financial_support":"yes","child_disabled":"no","child_dla":"no","education":"primary","school_type":"state","ehcp":"no",
		"benefits":"no","carer_pension_age":"no","court_case":"none","considering_order":"none","in_work":"no","duration":"28_days_or_more"}`)
	if !r.Matters(SurvivingParent) {
		t.Fatal("the walk no longer says surviving_parent could matter here; the case tests nothing")
	}
	rep := r.Report()
	full := FullText(rep)
	// The full text's list of questions; an outcome's own "why" still says what it turns on.
	questions := strings.ToLower(full[strings.Index(full, "Questions that could still change this"):])
	for name, text := range map[string]string{"read-out": ReadOut(rep), "full text's questions": questions} {
		if strings.Contains(text, keyPhrase(SurvivingParent)) {
			t.Errorf("%s asks about the surviving parent before knowing a parent died:\n%s", name, text)
		}
		if !strings.Contains(text, keyPhrase(ParentsDied)) {
			t.Errorf("%s does not ask whether a parent died:\n%s", name, text)
		}
	}
	// Where the surviving parent alone made an outcome check, the read-out names what gates it.
	only := []Outcome{{ID: "guardians_allowance", Status: Check, Group: Money, Unanswered: []string{"surviving_parent"}}}
	got := questionKeys(only, []string{"surviving_parent"}, rep.Asks)
	if len(got) != 1 || got[0] != "parents_died" {
		t.Errorf("questions %v, want [parents_died]", got)
	}
	if got := questionKeys(only, []string{"surviving_parent"}, map[string]string{"surviving_parent": ""}); len(got) != 0 {
		t.Errorf("a key that can never be asked here is still listed: %v", got)
	}
}

func TestFamilyReadOutSkipsKeysNotAskable(t *testing.T) {
	fr := moneyFamily(t, `{"as_of":"2026-11-22",
	 "household":{"country":"england","council":"Camden","benefits":"yes","carer_pension_age":"no","in_work":"no","living_with_carer":"yes","parent_in_home":"no","relationship":"grandparent","court_case":"none","considering_order":"none","child_disabled":"no","child_dla":"no"},
	 "children":[{"name":"Leah","answers":{"child_age":13,"legal_status":"kinship_foster","education":"secondary","school_type":"state"}},
	             {"name":"Noah","answers":{"child_age":6,"legal_status":"sgo","council_involved":"yes","previously_looked_after":"yes","order_route":"care_proceedings","education":"primary","school_type":"state","sg_financial_support":"yes"}}]}`)
	text := FamilyReadOut(fr.Report())
	if strings.Contains(text, keyPhrase(SurvivingParent)) || !strings.Contains(text, keyPhrase(ParentsDied)) {
		t.Errorf("the family read-out should ask whether a parent died, not about the surviving parent:\n%s", text)
	}
}
