package entitlements

import (
	"fmt"
	"time"
)

// Date is a calendar day. The rules never read the clock: the date is always an input.
type Date struct{ t time.Time }

// DateOf makes a Date from a year, month and day.
func DateOf(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// ParseDate reads YYYY-MM-DD and rejects impossible days such as 2026-02-30.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t}, nil
}

// ParseDateOrMonth reads YYYY-MM-DD, or YYYY-MM when only the month is known (an order's
// date often is). For a month it returns the first day of the month and month true.
func ParseDateOrMonth(s string) (d Date, month bool, err error) {
	if len(s) == len("2006-01") {
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return Date{}, false, fmt.Errorf("%q is not a month in the form YYYY-MM", s)
		}
		return Date{t}, true, nil
	}
	d, err = ParseDate(s)
	return d, false, err
}

// MustDate is ParseDate for dates written in the code and data.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func (d Date) String() string        { return d.t.Format("2006-01-02") }
func (d Date) IsZero() bool          { return d.t.IsZero() }
func (d Date) Before(o Date) bool    { return d.t.Before(o.t) }
func (d Date) After(o Date) bool     { return d.t.After(o.t) }
func (d Date) OnOrAfter(o Date) bool { return !d.t.Before(o.t) }
func (d Date) Time() time.Time       { return d.t }
func (d Date) AddDays(n int) Date    { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) AddYears(n int) Date   { return Date{d.t.AddDate(n, 0, 0)} }
func (d Date) AddMonths(n int) Date  { return Date{d.t.AddDate(0, n, 0)} }
func (d Date) Year() int             { return d.t.Year() }
func (d Date) Month() time.Month     { return d.t.Month() }
func (d Date) Day() int              { return d.t.Day() }

// Long is the date as a letter writes it: 22 November 2026.
func (d Date) Long() string { return d.t.Format("2 January 2006") }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
