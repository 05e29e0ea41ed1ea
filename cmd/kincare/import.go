package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"kincare/storage"
)

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
	head := make([]byte, 200)
	fh, err := os.Open(file)
	if err != nil {
		return badInput("cannot read %s: %v", file, err)
	}
	n, _ := io.ReadFull(fh, head)
	fh.Close()
	var pass []byte
	if strings.Contains(string(head[:n]), storage.ExportFormatEncrypted) {
		if pass, err = passphrase(env, "Passphrase of the export: "); err != nil {
			return err
		}
	}
	mode := storage.ImportRefuse
	switch {
	case *copies:
		mode = storage.ImportAsCopies
	case *replace:
		mode = storage.ImportReplace
	}
	return withStore(*db, env, func(s *storage.DB) error {
		// read as it is decoded and kept as the JSON it is stored as: 100,000 cases fit
		ids, err := storage.ImportFileTo(s, file, pass, mode)
		if errors.Is(err, storage.ErrImport) {
			return badInput("%s: %v", file, err)
		}
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
