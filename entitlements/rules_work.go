package entitlements

// Work [MO §7]: every right needs an employee.

func workRule(id, title, summary string, starts string, eval func(c *ctx) *verdict) rule {
	return rule{id: id, kind: Entitlement, group: Work, title: title, summary: summary, starts: starts,
		eval: func(c *ctx) *verdict {
			switch c.val(InWork) {
			case "self_employed":
				return workSelfEmployed
			case "no":
				return workNone
			}
			return eval(c)
		}}
}

var (
	workSelfEmployed = &verdict{status: NotEligible,
		why:    lines("This is a right for employees, and you work for yourself."),
		change: lines("It would apply if you were employed.")}
	workNone = &verdict{status: NotEligible,
		why:    lines("This is a right for people in work as employees."),
		change: lines("It would apply if you were employed.")}
)

var parentalLeave = workRule("unpaid_parental_leave", "Unpaid parental leave",
	"Up to 18 weeks' unpaid leave per child (no more than four weeks a year) for employees with parental responsibility.", "2026-04-06",
	func(c *ctx) *verdict {
		// The right ends at the 18th birthday, order or not: the age comes first.
		if c.age() >= 18 {
			return uplAge
		}
		if !c.hasPR() {
			if c.considering("sgo", "cao", "adoption") {
				return uplExpect
			}
			return uplNoPR
		}
		if c.before("2026-04-06") {
			return uplService
		}
		return uplYes
	})

var (
	uplYes = &verdict{status: Eligible,
		why:      lines("You are an employee with parental responsibility for a child under 18. Since 6 April 2026, unpaid parental leave is a right from your first day in the job."),
		change:   lines("It ends when the child turns 18."),
		next:     lines("Give your employer 21 days' notice in writing of the dates."),
		requests: lines("parental_leave")}
	uplService = &verdict{status: Check,
		why:      lines("Before 6 April 2026 you needed one year's service with your employer for unpaid parental leave."),
		change:   lines("From 6 April 2026 it is a right from day one."),
		next:     lines("Check how long you have worked for your employer."),
		requests: lines("parental_leave")}
	uplExpect = &verdict{status: Check,
		why:    lines("Unpaid parental leave needs parental responsibility. You are thinking of an order that would give it; the right may cover someone who expects to have it."),
		change: lines("Once the order is made, you will have parental responsibility."),
		next:   lines("Ask your employer, or Acas, once the order is close.")}
	uplNoPR = &verdict{status: NotEligible,
		why:    lines("Unpaid parental leave needs parental responsibility, which comes with a special guardianship, child arrangements or adoption order. Foster carers and informal carers do not have it."),
		change: lines("An order giving you parental responsibility would change this.")}
	uplAge = &verdict{status: NotEligible,
		why:    lines("Unpaid parental leave is for a child under 18: the right ends at the 18th birthday, with or without an order."),
		change: lines("It does not apply at this age.")}
)

var flexibleWorking = workRule("flexible_working", "Asking to work flexibly",
	"Employees can ask to change their hours, times or place of work; the employer must deal with it reasonably.", "2024-04-06",
	func(c *ctx) *verdict {
		if c.before("2024-04-06") {
			return fwService
		}
		return fwYes
	})

var (
	fwYes = &verdict{status: Eligible,
		why:      lines("Since 6 April 2024 every employee can ask for flexible working from their first day. Your employer must decide within two months and can refuse only for set business reasons."),
		change:   lines("You can make two requests in any 12 months."),
		next:     lines("Write to your employer with the change you want and when it would start."),
		requests: lines("flexible_working")}
	fwService = &verdict{status: Check,
		why:      lines("Before 6 April 2024 you needed 26 weeks' service to make a statutory flexible working request."),
		change:   lines("From 6 April 2024 it is a right from day one."),
		next:     lines("Check how long you have worked for your employer."),
		requests: lines("flexible_working")}
)

var employerKinshipLeave = func() rule {
	r := workRule("employer_kinship_leave", "Kinship leave from your employer",
		"There is no legal right to kinship leave, but some employers give paid leave to kinship carers.", "",
		func(c *ctx) *verdict { return eklMay })
	r.kind = Advice // spec: employer_kinship_leave — advice (there is no statutory right)
	return r
}()

var eklMay = &verdict{status: MayBeEligible,
	why:    lines("There is no legal right to kinship leave, but some employers (for example \"Kinship Friendly Employers\") give paid leave."),
	change: lines("Your employer's policy decides it."),
	next:   lines("Check your staff handbook or ask HR for any kinship, special leave or compassionate leave policy.")}

var adoptionLeave = workRule("adoption_leave", "Adoption leave and pay",
	"Up to 52 weeks' leave for employees who adopt.", "",
	func(c *ctx) *verdict {
		if c.legal() == "adoption" {
			return alCheck
		}
		return alNo
	})

var (
	alCheck = &verdict{status: Check,
		why:    lines("Statutory adoption leave is for employees matched with a child for adoption. GOV.UK says it does not apply when you adopt a family member or step-child."),
		change: lines("It depends on how the adoption was arranged."),
		next:   lines("Ask your employer and Acas whether you qualify.")}
	alNo = &verdict{status: NotEligible,
		why:    lines("Adoption leave is only for adoption. Special guardians and other kinship carers do not qualify."),
		change: lines("Ask your employer about kinship or special leave instead.")}
)

var timeOffDependants = workRule("time_off_for_dependants", "Time off in an emergency",
	"Reasonable unpaid time off to deal with an emergency involving a child who lives with you.", "",
	func(c *ctx) *verdict { return todYes })

var todYes = &verdict{status: Eligible,
	why:    lines("Every employee can take reasonable unpaid time off for an emergency involving a child who lives with them, from their first day (Employment Rights Act 1996 s57A)."),
	change: lines("It is for emergencies, not planned care."),
	next:   lines("Tell your employer as soon as you can, and how long you expect to be off.")}

var carersLeave = workRule("carers_leave", "Carer's leave",
	"One week of unpaid leave a year to care for a dependant with a long-term care need.", "2024-04-06",
	func(c *ctx) *verdict {
		if !c.yes(ChildDisabled) {
			return clNo
		}
		if c.before("2024-04-06") {
			return clBefore
		}
		return clYes
	})

var (
	clYes = &verdict{status: Eligible,
		why:    lines("The child has a long-term care need, so you can take up to one week of unpaid carer's leave a year, from your first day (since 6 April 2024)."),
		change: lines("It is for planned care."),
		next:   lines("Give your employer notice: twice as many days as the leave you want, or three days if more.")}
	clBefore = &verdict{status: NotEligible,
		why:    lines("Carer's leave started on 6 April 2024."),
		change: lines("From 6 April 2024 it applies.")}
	clNo = &verdict{status: NotEligible,
		why:    lines("Carer's leave is for caring for someone with a long-term care need, such as a disability."),
		change: lines("If the child has a disability, it could apply.")}
)
