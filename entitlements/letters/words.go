package letters

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// One home for each piece of wording that turns the case into English: the carer's
// relationship, "a" or "an", a child's short name, a council's name inside a sentence.

// relationshipWords are the answers' relationships that settle the words. A relationship the
// answers leave open (aunt or uncle, brother or sister) is not here: it is a gap unless the
// carer's details give relationship_words.
var relationshipWords = map[string]string{
	"grandparent":       "grandparent",
	"great_grandparent": "great-grandparent",
	"step_parent":       "step-parent",
	"cousin":            "cousin",
	"other_relative":    "relative",
	"family_friend":     "family friend",
	"parents_partner":   "parent's partner",
}

// relationshipExample is the example a gap gives for a relationship the answers leave open.
var relationshipExample = map[string]string{
	"aunt_uncle":       "aunt",
	"sibling":          "sister",
	"great_aunt_uncle": "great-aunt",
	"grandparent":      "grandmother",
	"other":            "godmother",
}

// relationship is what the carer is to the child, as a noun ("grandmother"), and whether the
// words are the carer's own or the answers' (a gap otherwise). child is the child's short name.
func relationship(answer, words, child string) string {
	if w := safe(words); w != "" {
		return w
	}
	if w, ok := relationshipWords[answer]; ok {
		return w
	}
	ex := relationshipExample[answer]
	if ex == "" {
		ex = "aunt"
	}
	return gap("how you are related to " + child + ", e.g. " + ex)
}

// iAm is the phrase after "I am": "Tyler's grandparent", or "a friend of Yusuf's family".
func iAm(rel, child string) string {
	switch strings.ToLower(rel) {
	case "family friend", "friend of the family", "a family friend":
		return "a friend of " + possessive(child) + " family"
	case "friend":
		return "a friend of " + possessive(child) + " family"
	}
	return possessive(child) + " " + rel
}

// article puts "a" or "an" before a noun phrase, by its sound as far as spelling shows it.
func article(s string) string {
	if s == "" || strings.HasPrefix(s, gapOpen) {
		return "a " + s
	}
	lower := strings.ToLower(s)
	for _, p := range []string{"uni", "use", "usu", "eu", "one", "once"} {
		if strings.HasPrefix(lower, p) {
			return "a " + s
		}
	}
	for _, p := range []string{"hour", "honest", "heir"} {
		if strings.HasPrefix(lower, p) {
			return "an " + s
		}
	}
	r, _ := utf8.DecodeRuneInString(lower)
	if strings.ContainsRune("aeio", r) || r == 'u' {
		return "an " + s
	}
	return "a " + s
}

// shortName is the name a letter uses after the first mention: the first word of a full name.
func shortName(full string) string {
	f := strings.Fields(full)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// possessive is "Tyler's", "James'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// inSentence is a council's name as it reads inside a sentence: "the London Borough of
// Lambeth", "Leeds City Council". An address block keeps the name as it is.
func inSentence(name string) string {
	if name == "" || strings.HasPrefix(name, gapOpen) || strings.HasPrefix(strings.ToLower(name), "the ") {
		return name
	}
	for _, p := range []string{"London Borough", "Royal Borough", "City of", "Borough of", "County of", "Council of", "Metropolitan Borough", "Virtual School of", "Virtual School for"} {
		if strings.HasPrefix(name, p) {
			return "the " + name
		}
	}
	return name
}

// capitalise makes a sentence's first letter a capital ("the Virtual School" → "The Virtual School").
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// dearName is how a greeting names a person: "Ms A Khan" → "Ms Khan", "Aisha Khan" stays.
func dearName(contact string) string {
	f := strings.Fields(contact)
	if len(f) < 3 {
		return contact
	}
	titles := map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "professor": true, "cllr": true, "councillor": true}
	if !titles[strings.ToLower(strings.TrimSuffix(f[0], "."))] {
		return contact
	}
	return f[0] + " " + f[len(f)-1]
}

// virtualSchoolOf is the usual name of a council's Virtual School: "Kent Virtual School" for
// Kent County Council, "Lambeth Virtual School" for the London Borough of Lambeth.
func virtualSchoolOf(council string) string {
	place := council
	for _, p := range []string{"London Borough of ", "Royal Borough of ", "City of ", "Borough of ", "County of "} {
		place = strings.TrimPrefix(place, p)
	}
	for _, s := range []string{" Metropolitan Borough Council", " Metropolitan District Council", " City Council", " County Council", " Borough Council", " District Council", " Council"} {
		place = strings.TrimSuffix(place, s)
	}
	return strings.TrimSpace(place) + " Virtual School"
}
