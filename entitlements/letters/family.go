package letters

import (
	"errors"
	"slices"
	"strings"

	"kincare/entitlements"
)

// FamilyInput is what a family's letters are drafted from: the household and its children.
type FamilyInput struct {
	RequestID string
	Family    entitlements.Family
	Details   entitlements.Details // children[i] describes the family's child i
	AsOf      entitlements.Date
	Today     entitlements.Date
	Earlier   []Sent
}

// sharedLetters are the letters where one letter can speak for several children: the same
// recipient asked the same thing. Every other letter is one per child (a school's Pupil Premium
// Plus letter, say, where each child's status and school are their own).
var sharedLetters = []string{"virtual_school_advice", "sg_support_assessment", "local_offer_copy", "child_in_need_assessment", ComplaintStage1}

// sameLetterKeys are the answers that must agree for children to share a letter: they change
// what the letter says about the child.
var sameLetterKeys = []entitlements.Key{entitlements.LegalStatus, entitlements.PreviouslyLookedAfter,
	entitlements.CouncilInvolved, entitlements.OrderDate, entitlements.PlacingCouncil,
	entitlements.LivingWithCarer, entitlements.ConsideringOrder, entitlements.AdoptedAbroad}

// childDetails is child i's own details: details.children[i], else (for the first) details.child,
// with the family's name for the child where the details give none.
func childDetails(fi *FamilyInput, i int) entitlements.Child {
	var c entitlements.Child
	switch {
	case i < len(fi.Details.Children):
		c = fi.Details.Children[i]
	case i == 0 && fi.Details.Child != nil:
		c = *fi.Details.Child
	}
	if c.Name == "" && i < len(fi.Family.Children) {
		c.Name = fi.Family.Children[i].Name
	}
	return c
}

// DraftFamily drafts a family's letters for one request: one letter naming every child it is
// offered for where the recipient and the ask are the same, else one letter per child. It
// refuses with *ErrNotOffered when no child's answers support the request.
func DraftFamily(fi FamilyInput) ([]Letter, error) {
	type drafted struct {
		in     Input
		letter Letter
		key    string
	}
	var done []drafted
	var firstErr error
	for i := range fi.Family.Children {
		d := fi.Details
		c := childDetails(&fi, i)
		d.Child, d.Children = &c, nil
		in := Input{RequestID: fi.RequestID, Answers: fi.Family.Merged(i), Details: d, AsOf: fi.AsOf, Today: fi.Today, Earlier: fi.Earlier}
		l, err := Draft(in)
		var no *ErrNotOffered
		if errors.As(err, &no) {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		key := strings.Join(l.To, "\n") + "|" + string(l.Status)
		for _, k := range sameLetterKeys {
			key += "|" + in.Answers.Value(k)
		}
		done = append(done, drafted{in: in, letter: l, key: key})
	}
	if len(done) == 0 {
		if firstErr == nil {
			firstErr = &ErrNotOffered{RequestID: fi.RequestID, Reason: "the family has no children"}
		}
		return nil, firstErr
	}
	if !slices.Contains(sharedLetters, fi.RequestID) {
		out := make([]Letter, len(done))
		for i, d := range done {
			out[i] = d.letter
		}
		return out, nil
	}
	var out []Letter
	used := make([]bool, len(done))
	for i := range done {
		if used[i] {
			continue
		}
		in := done[i].in
		group := []entitlements.Child{*in.Details.Child}
		for j := i + 1; j < len(done); j++ {
			if !used[j] && done[j].key == done[i].key {
				used[j] = true
				group = append(group, *done[j].in.Details.Child)
			}
		}
		if len(group) == 1 {
			out = append(out, done[i].letter)
			continue
		}
		in.group = group
		l, err := Draft(in)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}
