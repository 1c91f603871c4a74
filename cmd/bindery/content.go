package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/content"
	"github.com/fpc/bindery/internal/project"
	"github.com/fpc/bindery/internal/suggest"
	"github.com/urfave/cli/v3"
)

// source is the content a command reads: the project it belongs to, the tree, and the
// prefix put before every path in messages.
type source struct {
	proj   *project.Project
	fsys   fs.FS
	prefix string
}

// openProject finds the project of the working directory, with the content folder given as
// the command's argument if any, and opens the tree. The settings file's warnings are in
// proj.Warnings for the caller to report with the content's.
func openProject(cmd *cli.Command) (*source, error) {
	if cmd.NArg() > 1 {
		return nil, usagef("%s takes at most one content folder, not %d arguments (%s)", cmd.Name, cmd.NArg(), strings.Join(cmd.Args().Slice(), " "))
	}
	arg := cmd.Args().First()
	if arg != "" {
		if err := notInsideContent(arg, cmd.Name); err != nil {
			return nil, err
		}
	}
	p, err := project.Find(".", arg)
	if err != nil {
		return nil, usageError{err}
	}
	if p.Source == project.Embedded {
		return &source{p, content.FS, "content"}, nil
	}
	root, err := os.OpenRoot(p.Content) // no symbolic link leads out of it
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, usagef("cannot open the content folder %s: %v", p.Content, err)
	}
	return &source{p, root.FS(), filepath.ToSlash(p.Content)}, nil
}

// notInsideContent rejects an edition or report folder given where a content folder is
// expected, saying which filters select it instead.
func notInsideContent(dir, command string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	if isFile(filepath.Join(abs, book.EditionManifest)) {
		lang, report := filepath.Base(abs), filepath.Base(filepath.Dir(abs))
		top := filepath.Dir(filepath.Dir(filepath.Clean(dir)))
		if command != "build" { // only build selects editions
			return usagef("%s is an edition folder (report %s, language %s), not a content folder; run: bindery %s %s (it reads every edition)",
				dir, report, lang, command, top)
		}
		return usagef("%s is an edition folder (report %s, language %s), not a content folder; run: bindery %s --report %s --lang %s %s",
			dir, report, lang, command, report, lang, top)
	}
	if isFile(filepath.Join(abs, book.ReportManifest)) {
		report, top := filepath.Base(abs), filepath.Dir(filepath.Clean(dir))
		if command != "build" {
			return usagef("%s is a report folder, not a content folder; run: bindery %s %s (it reads every report)",
				dir, command, top)
		}
		return usagef("%s is a report folder, not a content folder; run: bindery %s --report %s %s",
			dir, command, report, top)
	}
	return nil
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// editionsIn lists the report and language folders of a content tree without parsing them.
func editionsIn(fsys fs.FS) map[string][]string {
	eds := map[string][]string{}
	reports, _ := fs.ReadDir(fsys, ".")
	for _, r := range reports {
		if !r.IsDir() || strings.HasPrefix(r.Name(), ".") {
			continue
		}
		langs, _ := fs.ReadDir(fsys, r.Name())
		for _, l := range langs {
			if l.IsDir() && !strings.HasPrefix(l.Name(), ".") {
				eds[r.Name()] = append(eds[r.Name()], l.Name())
			}
		}
	}
	return eds
}

// checkFilters returns a usage error naming the --report or --lang value that selects
// nothing in the tree, with the reports, languages or editions there are.
func checkFilters(src *source, reports, langs []string) error {
	if len(reports) == 0 && len(langs) == 0 {
		return nil
	}
	eds := editionsIn(src.fsys)
	var names, allLangs, pairs []string
	for r, ls := range eds {
		names = append(names, r)
		for _, l := range ls {
			pairs = append(pairs, r+"-"+l)
			if !slices.Contains(allLangs, l) {
				allLangs = append(allLangs, l)
			}
		}
	}
	slices.Sort(names)
	slices.Sort(allLangs)
	slices.Sort(pairs)
	where := src.prefix
	if src.proj.Source == project.Embedded {
		where = "the embedded corpus"
	}
	for _, r := range reports {
		if _, ok := eds[r]; !ok {
			return usagef("--report %s matches no report in %s%s (reports: %s)", r, where,
				suggest.DidYouMean(r, names, func(s string) string { return "--report " + s }), strings.Join(names, ", "))
		}
	}
	for _, l := range langs {
		if !slices.Contains(allLangs, l) {
			return usagef("--lang %s matches no edition in %s%s (languages: %s)", l, where,
				suggest.DidYouMean(l, allLangs, func(s string) string { return "--lang " + s }), strings.Join(allLangs, ", "))
		}
	}
	for r, ls := range eds {
		for _, l := range ls {
			if (len(reports) == 0 || slices.Contains(reports, r)) && (len(langs) == 0 || slices.Contains(langs, l)) {
				return nil
			}
		}
	}
	return usagef("no edition in %s is both --report %s and --lang %s (editions: %s)", where,
		strings.Join(reports, ","), strings.Join(langs, ","), strings.Join(pairs, ", "))
}
