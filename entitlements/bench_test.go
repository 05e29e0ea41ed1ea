package entitlements

import (
	"math/rand"
	"testing"
)

// ktCompleteAnswers is a full answer set: a special guardian grandmother in a Kinship Zone.
func ktCompleteAnswers() Answers {
	var a Answers
	for k, v := range map[Key]string{
		Country: "england", User: "carer", LivingWithCarer: "yes", Relationship: "grandparent", ParentInHome: "no",
		Duration: "28_days_or_more", ChildAge: "7", ChildDisabled: "yes", LegalStatus: "sgo", CouncilInvolved: "yes",
		PreviouslyLookedAfter: "yes", AdoptedAbroad: "no", OrderDate: "2025-03-14", CouncilKey: "Bolton", PlacingCouncil: "Wigan",
		EducationKey: "primary", SchoolType: "state", EHCP: "no", ParentsDied: "one", SurvivingParent: "whereabouts_unknown",
		Benefits: "yes", CarerPensionAge: "no", ChildDLA: "yes", SGFinancialSupport: "no", CourtCase: "none",
		ConsideringOrder: "none", InWork: "yes",
	} {
		if err := a.Set(k, v); err != nil {
			panic(err)
		}
	}
	return a
}

// ktHalfUnknown drops a fixed half of the keys (every other key in spec order, by seed).
func ktHalfUnknown() Answers {
	a := ktCompleteAnswers()
	rng := rand.New(rand.NewSource(7))
	for _, i := range rng.Perm(int(NumKeys))[:int(NumKeys)/2] {
		a.Clear(Key(i))
	}
	return a
}

func BenchmarkAssess(b *testing.B) {
	d := MustDate("2026-11-22")
	b.Run("complete", func(b *testing.B) {
		a := ktCompleteAnswers()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Assess(a, d)
		}
	})
	b.Run("half_unknown", func(b *testing.B) {
		a := ktHalfUnknown()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Assess(a, d)
		}
	})
	b.Run("nothing_known", func(b *testing.B) {
		var a Answers
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Assess(a, d)
		}
	})
}

func BenchmarkReport(b *testing.B) {
	d := MustDate("2026-11-22")
	for _, c := range []struct {
		name string
		a    Answers
	}{{"complete", ktCompleteAnswers()}, {"half_unknown", ktHalfUnknown()}} {
		b.Run(c.name, func(b *testing.B) {
			r := Assess(c.a, d)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				r.Report()
			}
		})
	}
	b.Run("read_out", func(b *testing.B) {
		rep := Assess(ktCompleteAnswers(), d).Report()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			ReadOut(rep)
		}
	})
}

// ktFamilyOfFour is the complete answers shared by four children of 1, 7, 11 and 16, each with
// its own age and stage of education, the carer's answers in the household.
func ktFamilyOfFour() Family {
	all := ktCompleteAnswers()
	var f Family
	for _, k := range all.Known() {
		if k != ChildAge && k != EducationKey {
			_ = f.Household.Set(k, all.Value(k))
		}
	}
	for i, c := range []struct{ age, education string }{{"16", "post_16"}, {"11", "secondary"}, {"7", "primary"}, {"1", "not_yet"}} {
		var a Answers
		_ = a.Set(ChildAge, c.age)
		_ = a.Set(EducationKey, c.education)
		f.Children = append(f.Children, FamilyChild{Name: []string{"Jess", "Liam", "Tyler", "Rose"}[i], Answers: a})
	}
	return f
}

// BenchmarkAssessFamily assesses four children (target: under four times BenchmarkAssess/complete),
// and with money added, as `kincare assess` writes it.
func BenchmarkAssessFamily(b *testing.B) {
	d := MustDate("2026-11-22")
	f := ktFamilyOfFour()
	b.Run("four_children", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			AssessFamily(f, d)
		}
	})
	b.Run("four_children_money", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			AssessFamily(f, d).Money()
		}
	})
	b.Run("one_child_money", func(b *testing.B) {
		a := ktCompleteAnswers()
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Assess(a, d).Money()
		}
	})
}
