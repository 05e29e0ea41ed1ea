package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"kincare/entitlements"
	"kincare/storage"
)

func init() {
	commands["new"] = runNew
	commands["cases"] = runCases
	commands["delete"] = runDelete
	commands["export"] = runExport
	commands["import"] = runImport
	commands["requests"] = runRequests
}

// dbPath is --db, else KINCARE_DB, else the user's data folder.
func dbPath(flagValue string, env *cliEnv) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if p := env.getenv("KINCARE_DB"); p != "" {
		return p, nil
	}
	return storage.DefaultPath()
}

// passphrase comes from KINCARE_PASSPHRASE (for scripts), else is asked for on the terminal.
func passphrase(env *cliEnv, prompt string) ([]byte, error) {
	if p := env.getenv("KINCARE_PASSPHRASE"); p != "" {
		return []byte(p), nil
	}
	if !env.stdinIsTerminal {
		return nil, errors.New("this case file is protected by a passphrase: set KINCARE_PASSPHRASE, or run this in a terminal to type it")
	}
	fmt.Fprint(env.stderr, prompt)
	p, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(env.stderr)
	return p, err
}

// openStore opens the case file, asking for the passphrase when it is protected.
func openStore(path string, env *cliEnv) (*storage.DB, error) {
	if w := storage.NetworkDriveWarning(path); w != "" {
		fmt.Fprintln(env.stderr, "kincare: "+w)
	}
	var opts storage.Options
	if prot, err := storage.IsProtected(path); err == nil && prot {
		p, err := passphrase(env, "Passphrase for "+path+": ")
		if err != nil {
			return nil, err
		}
		opts.Passphrase = p
	}
	return storage.Open(path, opts)
}

// withStore opens the case file named by --db (or KINCARE_DB, or the default), runs fn and closes it.
func withStore(dbFlag string, env *cliEnv, fn func(s *storage.DB) error) error {
	path, err := dbPath(dbFlag, env)
	if err != nil {
		return err
	}
	s, err := openStore(path, env)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

func newFlags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "case file")
	return fs, db
}

func runNew(args []string, env *cliEnv) error {
	fs, db := newFlags("new")
	answers := fs.String("answers", "", "answers file (the kincare assess format)")
	label := fs.String("label", "", "a short label for the case")
	details := fs.String("details", "", "people's details file (JSON)")
	if err := fs.Parse(args); err != nil {
		return badInput("new: %v\nusage: kincare new --answers FILE [--label TEXT] [--details FILE] [--db PATH]", err)
	}
	in, d, err := readAnswers(*answers, "", env.stdin)
	if err != nil {
		return err
	}
	c := storage.Case{Label: entitlements.CleanText(*label)}
	if in.AsOf != nil {
		c.AsOf = d.String()
	}
	if c.Answers, err = json.Marshal(in.Answers); err != nil {
		return err
	}
	if *details != "" {
		data, err := os.ReadFile(*details)
		if err != nil {
			return badInput("cannot read the details file %s: %v", *details, err)
		}
		if c.Details, err = entitlements.ParseDetails(data); err != nil {
			return badInput("%s: %v", *details, err)
		}
	}
	if c.Label == "" {
		c.Label = defaultLabel(c.Details, in.Answers)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		if err := s.Save(&c); err != nil {
			return err
		}
		_, err := fmt.Fprintln(env.stdout, c.ID)
		return err
	})
}

// defaultLabel names a case by the child's first name and the council, when given.
func defaultLabel(d entitlements.Details, a entitlements.Answers) string {
	var parts []string
	if d.Child != nil && d.Child.Name != "" {
		parts = append(parts, strings.Fields(d.Child.Name)[0])
	} else if d.Carer != nil && d.Carer.Name != "" {
		parts = append(parts, d.Carer.Name)
	}
	if c := a.Value(entitlements.CouncilKey); c != "" {
		parts = append(parts, c)
	}
	if len(parts) == 0 {
		return "New case"
	}
	return strings.Join(parts, ", ")
}

func runCases(args []string, env *cliEnv) error {
	fs, db := newFlags("cases")
	search := fs.String("search", "", "only cases matching this name, council or label")
	if err := fs.Parse(args); err != nil {
		return badInput("cases: %v", err)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return listCases(s, *search, env)
	})
}

func listCases(s *storage.DB, search string, env *cliEnv) error {
	var list []storage.Summary
	var err error
	if search != "" {
		list, err = s.Search(search, today().String())
	} else {
		list, err = s.List(today().String())
	}
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(env.stdout, "No cases saved yet.")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tLABEL\tLAST UPDATED\tOVERDUE LETTERS")
	for _, c := range list {
		over := ""
		if c.Overdue > 0 {
			over = fmt.Sprintf("%d overdue", c.Overdue)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Label, c.Updated.Local().Format("2 Jan 2006 15:04"), over)
	}
	return tw.Flush()
}

// confirm asks yes/no on the terminal; without a terminal it refuses (use --yes).
func confirm(env *cliEnv, question string) (bool, error) {
	if !env.stdinIsTerminal {
		return false, badInput("%s Add --yes to confirm when not at a terminal.", question)
	}
	fmt.Fprint(env.stderr, question+" Type yes to confirm: ")
	line, _ := bufio.NewReader(env.stdin).ReadString('\n')
	return strings.TrimSpace(strings.ToLower(line)) == "yes", nil
}

func runDelete(args []string, env *cliEnv) error {
	fs, db := newFlags("delete")
	id := fs.String("case", "", "the case to delete")
	all := fs.Bool("all", false, "delete all my data: the case file, its backups and temporary files")
	yes := fs.Bool("yes", false, "do not ask for confirmation")
	if err := fs.Parse(args); err != nil {
		return badInput("delete: %v", err)
	}
	if (*id == "") == !*all {
		return badInput("delete: give either --case ID or --all")
	}
	path, err := dbPath(*db, env)
	if err != nil {
		return err
	}
	if *all {
		if !*yes {
			ok, err := confirm(env, fmt.Sprintf("Delete ALL cases and the file %s? This cannot be undone.", path))
			if err != nil || !ok {
				if err == nil {
					fmt.Fprintln(env.stdout, "Nothing was deleted.")
				}
				return err
			}
		}
		s, err := openStore(path, env)
		if err != nil {
			if errors.Is(err, storage.ErrWrongPassphrase) || errors.Is(err, storage.ErrNeedPassphrase) || errors.Is(err, storage.ErrLocked) {
				return err
			}
			// A damaged file can still be removed.
			if rerr := storage.RemoveFile(path); rerr != nil {
				return rerr
			}
			fmt.Fprintln(env.stdout, "All kincare data in "+path+" was deleted.")
			return nil
		}
		if err := s.DeleteAll(); err != nil {
			return err
		}
		fmt.Fprintln(env.stdout, "All kincare data in "+path+" was deleted.")
		return nil
	}
	s, err := openStore(path, env)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := s.Get(*id)
	if err != nil {
		return err
	}
	if !*yes {
		ok, err := confirm(env, fmt.Sprintf("Delete the case %q? This cannot be undone.", c.Label))
		if err != nil || !ok {
			if err == nil {
				fmt.Fprintln(env.stdout, "Nothing was deleted.")
			}
			return err
		}
	}
	if err := s.Delete(*id); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Deleted %q.\n", c.Label)
	return nil
}

func runExport(args []string, env *cliEnv) error {
	fs, db := newFlags("export")
	id := fs.String("case", "", "only this case")
	out := fs.String("out", "", "the file to write")
	force := fs.Bool("force", false, "replace the file if it exists")
	if err := fs.Parse(args); err != nil {
		return badInput("export: %v", err)
	}
	if *out == "" {
		return badInput("export: --out FILE is required")
	}
	if _, err := os.Stat(*out); err == nil && !*force {
		return badInput("export: %s already exists; use --force to replace it", *out)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return exportCases(s, *id, *out, env)
	})
}

func exportCases(s *storage.DB, id, out string, env *cliEnv) error {
	var err error
	var pass []byte
	if s.Protected() {
		// The export is sealed with the same passphrase as the case file.
		if pass, err = passphrase(env, "Passphrase to protect the export: "); err != nil {
			return err
		}
	}
	var data []byte
	if id != "" {
		c, err := s.Get(id)
		if err != nil {
			return err
		}
		data, err = storage.Export([]storage.Case{c}, pass)
		if err != nil {
			return err
		}
	} else if data, err = storage.ExportAll(s, pass); err != nil {
		return err
	}
	if err := writeFileSafely(out, data); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Exported to %s.\n", out)
	return nil
}

// writeFileSafely writes to a temporary file beside the target and renames it, so a crash
// never leaves half a file; the file is readable only by this user.
func writeFileSafely(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func runImport(args []string, env *cliEnv) error {
	fs, db := newFlags("import")
	copies := fs.Bool("as-copies", false, "import cases that are already here as new copies")
	replace := fs.Bool("replace", false, "replace cases that are already here")
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return badInput("import: %v", err)
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	}
	if file == "" {
		return badInput("import: give the export file: kincare import FILE [--db PATH]")
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return badInput("cannot read %s: %v", file, err)
	}
	var pass []byte
	if strings.Contains(string(data[:min(len(data), 200)]), storage.ExportFormatEncrypted) {
		if pass, err = passphrase(env, "Passphrase of the export: "); err != nil {
			return err
		}
	}
	cases, err := storage.Import(data, pass)
	if err != nil {
		if errors.Is(err, storage.ErrImport) {
			return badInput("%s: %v", file, err)
		}
		return err
	}
	mode := storage.ImportRefuse
	switch {
	case *copies:
		mode = storage.ImportAsCopies
	case *replace:
		mode = storage.ImportReplace
	}
	return withStore(*db, env, func(s *storage.DB) error {
		ids, err := storage.ImportCases(s, cases, mode)
		if err != nil {
			if errors.Is(err, storage.ErrConflict) {
				return badInput("%v (use --as-copies or --replace)", err)
			}
			return err
		}
		_, err = fmt.Fprintf(env.stdout, "Imported %d case(s).\n", len(ids))
		return err
	})
}

// runRequests lists letters waiting for a reply across all cases: overdue first.
func runRequests(args []string, env *cliEnv) error {
	fs, db := newFlags("requests")
	due := fs.Bool("due", false, "only letters due for a reply within a week, or overdue")
	if err := fs.Parse(args); err != nil {
		return badInput("requests: %v", err)
	}
	return withStore(*db, env, func(s *storage.DB) error {
		return listRequests(s, *due, env)
	})
}

func listRequests(s *storage.DB, due bool, env *cliEnv) error {
	list, err := s.List(today().String())
	if err != nil {
		return err
	}
	t := today()
	soon := t.AddDays(7).String()
	type row struct{ due, label, id, req, state string }
	var rows []row
	for _, sm := range list {
		c, err := s.Get(sm.ID)
		if err != nil {
			return err
		}
		for _, r := range c.Requests {
			if r.Status != storage.StatusSent || r.ReplyDue == "" {
				continue
			}
			state := "due " + r.ReplyDue
			if r.ReplyDue < t.String() {
				state = "OVERDUE since " + r.ReplyDue
			}
			if due && r.ReplyDue > soon {
				continue
			}
			rows = append(rows, row{r.ReplyDue, c.Label, c.ID, r.ID, state})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].due < rows[j].due })
	if len(rows) == 0 {
		fmt.Fprintln(env.stdout, "No letters are waiting for a reply.")
		return nil
	}
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "REPLY\tCASE\tLETTER\tCASE ID")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.state, r.label, r.req, r.id)
	}
	return tw.Flush()
}
