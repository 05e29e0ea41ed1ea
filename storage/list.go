package storage

import (
	"errors"
	"runtime"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// List returns every case, most recently updated first, with reply dates judged against
// today (YYYY-MM-DD; "" means the real today).
func (d *DB) List(today string) ([]Summary, error) {
	return d.Search("", today)
}

// Search returns the cases whose label, carer's or child's name or council contains every
// word of query, ignoring case, most recently updated first.
func (d *DB) Search(query, today string) ([]Summary, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if err := d.usable(); err != nil {
		return nil, err
	}
	if err := d.loadIndex(); err != nil {
		return nil, err
	}
	return d.idx.search(query, todayOr(today)), nil
}

// loadIndex reads the small index once per session; later changes update it in place, which
// is safe because the file lock means nobody else can change the file meanwhile.
func (d *DB) loadIndex() error {
	if d.idx != nil {
		return nil
	}
	var entries []indexEntry
	err := safely(func() error {
		return d.bdb.View(func(tx *bolt.Tx) error {
			// Gather references first (valid while the transaction is open), then decrypt
			// and parse on every core: on a protected file of 100,000 cases this was most
			// of the time to the first list.
			type kv struct{ k, v []byte }
			var items []kv
			err := tx.Bucket([]byte(bucketIndex)).ForEach(func(k, v []byte) error {
				items = append(items, kv{k, v})
				return nil
			})
			if err != nil {
				return err
			}
			// One allocation for all entries: stable pointers and little for the GC to trace.
			entries = make([]indexEntry, len(items))
			workers := min(runtime.GOMAXPROCS(0), 8, len(items)/2048+1)
			errs := make([]error, workers)
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				lo, hi := w*len(items)/workers, (w+1)*len(items)/workers
				wg.Add(1)
				go func() {
					defer wg.Done()
					// each goroutine needs its own recovery from a damaged page
					errs[w] = safely(func() error {
						var buf, fold []byte
						for i := lo; i < hi; i++ {
							k, v := items[i].k, items[i].v
							plain, err := d.decode(bucketIndex, string(k), v)
							if err != nil {
								return err
							}
							// id and fields share one allocation
							buf = append(append(buf[:0], k...), plain...)
							s := string(buf)
							clear(buf)
							e, err := parseIndex(s[len(k):])
							if err != nil {
								return err
							}
							e.ID = s[:len(k)]
							if d.aead != nil {
								wipe(plain) // a fresh decrypted copy; the entry has its own
							}
							// folding now, while the entry is in cache, is far cheaper than
							// on the first search
							fold = e.appendFold(fold[:0])
							e.fold = string(fold)
							entries[i] = e
						}
						return nil
					})
				}()
			}
			wg.Wait()
			return errors.Join(errs...)
		})
	})
	if err != nil {
		return d.wrapErr(err)
	}
	idx := newIndex(len(entries))
	for i := range entries {
		idx.byID[entries[i].ID] = &entries[i]
	}
	d.idx = idx
	return nil
}
