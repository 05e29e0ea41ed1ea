package letters

import (
	"testing"

	"kincare/entitlements"
)

func TestAddWorkingDays(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-12-24", 1, "2026-12-29"}, // 25 Dec Fri, 28 Dec Mon (Boxing Day substitute)
		{"2026-12-23", 1, "2026-12-24"},
		{"2026-12-31", 1, "2027-01-04"}, // 1 Jan 2027 is a Friday
		{"2027-03-25", 1, "2027-03-30"}, // Good Friday 26 Mar, Easter Monday 29 Mar 2027
		{"2027-04-30", 1, "2027-05-04"}, // early May bank holiday 3 May 2027
		{"2027-12-31", 1, "2028-01-04"}, // 1 Jan 2028 Sat -> 3 Jan 2028
		{"2027-12-24", 1, "2027-12-29"}, // 25 Sat, 26 Sun -> 27, 28 Dec 2027
		{"2022-06-01", 1, "2022-06-06"}, // platinum jubilee 2 and 3 June 2022
		{"2022-09-16", 1, "2022-09-20"}, // the Queen's funeral
		{"2023-05-05", 1, "2023-05-09"}, // coronation 8 May 2023
		{"2026-11-23", 20, "2026-12-21"},
		{"2026-12-01", 20, "2026-12-31"},
		{"2026-12-02", 20, "2027-01-04"},
		{"2026-11-23", 0, "2026-11-23"},
	} {
		got := AddWorkingDays(entitlements.MustDate(c.from), c.n)
		if got.String() != c.want {
			t.Errorf("%s + %d working days = %s, want %s", c.from, c.n, got, c.want)
		}
	}
}

func TestBankHolidays(t *testing.T) {
	want := map[int][]string{
		2026: {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"},
		2027: {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"},
		2022: {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"},
	}
	for y, w := range want {
		got := BankHolidays(y)
		if len(got) != len(w) {
			t.Errorf("%d: got %v, want %v", y, got, w)
			continue
		}
		for i := range w {
			if got[i].String() != w[i] {
				t.Errorf("%d: got %v, want %v", y, got, w)
				break
			}
		}
	}
	if e := Easter(2027).String(); e != "2027-03-28" {
		t.Errorf("Easter 2027 = %s", e)
	}
	if e := Easter(2025).String(); e != "2025-04-20" {
		t.Errorf("Easter 2025 = %s", e)
	}
}

func TestReplyDue(t *testing.T) {
	sent := entitlements.MustDate("2026-11-23")
	if got := ReplyDue("flexible_working", sent).String(); got != "2027-01-23" {
		t.Errorf("flexible working: %s, want two months: 2027-01-23", got)
	}
	if got := ReplyDue("flexible_working", entitlements.MustDate("2026-12-31")).String(); got != "2027-02-28" {
		t.Errorf("flexible working from 31 Dec: %s", got)
	}
	if got := ReplyDue("sg_support_assessment", sent).String(); got != "2026-12-21" {
		t.Errorf("default 20 working days: %s", got)
	}
	if got := ReplyDue("parental_leave", sent).String(); got != "2026-11-30" {
		t.Errorf("parental leave: %s", got)
	}
	due := entitlements.MustDate("2026-12-21")
	if Overdue(due, due) || !Overdue(due, due.AddDays(1)) || Overdue(due, due.AddDays(-3)) {
		t.Error("Overdue")
	}
}
