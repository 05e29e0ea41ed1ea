package entitlements

import (
	"fmt"
	"strings"
)

// The walk over unknown answers (engine.go) runs a rule once for every combination of the
// unknown answers it reads on a path, so its cost grows exponentially with them. These checks
// keep it honest: they run when the package starts, so a rule that breaks them fails at once
// with a clear message, never later in front of a family.

// walkBudget is the most rule evaluations one assessment may make, whatever is unknown.
// Nothing known costs about 4,000 today (TestWalkBudget logs the figures).
const walkBudget = 10000

// probeDates are dates either side of the rules' start dates, so date-dependent paths are walked.
var probeDates = []string{"2023-01-01", "2024-09-01", "2026-11-22", "2028-06-01"}

// errRules is the result of checking the rules at start-up.
var errRules = checkRules(rules[:])

func init() {
	if errRules != nil {
		panic("entitlements: the rules cannot be used: " + errRules.Error())
	}
}

// CheckRules reports whether the rules passed the start-up checks (they must, to get here).
func CheckRules() error { return errRules }

// checkRules walks every rule with nothing known, at each probe date. A rule may not read an
// answer that has no values to walk (free text or a date, such as order_date or
// placing_council: the words may mention them, never the rule's status), may not read more
// unknown answers on one path than the engine holds, and the whole walk must stay within
// walkBudget evaluations.
func checkRules(rs []rule) error {
	var w walk
	for _, ds := range probeDates {
		c := ctx{a: &Answers{}, asOf: MustDate(ds), country: "england", limit: walkBudget}
		total := 0
		for i := range rs {
			ru := &rs[i]
			c.evals, c.badReads, c.overflow = 0, 0, false
			c.explore(&w, func(c *ctx) (uint8, *verdict, bool) {
				v := ru.eval(c)
				return statusIndex[v.status], v, false
			})
			if c.badReads != 0 {
				return fmt.Errorf("rule %s reads %s, which has no values to walk (free text or a date); only an outcome's words may use it", ru.id, strings.Join(keyNamesOf(c.badReads), ", "))
			}
			if c.overflow {
				return fmt.Errorf("rule %s reads more than %d unknown answers on one path", ru.id, maxChoices)
			}
			total += c.evals
			if total > walkBudget {
				return fmt.Errorf("with nothing known the rules take over %d evaluations as at %s (rule %s reached %d)", walkBudget, ds, ru.id, total)
			}
		}
	}
	return nil
}
