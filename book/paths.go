package book

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// This file keeps every file the manifests name inside the content tree: a name that
// climbs out of it (`../`), an absolute name, or a symbolic link that resolves outside it
// is refused before anything is read, so no text from elsewhere can reach a book.

// maxLinkHops bounds the symbolic links followed for one name (a loop stops here).
const maxLinkHops = 40

// errOutside is returned for a name or link that leaves the content directory.
type errOutside struct{ msg string }

func (e errOutside) Error() string { return e.msg }

// insidePath joins a name from a manifest to the folder holding the manifest and returns
// the path inside the content tree, or an error when the name leaves the tree.
func insidePath(dir, name string) (string, error) {
	if name == "" {
		return "", errOutside{"has an empty name"}
	}
	if path.IsAbs(name) || strings.Contains(name, `\`) || (len(name) > 1 && name[1] == ':') {
		return "", errOutside{"is an absolute path; name a file inside the content directory, relative to the manifest"}
	}
	p := path.Join(dir, name)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", errOutside{"is outside the content directory"}
	}
	return p, nil
}

// resolveLinks follows the symbolic links of every element of p, when fsys can tell them,
// and returns the path of the file p names, still inside the tree.
func resolveLinks(fsys fs.FS, p string) (string, error) {
	lfs, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return p, nil
	}
	for hops := 0; ; {
		parts := strings.Split(p, "/")
		linked := false
		for i := range parts {
			prefix := strings.Join(parts[:i+1], "/")
			info, err := lfs.Lstat(prefix)
			if err != nil {
				return p, nil // let the read report the missing file
			}
			if info.Mode()&fs.ModeSymlink == 0 {
				continue
			}
			if hops++; hops > maxLinkHops {
				return "", errOutside{"is a loop of symbolic links"}
			}
			target, err := lfs.ReadLink(prefix)
			if err != nil {
				return "", err
			}
			if path.IsAbs(target) {
				return "", errOutside{fmt.Sprintf("is a symbolic link to the absolute path %s; bindery follows only relative links that stay inside the content directory", target)}
			}
			next := path.Join(path.Dir(prefix), target)
			if next == ".." || strings.HasPrefix(next, "../") {
				return "", errOutside{fmt.Sprintf("is a symbolic link to %s, outside the content directory", target)}
			}
			p = path.Join(append([]string{next}, parts[i+1:]...)...)
			linked = true
			break
		}
		if !linked {
			return p, nil
		}
	}
}

// readInside reads the file a manifest in dir names, refusing names and links that leave
// the content tree. The error is a predicate that reads after the file's name:
// "does not exist", "is outside the content directory".
func readInside(fsys fs.FS, dir, name string, limit int64, what string) ([]byte, error) {
	p, err := insidePath(dir, name)
	if err != nil {
		return nil, err
	}
	if p, err = resolveLinks(fsys, p); err != nil {
		return nil, err
	}
	// A FIFO or a device would block or never end; a huge file is refused unread.
	if info, err := fs.Stat(fsys, p); err == nil {
		switch {
		case info.IsDir():
			return nil, errors.New("is a folder, not a file")
		case !info.Mode().IsRegular():
			return nil, errors.New("is not a regular file")
		case info.Size() > limit:
			return nil, errTooLarge{info.Size(), limit, what}
		}
	}
	data, err := fs.ReadFile(fsys, p)
	if err == nil && int64(len(data)) > limit { // it grew since
		return nil, errTooLarge{int64(len(data)), limit, what}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("does not exist")
	case err != nil && strings.Contains(err.Error(), "escapes"):
		// os.Root refuses what its tree does not hold (a race with the check above).
		return nil, errOutside{"resolves outside the content directory"}
	case err != nil:
		return nil, fmt.Errorf("cannot be read: %w", err)
	}
	return data, nil
}

// errTooLarge is a file over its limit, refused unread.
type errTooLarge struct {
	size, limit int64
	what        string // "chapter files"
}

func (e errTooLarge) Error() string {
	return fmt.Sprintf("is %.1f MiB; bindery reads %s up to %d MiB", float64(e.size)/(1<<20), e.what, e.limit>>20)
}
