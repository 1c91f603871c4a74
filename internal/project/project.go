// Package project finds the bindery project in front of the user and reads its settings
// file, bindery.yaml. It sits before the pipeline: the command line asks it which content
// folder to load (./content, the folder bindery.yaml names, or none, meaning the corpus
// embedded in the binary) and which build settings apply before flags override them.
package project

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fpc/bindery/book"
)

// SettingsFile is the name of the settings file at a project's root.
const SettingsFile = "bindery.yaml"

// DefaultContent is the content folder of a project whose settings do not name one.
const DefaultContent = "content"

// Source says where the content of a run comes from.
type Source int

// The content sources, in the order Find tries them after an explicit folder.
const (
	Embedded Source = iota // no project here: the corpus compiled into the binary
	Argument               // a folder given on the command line
	Settings               // the folder named by bindery.yaml (or its default, content/)
	Folder                 // ./content, without a settings file
)

// Project is the content and settings of one run.
type Project struct {
	Root     string           // folder holding bindery.yaml or content/, "." for the working directory
	File     string           // path of bindery.yaml, "" when there is none
	Content  string           // content folder to load, "" for the embedded corpus
	Source   Source           // where Content came from
	Settings Config           // from bindery.yaml; zero when there is none
	Warnings book.Diagnostics // unknown keys and the like, with their place in bindery.yaml
}

// Find returns the project in dir: bindery.yaml if it exists (its content folder must
// exist too), else a content/ folder, else the embedded corpus. A non-empty arg is a content
// folder given on the command line; it replaces the one found, and the settings still apply.
func Find(dir, arg string) (*Project, error) {
	p := &Project{Root: dir}
	file := filepath.Join(dir, SettingsFile)
	data, err := os.ReadFile(file)
	switch {
	case err == nil:
		p.File = file
		if p.Settings, p.Warnings, err = Parse(file, data); err != nil {
			return nil, err
		}
		p.Content, p.Source = filepath.Join(dir, p.Settings.contentDir()), Settings
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("cannot read the settings file %s: %v", file, describe(err))
	default:
		if isDir(filepath.Join(dir, DefaultContent)) {
			p.Content, p.Source = filepath.Join(dir, DefaultContent), Folder
		}
	}
	if arg != "" {
		p.Content, p.Source = arg, Argument
		return p, checkFolder(arg, "the content folder "+arg, "give the folder that holds <report>/<lang>/book.yaml")
	}
	if p.Source == Settings {
		fix := fmt.Sprintf("create it, or set content: in %s to the folder of your reports", file)
		if err := checkFolder(p.Content, fmt.Sprintf("the content folder %s (named by %s)", p.Content, file), fix); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Describe says in one line which content the run reads, for the first line of output.
func (p *Project) Describe() string {
	switch p.Source {
	case Argument:
		return fmt.Sprintf("content: %s (given on the command line)", p.Content)
	case Settings:
		return fmt.Sprintf("content: %s (from %s)", p.Content, p.File)
	case Folder:
		return fmt.Sprintf("content: %s (the content folder here)", p.Content)
	}
	return "content: the corpus embedded in bindery (no ./content folder or bindery.yaml here; bindery init makes one)"
}

// Out returns the output folder: the settings' (relative to the project root) or def.
func (p *Project) Out(def string) string {
	if p.Settings.Out == "" {
		return def
	}
	if filepath.IsAbs(p.Settings.Out) {
		return p.Settings.Out
	}
	return filepath.Join(p.Root, p.Settings.Out)
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// checkFolder returns an error naming what (and the fix) unless path is a readable folder.
func checkFolder(path, what, fix string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s does not exist; %s", what, fix)
	case err != nil:
		return fmt.Errorf("cannot open %s: %v", what, describe(err))
	case !st.IsDir():
		return fmt.Errorf("%s is a file, not a folder; %s", what, fix)
	}
	return nil
}

// describe turns an operating-system error into its plain reason ("permission denied"),
// without the Go operation and path the caller already names.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
