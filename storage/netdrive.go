package storage

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// NetworkDriveWarning returns a warning to show when path is on a network drive, where file
// locking is unreliable and another computer could open the same file at once; "" otherwise.
func NetworkDriveWarning(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if runtime.GOOS == "windows" {
		if isUNC(abs) {
			return networkWarning(abs)
		}
		return ""
	}
	if runtime.GOOS != "linux" {
		return ""
	}
	data, err := os.ReadFile("/proc/mounts")
	if err != nil {
		return ""
	}
	if networkFS(string(data), existingDir(abs)) {
		return networkWarning(abs)
	}
	return ""
}

func isUNC(p string) bool {
	return strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//")
}

func networkWarning(path string) string {
	return "The case file " + path + " is on a network drive. kincare cannot stop two computers opening it at once there, which could damage it. Keep it on this computer if you can."
}

// existingDir walks up to the nearest folder that exists, resolving links, because the file
// (and its folder) may not have been made yet.
func existingDir(p string) string {
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return r
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p
		}
		p = parent
	}
}

var networkTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb": true, "smb2": true, "smb3": true, "smbfs": true,
	"sshfs": true, "fuse.sshfs": true, "9p": true, "afs": true, "ncpfs": true, "fuse.rclone": true,
}

// networkFS finds the longest mount point containing dir in a /proc/mounts listing.
func networkFS(mounts, dir string) bool {
	best, bestType := "", ""
	for _, line := range strings.Split(mounts, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		mp := unescapeMount(f[1])
		if mp == dir || mp == "/" || strings.HasPrefix(dir, strings.TrimSuffix(mp, "/")+"/") {
			if len(mp) >= len(best) {
				best, bestType = mp, f[2]
			}
		}
	}
	return networkTypes[bestType]
}

// unescapeMount undoes the octal escapes /proc/mounts uses for spaces and the like.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOct(s[i+1]) && isOct(s[i+2]) && isOct(s[i+3]) {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOct(c byte) bool { return c >= '0' && c <= '7' }
