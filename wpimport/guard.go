package wpimport

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// This file keeps an import from overwriting an editor's work. Beside the files of each
// edition the importer writes RecordFile, the SHA-256 of every file as it wrote it (in
// `sha256sum` format). A later import overwrites a file only when it is still exactly what
// the importer wrote, or with Options.Force; anything else is refused before any file is
// written, with the list of the files.

// RecordFile is the name of the record of what the importer wrote in an edition folder.
const RecordFile = ".import.sha256"

// Change is what writing one file would do.
type Change struct {
	Path   string // relative to the content directory, slash-separated
	Action Action
	Old    []byte // the file on disk, nil when it does not exist
	New    []byte

	edition string // the edition folder (Edition.Dir), whose record lists the file
	name    string // the path inside it
}

// Action says what an import does to one file.
type Action string

// The actions of an import on a file.
const (
	Create    Action = "create"
	Overwrite Action = "overwrite" // the file is what the last import wrote
	Unchanged Action = "unchanged"
	Edited    Action = "edited" // changed since the last import, or never written by it: refused without --force
)

// EditedError is the refusal to overwrite files edited since they were imported.
type EditedError struct{ Files []string }

// Error names the files and the two ways on.
func (e EditedError) Error() string {
	return fmt.Sprintf("refusing to overwrite %s edited since bindery last imported %s (or not written by it):\n  %s\n"+
		"see each change with the same command and --dry-run; overwrite with --force (the edits are lost)",
		plural(len(e.Files), "file"), pronoun(len(e.Files)), strings.Join(e.Files, "\n  "))
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// Plan works out every file the result would write under dir and what writing it would
// do. It reads what is there (existing manifests keep their editorial keys, see Write)
// but writes nothing.
func (r *Result) Plan(dir string) ([]Change, error) {
	var changes []Change
	r.Fetch = nil
	var uploads *os.Root
	if r.uploads != "" {
		root, err := os.OpenRoot(r.uploads)
		if err != nil {
			return nil, fmt.Errorf("uploads folder: %w", err)
		}
		defer root.Close()
		uploads = root
	}
	for i := range r.Editions {
		e := &r.Editions[i]
		edDir := filepath.Join(dir, filepath.FromSlash(e.Dir))
		manifestPath := filepath.Join(edDir, "book.yaml")
		old, err := readManifest(manifestPath)
		if err != nil {
			return nil, err
		}
		e.keepEditorial(readExisting(edDir, old))
		if old != nil {
			e.Manifest.mergeEditorial(old)
		}
		record, err := readRecord(filepath.Join(edDir, RecordFile))
		if err != nil {
			return nil, err
		}
		data, err := e.Manifest.YAML()
		if err != nil {
			return nil, err
		}
		files := map[string][]byte{"book.yaml": data}
		r.copyImages(e, uploads, files) // first: a converted picture changes its name
		for j, c := range e.Chapters {
			files[e.Files[j]] = c.Markdown()
		}
		for _, name := range slices.Sorted(maps.Keys(files)) {
			ch, err := change(edDir, path.Join(e.Dir, name), name, files[name], record)
			if err != nil {
				return nil, err
			}
			ch.edition = e.Dir
			changes = append(changes, ch)
		}
	}
	return changes, nil
}

// change compares the file on disk with what the import writes and with the record.
func change(edDir, rel, name string, data []byte, record map[string]string) (Change, error) {
	ch := Change{Path: rel, New: data, name: name}
	old, err := os.ReadFile(filepath.Join(edDir, filepath.FromSlash(name)))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		ch.Action = Create
		return ch, nil
	case err != nil:
		return ch, err
	}
	ch.Old = old
	switch {
	case bytes.Equal(old, data):
		ch.Action = Unchanged
	case record[name] == sum(old):
		ch.Action = Overwrite
	default:
		ch.Action = Edited
	}
	return ch, nil
}

func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// readRecord reads an edition's record: file name to SHA-256, empty when there is none.
func readRecord(p string) (map[string]string, error) {
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	rec := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if h, name, ok := strings.Cut(sc.Text(), "  "); ok && len(h) == 64 {
			rec[name] = h
		}
	}
	return rec, nil
}

// record formats the record of the files written in one edition folder.
func record(files map[string][]byte) []byte {
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(&b, "%s  %s\n", sum(files[name]), name)
	}
	return b.Bytes()
}

// edited lists the files a plan refuses to overwrite.
func edited(changes []Change) []string {
	var out []string
	for _, c := range changes {
		if c.Action == Edited {
			out = append(out, c.Path)
		}
	}
	return out
}

// copyImages adds the pictures of an edition found in the uploads folder to the files it
// writes, and lists the others to fetch. A picture that is not PNG or JPEG is copied
// (or listed) all the same, with a warning: bindery check reports it until it is converted.
func (r *Result) copyImages(e *Edition, uploads *os.Root, files map[string][]byte) {
	for _, img := range e.Images {
		img.File = ""
		var data []byte
		if uploads != nil {
			rel, d, err := readUpload(uploads, img.URL)
			switch {
			case err == nil:
				img.File, data = rel, d
			case !errors.Is(err, fs.ErrNotExist):
				r.Warnings = append(r.Warnings, Warning{Source: Source{File: e.Dir + "/" + img.Path}, Msg: fmt.Sprintf("image %s: %v", img.URL, err)})
			}
		}
		format := ""
		if data != nil {
			format = imageFormat(data)
			if png, err := toPNG(data, format); err == nil {
				img.Path = e.freeName(strings.TrimSuffix(img.Path, path.Ext(img.Path)) + ".png")
				r.Warnings = append(r.Warnings, Warning{Source: Source{File: e.Dir + "/" + img.Path}, Msg: fmt.Sprintf(
					"image %s is %s, which bindery does not embed: its first frame is written as a PNG", img.URL, format)})
				data, format = png, "PNG"
			}
			files[img.Path] = data
		} else {
			r.Fetch = append(r.Fetch, Fetch{URL: img.URL, Path: e.Dir + "/" + img.Path})
			if ext := strings.ToLower(path.Ext(img.Path)); ext != ".png" && ext != ".jpg" && ext != ".jpeg" {
				format = strings.ToUpper(strings.TrimPrefix(ext, "."))
			}
		}
		if format != "" && format != "PNG" && format != "JPEG" {
			r.Warnings = append(r.Warnings, Warning{Source: Source{File: e.Dir + "/" + img.Path}, Msg: fmt.Sprintf(
				"image %s is %s: bindery embeds PNG and JPEG pictures; convert it (bindery check reports it)", img.URL, format)})
		}
	}
}
