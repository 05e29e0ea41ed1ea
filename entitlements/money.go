package entitlements

// What the fixed-rate outcomes are worth a year (spec/assess.md `money`), so the read-out can
// lead with it. Only the items the spec lists are counted, each from the dated figures; the
// discretionary payments, tax reliefs and help in kind are never summed.

// MoneySummary is the yearly worth of the fixed-rate outcomes, for one child or a family.
type MoneySummary struct {
	EligiblePerYear int64       `json:"eligible_per_year"`
	MayPerYear      int64       `json:"may_per_year"`
	OneOff          int64       `json:"one_off"`
	Confirmed       bool        `json:"confirmed"`
	Items           []MoneyItem `json:"items"`
}

// MoneyItem is one counted amount.
type MoneyItem struct {
	ID     string `json:"id"`
	Status Status `json:"status"`
	// Exactly one of PencePerYear and PenceOneOff is set.
	PencePerYear *int64 `json:"pence_per_year,omitempty"`
	PenceOneOff  *int64 `json:"pence_one_off,omitempty"`
	Period       string `json:"period"`
	Confirmed    bool   `json:"confirmed"`
	// Child is the child's position in a family, from 0; nil for one child, and for Carer's
	// Allowance, which is the carer's.
	Child *int `json:"child,omitempty"`
	// LowestRate: the council's rate area is not known, so the lowest (rest of England) rate
	// is counted. AgeUnknown: the child's age is not known, so the lowest age band is.
	LowestRate bool `json:"-"`
	AgeUnknown bool `json:"-"`
}

// Amount is the item's pence: a year's worth, or the one-off sum.
func (it MoneyItem) Amount() int64 {
	if it.PenceOneOff != nil {
		return *it.PenceOneOff
	}
	if it.PencePerYear != nil {
		return *it.PencePerYear
	}
	return 0
}

// MoneyName is how an item is named when read out.
func MoneyName(id string) string {
	switch id {
	case "child_benefit":
		return "Child Benefit"
	case "guardians_allowance":
		return "Guardian's Allowance"
	case "fostering_allowance":
		return "fostering allowance"
	case "kinship_allowance_pilot":
		return "the Kinship Zone allowance"
	case "universal_credit_child_element":
		return "the Universal Credit child element"
	case "carers_allowance":
		return "Carer's Allowance"
	case "sure_start_maternity_grant":
		return "the Sure Start Maternity Grant"
	}
	return id
}

// Money is what this child's fixed-rate outcomes are worth.
func (r *Result) Money() MoneySummary { return moneyOf([]*Result{r}, false) }

// Money is what the family's fixed-rate outcomes are worth: the eldest-child rates once,
// Carer's Allowance once for the carer.
func (fr *FamilyResult) Money() MoneySummary { return moneyOf(fr.Children, true) }

// ucFirstChildCutoff: the Universal Credit first-child rate is for a child born before
// 6 April 2017 (Universal Credit Regulations 2013 reg 24 and 36).
var ucFirstChildCutoff = DateOf(2017, 4, 5)

func moneyOf(rs []*Result, family bool) MoneySummary {
	m := MoneySummary{Confirmed: true, Items: make([]MoneyItem, 0, 4*len(rs))}
	// The amounts and child positions the items point to, allocated once: seven items at most
	// per child, so the backing arrays never move.
	amounts := make([]int64, 0, 7*len(rs)+1)
	positions := make([]int, len(rs))
	counted := func(id string, i int) (Status, bool) {
		s := rs[i].Status(id)
		return s, s == Eligible || s == MayBeEligible
	}
	add := func(id string, s Status, child int, f Figure, ok bool) *MoneyItem {
		if !ok {
			return nil
		}
		it := MoneyItem{ID: id, Status: s, Period: f.Period, Confirmed: f.Confirmed}
		if family && child >= 0 {
			positions[child] = child
			it.Child = &positions[child]
		}
		amounts = append(amounts, yearly(f))
		if f.Per == "one_off" {
			it.PenceOneOff = &amounts[len(amounts)-1]
		} else {
			it.PencePerYear = &amounts[len(amounts)-1]
		}
		m.Items = append(m.Items, it)
		return &m.Items[len(m.Items)-1]
	}

	// Fostering allowance only when eligible (a kinship foster child); a may_be_eligible one
	// may be back pay and turns on the council's view. The Kinship Zone allowance never for the
	// same child.
	fostered := make([]bool, len(rs))
	for i, r := range rs {
		if r.Status("fostering_allowance") != Eligible {
			continue
		}
		f, lowest, ageUnknown, ok := minimumAllowance(r)
		if it := add("fostering_allowance", Eligible, i, f, ok); it != nil {
			it.LowestRate, it.AgeUnknown = lowest, ageUnknown
			fostered[i] = true
		}
	}
	for i, r := range rs {
		if s, ok := counted("kinship_allowance_pilot", i); ok && !fostered[i] {
			f, lowest, ageUnknown, ok := minimumAllowance(r)
			if it := add("kinship_allowance_pilot", s, i, f, ok); it != nil {
				it.LowestRate, it.AgeUnknown = lowest, ageUnknown
			}
		}
	}
	// Child Benefit: the eldest-child rate for one child, the additional rate for the rest.
	eldest := eldestOf(rs, func(i int) bool { _, ok := counted("child_benefit", i); return ok })
	for i, r := range rs {
		if s, ok := counted("child_benefit", i); ok {
			item := "other"
			if i == eldest {
				item = "eldest"
			}
			f, _, found := FigureAt("child_benefit", item, r.AsOf)
			add("child_benefit", s, i, f, found)
		}
	}
	for i, r := range rs {
		if s, ok := counted("guardians_allowance", i); ok {
			f, _, found := FigureAt("guardians_allowance", "rate", r.AsOf)
			add("guardians_allowance", s, i, f, found)
		}
	}
	// Universal Credit: the higher first-child rate only for the eldest, and only when that
	// child was certainly born before 6 April 2017.
	eldest = eldestOf(rs, func(i int) bool { _, ok := counted("universal_credit_child_element", i); return ok })
	for i, r := range rs {
		if s, ok := counted("universal_credit_child_element", i); ok {
			item := "other"
			if age, known := r.Answers.Age(); i == eldest && known && !r.AsOf.AddYears(-age).After(ucFirstChildCutoff) {
				item = "first_child_pre_2017"
			}
			f, _, found := FigureAt("uc_child_element", item, r.AsOf)
			add("universal_credit_child_element", s, i, f, found)
		}
	}
	// Carer's Allowance is the carer's: once, whatever the number of children, and not over
	// State Pension age: it overlaps with the State Pension, so usually only an underlying
	// entitlement remains (assess.md "money"; reference additions.md §A2, checked 2026-11-23).
	carer := -1
	for i, r := range rs {
		s, ok := counted("carers_allowance", i)
		if !ok || r.Answers.Value(CarerPensionAge) == "yes" {
			continue
		}
		if carer < 0 || (s == Eligible && rs[carer].Status("carers_allowance") != Eligible) {
			carer = i
		}
	}
	if carer >= 0 {
		f, _, found := FigureAt("carers_allowance", "rate", rs[carer].AsOf)
		add("carers_allowance", rs[carer].Status("carers_allowance"), -1, f, found)
	}
	for i, r := range rs {
		if s, ok := counted("sure_start_maternity_grant", i); ok {
			f, _, found := FigureAt("sure_start_maternity_grant", "grant", r.AsOf)
			add("sure_start_maternity_grant", s, i, f, found)
		}
	}

	for _, it := range m.Items {
		switch {
		case it.PenceOneOff != nil:
			m.OneOff += *it.PenceOneOff
		case it.Status == Eligible:
			m.EligiblePerYear += *it.PencePerYear
		default:
			m.MayPerYear += *it.PencePerYear
		}
		m.Confirmed = m.Confirmed && it.Confirmed
	}
	return m
}

// eldestOf is the oldest of the children for whom want holds (the first listed among equals;
// a child of unknown age is older than nobody), or -1 when there is none. The eldest-child rates
// go to the eldest child the benefit is paid for.
func eldestOf(rs []*Result, want func(i int) bool) int {
	best, bestAge := -1, -2
	for i, r := range rs {
		if !want(i) {
			continue
		}
		age, ok := r.Answers.Age()
		if !ok {
			age = -1
		}
		if age > bestAge {
			best, bestAge = i, age
		}
	}
	return best
}

// minimumAllowance is the national minimum fostering allowance for the child's age band and
// the council's rate area. Where the area is not known (no council, or one whose area is not
// confirmed) it is the lowest, rest of England, rate; where the age is not known, the lowest
// band's. A young person of 18 or over has no band: nothing is counted.
func minimumAllowance(r *Result) (f Figure, lowest, ageUnknown, ok bool) {
	band := "0-2"
	if age, known := r.Answers.Age(); known {
		if band = ageBand(age); band == "" {
			return Figure{}, false, false, false
		}
	} else {
		ageUnknown = true
	}
	region := RestOfEngland
	if c, found := FindCouncil(r.Answers.Value(CouncilKey)); found && !c.RegionUnconfirmed {
		region = c.Region
	} else {
		lowest = true
	}
	f, _, ok = FigureAt("fostering_allowance", string(region)+"/"+band, r.AsOf)
	return f, lowest, ageUnknown, ok
}
