// The dated figures (rates and limits): loading them once, and the figure for a year.

package entitlements

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"time"
)

// The dated figures (rates and limits) live in data/params/<id>.json, one file per topic, so a
// content reviewer can check and update them without reading Go. Each file has:
//
//	id           the topic id; the file must be named <id>.json
//	title        shown before each item's label: "Child Benefit: eldest or only child"
//	per          week | month | year | one_off (an item may override it with its own "per")
//	year_starts  MM-DD the year starts: "04-06" tax year, "04-01" financial year, "09-01" school year
//	reference    the legal basis in words
//	items        [{id, label[, per]}]; the label is written as it reads after "title: "
//	years        [{period "YYYY-YY", confirmed, [reported], [values {item: pence}], sources, [note]}]
//
// A confirmed year gives every item. A year that is not confirmed gives no values, unless they
// were reported by a source that is not good enough to confirm them: then "reported": true.
// Figures are never guessed or worked out from an uplift: FigureAt falls back to the latest
// confirmed year and says so.

//go:embed data/params/*.json
var paramFiles embed.FS

const paramDir = "data/params"

// ParamItem is one amount within a topic, such as the rate for the eldest child.
type ParamItem struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Per is the item's unit. After loading it is always set: the item's own "per" in the
	// file, or else the topic's.
	Per string `json:"per,omitempty"`
}

// ParamYear is one year of a topic's figures.
type ParamYear struct {
	Period    string `json:"period"` // "2025-26": the year starting on the topic's year_starts in 2025
	Confirmed bool   `json:"confirmed"`
	// Reported: not confirmed, but a source gives these values; never shown as settled.
	Reported bool             `json:"reported,omitempty"`
	Values   map[string]int64 `json:"values,omitempty"` // pence, by item id
	Sources  []Source         `json:"sources"`
	Note     string           `json:"note,omitempty"`
}

// Param is one topic of dated figures, such as Child Benefit rates.
type Param struct {
	ID         string      `json:"id"`
	Title      string      `json:"title"`
	Per        string      `json:"per"`
	YearStarts string      `json:"year_starts"`
	Reference  string      `json:"reference"`
	Items      []ParamItem `json:"items"`
	Years      []ParamYear `json:"years"`
}

var validPers = []string{"week", "month", "year", "one_off"}

// paramSet is the parsed, checked and indexed figures.
type paramSet struct {
	params []Param // sorted by ID
	byID   map[string]*paramEntry
}

type paramEntry struct {
	param      *Param
	startMonth time.Month
	startDay   int
	items      map[string]*paramItemEntry
	years      []paramYearEntry // ascending
}

type paramItemEntry struct {
	label string // title + ": " + item label
	per   string
}

type paramYearEntry struct {
	start int // calendar year the period starts in
	year  *ParamYear
}

var (
	paramsOnce sync.Once
	paramsData paramSet
	paramsErr  error
)

func loadedParams() (*paramSet, error) {
	paramsOnce.Do(func() {
		sub, err := fs.Sub(paramFiles, paramDir)
		if err != nil {
			paramsErr = err
			return
		}
		paramsData, paramsErr = parseParamFS(sub, paramDir)
	})
	return &paramsData, paramsErr
}

// LoadParams parses and checks the embedded figures (once) and returns a copy of them, sorted by
// ID. A validation error names the file and the field.
func LoadParams() ([]Param, error) {
	set, err := loadedParams()
	if err != nil {
		return nil, err
	}
	return cloneParams(set.params), nil
}

// Params returns a copy of every topic, sorted by ID. It panics only if LoadParams fails,
// which a test rules out.
func Params() []Param {
	ps, err := LoadParams()
	if err != nil {
		panic(err)
	}
	return ps
}

// ParamByID returns a copy of one topic.
func ParamByID(id string) (Param, bool) {
	set, err := loadedParams()
	if err != nil {
		return Param{}, false
	}
	e, ok := set.byID[id]
	if !ok {
		return Param{}, false
	}
	return cloneParams([]Param{*e.param})[0], true
}

// PeriodOf names the year, starting on yearStarts ("MM-DD"), that contains d: "2026-27" for
// 2026-11-22 with "04-06", "2025-26" for 2026-04-05. It returns "" if yearStarts is malformed.
func PeriodOf(yearStarts string, d Date) string {
	m, day, err := parseYearStarts(yearStarts)
	if err != nil {
		return ""
	}
	return periodName(startYearOf(m, day, d))
}

func startYearOf(m time.Month, day int, d Date) int {
	y, dm, dd := d.t.Date()
	if dm < m || (dm == m && dd < day) {
		y--
	}
	return y
}

func periodName(start int) string {
	return fmt.Sprintf("%04d-%02d", start, (start+1)%100)
}

// FigureAt returns the figure for the year containing asOf. If that year is not confirmed (or
// not listed), it returns the latest confirmed year before it, with Confirmed=false and
// Period naming that earlier year. If there is no confirmed year at or before asOf, or the
// topic or item is unknown, ok is false. It never extrapolates. The label is the topic's title
// and the item's label, e.g. "Child Benefit: eldest or only child". The sources are those of
// the year returned (a copy).
func FigureAt(paramID, itemID string, asOf Date) (f Figure, sources []Source, ok bool) {
	set, err := loadedParams()
	if err != nil {
		return Figure{}, nil, false
	}
	e, found := set.byID[paramID]
	if !found {
		return Figure{}, nil, false
	}
	it, found := e.items[itemID]
	if !found {
		return Figure{}, nil, false
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for i := len(e.years) - 1; i >= 0; i-- {
		y := e.years[i]
		if y.start > start || !y.year.Confirmed {
			continue
		}
		v, has := y.year.Values[itemID]
		if !has { // cannot happen: confirmed years give every item
			continue
		}
		f = Figure{Label: it.label, Pence: v, Per: it.per, Period: y.year.Period, Confirmed: y.start == start}
		return f, slices.Clone(y.year.Sources), true
	}
	return Figure{}, nil, false
}

// ReportedAt returns a value that a source reports for the year containing asOf when that year
// is not confirmed ("reported": true in the data), e.g. the ASGSF limit for 2026-27. Show it
// only beside the confirmed figure from FigureAt, as "reported, check".
func ReportedAt(paramID, itemID string, asOf Date) (f Figure, sources []Source, ok bool) {
	set, err := loadedParams()
	if err != nil {
		return Figure{}, nil, false
	}
	e, found := set.byID[paramID]
	if !found {
		return Figure{}, nil, false
	}
	it, found := e.items[itemID]
	if !found {
		return Figure{}, nil, false
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for _, y := range e.years {
		if y.start != start || y.year.Confirmed || !y.year.Reported {
			continue
		}
		v, has := y.year.Values[itemID]
		if !has {
			return Figure{}, nil, false
		}
		return Figure{Label: it.label, Pence: v, Per: it.per, Period: y.year.Period}, slices.Clone(y.year.Sources), true
	}
	return Figure{}, nil, false
}

// YearNoteAt returns the note of the year containing asOf (e.g. why it is not confirmed and
// what to check), or "".
func YearNoteAt(paramID string, asOf Date) string {
	set, err := loadedParams()
	if err != nil {
		return ""
	}
	e, found := set.byID[paramID]
	if !found {
		return ""
	}
	start := startYearOf(e.startMonth, e.startDay, asOf)
	for _, y := range e.years {
		if y.start == start {
			return y.year.Note
		}
	}
	return ""
}

func cloneParams(ps []Param) []Param {
	out := make([]Param, len(ps))
	for i, p := range ps {
		p.Items = slices.Clone(p.Items)
		years := make([]ParamYear, len(p.Years))
		for j, y := range p.Years {
			if y.Values != nil {
				vals := make(map[string]int64, len(y.Values))
				for k, v := range y.Values {
					vals[k] = v
				}
				y.Values = vals
			}
			y.Sources = slices.Clone(y.Sources)
			years[j] = y
		}
		p.Years = years
		out[i] = p
	}
	return out
}
