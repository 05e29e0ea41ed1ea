// Package entitlements turns a family's answers and a date into what the family can get.
//
// It is pure logic: no terminal, no disk, no clock. The date is always an input (as_of), so the
// same answers give the same outcomes on any machine, and a test can ask "what did the rules say
// on 1 March 2024?".
//
// # Reading order for a newcomer
//
//  1. answers.go: the answer keys and their allowed values, exactly as spec/assess.md lists them.
//     An Answers value holds each answer as its spec string; "" means not asked or not answered,
//     "not_sure" means the person said they do not know.
//  2. family.go: a household and 1 to 12 children. Each child is assessed on its own answers with
//     the household's filled in where the child gives none (Family.Merged).
//  3. situation.go: the arrangement (informal kinship care, private fostering, special
//     guardianship and so on), decided first because many rules turn on it.
//  4. rules_order.go lists every rule in the contract's order; rules_*.go beside it hold one small
//     rule per outcome id of the spec, in the spec's order. Each rule is written as the general
//     case first, then its named exceptions, the way Catala and the legislation read; every
//     status it can give is a verdict value with its reasons (why), what would change it, next
//     steps and the letters (requests) that ask for it.
//  5. engine.go and assess.go: how unknown answers are handled (below), and Assess.
//  6. params.go and data/params/*.json: every figure (a rate or a limit) as dated data with its
//     source. data/sources.json gives each outcome's sources; data/councils.json the councils of
//     England with their fostering rate area and Kinship Zone. A content reviewer can correct
//     these files without reading Go; params_test.go, sources_test.go and councils_test.go check
//     them.
//
// # Unknown answers: the walk
//
// A rule reads answers through a ctx. When it reads an answer that is missing or "not_sure",
// the ctx gives it one possible value and notes the choice; the engine then runs the rule again
// for every other value of every unknown it actually reached (a depth-first walk of the rule's
// decision tree). If every run gives the same status, that is the status. If not, the outcome
// is "check" and the keys whose values made the difference go in "unanswered". So no rule
// carries hand-written "not sure" branches that could be forgotten, and the wizard uses the same
// walk to ask only questions that can still change something. The walk is exponential in the
// number of unknown keys one rule reads on one path, so rules stay small and a test holds the
// total number of evaluations under a budget.
//
// # Sources: the reference codes
//
// Comments and data cite the research notes in the shared reference folder by a short code and
// section, so a reader can find the fact behind a rule:
//
//	[LE §n]  legal-education.md: definitions, orders, Virtual Schools, schools, early years,
//	         the local offer, Wales, Scotland and Northern Ireland, the 2025-2026 changes.
//	[MO §n]  money-legal-aid.md: fostering allowances, special guardianship and CAO support,
//	         section 17, the kinship allowance pilot, the ASGSF, benefits, legal aid, work.
//	[FU §n]  followup.md: answers to the first notes' open questions (newer where they differ),
//	         including council-arranged placements.
//	[AD §An] additions.md, first audit (pension age, DLA, Tax-Free Childcare, maintenance,
//	         Wales legal aid, school meals, early years, work, leaving care, rate areas).
//	[AD §Bn] additions.md, second audit (Kinship Zone tests, the Sure Start Maternity Grant,
//	         Child Benefit at 16, a kinship foster child at 18, Qualifying Care Relief 2026-27,
//	         the children's complaints procedure).
//
// A fact the notes mark UNCONFIRMED never becomes a settled answer: the rule says "check" and
// what to check, and a figure not confirmed for the year shows the latest confirmed one with its
// year and confirmed: false.
//
// # What this package gives
//
// Assess and AssessFamily return results whose Report (and family report) is the JSON of
// spec/assess.md. The letters package beside this one drafts the requests an outcome offers.
package entitlements
