package main

import (
	"os"
	"path/filepath"
	"strings"
)

// checkOutDir refuses an output folder inside the content directory: the next build would
// read it as part of the content. Both paths are compared after resolving symbolic links
// (of the output's nearest existing parent, as it may not exist yet).
func checkOutDir(out, contentDir string) error {
	if contentDir == "" {
		return nil // the embedded corpus
	}
	c, err := resolved(contentDir)
	if err != nil {
		return nil // contentSource reports a missing content directory
	}
	o, err := resolved(out)
	if err != nil {
		return usagef("--out %s: %v", out, err)
	}
	if rel, err := filepath.Rel(c, o); err == nil && (rel == "." || !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && rel != "..") {
		return usagef("--out %s is inside the content directory %s, whose folders are read as reports and editions; write the books outside it (e.g. --out dist)", out, contentDir)
	}
	return nil
}

// resolved returns the absolute path of p with symbolic links resolved, for as much of it
// as exists.
func resolved(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		} else if !os.IsNotExist(err) {
			return "", err
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return filepath.Join(append([]string{abs}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(abs)}, rest...)
		abs = parent
	}
}
