package entitlements

import (
	"slices"
	"strings"
	"sync"
)

// verdict is one answer a rule can give, with the words that explain it. Verdicts are built
// once at start-up, so assessing a family allocates almost nothing.
type verdict struct {
	status   Status
	why      []string
	change   []string
	next     []string
	requests []string
	// extra adds lines that depend on the family (a council's name, a date) when shown.
	extra   func(e *Env) []string
	figures func(e *Env) []Figure
}

// scope says how a rule behaves outside England (spec/rules.md "Outside England", Reading 6).
type scope uint8

const (
	scopeRest        scope = iota // outside England: as in England, then anything but not_eligible is check
	scopeEnglandOnly              // an English scheme: not eligible outside England
	scopeUK                       // UK-wide: as in England; outside the UK as "the rest"
	scopeLegalAid                 // England and Wales (LASPO): as in England in Wales
	scopeWalesOwn                 // English scheme, but Wales has its own: as "the rest" in Wales
	scopeSignpost                 // turns on the country alone
	scopeGrant                    // England and Wales; "the rest" in Scotland and Northern Ireland; not outside the UK
)

type rule struct {
	id, title, summary string
	kind               Kind
	group              Group
	scope              scope
	lowerWhenSoon      bool // Reading the rules 5
	starts, ends       string
	eval               func(c *ctx) *verdict
}

var statusIndex = map[Status]uint8{Eligible: 0, MayBeEligible: 1, Check: 2, NotEligible: 3}

// statusCode is statusIndex without a map lookup, for the walk's inner loop.
func statusCode(s Status) uint8 {
	switch s {
	case Eligible:
		return 0
	case MayBeEligible:
		return 1
	case Check:
		return 2
	}
	return 3
}

var statusByIndex = [4]Status{Eligible, MayBeEligible, Check, NotEligible}

// evaluated is one outcome's result before its words are written out.
type evaluated struct {
	status  Status
	v       *verdict
	soon    bool
	unknown bool        // check because unknown answers would give different statuses
	alts    [4]*verdict // with unknown: one verdict for each status reached
	altSoon [4]bool
	keys    uint64 // keys (and pseudo keys) whose values made a difference
}

// Result is one family's assessment as at one date.
type Result struct {
	AsOf        Date
	Answers     Answers
	Arrangement string
	outcomes    [numRules]evaluated
	unanswered  uint64
	evaluations int // rule evaluations the walk made (walkcheck.go)
}

var walkPool = sync.Pool{New: func() any { return &walk{paths: make([]path, 0, 64), choices: make([]choice, 0, 256)} }}

// Assess works out every outcome for these answers as at asOf.
func Assess(a Answers, asOf Date) *Result {
	r := &Result{AsOf: asOf, Answers: a}
	r.Arrangement = arrangementOf(&r.Answers)
	c := ctx{a: &r.Answers, asOf: asOf, country: "england"}
	if v := a.vals[Country]; v != "" {
		c.country = v
	}
	if name := a.vals[CouncilKey]; name != "" {
		if cl, ok := FindCouncil(name); ok {
			c.council = &cl
		}
	}
	// Arrangement step 2 is part of "evaluated as in England" everywhere (Reading 6), so it is
	// worked out on answered values whatever the country.
	c.nkc = notKinshipCare(&r.Answers)
	w := walkPool.Get().(*walk)
	defer walkPool.Put(w)
	for i := range rules {
		ru := &rules[i]
		ev := &r.outcomes[i]
		if v := settled(ru, &c); v != nil {
			ev.status, ev.v = v.status, v
			continue
		}
		nation := nationVerdict(ru, c.country)
		w.final = nation != nil
		c.rawUnknown = 0
		c.explore(w, func(c *ctx) (uint8, *verdict, bool) {
			v := ru.eval(c)
			st, soon := v.status, false
			if ru.lowerWhenSoon && st == Eligible && c.is(LivingWithCarer, "soon") {
				st, soon = MayBeEligible, true
			}
			// Reading 6: outside England an English "not eligible" stays; anything else is check.
			if nation != nil && st != NotEligible {
				return statusCode(Check), nation, false
			}
			return statusCode(st), v, soon
		})
		r.unanswered |= c.rawUnknown
		var keys uint64
		set := analyse(w, 0, len(w.paths), 0, &keys)
		first := w.paths[0]
		if set&(set-1) == 0 {
			ev.status, ev.v, ev.soon = statusByIndex[first.code], first.v, first.soon
			continue
		}
		ev.status, ev.unknown, ev.keys = Check, true, keys
		for _, p := range w.paths {
			if ev.alts[p.code] == nil {
				ev.alts[p.code], ev.altSoon[p.code] = p.v, p.soon
			}
		}
		ev.v = ev.best()
		r.unanswered |= keys
	}
	r.evaluations = c.evals
	return r
}

// notKinshipCare is arrangement step 2 on answered values only (Reading the rules 3).
func notKinshipCare(a *Answers) bool {
	return a.vals[Relationship] == "parent" || a.vals[ParentInHome] == "yes" || a.vals[LivingWithCarer] == "no"
}

// settled gives the outcomes that the family's situation decides before any rule is read:
// English schemes outside England, and not kinship care (Reading 4; outside England too,
// Reading 6). The signpost turns on the country alone, so it is never settled here.
func settled(ru *rule, c *ctx) *verdict {
	if ru.scope == scopeSignpost {
		return nil
	}
	switch c.country {
	case "england":
	case "wales":
		if ru.scope == scopeEnglandOnly {
			return englandOnly
		}
	case "outside_uk":
		switch ru.scope {
		case scopeEnglandOnly, scopeLegalAid, scopeWalesOwn:
			return englandOnly
		case scopeGrant:
			return grantOutsideUK
		}
	default: // scotland, northern_ireland
		switch ru.scope {
		case scopeEnglandOnly, scopeLegalAid, scopeWalesOwn:
			return englandOnly
		}
	}
	if c.nkc {
		return c.notKinship()
	}
	return nil
}

// nationVerdict is the explanation that replaces any status but not_eligible where "the
// rest" of Reading 6 applies in this country; nil where the rule is evaluated as in England.
func nationVerdict(ru *rule, country string) *verdict {
	switch country {
	case "england":
		return nil
	case "wales":
		switch ru.scope {
		case scopeUK, scopeLegalAid, scopeGrant, scopeSignpost:
			return nil
		case scopeWalesOwn:
			return walesOwnScheme
		}
		return outsideEnglandCheck
	case "outside_uk":
		if ru.scope == scopeUK {
			return outsideUKCheck
		}
	}
	switch ru.scope {
	case scopeUK, scopeSignpost:
		return nil
	}
	return outsideEnglandCheck
}

func (e *evaluated) best() *verdict {
	for _, v := range e.alts {
		if v != nil {
			return v
		}
	}
	return nil
}

// Status returns the status of the outcome with this id ("" if there is none).
func (r *Result) Status(id string) Status {
	if i, ok := ruleIndex[id]; ok {
		return r.outcomes[i].status
	}
	return ""
}

// KinshipCare says whether this is kinship care in England's sense.
func (r *Result) KinshipCare() bool {
	return r.Arrangement != ArrNotKinship && r.Arrangement != ArrOutsideEngland
}

// Unanswered lists, in spec order, the unanswered keys that could change an outcome.
func (r *Result) Unanswered() []Key {
	var ks []Key
	for k := Key(0); k < NumKeys; k++ {
		if r.unanswered&(1<<k) != 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

// Matters says whether answering k could change some outcome.
func (r *Result) Matters(k Key) bool { return r.unanswered&(1<<k) != 0 }

// Report writes the whole assessment out in words, as the spec's JSON gives it.
func (r *Result) Report() Report {
	rep := Report{AsOf: r.AsOf.String(), Arrangement: r.Arrangement, KinshipCare: r.KinshipCare(), Outcomes: make([]Outcome, numRules), Unanswered: []string{}}
	e := r.env()
	for i := range rules {
		rep.Outcomes[i] = r.outcome(i, e)
	}
	for _, k := range r.Unanswered() {
		rep.Unanswered = append(rep.Unanswered, k.String())
	}
	rep.Asks = r.Asks()
	rep.Money = r.Money()
	return rep
}

// Outcome writes out one outcome by id.
func (r *Result) Outcome(id string) (Outcome, bool) {
	i, ok := ruleIndex[id]
	if !ok {
		return Outcome{}, false
	}
	return r.outcome(i, r.env()), true
}

func (r *Result) outcome(i int, e *Env) Outcome {
	ru, ev := &rules[i], &r.outcomes[i]
	o := Outcome{ID: ru.id, Kind: ru.kind, Group: ru.group, Status: ev.status, Title: ru.title, Starts: ru.starts, Ends: ru.ends}
	o.Sources = OutcomeSources(ru.id)
	if o.Sources == nil {
		o.Sources = []Source{}
	}
	if !ev.unknown {
		v := ev.v
		o.Why = append(append([]string{}, v.why...), callLines(v.extra, e)...)
		o.WouldChange = append([]string{}, v.change...)
		o.NextSteps = append([]string{}, v.next...)
		if ev.soon {
			o.Why = append(o.Why, soonWhy)
			o.NextSteps = append(o.NextSteps, soonNext)
			o.WouldChange = append(o.WouldChange, soonChange)
		}
		o.Requests = requestsFor(ev.status, v.requests)
		if v.figures != nil {
			o.Figures = v.figures(e)
		}
		if ev.keys != 0 {
			o.Unanswered = keyNamesOf(ev.keys)
		}
		o.Summary = summarise(ru, ev.status, o.Why)
		return o
	}
	// Unknown answers decide it: say what we need to know, and what each answer would mean.
	keys := keysOf(ev.keys)
	phr := make([]string, 0, len(keys))
	for _, k := range keys {
		phr = append(phr, keyPhrase(k))
	}
	o.Why = append(o.Why, "This depends on something we do not know yet: "+JoinAnd(phr)+".")
	for si, v := range ev.alts {
		if v == nil {
			continue
		}
		st := statusByIndex[si]
		if ev.altSoon[si] {
			st = MayBeEligible
		}
		line := "It could be \"" + strings.ToLower(StatusWords(st)) + "\""
		switch {
		case ev.altSoon[si]:
			line += ": " + soonWhy
		case len(v.why) > 0:
			line += ": " + v.why[0]
		default:
			line += "."
		}
		o.Why = append(o.Why, line)
	}
	for _, k := range keys {
		o.WouldChange = append(o.WouldChange, "Answering: "+keyPhrase(k)+".")
		if h := keyHowToFind(k); h != "" {
			o.NextSteps = append(o.NextSteps, h)
		}
	}
	b := ev.v
	o.NextSteps = append(o.NextSteps, b.next...)
	var reqs []string
	for si, v := range ev.alts {
		if v != nil && statusByIndex[si] != NotEligible {
			reqs = appendNew(reqs, v.requests...)
		}
	}
	o.Requests = requestsFor(Check, reqs)
	if b.figures != nil {
		o.Figures = b.figures(e)
	}
	o.Unanswered = keyNamesOf(ev.keys)
	o.Summary = summarise(ru, Check, o.Why)
	return o
}

func requestsFor(s Status, reqs []string) []string {
	if s == NotEligible || len(reqs) == 0 {
		return []string{}
	}
	return append([]string{}, reqs...)
}

func callLines(f func(*Env) []string, e *Env) []string {
	if f == nil {
		return nil
	}
	return f(e)
}

func appendNew(dst []string, vs ...string) []string {
	for _, v := range vs {
		if !slices.Contains(dst, v) {
			dst = append(dst, v)
		}
	}
	return dst
}

func keysOf(mask uint64) []Key {
	var ks []Key
	for k := Key(0); k < numChoiceKeys; k++ {
		if mask&(1<<k) != 0 {
			ks = append(ks, k)
		}
	}
	return ks
}

func keyNamesOf(mask uint64) []string {
	var ns []string
	for k := Key(0); k < NumKeys; k++ {
		if mask&(1<<k) != 0 {
			ns = append(ns, k.String())
		}
	}
	return ns
}

// JoinAnd joins names as English does: "Tyler", "Tyler and Ava", "Tyler, Ava and Mia".
func JoinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// StatusWords is the status as a person reads it.
func StatusWords(s Status) string {
	switch s {
	case Eligible:
		return "Eligible"
	case MayBeEligible:
		return "May be eligible"
	case Check:
		return "Check"
	case NotEligible:
		return "Not eligible"
	}
	return string(s)
}

func summarise(ru *rule, s Status, why []string) string {
	lead := ru.summary
	switch s {
	case Eligible:
		if ru.kind == Duty {
			// A duty is not something you get: it applies to you.
			lead = "This applies to you. " + lead
			break
		}
		lead = "You can get this. " + lead
	case MayBeEligible:
		lead = "You may be able to get this: it is worth asking. " + lead
	case Check:
		lead = "We cannot say yet: something needs checking. " + lead
	case NotEligible:
		lead = "This does not apply to you on these answers. " + lead
	}
	return lead
}
