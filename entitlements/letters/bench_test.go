package letters

import (
	"path/filepath"
	"testing"
)

func BenchmarkDraft(b *testing.B) {
	in := Input{RequestID: "sg_support_assessment", Answers: answers(b, cases["sgo"]), Details: fullDetails(b), AsOf: asOf, Today: today}
	for b.Loop() {
		if _, err := Draft(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExportPDF(b *testing.B) {
	l, err := Draft(Input{RequestID: "sg_support_assessment", Answers: answers(b, cases["sgo"]), Details: fullDetails(b), AsOf: asOf, Today: today})
	if err != nil {
		b.Fatal(err)
	}
	l.From[0] = "زينب الحسن"
	for b.Loop() {
		if _, _, err := Export(l, "pdf"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDraftFamily(b *testing.B) {
	fc := loadFamilyCase(b, filepath.Join("testdata", "families", "F2.json"))
	in := FamilyInput{RequestID: "sg_support_assessment", Family: *fc.in.Family, Details: fc.details, AsOf: reviewDay, Today: reviewDay}
	for b.Loop() {
		if _, err := DraftFamily(in); err != nil {
			b.Fatal(err)
		}
	}
}
