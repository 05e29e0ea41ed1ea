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
//	       or deleted text may still sit in bbolt's free pages. values says how every
//	       value is kept ("sealed" or "summed", see integrity.go); header, in protected
//	       files, seals the passphrase settings, the creation time and the word "sealed",
//	       binding protection on.
//	written key: a hash of a path, value: one file kincare wrote at a person's request
//	       (path, SHA-256 of what was written, when), sealed or summed like a case; kept so
//	       "delete all my data" can find exports, letters and read-outs (see written.go).
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
// (Options.Timeout, default 1.5 s, then ErrLocked); the two header pages are checked by hand
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
// A sealed value is 0x01 || nonce || ciphertext; an unprotected value is 0x02 || CRC-32C ||
// plain JSON (or the index record), readable by hand in an emergency, with a checksum over
// the bucket, key and value so damage or a value moved between cases is reported. (Files
// from before the checksums hold bare values; Open adds the checksums once.) A protected
// file never accepts a plain value, and a file holding sealed values, a verifier or a
// header but no passphrase settings is ErrDamaged: deleting the settings cannot turn a
// protected file into one that takes plain writes.
//
// What protection does not hide or catch: how many cases there are and roughly their sizes
// (one value per case), when the file was made, and that it is a kincare file; a whole
// case removed from both buckets, a value put back from an older copy of the same file, or
// the whole file replaced by an older copy. Without a passphrase the checksums catch
// accidents, not someone who edits the file on purpose and recomputes them.
//
// The key lives only in memory. Lock and Close zero it (including the copy inside the
// cipher) and drop every decrypted record held in memory. SetPassphrase protects an
// existing file (or changes or removes the passphrase) by writing everything into a fresh
// file in the same folder and moving it over the old one, so no plain copy remains.
//
// # Deletion that really deletes
//
// bbolt never overwrites freed pages straight away, so a deleted case would linger in the
// file. Delete writes a fresh copy without the case and moves it over the old file: on a
// full disk or a read-only folder the copy fails, is removed, and nothing has changed.
// On Close when anything was replaced, and on Open after a crash (the dirty flag), the file
// is compacted the same way: every live record is copied into a fresh file in
// the same folder, synced, renamed over the old file, and the folder is synced. On Unix the
// copy is opened and locked before the rename, so the file at the path is never unlocked.
// DeleteAll removes the file, kincare's temporary copies and the folder if it is empty.
// A file opened through a symbolic link is worked on where it really is (the rename would
// otherwise replace the link and leave the cases in the target), and DeleteAll removes the
// link too. The old disk blocks of an unprotected file are not overwritten: on most disks
// (journals, SSDs) kincare cannot reach them, so only a passphrase keeps deleted text
// unreadable there.
//
// Files kincare writes for a person (WriteFile) go through a new temporary file with a
// random name created exclusively in the destination folder, mode 0600, synced, then
// renamed (or hard-linked, when nothing may be replaced) into place: never through a link
// or a file planted by another account.
//
// Saves are durable when Save returns (bbolt syncs each commit); a crash test kills a saving
// process hundreds of times and checks every acknowledged case.
//
// # Guest mode
//
// NewMemory returns the same Store held in memory only: it never creates or writes a file.
package storage
