package entitlements

import (
	"math/rand/v2"
	"testing"
)

// The plain-ASCII shortcut in CleanText gives what the full cleaning gives.
func TestCleanTextShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte(" \t\x1b[31m;]azAZ09~\x7f\x07")
	for n := 0; n < 20000; n++ {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if !plainASCII(s) {
			continue
		}
		if got := cleanSlow(s); got != s {
			t.Fatalf("%q: the shortcut keeps it, full cleaning gives %q", s, got)
		}
	}
}

// cleanSlow is CleanText without the shortcut.
func cleanSlow(s string) string {
	return CleanText(" " + s)
}
