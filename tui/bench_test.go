package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kincare/entitlements"
	"kincare/storage"
	"kincare/wizard"
)

// keystrokeModel is a case half way through a call about a family of n children, each
// answered as the grandmother's grandchild.
func keystrokeModel(b testing.TB, n int) *Model {
	m := New(Options{Store: storage.NewMemory(), Today: fixedToday})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.createCase("adviser", "Bench")
	s := m.cs.s
	for c := 0; c < n; c++ {
		if c > 0 {
			if _, err := s.AddChild("Child " + itoa(c+1)); err != nil {
				b.Fatal(err)
			}
		}
		for k, v := range grandmaSGO {
			key, _ := entitlements.KeyNamed(k)
			if _, err := s.Answer(s.AskFor(wizard.Ref{Key: key, Child: c}), v); err != nil {
				b.Fatal(k, err)
			}
		}
	}
	m.cs.apply(s.Current())
	return m
}

// BenchmarkKeystroke is one change of a household answer (so every child is reassessed)
// through Update and View, for a family of four.
func BenchmarkKeystroke(b *testing.B) {
	m := keystrokeModel(b, 4)
	iv := m.top().(*interviewScreen)
	enter := tea.KeyPressMsg{Code: tea.KeyEnter}
	vals := []string{"yes", "no"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// reopening the answer is its own keystroke, so it is outside the timing
		b.StopTimer()
		iv.setAsk(m.cs.s.Reopen(wizard.Ref{Key: entitlements.Benefits, Child: wizard.Household}))
		iv.form.value = vals[i%2]
		b.StartTimer()
		m.Update(enter)
		_ = m.View()
	}
}

// BenchmarkMoveCursor is one key that only moves the selection in a question.
func BenchmarkMoveCursor(b *testing.B) {
	m := keystrokeModel(b, 1)
	m.top().(*interviewScreen).setAsk(m.cs.s.Reopen(wizard.Ref{Key: entitlements.Relationship, Child: 0}))
	down := tea.KeyPressMsg{Code: tea.KeyDown}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Update(down)
		_ = m.View()
	}
}

func TestKeystrokeBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	r := testing.Benchmark(BenchmarkKeystroke)
	t.Logf("keystroke: %v per op, %d allocs per op", time.Duration(r.NsPerOp()), r.AllocsPerOp())
	if r.AllocsPerOp() > 2000 {
		t.Errorf("a keystroke makes %d allocations; the budget is 2,000", r.AllocsPerOp())
	}
}

// makeCases writes n cases to a new case file in one go.
func makeCases(t testing.TB, n int) string {
	path := filepath.Join(t.TempDir(), "many.db")
	db, err := storage.Open(path, storage.Options{NoCompactOnClose: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := make([]storage.Case, n)
	for i := range cases {
		cases[i] = storage.Case{ID: storage.NewID(), Label: fmt.Sprintf("Case %d", i), Household: []byte(`{"country":"england","council":"Leeds","legal_status":"sgo"}`),
			Created: fixedTime, Updated: fixedTime.Add(time.Duration(i) * time.Minute)}
	}
	if _, err := storage.ImportCases(db, cases, storage.ImportRefuse); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// startup opens the case file and draws the first screen of the list.
func startup(t testing.TB, path string) string {
	d := newDriver(t, Options{DBPath: path, NoColor: true}, 80, 24)
	s := d.screen()
	d.m.shutdown()
	return s
}

func TestStartupWith1000Cases(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	path := makeCases(t, 1000)
	start := time.Now()
	s := startup(t, path)
	took := time.Since(start)
	t.Logf("start-up to first drawn case list with 1,000 cases: %v", took)
	if !contains(s, "Case 999") {
		t.Fatalf("newest case not first:\n%s", s)
	}
}

func BenchmarkStartup1000(b *testing.B) {
	path := makeCases(b, 1000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		startup(b, path)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
