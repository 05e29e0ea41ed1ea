package storage

import (
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Get returns a copy of one case.
func (d *DB) Get(id string) (Case, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return Case{}, err
	}
	return d.getLocked(id)
}

func (d *DB) getLocked(id string) (Case, error) {
	if !validID(id) {
		return Case{}, errNotFound(id)
	}
	var c Case
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			v := tx.Bucket([]byte(bucketCases)).Get([]byte(id))
			if v == nil {
				if tx.Bucket([]byte(bucketIndex)).Get([]byte(id)) != nil {
					// listed but missing: the file is damaged, the case was not deleted
					return errDamaged(d.path, "a case in its list cannot be found", nil)
				}
				return errNotFound(id)
			}
			var err error
			c, err = d.decodeCase([]byte(id), v)
			return err
		})
	})
	return c, d.wrapErr(err)
}

// Save stores the case durably (the data is on disk when Save returns). A case without an
// ID is new: it gets a random ID and Created. Updated is always set to now.
func (d *DB) Save(c *Case) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	now := time.Now().UTC()
	if c.ID != "" && c.Created.IsZero() {
		// keep the original creation time even if the caller built the case afresh
		if old, err := d.getLocked(c.ID); err == nil {
			c.Created = old.Created
		}
	}
	if err := prepare(c, now); err != nil {
		return err
	}
	c.Updated = now
	return d.putLocked([]*Case{c})
}

// put stores cases keeping their own Created and Updated; used by import so a round trip
// loses nothing. All cases go in one transaction: all or none.
func (d *DB) put(cases []*Case) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return err
	}
	if err := prepareBatch(cases, time.Now().UTC()); err != nil {
		return err
	}
	return d.putLocked(cases)
}

func (d *DB) putLocked(cases []*Case) error {
	recs := make([]record, len(cases))
	for i, c := range cases {
		r, err := recordOf(c)
		if err != nil {
			return err
		}
		recs[i] = r
	}
	return d.putRecords(recs)
}

// record is one case ready to write: its JSON and its index entry.
type record struct {
	id  string
	val []byte
	e   indexEntry
}

func recordOf(c *Case) (record, error) {
	j, err := json.Marshal(c)
	if err != nil {
		return record{}, &Error{Kind: ErrInvalid, Msg: "The case could not be saved: " + err.Error()}
	}
	return record{c.ID, j, entryOf(c)}, nil
}

// putRecords writes records in one transaction, or, when there are more than one batch of
// them, through a fresh copy of the file (putFresh).
func (d *DB) putRecords(recs []record) error {
	if len(recs) > importBatch {
		return d.putFresh(recs)
	}
	var replaced bool
	err := safely(func() error {
		return d.bdb.Update(func(tx *bolt.Tx) error {
			var err error
			replaced, err = d.writeRecords(tx, recs)
			if err == nil && replaced && !d.dirty {
				err = tx.Bucket([]byte(bucketMeta)).Put([]byte(keyDirty), []byte("1"))
			}
			return err
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	if replaced {
		d.dirty = true
	}
	d.indexAll(recs)
	return nil
}

// writeRecords puts cases and their index entries in tx, and says whether any replaced a
// case already kept (whose old text then lies in free pages until the next compaction).
func (d *DB) writeRecords(tx *bolt.Tx, recs []record) (replaced bool, err error) {
	cb, ib := tx.Bucket([]byte(bucketCases)), tx.Bucket([]byte(bucketIndex))
	for _, r := range recs {
		if cb.Get([]byte(r.id)) != nil {
			replaced = true
		}
		if err := cb.Put([]byte(r.id), d.encode(bucketCases, r.id, r.val)); err != nil {
			return false, err
		}
		if err := ib.Put([]byte(r.id), d.encode(bucketIndex, r.id, r.e.marshal())); err != nil {
			return false, err
		}
	}
	return replaced, nil
}

// indexAll brings the list kept in memory, if it was read, up to date.
func (d *DB) indexAll(recs []record) {
	if d.idx != nil {
		for i := range recs {
			d.idx.set(recs[i].e)
		}
	}
}

// prepareBatch checks and cleans cases that keep their own dates (an import), giving a case
// with none the time now.
func prepareBatch(cases []*Case, now time.Time) error {
	for _, c := range cases {
		if err := prepare(c, now); err != nil {
			return err
		}
		if c.Updated.IsZero() {
			c.Updated = now
		}
	}
	return nil
}
