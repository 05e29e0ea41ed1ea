package storage

import (
	"strings"
	"unicode/utf8"
)

// MinPassphraseChars and MinPassphraseWords are the least kincare accepts for a new
// passphrase: either is enough. Four ordinary words are easy to remember and, at about 0.2
// seconds a guess on this machine's settings, take far longer to guess than a short jumble.
const (
	MinPassphraseChars = 10
	MinPassphraseWords = 4
)

// PassphraseAdvice is said when a new passphrase is too short.
const PassphraseAdvice = "That passphrase is a little short. Use at least 10 characters, or four words with spaces between them, such as \"purple kettle river morning\". A few ordinary words you will remember are stronger than a short jumble of letters."

// CheckPassphrase says whether pass is strong enough for a new passphrase. The error's
// message is PassphraseAdvice.
func CheckPassphrase(pass []byte) error {
	if utf8.RuneCount(pass) >= MinPassphraseChars || len(strings.Fields(string(pass))) >= MinPassphraseWords {
		return nil
	}
	return &Error{Kind: ErrWeakPassphrase, Msg: PassphraseAdvice}
}
