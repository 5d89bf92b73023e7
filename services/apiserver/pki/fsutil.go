package pki

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// readOptional returns the file contents, or nil if the file does not exist.
func readOptional(name string) ([]byte, error) {
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("pki: %w", err)
	}
	return data, nil
}

// writeFileAtomic replaces name with data so readers (and a restart after
// kill -9) see either the old or the new content, never a partial file.
func writeFileAtomic(name string, data []byte, perm os.FileMode) error {
	return replaceFile(name, perm, func(tmp string) error {
		return os.WriteFile(tmp, data, perm)
	})
}

// replaceFile creates a temp file next to name with perm, lets write fill it
// by name, fsyncs it, renames it over name and fsyncs the directory.
func replaceFile(name string, perm os.FileMode, write func(tmp string) error) (err error) {
	dir := filepath.Dir(name)
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return fmt.Errorf("pki: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	if err = f.Chmod(perm); err == nil {
		err = f.Close()
	} else {
		_ = f.Close()
	}
	if err == nil {
		err = write(tmp)
	}
	if err == nil {
		err = syncPath(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		return fmt.Errorf("pki: write %s: %w", name, err)
	}
	_ = syncPath(dir) // best effort: not every platform can fsync a directory
	return nil
}

func syncPath(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	serr := f.Sync()
	if cerr := f.Close(); serr == nil {
		serr = cerr
	}
	return serr
}
