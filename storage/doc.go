// Package storage keeps kincare's cases: in one bbolt file on disk, or only in memory for
// guest mode. It knows nothing of screens. Answers are kept as raw JSON, so a key a newer
// kincare saved is carried along rather than lost; family.go converts a case to the engine's
// entitlements.Family and back. Reply dates come from entitlements/letters (tracking.go).
//
// # A case is a family
//
// A case holds a household (the carer's own answers, entitlements.HouseholdKeys, given once)
// and 1 to 12 children, each with a stable random id, a name, its own answers and skipped
// keys; a child's own answer wins over the household's. Letters (Request) name the ids of
// the children they are about. A letter's tracking keeps the original's sent and due dates
// for ever; its follow-up, once sent, carries its own (tracking.go, the one place that
// decides "overdue").
//
// # The file
//
// One bbolt file (default path: see DefaultPath), created with mode 0600 in a folder made
// with mode 0700. It has three buckets:
//
//	meta   format="kincare", schema (uint64 big-endian, now 3), created (RFC 3339),
//	       and, only in protected files, kdf (JSON argon2id settings and salt) and
//	       verifier (a known text sealed with the key). dirty is present while replaced
//	       or deleted text may still sit in bbolt's free pages.
//	cases  key: case id (32 random hex digits), value: the case as JSON (Case's tags).
//	index  key: case id, value: a small binary record (label, council, carer, second
//	       carer, child, updated, reply dates still awaited, each child's name and age)
//	       so listing 100,000 cases reads only these, not every case.
//
// Ids and bucket names are never derived from names, so a protected file's structure
// says nothing about the families in it.
//
// Schema versions: 1 had meta and cases only; 2 added the index; 3 made each case a family
// (upgrade.go: every old case becomes a family of one, household keys moved to the
// household, the merged answers exactly the old ones). Open runs every migration step from
// the file's version to the current one in a single transaction, so a crash leaves the old
// version intact. testdata/v1*.db and v2*.db are real old files kept to test this.
//
// # Importing many cases
//
// An import of more than one batch (2,000 cases) is written into a fresh copy of the file
// in id order and bounded batches, which is then moved over the case file: all or nothing,
// without one transaction holding every case (import.go). ImportFileTo reads the export as it
// decodes it and keeps each case only as the JSON it stores.
//
// Opening never hangs and never harms a file it cannot read: bbolt's lock wait is bounded
// (Options.Timeout, default 2s, then ErrLocked); the two header pages are checked by hand
// before bbolt maps the file (a cut-off file would otherwise crash the process with a bus
// error); any panic from a damaged page is recovered into ErrDamaged; files without our
// meta bucket are ErrNotKincare. None of these paths writes to the file.
//
// # Protection
//
// A file may be protected by a passphrase. The passphrase goes through argon2id with a
// random 16-byte salt per file and RFC 9106's second recommended setting (64 MiB, 3 passes,
// 4 lanes; stored in meta so it can be raised later). Argon2id is memory-hard, so guessing
// passphrases on graphics cards or custom chips gains little; 64 MiB keeps it practical on
// an old library computer. The 32-byte result is the key for XChaCha20-Poly1305, used for
// every value in cases and index: a fresh random 24-byte nonce per value (the extended
// nonce makes random nonces safe for any number of saves, where 12-byte nonces would need a
// counter we could not keep safely across crashes), authenticated so any edit is detected,
// with the bucket name and key as associated data so values cannot be swapped between
// cases. It is fast in software without AES hardware, which older machines lack.
// A sealed value is 0x01 || nonce || ciphertext; an unprotected value is plain JSON (or the
// index record), readable by hand in an emergency.
//
// The key lives only in memory. Lock and Close zero it (including the copy inside the
// cipher) and drop every decrypted record held in memory. SetPassphrase protects an
// existing file (or changes or removes the passphrase) by writing everything into a fresh
// file in the same folder and moving it over the old one, so no plain copy remains.
//
// # Deletion that really deletes
//
// bbolt never overwrites freed pages straight away, so a deleted case would linger in the
// file. After Delete, on Close when anything was replaced, and on Open after a crash
// (the dirty flag), the file is compacted: every live record is copied into a fresh file in
// the same folder, synced, renamed over the old file, and the folder is synced. On Unix the
// copy is opened and locked before the rename, so the file at the path is never unlocked.
// DeleteAll removes the file, kincare's temporary copies and the folder if it is empty.
//
// Saves are durable when Save returns (bbolt syncs each commit); a crash test kills a saving
// process hundreds of times and checks every acknowledged case.
//
// # Guest mode
//
// NewMemory returns the same Store held in memory only: it never creates or writes a file.
package storage
