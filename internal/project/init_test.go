package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/book"
)

// TestInit writes a new project and loads it: the sample has two editions (English and a
// Cyrillic language) with notes, a box and a list, and no problem at all.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my-reports")
	files, err := Init(dir, time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 7 {
		t.Errorf("wrote only %v", files)
	}
	p, err := Find(dir, "")
	if err != nil || p.Source != Settings || len(p.Warnings) != 0 {
		t.Fatalf("%+v %v", p, err)
	}
	lib, ds := book.LoadPrefixed(os.DirFS(p.Content), "content")
	if len(ds) != 0 {
		t.Errorf("the sample has problems:\n%v", ds)
	}
	if len(lib.Editions) != 2 {
		t.Fatalf("%d editions", len(lib.Editions))
	}
	kinds := map[book.BlockKind]bool{}
	var walk func([]book.Block)
	walk = func(bs []book.Block) {
		for _, b := range bs {
			kinds[b.Kind] = true
			walk(b.Children)
		}
	}
	notes := 0
	for _, ed := range lib.Editions {
		if ed.Meta.Date.Format("2006-01-02") != "2026-03-04" {
			t.Errorf("%s dated %v", ed.Name(), ed.Meta.Date)
		}
		for _, ch := range ed.Chapters {
			walk(ch.Blocks)
			notes += len(ch.Notes)
		}
	}
	if lib.Edition("sample-report", "en") == nil || lib.Edition("sample-report", "ru") == nil {
		t.Errorf("editions: %v", lib.Editions)
	}
	if !kinds[book.Box] || !kinds[book.List] || notes < 4 {
		t.Errorf("sample lacks a box, a list or notes: %v, %d notes", kinds, notes)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.md"))
	if !strings.Contains(string(readme), "# my-reports") || !strings.Contains(string(readme), "bindery build") {
		t.Errorf("README: %s", readme)
	}
	if _, err := Init(dir, time.Now()); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second init: %v", err)
	}
}
