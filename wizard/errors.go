package wizard

import (
	"fmt"

	e "kincare/entitlements"
)

// AnswerError is an answer the session refused, with plain words saying what to type instead.
// Both front ends show Message as it is, beside the question, and keep what was typed.
type AnswerError struct {
	Key     e.Key
	Input   string // what was typed
	Message string // a whole sentence for the person
}

func (err *AnswerError) Error() string { return err.Message }

// The wording of every refused answer: one home, so both front ends say the same.
const (
	msgEmpty      = "Choose an answer, or skip this question."
	msgAge        = "Type the age as a number, like 7."
	msgAgeRange   = "Type an age from 0 to 25, as a number, like 7."
	msgDate       = "Type the date like 14/3/2024 or 14 March 2024. If you know only the month, type it like March 2024."
	msgDay        = "Type the day as well, like 14 March 2024."
	msgFutureDate = "That date has not come yet. Type the date the order was made, like 14 March 2024."
	msgCouncil    = "Type the council's name, like Leeds or Kent."
	msgTooLong    = "That is too long. Type the name only, in up to 200 letters."
	msgNotAllowed = "That answer cannot be used here. Choose one of the answers shown."
)

func msgNumber(n int) string {
	if n == 1 {
		return "Type 1 to choose the answer shown."
	}
	return fmt.Sprintf("Choose an answer by its number, from 1 to %d.", n)
}
