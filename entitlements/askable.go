package entitlements

// A key the spec describes "with ..." (assess.md, "Answers") is asked only once that condition
// is known to hold: surviving_parent only after parents_died: one. Until then it is not asked,
// even where the walk says it could matter. This is the one home of those conditions: the
// wizard asks by them, and the read-outs list a question by them.

// askCondition is one key's "with ...": the answers it reads, most decisive first, and whether
// it holds on what is known.
type askCondition struct {
	gates []Key
	holds func(a *Answers) bool
}

func legalStatusIs(values ...string) askCondition {
	return askCondition{gates: []Key{LegalStatus}, holds: func(a *Answers) bool {
		v := a.Value(LegalStatus)
		for _, x := range values {
			if v == x {
				return true
			}
		}
		return false
	}}
}

// withOrder: the carer holds an order (special guardianship, child arrangements, residence or
// adoption).
var withOrder = legalStatusIs("sgo", "cao", "residence_order", "adoption")

// askConditions are the spec's "with ..." conditions, and those of the two details letters need
// (the date of an order, and the council that looked after the child before it); a key not
// here is asked whenever it matters.
var askConditions = map[Key]askCondition{
	CouncilInvolved:       legalStatusIs("none", "sgo", "cao", "residence_order", "guardian", "adoption"),
	OrderRoute:            legalStatusIs("sgo", "cao", "residence_order"),
	PreviouslyLookedAfter: legalStatusIs("sgo", "cao", "residence_order", "adoption"),
	AdoptedAbroad:         legalStatusIs("adoption"),
	SGFinancialSupport:    legalStatusIs("sgo"),
	OtherwiseInCare: {gates: []Key{LegalStatus, ConsideringOrder}, holds: func(a *Answers) bool {
		// Asked unless the order is known to come from care proceedings: a carer who is not
		// sure how the order was made can still know about a child protection plan.
		cao := a.Value(LegalStatus) == "cao" || a.Value(LegalStatus) == "residence_order"
		return (cao && a.Value(OrderRoute) != "care_proceedings") || a.Value(ConsideringOrder) == "cao"
	}},
	OrderDate: withOrder,
	PlacingCouncil: {gates: []Key{LegalStatus, PreviouslyLookedAfter}, holds: func(a *Answers) bool {
		return withOrder.holds(a) && a.Value(PreviouslyLookedAfter) == "yes"
	}},
	SurvivingParent: {gates: []Key{ParentsDied}, holds: func(a *Answers) bool { return a.Value(ParentsDied) == "one" }},
}

// Askable says whether key k may be asked on these answers: its "with ..." condition, if it has
// one, is known to hold.
func Askable(k Key, a *Answers) bool {
	c, ok := askConditions[k]
	return !ok || c.holds(a)
}

// AskFirst is the key to ask so that k can be settled: k itself when it is askable; otherwise
// the first answer its condition reads that is still unknown (parents_died before
// surviving_parent). It is false when k cannot be asked and nothing unknown would change that.
func AskFirst(k Key, a *Answers) (Key, bool) {
	if Askable(k, a) {
		return k, true
	}
	for _, g := range askConditions[k].gates {
		if v := a.Value(g); (v == "" || v == NotSure) && Askable(g, a) {
			return g, true
		}
	}
	return 0, false
}

// Asks maps each unanswered key's name to the name of the key to ask instead ("" when it cannot
// be asked yet), for the lists of questions still to check.
func (r *Result) Asks() map[string]string {
	m := map[string]string{}
	for _, k := range r.Unanswered() {
		if g, ok := AskFirst(k, &r.Answers); ok {
			m[k.String()] = g.String()
		} else {
			m[k.String()] = ""
		}
	}
	return m
}

// askName is the key to ask for an unanswered key's name: asks' word for it, or the key itself
// where asks does not say (a report built without answers).
func askName(asks map[string]string, name string) string {
	if v, ok := asks[name]; ok {
		return v
	}
	return name
}
