package entitlements

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Region is a rate area of the national minimum fostering allowance.
type Region string

const (
	London        Region = "london"
	SouthEast     Region = "south_east"
	RestOfEngland Region = "rest_of_england"
)

// Council is one of England's children's services authorities.
type Council struct {
	Name   string `json:"name"`
	Region Region `json:"region"`
	// RegionUnconfirmed: the council may be in the South East rate area or not
	// (additions.md §A13), so show both rates.
	RegionUnconfirmed bool `json:"region_unconfirmed,omitempty"`
	KinshipZone       bool `json:"kinship_zone,omitempty"`
	// Aliases are other names of the council itself ("NE Lincs", "BCP"): they match.
	Aliases []string `json:"aliases,omitempty"`
	// Hints are towns people type for the council ("Grimsby", "Bath"): they never match
	// (Reading the rules 7), but type-ahead suggests the council for them.
	Hints []string `json:"hints,omitempty"`
}

//go:embed data/councils.json
var councilsJSON []byte

type councilIndex struct {
	councils []Council // sorted by Name
	sources  []Source
	byKey    map[string]int // normalised name or alias -> index into councils
	keys     [][]string     // per council: its distinct normalised name and aliases
	err      error
}

var (
	councilsOnce sync.Once
	councilsIdx  councilIndex
)

func councilData() *councilIndex {
	councilsOnce.Do(func() { councilsIdx = buildCouncilIndex(councilsJSON) })
	return &councilsIdx
}

// LoadCouncils parses and checks the embedded council list; the other functions
// treat a broken list as empty, so callers (and a test) use this to see why.
func LoadCouncils() error {
	return councilData().err
}

func buildCouncilIndex(data []byte) councilIndex {
	var doc struct {
		Sources  []Source  `json:"sources"`
		Note     string    `json:"note"`
		Councils []Council `json:"councils"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return councilIndex{err: fmt.Errorf("councils.json: %w", err)}
	}
	if len(doc.Councils) == 0 {
		return councilIndex{err: errors.New("councils.json: no councils")}
	}
	slices.SortFunc(doc.Councils, func(a, b Council) int { return strings.Compare(a.Name, b.Name) })
	idx := councilIndex{
		councils: doc.Councils,
		sources:  doc.Sources,
		byKey:    make(map[string]int, len(doc.Councils)*2),
		keys:     make([][]string, len(doc.Councils)),
	}
	// Names first, so an alias can never shadow another council's own name.
	for i, c := range doc.Councils {
		switch c.Region {
		case London, SouthEast, RestOfEngland:
		default:
			return councilIndex{err: fmt.Errorf("councils.json: %q has region %q", c.Name, c.Region)}
		}
		k := councilKey(c.Name)
		if k == "" {
			return councilIndex{err: fmt.Errorf("councils.json: council name %q is empty once normalised", c.Name)}
		}
		if j, dup := idx.byKey[k]; dup {
			return councilIndex{err: fmt.Errorf("councils.json: %q and %q normalise alike", doc.Councils[j].Name, c.Name)}
		}
		idx.byKey[k] = i
		idx.keys[i] = []string{k}
	}
	for i, c := range doc.Councils {
		for _, a := range c.Aliases {
			k := councilKey(a)
			if k == "" {
				return councilIndex{err: fmt.Errorf("councils.json: alias %q of %q is empty once normalised", a, c.Name)}
			}
			if j, dup := idx.byKey[k]; dup {
				if j != i {
					return councilIndex{err: fmt.Errorf("councils.json: alias %q of %q also names %q", a, c.Name, doc.Councils[j].Name)}
				}
				continue // another spelling of its own name: documentation only
			}
			idx.byKey[k] = i
			idx.keys[i] = append(idx.keys[i], k)
		}
		for _, h := range c.Hints {
			if k := councilKey(h); k != "" {
				if _, matches := idx.byKey[k]; matches {
					return councilIndex{err: fmt.Errorf("councils.json: hint %q of %q is also a council's name or alias", h, c.Name)}
				}
				idx.keys[i] = append(idx.keys[i], k)
			}
		}
	}
	return idx
}

func cloneCouncil(c Council) Council {
	c.Aliases = slices.Clone(c.Aliases)
	c.Hints = slices.Clone(c.Hints)
	return c
}

// FindCouncil returns the council the text names, after normalising (rules.md,
// "Reading the rules" 7). A town or district council is not found: never guess.
func FindCouncil(text string) (Council, bool) {
	d := councilData()
	if d.err != nil {
		return Council{}, false
	}
	i, ok := d.byKey[councilKey(text)]
	if !ok {
		return Council{}, false
	}
	return cloneCouncil(d.councils[i]), true
}

// Councils returns every council, sorted by name.
func Councils() []Council {
	d := councilData()
	out := make([]Council, len(d.councils))
	for i, c := range d.councils {
		out[i] = cloneCouncil(c)
	}
	return out
}

// CouncilSources returns the sources for the regions and Kinship Zones.
func CouncilSources() []Source {
	return slices.Clone(councilData().sources)
}

// SuggestCouncils returns at most n councils for type-ahead: those whose name or
// an alias starts with the text (normalised), then those containing it, each
// group by name. Blank text gives nothing: an empty box should not offer a council.
func SuggestCouncils(text string, n int) []Council {
	d := councilData()
	if n <= 0 || d.err != nil {
		return nil
	}
	q := councilKey(text)
	if q == "" {
		// Text made only of ignored words ("City") is still worth matching as typed.
		q = squashCouncilText(text)
	}
	if q == "" {
		return nil
	}
	var prefix, within []int
	for i, keys := range d.keys {
		where := 0
		for _, k := range keys {
			if strings.HasPrefix(k, q) {
				where = 2
				break
			}
			if strings.Contains(k, q) {
				where = 1
			}
		}
		switch where {
		case 2:
			prefix = append(prefix, i)
		case 1:
			within = append(within, i)
		}
	}
	// Misspellings ("Boltn", "Leicster"): names within a small edit distance come last, so
	// a carer who cannot spell the name is still offered the right council.
	var close []int
	if len(prefix)+len(within) < n && len(q) >= 4 {
		limit := 1 + len(q)/5
		for i, keys := range d.keys {
			for _, k := range keys {
				if editDistance(k, q, limit) <= limit {
					if !slices.Contains(prefix, i) && !slices.Contains(within, i) {
						close = append(close, i)
					}
					break
				}
			}
		}
	}
	var out []Council
	for _, i := range append(append(prefix, within...), close...) {
		if len(out) == n {
			break
		}
		out = append(out, cloneCouncil(d.councils[i]))
	}
	return out
}

// Council names are compared after the normalisation of rules.md "Reading the rules" 7,
// applied to both sides: lower case; hyphens, underscores, full stops, commas, apostrophes
// and brackets read as spaces and "&" as "and"; spaces collapsed; then one leading and one
// trailing form of words dropped. Nothing else is dropped, so a town that shares part of a
// council's name ("Bath", "Grimsby", "Chatham", "Newcastle-under-Lyme") never matches.
var councilLeading = []string{
	"the ", "london borough of ", "royal borough of ", "metropolitan borough of ", "borough of ",
	"city and county of ", "city of ", "county of ",
}

// councilTrailing is longest first, so "Metropolitan Borough Council" goes before "Council".
var councilTrailing = []string{
	" metropolitan borough council", " metropolitan district council", " borough council",
	" city council", " county council", " district council", " unitary authority",
	" royal borough of", " council", " city of", " county of", " borough", " city", " county",
}

// councilTokens lower-cases the text, reads "&" as "and", and splits it into words at
// spaces, hyphens, underscores, full stops, commas, apostrophes and brackets.
func councilTokens(text string) []string {
	var b strings.Builder
	b.Grow(len(text) + 8)
	for _, r := range text {
		switch r {
		case '&':
			b.WriteString(" and ")
		case '-', '_', '.', ',', '\'', '’', '‘', '(', ')', '[', ']':
			b.WriteByte(' ')
		default:
			if unicode.IsSpace(r) {
				b.WriteByte(' ')
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	return strings.Fields(b.String())
}

// councilKey is the normalised form used to compare council names.
func councilKey(text string) string {
	s := strings.Join(councilTokens(text), " ")
	for _, p := range councilLeading {
		if strings.HasPrefix(s, p) {
			// "City of London" is a council; only its "City of" stays.
			if p == "city of " && s == "city of london" {
				break
			}
			s = s[len(p):]
			break
		}
	}
	for _, t := range councilTrailing {
		if strings.HasSuffix(s, t) && len(s) > len(t) {
			s = s[:len(s)-len(t)]
			break
		}
	}
	if s == "london" {
		return "" // plain "London" is a region, not a council
	}
	return s
}

// squashCouncilText is the text as typed, lower-cased, without separators.
func squashCouncilText(text string) string {
	return strings.Join(councilTokens(text), "")
}

// editDistance is the Levenshtein distance between a and b, or limit+1 once it must exceed limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
