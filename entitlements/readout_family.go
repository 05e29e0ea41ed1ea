package entitlements

import (
	"fmt"
	"strings"
)

// FamilyReadOut is the read-out for a family, taken as one (assess.md "Families"): what is
// the same for every child once, then what differs, child by child. names are the children's
// names as they are read out ("Tyler, 7"); reps their assessments, in the same order. One
// child's read-out is ReadOut's.
func FamilyReadOut(names []string, reps []Report) string {
	if len(reps) == 1 {
		return ReadOut(reps[0])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Summary as at %s\n\n", longDate(reps[0].AsOf))
	b.WriteString("The family: " + strings.Join(names, "; ") + ".\n")
	same := true
	for _, r := range reps[1:] {
		same = same && SituationWords(r) == SituationWords(reps[0])
	}
	if same {
		b.WriteString(SituationWords(reps[0]) + "\n")
	} else {
		for i, r := range reps {
			b.WriteString(names[i] + ": " + SituationWords(r) + "\n")
		}
	}
	// An outcome is the family's when every child has it with the same status.
	shared := map[string]bool{}
	var common []Outcome
	for _, o := range reps[0].Outcomes {
		all := true
		for _, r := range reps[1:] {
			all = all && statusOf(r, o.ID) == o.Status
		}
		if all {
			shared[o.ID] = true
			common = append(common, o)
		}
	}
	b.WriteString("\nFor every child\n")
	writeSections(&b, common)
	for i, r := range reps {
		var own []Outcome
		for _, o := range r.Outcomes {
			if !shared[o.ID] {
				own = append(own, o)
			}
		}
		var part strings.Builder
		writeSections(&part, own)
		if part.Len() > 0 {
			b.WriteString("\nFor " + names[i] + "\n")
			b.WriteString(part.String())
		}
	}
	seen := map[string]bool{}
	var open []string
	for _, r := range reps {
		for _, u := range r.Unanswered {
			if !seen[u] {
				seen[u] = true
				open = append(open, u)
			}
		}
	}
	writeUnanswered(&b, open)
	return b.String()
}

func statusOf(r Report, id string) Status {
	for _, o := range r.Outcomes {
		if o.ID == id {
			return o.Status
		}
	}
	return ""
}
