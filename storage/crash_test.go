package storage

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const crashEnv = "KINCARE_CRASH_CHILD"

// TestCrashChild is the process the crash test kills. It saves cases for ever, printing
// each id only after Save has returned, and now and then deletes a scratch case so that
// kills also land during compaction.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestCrashSafety")
	}
	d, err := Open(path, Options{Timeout: 10 * time.Second})
	if err != nil {
		fmt.Fprintf(os.Stdout, "OPENFAIL %v\n", err)
		os.Exit(3)
	}
	fmt.Fprintln(os.Stdout, "READY")
	pid := os.Getpid()
	var last *Case
	for i := 0; ; i++ {
		marker := fmt.Sprintf("p%d-%d", pid, i)
		c := sampleCase(marker)
		if err := d.Save(c); err != nil {
			fmt.Fprintf(os.Stdout, "SAVEFAIL %v\n", err)
			os.Exit(4)
		}
		fmt.Fprintf(os.Stdout, "SAVED %s %s\n", c.ID, marker)
		switch i % 6 {
		case 1: // now and then a large import, which goes through a fresh copy of the file
			if i%30 == 1 {
				bulk := make([]Case, importBatch+1)
				for j := range bulk {
					bulk[j] = Case{ID: NewID(), Label: fmt.Sprintf("bulk-%s", marker)}
				}
				if _, err := ImportCases(d, bulk, ImportRefuse); err != nil {
					fmt.Fprintf(os.Stdout, "IMPORTFAIL %v\n", err)
					os.Exit(4)
				}
				fmt.Fprintf(os.Stdout, "IMPORTED bulk-%s\n", marker)
			}
		case 3: // a re-save of a printed case with the same content
			if last != nil {
				if err := d.Save(last); err != nil {
					fmt.Fprintf(os.Stdout, "SAVEFAIL %v\n", err)
					os.Exit(4)
				}
			}
		case 5:
			s := sampleCase("scratch")
			if err := d.Save(s); err == nil {
				if err := d.Delete(s.ID); err != nil {
					fmt.Fprintf(os.Stdout, "DELETEFAIL %v\n", err)
					os.Exit(4)
				}
			}
		}
		last = c
	}
}

func TestCrashSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	if os.Getenv(crashEnv) != "" {
		return
	}
	kills := 240
	if testing.Short() {
		kills = 200
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kincare.db")
	saved := map[string]string{}  // id -> marker
	imported := map[string]bool{} // label of every case of an import that returned
	start := time.Now()
	for k := 0; k < kills; k++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// Half the kills are timed from the start (landing in start-up, Open, migration or
		// compaction), half from when the store is open (landing in Save and Delete).
		if k%2 == 1 {
			select {
			case l, ok := <-lines:
				if !ok || l != "READY" {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("kill %d: child did not open the file: %q", k, l)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("child never got ready")
			}
		}
		time.Sleep(time.Duration(5+rand.IntN(36)) * time.Millisecond)
		cmd.Process.Kill()
		var got []string
		for l := range lines {
			got = append(got, l)
		}
		cmd.Wait()
		for _, l := range got {
			f := strings.Fields(l)
			switch {
			case len(f) == 3 && f[0] == "SAVED":
				saved[f[1]] = f[2]
			case len(f) == 2 && f[0] == "IMPORTED":
				imported[f[1]] = true
			case l == "READY":
			default:
				t.Fatalf("kill %d: child reported %q", k, l)
			}
		}
		if k%40 == 39 {
			verifyCrashFile(t, path, saved, imported)
		}
	}
	verifyCrashFile(t, path, saved, imported)
	t.Logf("%d kills, %d cases saved and intact, %d imports of %d cases whole, %v", kills, len(saved), len(imported), importBatch+1, time.Since(start))
	if len(saved) == 0 {
		t.Fatal("no case was ever saved: the kills were too early to test anything")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("files left in the folder: %v", names)
	}
}

func verifyCrashFile(t *testing.T, path string, saved map[string]string, imported map[string]bool) {
	t.Helper()
	d, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("file does not open after a crash: %v", err)
	}
	defer d.Close()
	for id, marker := range saved {
		c, err := d.Get(id)
		if err != nil {
			t.Fatalf("case %s (%s) lost: %v", id, marker, err)
		}
		want := sampleCase(marker)
		if c.Label != want.Label || c.Details.Carer.Name != want.Details.Carer.Name || len(c.Notes) != 1 ||
			c.Notes[0].Text != want.Notes[0].Text || !bytes.Contains(c.Household, []byte(marker)) || len(c.Children) != 2 || c.Children[0].Name != "Tyler "+marker {
			t.Fatalf("case %s damaged: %+v", id, c)
		}
	}
	list, err := d.List("")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) < len(saved) {
		t.Fatalf("list has %d cases, %d were saved", len(list), len(saved))
	}
	// an import is all or nothing, and all once it returned
	bulk := map[string]int{}
	for _, sm := range list {
		if strings.HasPrefix(sm.Label, "bulk-") {
			bulk[sm.Label]++
		}
	}
	for label := range imported {
		if bulk[label] == 0 {
			t.Fatalf("import %s returned but is lost", label)
		}
	}
	for label, n := range bulk {
		if n != importBatch+1 {
			t.Fatalf("import %s is in part: %d of %d cases", label, n, importBatch+1)
		}
	}
}
