package letters

import (
	"slices"
	"strings"
	"testing"

	"kincare/entitlements"
)

func TestArticle(t *testing.T) {
	for in, want := range map[string]string{
		"adoption order": "an adoption order", "special guardianship order": "a special guardianship order",
		"appointment as the child's guardian": "an appointment as the child's guardian", "uniform": "a uniform",
		"hour": "an hour", "child arrangements order": "a child arrangements order", "Ofsted report": "an Ofsted report",
	} {
		if got := article(in); got != want {
			t.Errorf("article(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCouncilInSentence(t *testing.T) {
	for in, want := range map[string]string{
		"London Borough of Lambeth": "the London Borough of Lambeth", "Royal Borough of Greenwich": "the Royal Borough of Greenwich",
		"Kent County Council": "Kent County Council", "City of Bradford Metropolitan District Council": "the City of Bradford Metropolitan District Council",
		"the London Borough of Bexley": "the London Borough of Bexley",
	} {
		if got := inSentence(in); got != want {
			t.Errorf("inSentence(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"Kent County Council": "Kent Virtual School", "London Borough of Lambeth": "Lambeth Virtual School", "Bolton Council": "Bolton Virtual School"} {
		if got := virtualSchoolOf(in); got != want {
			t.Errorf("virtualSchoolOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDearName(t *testing.T) {
	for in, want := range map[string]string{"Ms A Khan": "Ms Khan", "Mr J R Patel": "Mr Patel", "Aisha Khan": "Aisha Khan", "Dr. Sam Lee": "Dr. Lee", "Ms Khan": "Ms Khan"} {
		if got := dearName(in); got != want {
			t.Errorf("dearName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A relationship the answers leave open is a gap; the carer's own words fill it.
func TestRelationshipWords(t *testing.T) {
	for _, open := range []string{"aunt_uncle", "sibling", "great_aunt_uncle", "other"} {
		got := relationship(open, "", "Oliwia")
		if !strings.HasPrefix(got, gapOpen) || strings.Contains(got, " or ") {
			t.Errorf("%s: want a gap without \"or\", got %q", open, got)
		}
		if got := relationship(open, "uncle", "Oliwia"); got != "uncle" {
			t.Errorf("%s with words: %q", open, got)
		}
	}
	if got := iAm(relationship("family_friend", "", "Yusuf"), "Yusuf"); got != "a friend of Yusuf's family" {
		t.Errorf("family friend: %q", got)
	}
	if got := iAm("grandmother", "James"); got != "James' grandmother" {
		t.Errorf("possessive: %q", got)
	}
}

// One function decides what a gap is: any bracketed text on a line, however long, except a law
// report's year.
func TestGapsIn(t *testing.T) {
	long := strings.Repeat("describe what the child needs ", 6)
	text := "Dear [name],\nSee [2013] EWCA Civ 904. [" + long + "] and [name] again; [a\nb] is not one."
	got := GapsIn(text)
	want := []string{"name", strings.TrimSpace(long)}
	if !slices.Equal(got, want) {
		t.Errorf("GapsIn = %q, want %q", got, want)
	}
	// Every gap a drafted letter lists is found in its text, the long ones too.
	for _, id := range IDs() {
		l := draftForGolden(t, Input{RequestID: id, Answers: answers(t, cases[caseFor[id]]), AsOf: asOf, Today: today})
		if !slices.Equal(GapsIn(l.Text()), l.Gaps) {
			t.Errorf("%s: GapsIn finds %q, the letter lists %q", id, GapsIn(l.Text()), l.Gaps)
		}
	}
}

func TestFileNamePartKeepsLetters(t *testing.T) {
	for in, want := range map[string]string{"Zoë Ní Bhriain": "zoë-ní-bhriain", "Łukasz Wiśniewski": "łukasz-wiśniewski", "O'Donnell, Chloé": "o-donnell-chloé", "  ": ""} {
		if got := FileNamePart(in); got != want {
			t.Errorf("FileNamePart(%q) = %q, want %q", in, got, want)
		}
	}
	if got := FileNamePart(strings.Repeat("é", 60)); len([]rune(got)) != 40 {
		t.Errorf("long names are cut to 40 characters, got %d", len([]rune(got)))
	}
}

// The letter goes to its own service: its team, named person, reference and copy list.
func TestRecipientService(t *testing.T) {
	d := fullDetails(t)
	l, err := Draft(Input{RequestID: "child_in_need_assessment", Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if l.To[0] != "Children's Social Work Service" || l.Greeting != "Dear Sir or Madam" || l.Closing != "Yours faithfully" {
		t.Errorf("child in need letter: to %q, %s … %s", l.To, l.Greeting, l.Closing)
	}
	l, err = Draft(Input{RequestID: ComplaintStage1, Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if l.To[0] != "Ms A Khan" || l.Greeting != "Dear Ms Khan" || l.Closing != "Yours sincerely" || l.Reference != "LCC/COMP/123" || !slices.Equal(l.CopyTo, []string{"Director of Children's Services"}) {
		t.Errorf("complaint: to %q, %s … %s, ref %q, copy %q", l.To, l.Greeting, l.Closing, l.Reference, l.CopyTo)
	}
	// Without a service of its own, a letter falls back to the council's own team.
	l, _ = Draft(Input{RequestID: "local_offer_copy", Answers: answers(t, cases["sgo"]), Details: d, AsOf: asOf, Today: today})
	if l.To[0] != "Kinship Care Team" {
		t.Errorf("local offer: %q", l.To)
	}
	_ = entitlements.Details{}
}
