package entitlements

import "strconv"

// How unknown answers are handled (spec/rules.md, "Reading the rules" 1):
// a rule is ordinary Go that reads answers through a ctx. When it reads an answer that is
// missing or "not sure", the ctx hands it one possible value and notes the choice; the engine
// then runs the rule again for every other value of every choice it actually reached
// (a depth-first walk of the rule's decision tree). If all the runs agree, that is the
// status; if they disagree, the outcome is "check" and the keys whose values made the
// difference go in "unanswered". Nobody writes "not_sure" branches by hand, so no rule can
// forget one, and the wizard uses the same walk to know which questions still matter.

// Pseudo keys are facts the rules need that no single answer settles; they are walked like
// unknown answers but never reported as unanswered questions.
const (
	// pseudoLookedAfterInLaw: children's services placed the child before the order, so the
	// child may in law have been looked after even if the council called it private (FU §7).
	pseudoLookedAfterInLaw Key = NumKeys + iota
	// pseudoRelative: "other relative" is not settled by the statute's list (CA 1989 s105).
	pseudoRelative
	numChoiceKeys
)

var pseudoNames = [...]string{"looked_after_in_law", "counts_as_relative"}

// representativeAges are one age from each band any rule distinguishes (0–1, 2, 3, 4, 5–7,
// 8–11, 12–15, 16, 17, 18, 19, 20, 21, 22–25). Walking these instead of all 26 ages keeps an
// unknown age cheap; TestRepresentativeAges proves it gives the same answers as 0–25.
var representativeAges = []string{"0", "1", "2", "3", "4", "5", "8", "12", "16", "17", "18", "19", "20", "21", "22"}

var yesNo = []string{"yes", "no"}

// domains lists the values a rule may meet for an unknown key. "not_sure" is never one:
// it stands for one of the others.
var domains = func() [numChoiceKeys][]string {
	var d [numChoiceKeys][]string
	for k := Key(0); k < NumKeys; k++ {
		s := keySpecs[k]
		for _, v := range s.Values {
			if v != NotSure {
				d[k] = append(d[k], v)
			}
		}
	}
	d[ChildAge] = representativeAges
	// Only the signpost walks the country: every other rule reads it as England when it is
	// missing (Reading the rules 2), through ctx.country.
	// Reading the rules 3: a missing relationship, parent_in_home or living_with_carer never
	// makes the family "not kinship care", so those values are left out of the walk.
	d[Relationship] = without(d[Relationship], "parent")
	d[LivingWithCarer] = []string{"yes", "soon"}
	d[ParentInHome] = []string{"no"}
	// Every rule reads a residence order as a child arrangements order (Reading the rules 8,
	// through ctx.legal), so walking it as well would only repeat the cao runs.
	d[LegalStatus] = without(d[LegalStatus], "residence_order")
	// An unrecognised council is walked as "in a Kinship Zone" or not.
	d[CouncilKey] = []string{"zone", "other"}
	// order_date and placing_council have no values to walk: no rule may read them through
	// the ctx (checkRules refuses such a rule at start-up; see walkcheck.go).
	d[pseudoLookedAfterInLaw] = yesNo
	d[pseudoRelative] = yesNo
	return d
}()

func without(vs []string, drop string) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v != drop {
			out = append(out, v)
		}
	}
	return out
}

type choice struct {
	key Key
	idx uint8
}

const maxChoices = 24

// ctx is what a rule reads the family's situation through.
type ctx struct {
	a       *Answers
	asOf    Date
	asOfNum int    // asOf as the number YYYYMMDD, for before
	country string // answered country, or england when missing (Reading the rules 2)
	council *Council
	nkc     bool // not kinship care, on answered values only

	stack    [maxChoices]choice
	depth    int
	pos      int
	assigned [numChoiceKeys]int8

	rawUnknown uint64 // unknown keys read without walking (see raw)

	evals    int    // rule evaluations in this assessment (the walk budget, walkcheck.go)
	badReads uint64 // keys read through the walk that have no values to walk
	overflow bool   // a rule read more unknown answers than maxChoices
	limit    int    // when not 0, stop a walk after this many evaluations (checkRules)
}

// val returns the answer for k, or the value being tried for it when it is unknown.
func (c *ctx) val(k Key) string {
	if k < NumKeys {
		if v := c.a.vals[k]; v != "" && v != NotSure {
			return v
		}
	}
	if len(domains[k]) == 0 {
		// A free-text or date answer cannot be walked. checkRules refuses a rule that does
		// this at start-up; here it reads as no answer rather than crashing.
		c.badReads |= 1 << k
		return ""
	}
	return domains[k][c.pick(k)]
}

func (c *ctx) is(k Key, v string) bool { return c.val(k) == v }

func (c *ctx) yes(k Key) bool { return c.val(k) == "yes" }

func (c *ctx) in(k Key, vs ...string) bool {
	v := c.val(k)
	for _, x := range vs {
		if v == x {
			return true
		}
	}
	return false
}

func (c *ctx) pick(k Key) int {
	if c.assigned[k] >= 0 {
		return int(c.assigned[k])
	}
	var idx int
	if c.pos < c.depth {
		idx = int(c.stack[c.pos].idx)
	} else {
		if c.depth == maxChoices {
			// Too many unknown answers on one path: take the first value without walking
			// the others. checkRules refuses such a rule at start-up.
			c.overflow = true
			c.assigned[k] = 0
			return 0
		}
		c.stack[c.depth] = choice{key: k}
		c.depth++
	}
	c.pos++
	c.assigned[k] = int8(idx)
	return idx
}

// age is the child's age, walking the representative ages when unknown.
func (c *ctx) age() int {
	n, _ := strconv.Atoi(c.val(ChildAge))
	return n
}

func (c *ctx) ageIn(lo, hi int) bool {
	n := c.age()
	return n >= lo && n <= hi
}

// resultSet holds the statuses a walk reached, one bit each, so comparing them is cheap.
type resultSet uint16

type path struct {
	code   uint8 // the status (or arrangement) index
	v      *verdict
	soon   bool
	start  int32 // into walk.choices
	nchoic int32
}

type walk struct {
	paths   []path
	choices []choice
	// final: compare what each answer would finally show, not the sets of statuses behind
	// it. Outside England a rule's "check" (each nation has its own rules) is final, so an
	// answer that only moves an outcome between two kinds of check does not matter.
	final bool
}

// finalOf is the status a set of results shows: its one member, or check.
func finalOf(s resultSet) resultSet {
	if s&(s-1) != 0 {
		return 1 << statusIndex[Check]
	}
	return s
}

// explore runs eval over every combination of unknown answers it reaches.
func (c *ctx) explore(w *walk, eval func(c *ctx) (uint8, *verdict, bool)) {
	w.paths = w.paths[:0]
	w.choices = w.choices[:0]
	c.depth = 0
	for {
		c.pos = 0
		for i := range c.assigned {
			c.assigned[i] = -1
		}
		code, v, soon := eval(c)
		c.evals++
		if c.limit != 0 && c.evals > c.limit {
			return
		}
		c.depth = c.pos
		start := len(w.choices)
		w.choices = append(w.choices, c.stack[:c.depth]...)
		w.paths = append(w.paths, path{code: code, v: v, soon: soon, start: int32(start), nchoic: int32(c.depth)})
		for c.depth > 0 {
			top := &c.stack[c.depth-1]
			if int(top.idx)+1 < len(domains[top.key]) {
				top.idx++
				break
			}
			c.depth--
		}
		if c.depth == 0 {
			return
		}
	}
}

// analyse returns the set of results in paths and marks in *keys each choice key whose
// values lead to different sets of results (it made a difference).
func analyse(w *walk, lo, hi, depth int, keys *uint64) resultSet {
	first := w.paths[lo]
	if hi-lo == 1 && int(first.nchoic) == depth {
		return 1 << first.code
	}
	key := w.choices[int(first.start)+depth].key
	var union, prev resultSet
	differ := false
	i := lo
	n := 0
	for i < hi {
		idx := w.choices[int(w.paths[i].start)+depth].idx
		j := i + 1
		for j < hi && w.choices[int(w.paths[j].start)+depth].idx == idx {
			j++
		}
		s := analyse(w, i, j, depth+1, keys)
		if n > 0 && s != prev && (!w.final || finalOf(s) != finalOf(prev)) {
			differ = true
		}
		prev = s
		union |= s
		n++
		i = j
	}
	// Equal sets can still hide a difference: with another unknown answer spread over both
	// branches, one assignment of the others may give "eligible" for one value and "not
	// eligible" for the other. Look for two such runs that agree on every other answer.
	if !differ && union&(union-1) != 0 && *keys&(1<<key) == 0 && flipMatters(w, lo, hi, depth) {
		differ = true
	}
	if differ {
		*keys |= 1 << key
	}
	return union
}

// flipMatters reports whether two runs below the choice at depth take different values there,
// agree on every other unknown answer both read, and end differently.
func flipMatters(w *walk, lo, hi, depth int) bool {
	for i := lo; i < hi; i++ {
		p := w.paths[i]
		pi := w.choices[int(p.start)+depth].idx
		for j := i + 1; j < hi; j++ {
			q := w.paths[j]
			if q.code == p.code || w.choices[int(q.start)+depth].idx == pi {
				continue
			}
			if w.final && (readsPseudo(w, p) || readsPseudo(w, q)) {
				continue // a fact nobody is asked: it never settles the outcome
			}
			if consistent(w, p, q, depth+1) {
				return true
			}
		}
	}
	return false
}

func readsPseudo(w *walk, p path) bool {
	for _, c := range w.choices[int(p.start) : int(p.start)+int(p.nchoic)] {
		if c.key >= NumKeys {
			return true
		}
	}
	return false
}

func consistent(w *walk, p, q path, from int) bool {
	pc := w.choices[int(p.start)+from : int(p.start)+int(p.nchoic)]
	qc := w.choices[int(q.start)+from : int(q.start)+int(q.nchoic)]
	for _, a := range pc {
		for _, b := range qc {
			if a.key == b.key && a.idx != b.idx {
				return false
			}
		}
	}
	return true
}
