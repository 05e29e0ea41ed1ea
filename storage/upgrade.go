package storage

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// caseV2 is a case as schemas 1 and 2 stored it, and as export version 1 holds it: one child,
// whose answers and skipped keys were the whole case's. Kept frozen so old files and old
// exports can always be read.
type caseV2 struct {
	ID       string          `json:"id"`
	Label    string          `json:"label"`
	AsOf     string          `json:"as_of,omitempty"`
	Answers  json.RawMessage `json:"answers"`
	Details  json.RawMessage `json:"details"`
	Notes    []Note          `json:"notes,omitempty"`
	Requests []Request       `json:"requests,omitempty"`
	Skipped  []string        `json:"skipped,omitempty"`
	Created  time.Time       `json:"created"`
	Updated  time.Time       `json:"updated"`
}

// upgrade makes an old case a family of one. The carer's own answers
// (entitlements.HouseholdKeys) move to the household, where a second child added later finds
// them; the rest stay with the child, so the merged answers are exactly the old ones. The
// child is named as the letters' details name it; every request is about that child.
func (old caseV2) upgrade() (Case, error) {
	c := Case{ID: old.ID, Label: old.Label, AsOf: old.AsOf, Notes: old.Notes, Requests: old.Requests,
		Created: old.Created, Updated: old.Updated}
	if len(old.Details) > 0 && string(old.Details) != "null" {
		if err := json.Unmarshal(old.Details, &c.Details); err != nil {
			return Case{}, fmt.Errorf("%w: details: %v", errValueDamaged, err)
		}
	}
	ch := Child{ID: NewChildID()}
	if c.Details.Child != nil {
		ch.Name = c.Details.Child.Name
	}
	household, own, err := splitAnswers(old.Answers)
	if err != nil {
		return Case{}, fmt.Errorf("%w: answers: %v", errValueDamaged, err)
	}
	c.Household, ch.Answers = household, own
	c.HouseholdSkipped, ch.Skipped = splitKeys(old.Skipped)
	c.Children = []Child{ch}
	for i := range c.Requests {
		c.Requests[i].Children = []string{ch.ID}
	}
	return c, nil
}

// Version 3 holds families: a household and its children. Every case becomes a family of
// one, and its index entry is written again to list the child.
func (d *DB) migrateToFamilies(tx *bolt.Tx) error {
	cb, ib := tx.Bucket([]byte(bucketCases)), tx.Bucket([]byte(bucketIndex))
	type rec struct{ k, v []byte }
	var recs []rec
	err := cb.ForEach(func(k, v []byte) error {
		plain, err := d.decode(bucketCases, string(k), v)
		if err != nil {
			return err
		}
		var old caseV2
		if err := json.Unmarshal(plain, &old); err != nil || old.ID != string(k) {
			return fmt.Errorf("%w: %v", errValueDamaged, err)
		}
		c, err := old.upgrade()
		if err != nil {
			return err
		}
		j, err := json.Marshal(c)
		if err != nil {
			return err
		}
		e := entryOf(&c)
		// bbolt forbids changing a bucket while walking it: gather, then write in key order
		recs = append(recs, rec{append([]byte(nil), k...), j})
		return ib.Put(k, d.encode(bucketIndex, string(k), e.marshal()))
	})
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := cb.Put(r.k, d.encode(bucketCases, string(r.k), r.v)); err != nil {
			return err
		}
	}
	if len(recs) > 0 {
		// the old form of every case is now in free pages: clear them out
		d.dirty = true
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(keyDirty), []byte("1"))
	}
	return nil
}
