package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kincare/entitlements"
	"kincare/wizard"
)

func shortPrompt(q wizard.Question, user string) string {
	if n, ok := shortNames[q.Key]; ok {
		return n
	}
	return q.Prompt(user)
}

// shortNames label the answers so far, so they fit beside the question.
var shortNames = map[entitlements.Key]string{
	entitlements.Country: "Country", entitlements.Relationship: "Relationship", entitlements.LivingWithCarer: "Lives with carer",
	entitlements.ParentInHome: "Parent at home", entitlements.LegalStatus: "Legal status", entitlements.CouncilInvolved: "Social worker arranged",
	entitlements.OrderRoute: "Who went to court", entitlements.OtherwiseInCare: "Would be in care",
	entitlements.PreviouslyLookedAfter: "In care before order", entitlements.AdoptedAbroad: "Adopted abroad", entitlements.ChildAge: "Child's age",
	entitlements.Duration: "How long", entitlements.ChildDisabled: "Disability", entitlements.ConsideringOrder: "Thinking of order",
	entitlements.CourtCase: "Court case", entitlements.CouncilKey: "Council", entitlements.SGFinancialSupport: "SG money already",
	entitlements.InWork: "Work", entitlements.EducationKey: "Education", entitlements.SchoolType: "School type", entitlements.EHCP: "EHC plan",
	entitlements.ParentsDied: "Parents died", entitlements.SurvivingParent: "Other parent", entitlements.Benefits: "Means-tested benefit",
	entitlements.CarerPensionAge: "Pension age", entitlements.ChildDLA: "DLA or PIP", entitlements.OrderDate: "Order date",
	entitlements.PlacingCouncil: "Council before order", entitlements.User: "Who is using this",
}

// pane draws content in a bordered box exactly width cells wide and height+2 lines tall.
// Lines are wrapped to fit, and what does not fit is cut. The box is drawn by hand: this
// runs on every key.
func pane(style lipgloss.Style, width, height int, content string) string {
	inner := width - 4
	b := style.GetBorderStyle()
	fg := lipgloss.NewStyle().Foreground(style.GetBorderTopForeground())
	var sb strings.Builder
	sb.Grow((width + 8) * (height + 2))
	sb.WriteString(fg.Render(b.TopLeft + strings.Repeat(b.Top, width-2) + b.TopRight))
	n := 0
	side := fg.Render(b.Left)
	rside := fg.Render(b.Right)
	emit := func(l string) {
		w := ansi.StringWidth(l)
		if w > inner {
			l = ansi.Truncate(l, inner, "")
			w = ansi.StringWidth(l)
		}
		sb.WriteString("\n" + side + " " + l + strings.Repeat(" ", inner-w) + " " + rside)
		n++
	}
	for _, l := range strings.Split(content, "\n") {
		if n == height {
			break
		}
		if ansi.StringWidth(l) > inner {
			for _, wl := range strings.Split(ansi.Wrap(l, inner, ""), "\n") {
				if n < height {
					emit(wl)
				}
			}
			continue
		}
		emit(l)
	}
	for n < height {
		emit("")
	}
	sb.WriteString("\n" + fg.Render(b.BottomLeft+strings.Repeat(b.Bottom, width-2)+b.BottomRight))
	return sb.String()
}
