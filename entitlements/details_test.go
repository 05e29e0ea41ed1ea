package entitlements

import (
	"strings"
	"testing"
)

func TestParseDetailsServicesAndFamily(t *testing.T) {
	d, err := ParseDetails([]byte(`{
	"carer": {"name": "Margaret Okafor", "relationship_words": " grandmother\u001b[31m "},
	"children": [{"name": "Tyler Okafor", "date_of_birth": "2019-05-14", "needs": "nightmares"}, {"name": "Ava Okafor"}],
	"story": "They came to me\nin March 2025.",
	"council": {"name": "Leeds City Council", "team": "Kinship Care Team",
		"services": {"kinship": {"team": "Kinship Care Team", "contact": "Ms A Khan", "reference": "LCC/123", "copy_to": ["Team Manager", " "]},
			"complaints": {"team": "Children's Complaints"}}},
	"employer": {"name": "Northern Buses", "contact": "Mr J Patel", "reference": "E42"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if d.Carer.RelationshipWords != "grandmother" || len(d.Children) != 2 || d.Children[0].Needs != "nightmares" || d.Story != "They came to me in March 2025." {
		t.Errorf("parsed %+v %+v %q", d.Carer, d.Children, d.Story)
	}
	k := d.Council.Services["kinship"]
	if k.Contact != "Ms A Khan" || k.Reference != "LCC/123" || len(k.CopyTo) != 1 || d.Employer.Contact != "Mr J Patel" {
		t.Errorf("services %+v employer %+v", k, d.Employer)
	}
	o := *d.Council
	k.CopyInto(&o)
	if o.Contact != "Ms A Khan" || o.Name != "Leeds City Council" || o.Reference != "LCC/123" {
		t.Errorf("CopyInto: %+v", o)
	}
}

func TestParseDetailsErrors(t *testing.T) {
	for in, want := range map[string]string{
		`{"council": {"services": {"housing": {}}}}`:          `unknown service "housing"`,
		`{"school": {"services": {"kinship": {}}}}`:           "only council and placing_council have services",
		`{"children": [{"name": "A", "date_of_birth": "x"}]}`: "children[0].date_of_birth",
		`{"child": {"need": "x"}}`:                            `unknown key "need"`,
		`{"stories": "x"}`:                                    "allowed keys are carer, second_carer, child, children, story",
	} {
		_, err := ParseDetails([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want an error with %q, got %v", in, want, err)
		}
	}
}
