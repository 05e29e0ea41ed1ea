package entitlements

import (
	"slices"
	"strings"
	"testing"
)

func TestCouncilsLoadAndValidate(t *testing.T) {
	if err := LoadCouncils(); err != nil {
		t.Fatal(err)
	}
	all := Councils()
	if n := len(all); n < 150 || n > 156 {
		t.Errorf("%d councils, want about 153", n)
	}
	names := map[string]bool{}
	owner := map[string]string{} // normalised name or alias -> council
	var zones, london []string
	for i, c := range all {
		if i > 0 && all[i-1].Name >= c.Name {
			t.Errorf("not sorted by name at %q", c.Name)
		}
		if names[c.Name] {
			t.Errorf("duplicate name %q", c.Name)
		}
		names[c.Name] = true
		switch c.Region {
		case London:
			london = append(london, c.Name)
		case SouthEast, RestOfEngland:
		default:
			t.Errorf("%q: bad region %q", c.Name, c.Region)
		}
		if c.KinshipZone {
			zones = append(zones, c.Name)
		}
		for _, s := range append([]string{c.Name}, c.Aliases...) {
			k := councilKey(s)
			if k == "" {
				t.Errorf("%q (%q) normalises to nothing", s, c.Name)
			}
			if o, ok := owner[k]; ok && o != c.Name {
				t.Errorf("%q of %q also names %q", s, c.Name, o)
			}
			owner[k] = c.Name
			if got, ok := FindCouncil(s); !ok || got.Name != c.Name {
				t.Errorf("FindCouncil(%q) = %q, %v; want %q", s, got.Name, ok, c.Name)
			}
		}
	}
	want := "Bexley,Bolton,Medway,Newcastle upon Tyne,North East Lincolnshire,Thurrock,Wiltshire"
	if got := strings.Join(zones, ","); got != want {
		t.Errorf("kinship zones = %s, want %s", got, want)
	}
	if len(london) != 33 || !names["City of London"] {
		t.Errorf("%d London entries (want 33 incl. City of London): %v", len(london), london)
	}
	for _, n := range []string{"Bedford", "Central Bedfordshire", "Luton", "Essex", "Southend-on-Sea", "Thurrock", "Hertfordshire"} {
		if c, ok := FindCouncil(n); !ok || !c.RegionUnconfirmed || c.Region == London {
			t.Errorf("%s: want region unconfirmed, got %+v", n, c)
		}
	}
	se := 0
	for _, c := range all {
		if c.Region == SouthEast {
			se++
		}
		if c.RegionUnconfirmed && c.Region == SouthEast {
			t.Errorf("%s: unconfirmed yet south_east", c.Name)
		}
	}
	if se != 19 {
		t.Errorf("%d South East councils, want 19", se)
	}
	if len(CouncilSources()) == 0 {
		t.Error("no sources")
	}
	for _, s := range CouncilSources() {
		if s.Title == "" || !strings.HasPrefix(s.URL, "https://") || s.Date == "" || s.Checked != "2026-11-22" {
			t.Errorf("bad source %+v", s)
		}
	}
}

func TestFindCouncil(t *testing.T) {
	tests := []struct {
		in, want string // want "" means no match
		zone     bool
		region   Region
	}{
		{"Newcastle", "Newcastle upon Tyne", true, RestOfEngland},
		{"newcastle-upon-tyne", "Newcastle upon Tyne", true, RestOfEngland},
		{"Newcastle-under-Lyme", "", false, ""},
		{"NE Lincolnshire", "North East Lincolnshire", true, RestOfEngland},
		{"N.E. Lincs", "North East Lincolnshire", true, RestOfEngland},
		{"North Lincolnshire", "North Lincolnshire", false, RestOfEngland},
		{"Leeds City Council", "Leeds", false, RestOfEngland},
		{"London Borough of Camden", "Camden", false, London},
		{"Royal Borough of Kingston upon Thames", "Kingston upon Thames", false, London},
		{"Kingston", "", false, ""}, // a town: Reading 7 (type-ahead suggests the council)
		{"Hull", "Kingston upon Hull", false, RestOfEngland},
		{"Kingston upon Hull City Council", "Kingston upon Hull", false, RestOfEngland},
		{"City of London", "City of London", false, London},
		{"City of London Corporation", "City of London", false, London},
		{"the City of London Corporation", "", false, ""}, // one leading form only (Reading 7)
		{"London", "", false, ""},
		{"London City", "", false, ""},
		{"Bexley London Borough Council", "", false, ""}, // not one of Reading 7's trailing forms
		{"Royal Borough of Kingston upon Thames", "Kingston upon Thames", false, London},
		{"Metropolitan Borough of Wirral", "Wirral", false, RestOfEngland},
		{"Council of the Isles of Scilly", "Isles of Scilly", false, RestOfEngland},
		{"Bath", "", false, ""},
		{"london borough council", "", false, ""},
		{"City", "", false, ""},
		{"Harrogate", "", false, ""},
		{"Colchester", "", false, ""},
		{"Basingstoke", "", false, ""},
		{"Oxford City Council", "", false, ""},
		{"Cumbria", "", false, ""},
		{"", "", false, ""},
		{"  ", "", false, ""},
		{"Brighton & Hove", "Brighton and Hove", false, SouthEast},
		{"brighton and hove city council", "Brighton and Hove", false, SouthEast},
		{"St. Helens", "St Helens", false, RestOfEngland},
		{"Bolton Metropolitan Borough Council", "Bolton", true, RestOfEngland},
		{"Wiltshire Council", "Wiltshire", true, RestOfEngland},
		{"County Durham", "Durham", false, RestOfEngland},
		{"Durham County Council", "Durham", false, RestOfEngland},
		{"Herefordshire, County of", "Herefordshire", false, RestOfEngland},
		{"Bristol City", "Bristol", false, RestOfEngland},
		{"City of Bristol", "Bristol", false, RestOfEngland},
		{"Isle of Wight", "Isle of Wight", false, SouthEast},
		{"Medway Council", "Medway", true, SouthEast},
		{"Stoke on Trent", "Stoke-on-Trent", false, RestOfEngland},
		{"BCP", "Bournemouth, Christchurch and Poole", false, RestOfEngland},
		{"Windsor & Maidenhead", "Windsor and Maidenhead", false, SouthEast},
		{"Westminster", "Westminster", false, London},
		{"Richmond", "", false, ""},
		{"Barking", "", false, ""},
		{"Bristol, City of", "Bristol", false, RestOfEngland},
		{"Kingston upon Hull, City of", "Kingston upon Hull", false, RestOfEngland},
		{"Grimsby", "", false, ""},
		{"Chatham", "", false, ""},
		{"Bath", "", false, ""},
		{"Windsor", "", false, ""},
		{"Stoke", "", false, ""},
		{"NE Lincs", "North East Lincolnshire", true, RestOfEngland},
		{"North East Lincs", "North East Lincolnshire", true, RestOfEngland},
		{"Southend", "Southend-on-Sea", false, RestOfEngland},
		{"Saint Helens", "St Helens", false, RestOfEngland},
		{"BANES", "Bath and North East Somerset", false, RestOfEngland},
		{"Hull", "Kingston upon Hull", false, RestOfEngland},
		{"(Borough of) Poole", "", false, ""},
		{"Newcastle City Council", "Newcastle upon Tyne", true, RestOfEngland},
		{"The Wiltshire Council", "Wiltshire", true, RestOfEngland},
		{"City of Bradford Metropolitan District Council", "Bradford", false, RestOfEngland},
		{"Thurrock", "Thurrock", true, RestOfEngland},
	}
	for _, tt := range tests {
		got, ok := FindCouncil(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("FindCouncil(%q) = %q, want no match", tt.in, got.Name)
			}
			continue
		}
		if !ok || got.Name != tt.want || got.KinshipZone != tt.zone || got.Region != tt.region {
			t.Errorf("FindCouncil(%q) = %q zone=%v region=%s ok=%v; want %q zone=%v region=%s",
				tt.in, got.Name, got.KinshipZone, got.Region, ok, tt.want, tt.zone, tt.region)
		}
	}
}

func TestSuggestCouncils(t *testing.T) {
	names := func(cs []Council) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}
	got := names(SuggestCouncils("new", 5))
	if len(got) > 5 || !slices.Contains(got, "Newcastle upon Tyne") || !slices.Contains(got, "Newham") {
		t.Errorf(`SuggestCouncils("new", 5) = %v`, got)
	}
	// Blank text suggests nothing (documented choice).
	if got := SuggestCouncils("", 5); len(got) != 0 {
		t.Errorf(`SuggestCouncils("", 5) = %v, want none`, names(got))
	}
	if got := SuggestCouncils("new", 0); len(got) != 0 {
		t.Errorf("n=0 gave %v", names(got))
	}
	// Prefix matches come before substring matches; no duplicates.
	got = names(SuggestCouncils("lincs", 10))
	if len(got) != 2 || got[0] != "North East Lincolnshire" || got[1] != "North Lincolnshire" {
		t.Errorf(`SuggestCouncils("lincs", 10) = %v`, got)
	}
	got = names(SuggestCouncils("sus", 10))
	if len(got) != 2 || got[0] != "East Sussex" || got[1] != "West Sussex" {
		t.Errorf(`SuggestCouncils("sus", 10) = %v`, got)
	}
	got = names(SuggestCouncils("king", 10))
	if len(got) < 2 || got[0] != "Kingston upon Hull" || got[1] != "Kingston upon Thames" {
		t.Errorf(`SuggestCouncils("king", 10) = %v`, got)
	}
	// "Hull" starts an alias of Kingston upon Hull and sits inside Solihull.
	got = names(SuggestCouncils("Hull", 10))
	if len(got) != 2 || got[0] != "Kingston upon Hull" || got[1] != "Solihull" {
		t.Errorf(`SuggestCouncils("Hull", 10) = %v`, got)
	}
	got = names(SuggestCouncils("City", 3))
	if len(got) == 0 || got[0] != "City of London" {
		t.Errorf(`SuggestCouncils("City", 3) = %v`, got)
	}
	seen := map[string]bool{}
	for _, n := range names(SuggestCouncils("e", 200)) {
		if seen[n] {
			t.Errorf("duplicate suggestion %q", n)
		}
		seen[n] = true
	}
}

func TestCouncilsAreCopies(t *testing.T) {
	c, _ := FindCouncil("Newcastle")
	c.Aliases[0] = "changed"
	Councils()[0].Aliases = nil
	if c2, _ := FindCouncil("Newcastle"); c2.Aliases[0] == "changed" {
		t.Error("FindCouncil shares its aliases with the caller")
	}
}

func BenchmarkFindCouncil(b *testing.B) {
	if err := LoadCouncils(); err != nil {
		b.Fatal(err)
	}
	inputs := []string{"Bolton Metropolitan Borough Council", "NE Lincolnshire", "Harrogate", "London Borough of Camden"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		FindCouncil(inputs[i%len(inputs)])
	}
}

// TestSuggestCouncilsForTowns: a town never matches a council (Reading 7), but type-ahead
// offers the council people usually mean.
func TestSuggestCouncilsForTowns(t *testing.T) {
	for typed, want := range map[string]string{"Grimsby": "North East Lincolnshire", "Bath": "Bath and North East Somerset", "Chatham": "Medway", "Windsor": "Windsor and Maidenhead"} {
		if _, ok := FindCouncil(typed); ok {
			t.Errorf("FindCouncil(%q) matched; a town must not", typed)
		}
		got := SuggestCouncils(typed, 5)
		if len(got) == 0 || got[0].Name != want {
			t.Errorf("SuggestCouncils(%q) = %v, want %s first", typed, got, want)
		}
	}
}

func TestSuggestCouncilsMisspelt(t *testing.T) {
	for typed, want := range map[string]string{"Boltn": "Bolton", "Leicster": "Leicester", "Wiltshre": "Wiltshire", "Sheffeild": "Sheffield"} {
		got := SuggestCouncils(typed, 5)
		if len(got) == 0 || got[0].Name != want {
			t.Errorf("SuggestCouncils(%q) = %v, want %s first", typed, got, want)
		}
	}
	if got := SuggestCouncils("xyzq", 5); len(got) != 0 {
		t.Errorf("nonsense should suggest nothing, got %v", got)
	}
}
