package storage

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where the case file lives unless KINCARE_DB says otherwise. On Windows it is
// the local (never the roaming) application data folder, so the file is not copied to other
// machines by a managed profile.
func DefaultPath() (string, error) {
	if p := os.Getenv("KINCARE_DB"); p != "" {
		return filepath.Abs(p)
	}
	return defaultPathFor(runtime.GOOS, os.Getenv, os.UserHomeDir)
}

func defaultPathFor(goos string, getenv func(string) string, home func() (string, error)) (string, error) {
	const name = "kincare.db"
	switch goos {
	case "windows":
		if p := getenv("LOCALAPPDATA"); p != "" {
			return filepath.Join(p, "kincare", name), nil
		}
		h, err := home()
		if err != nil {
			return "", ioError("", "find your home folder", err)
		}
		return filepath.Join(h, "AppData", "Local", "kincare", name), nil
	case "darwin", "ios":
		h, err := home()
		if err != nil {
			return "", ioError("", "find your home folder", err)
		}
		return filepath.Join(h, "Library", "Application Support", "kincare", name), nil
	default:
		if p := getenv("XDG_DATA_HOME"); p != "" && filepath.IsAbs(p) {
			return filepath.Join(p, "kincare", name), nil
		}
		h, err := home()
		if err != nil {
			return "", ioError("", "find your home folder", err)
		}
		return filepath.Join(h, ".local", "share", "kincare", name), nil
	}
}
