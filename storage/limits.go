package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"kincare/entitlements"
)

// Limits on one case. They are far above what a family's record holds (a long letter is
// 10,000 characters) and stop a wrong or hostile import (a 50 MB name) before it fills the
// memory of every later list and search.
const (
	MaxLabel         = 1000    // characters in a case's label
	MaxNoteText      = 50_000  // characters in one note
	MaxLetterText    = 200_000 // characters in one version of a letter
	MaxNotes         = 5_000   // notes in one case
	MaxRequests      = 200     // letters in one case
	MaxVersions      = 500     // versions and follow-ups of one letter
	MaxSkipped       = 200     // skipped answer keys
	MaxShortField    = 100     // characters in a status, date or id
	MaxImportBytes   = 512 << 20
	maxAnswersBytes  = entitlements.MaxAnswersFileBytes
	detailsFieldName = "the people's details"
)

// limitError keeps the bare phrase in Err so an import can say it in its own sentence.
func limitError(phrase string) error {
	return &Error{Kind: ErrInvalid, Err: errors.New(phrase), Msg: "The case was not saved: " + phrase + "."}
}

func tooLong(what string, n, limit int) error {
	return limitError(fmt.Sprintf("%s is %d characters long, and kincare keeps at most %d", what, n, limit))
}

func tooMany(what string, n, limit int) error {
	return limitError(fmt.Sprintf("it has %d %s, and kincare keeps at most %d", n, what, limit))
}

// checkLimits runs before any cleaning, so an oversized field costs one length check.
func checkLimits(c *Case) error {
	if n := utf8.RuneCountInString(c.Label); n > MaxLabel {
		return tooLong("The label", n, MaxLabel)
	}
	if n := utf8.RuneCountInString(c.AsOf); n > MaxShortField {
		return tooLong("The assessment date", n, MaxShortField)
	}
	if err := checkAnswers(c.Household, "the household's answers"); err != nil {
		return err
	}
	if err := checkKeys(c.HouseholdSkipped); err != nil {
		return err
	}
	if len(c.Children) > entitlements.MaxChildren {
		return tooMany("children", len(c.Children), entitlements.MaxChildren)
	}
	for _, ch := range c.Children {
		if n := utf8.RuneCountInString(ch.Name); n > entitlements.MaxTextField {
			return tooLong("A child's name", n, entitlements.MaxTextField)
		}
		if n := utf8.RuneCountInString(ch.ID); n > MaxShortField {
			return tooLong("A child's reference", n, MaxShortField)
		}
		if err := checkAnswers(ch.Answers, "a child's answers"); err != nil {
			return err
		}
		if err := checkKeys(ch.Skipped); err != nil {
			return err
		}
	}
	dj, err := json.Marshal(c.Details)
	if err != nil {
		return &Error{Kind: ErrInvalid, Err: err, Msg: "The case was not saved: its details cannot be written out."}
	}
	// The whole-size bound is generous so an oversized field is named rather than the lot.
	if err := entitlements.CheckJSON(dj, MaxImportBytes, detailsFieldName); err != nil {
		return limitError(err.Error())
	}
	if len(c.Notes) > MaxNotes {
		return tooMany("notes", len(c.Notes), MaxNotes)
	}
	for _, n := range c.Notes {
		if l := utf8.RuneCountInString(n.Text); l > MaxNoteText {
			return tooLong("A note", l, MaxNoteText)
		}
	}
	if len(c.Requests) > MaxRequests {
		return tooMany("letters", len(c.Requests), MaxRequests)
	}
	for _, r := range c.Requests {
		for _, s := range append([]string{r.ID, r.Status, r.SentOn, r.SentHow, r.ReplyDue, r.RepliedOn}, r.Children...) {
			if n := utf8.RuneCountInString(s); n > MaxShortField {
				return tooLong("A letter's status, date or child", n, MaxShortField)
			}
		}
		if len(r.Children) > entitlements.MaxChildren {
			return tooMany("children named in one letter", len(r.Children), entitlements.MaxChildren)
		}
		if len(r.Versions)+len(r.FollowUps) > MaxVersions {
			return tooMany("versions of one letter", len(r.Versions)+len(r.FollowUps), MaxVersions)
		}
		for _, vs := range [][]LetterVersion{r.Versions, r.FollowUps} {
			for _, v := range vs {
				if n := utf8.RuneCountInString(v.Text); n > MaxLetterText {
					return tooLong("A letter", n, MaxLetterText)
				}
				for _, s := range []string{v.SentOn, v.SentHow, v.ReplyDue} {
					if n := utf8.RuneCountInString(s); n > MaxShortField {
						return tooLong("A letter's date or how it was sent", n, MaxShortField)
					}
				}
			}
		}
	}
	return nil
}

func checkAnswers(a json.RawMessage, what string) error {
	if len(a) == 0 {
		return nil
	}
	if err := entitlements.CheckJSON(a, maxAnswersBytes, what); err != nil {
		return limitError(err.Error())
	}
	return nil
}

func checkKeys(keys []string) error {
	if len(keys) > MaxSkipped {
		return tooMany("skipped questions", len(keys), MaxSkipped)
	}
	for _, k := range keys {
		if n := utf8.RuneCountInString(k); n > MaxShortField {
			return tooLong("A skipped question's name", n, MaxShortField)
		}
	}
	return nil
}
