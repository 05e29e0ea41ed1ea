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
	if utf8.RuneCount(pass) >= MinPassphraseChars {
		return nil
	}
	// Four real words: "a b c d" is four letters, not four words.
	words := 0
	for _, w := range strings.Fields(string(pass)) {
		if utf8.RuneCountInString(w) >= 3 {
			words++
		}
	}
	if words >= MinPassphraseWords {
		return nil
	}
	return &Error{Kind: ErrWeakPassphrase, Msg: PassphraseAdvice}
}

// ChangePassphrase is the interface's way to add, change or remove a passphrase: for a
// protected file current must open it; a non-empty next must pass CheckPassphrase; an empty
// next removes protection. Nothing changes unless every check passes. The file is rewritten
// into a fresh copy (see SetPassphrase), so no unprotected copy stays inside it.
func (d *DB) ChangePassphrase(current, next []byte) error {
	if len(next) > 0 {
		if err := CheckPassphrase(next); err != nil {
			return err
		}
	}
	if err := d.verifyPassphrase(current); err != nil {
		return err
	}
	return d.SetPassphrase(next)
}

// verifyPassphrase checks pass against a protected file's verifier without touching the key
// in use. An unprotected file needs no passphrase.
func (d *DB) verifyPassphrase(pass []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	if !d.protected {
		return nil
	}
	verifier, err := d.storedVerifier()
	if err != nil {
		return d.wrapErr(err)
	}
	key := d.kdf.derive(pass)
	a := newAEAD(key)
	ok := checkVerifier(a, verifier)
	wipeAEAD(a)
	wipe(key)
	if !ok {
		return errWrongPass(d.path)
	}
	return nil
}
