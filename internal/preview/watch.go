package preview

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch reports the files changed below root, as slash-separated paths relative to it,
// once no further change came for the debounce interval. It watches folders (editors save
// by writing a new file and renaming it over the old one) and adds the folders made while
// it runs. It returns when ctx is done, or with an error if watching cannot start.
func Watch(ctx context.Context, root string, debounce time.Duration, changed func(paths []string)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("cannot watch %s for changes: %v", root, err)
	}
	defer w.Close()
	if err := addTree(w, root); err != nil {
		return err
	}
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder, or a file (which adding ignores)
			}
			rel, err := filepath.Rel(root, ev.Name)
			if err != nil || ignored(rel) {
				continue
			}
			pending[filepath.ToSlash(rel)] = true
			timer.Reset(debounce)
		case <-w.Errors:
			// an overflowed queue loses events; rebuild everything to be safe
			pending["."] = true
			timer.Reset(debounce)
		case <-timer.C:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			clear(pending)
			changed(paths)
		}
	}
}

// addTree watches dir and every folder below it; a path that is not a folder is skipped.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return nil // gone already, or a file: nothing to add
			}
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if err := w.Add(p); err != nil {
			return fmt.Errorf("cannot watch %s for changes: %v", p, err)
		}
		return nil
	})
}

// ignored tells editors' scratch files (swap files, backups, hidden files) from content.
func ignored(rel string) bool {
	base := filepath.Base(rel)
	return strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".swx") || strings.HasPrefix(base, "#")
}
