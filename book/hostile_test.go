package book

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// hostileManifest is a valid edition manifest with the chapters and extra keys given.
func hostileManifest(extra, chapters string) string {
	return "title: T\nlanguage: en\ndate: 2021-07-22\npublisher: P\n" + extra + "chapters: [" + chapters + "]\n"
}

func symlink(target string) *fstest.MapFile {
	return &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte(target)}
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// TestHostileContent feeds the loader broken and hostile content and asserts every
// diagnostic it gives, with its place and severity, and that nothing else is reported.
func TestHostileContent(t *testing.T) {
	deep := strings.Builder{}
	for i := range 100 {
		deep.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	manyNotes := strings.Builder{}
	manyDefs := strings.Builder{}
	for i := range MaxNotes + 1 {
		manyNotes.WriteString("w[^" + strconv.Itoa(i) + "] ")
		manyDefs.WriteString("[^" + strconv.Itoa(i) + "]: n\n")
	}
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{"chapter symlink to an absolute path", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     symlink("/etc/passwd"),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "01.md" is a symbolic link to the absolute path /etc/passwd; bindery follows only relative links that stay inside the content directory`}},
		{"chapter symlink climbing out", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     symlink("../../../secret.md"),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "01.md" is a symbolic link to ../../../secret.md, outside the content directory`}},
		{"chapter in a symlinked folder that climbs out", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "sub/01.md")),
			"r/en/sub":       symlink("../../.."),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "sub/01.md" is a symbolic link to ../../.., outside the content directory`}},
		{"symlink loop", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     symlink("02.md"),
			"r/en/02.md":     symlink("01.md"),
		}, []string{
			`r/en/book.yaml:5:12: error: chapter file "01.md" is a loop of symbolic links`,
			`r/en/02.md: warning: chapter file is not listed in book.yaml`,
		}},
		{"symlink inside the content directory is read", fstest.MapFS{
			"r/en/book.yaml":  file(hostileManifest("", "01.md")),
			"r/en/01.md":      symlink("../en/parts/a.md"),
			"r/en/parts/a.md": file(chapterA),
		}, nil},
		{"chapter name climbing out", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "../../../etc/passwd")),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "../../../etc/passwd" is outside the content directory`}},
		{"absolute chapter name", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "/etc/passwd")),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "/etc/passwd" is an absolute path; name a file inside the content directory, relative to the manifest`}},
		{"cover image symlink out", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("cover: {image: c.png, alt: A}\n", "01.md")),
			"r/en/c.png":     symlink("/home/me/photo.png"),
			"r/en/01.md":     file(chapterA),
		}, []string{`r/en/book.yaml:5:16: error: cover image "c.png" is a symbolic link to the absolute path /home/me/photo.png; bindery follows only relative links that stay inside the content directory`}},
		{"symlinked edition folder", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file(chapterA),
			"r/kk":           symlink("/elsewhere"),
		}, []string{`r/kk: warning: a symbolic link to a folder is not followed; move the folder into the content directory`}},
		{"byte order mark", fstest.MapFS{
			"r/en/book.yaml": file("\ufeff" + hostileManifest("", "01.md")),
			"r/en/01.md":     file("\ufeff" + chapterA),
		}, nil},
		{"note cites a note", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\nText.[^1]\n\n[^1]: See[^2] and[^1].\n[^2]: Other.\n"),
		}, []string{
			`r/en/01.md:7:10: error: endnote [^2] is referenced inside endnote [^1]: a note cannot refer to another note; merge them or repeat the citation`,
			`r/en/01.md:7:18: error: endnote [^1] is referenced inside endnote [^1]: a note cannot refer to another note; merge them or repeat the citation`,
		}},
		{"cover colours", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("cover:\n  background: \"#zz0000\"\n  accent: red\n  foreground: \"#fff\"\n", "01.md")),
			"r/en/01.md":     file(chapterA),
		}, []string{
			`r/en/book.yaml:6:15: error: cover background "#zz0000" is not a colour written #rrggbb or #rgb`,
			`r/en/book.yaml:7:11: error: cover accent "red" is not a colour written #rrggbb or #rgb`,
		}},
		{"report cover colour at the report manifest's line", fstest.MapFS{
			"r/report.yaml":  file("publisher: P\ncover: {background: \"#12345\"}\n"),
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file(chapterA),
		}, []string{`r/report.yaml:2:21: error: cover background "#12345" is not a colour written #rrggbb or #rgb`}},
		{"misspelt keys", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("pubisher: Q\ncover: {backgound: \"#fff\"}\ncontributors: [{name: N, roel: edt}]\n", "01.md")),
			"r/en/01.md":     file("---\ntitel: A\ntitle: A\nsubtitel: B\n---\n\nText.\n"),
		}, []string{
			`r/en/01.md:2:1: warning: unknown front-matter key "titel"; did you mean "title"?`,
			`r/en/01.md:4:1: warning: unknown front-matter key "subtitel"`,
			`r/en/book.yaml:5:1: warning: unknown manifest key "pubisher"; did you mean "publisher"?`,
			`r/en/book.yaml:6:9: warning: unknown cover key "backgound"; did you mean "background"?`,
			`r/en/book.yaml:7:26: warning: unknown contributor key "roel"; did you mean "role"?`,
		}},
		{"values in report.yaml at its own lines", fstest.MapFS{
			"r/report.yaml":  file("publisher: P\nstatus: finished\n"),
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\nkind: introdution\n---\n\nText.\n"),
		}, []string{
			`r/report.yaml:2:9: error: status "finished" must be "final" or "draft"`,
			`r/en/01.md:3:7: warning: unknown chapter kind "introdution"; did you mean "introduction"?`,
		}},
		{"an image outside the content is not read", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\nSee ![a map](../../../etc/passwd) here.\n"),
		}, []string{`r/en/01.md:5:5: error: image "../../../etc/passwd" is outside the content directory`}},
		{"contributors", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("contributors:\n  - name: N\n    role: editor\n  - role: aut\n", "01.md")),
			"r/en/01.md":     file(chapterA),
		}, []string{
			`r/en/book.yaml:7:11: error: contributor role "editor" is not a MARC relator code (three letters: aut, edt, trl, ill, pht, …)`,
			`r/en/book.yaml:8:5: error: contributor 2 has no name`,
		}},
		{"unclosed box", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\nBefore.\n\n::: box title=\"Side\"\nInside.\n\n## Later heading\n\nMore.\n"),
		}, []string{`r/en/01.md:7:1: error: ::: box is never closed: end it with a line holding only :::`}},
		{"list nested 100 deep", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\n" + deep.String()),
		}, []string{`r/en/01.md:13:19: error: list nested 100 deep: bindery sets at most 8 levels of lists, quotes and boxes inside one another`}},
		{"quotes nested in a note", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\nText.[^1]\n\n[^1]: Note.\n\n    " + strings.Repeat("> ", 9) + "deep\n"),
		}, []string{`r/en/01.md:9:23: error: quote nested 9 deep: bindery sets at most 8 levels of lists, quotes and boxes inside one another`}},
		{"too many notes", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file("---\ntitle: A\n---\n\n" + manyNotes.String() + "\n\n" + manyDefs.String()),
		}, []string{`r/en/01.md:1006:1: error: chapter has 1000 endnotes: bindery numbers at most 999 notes in a chapter; split it into chapters`}},
		{"chapter too large", fstest.MapFS{
			"r/en/book.yaml": file(hostileManifest("", "01.md")),
			"r/en/01.md":     file(chapterA + strings.Repeat("word ", MaxChapterBytes/5)),
		}, []string{`r/en/book.yaml:5:12: error: chapter file "01.md" is 4.0 MiB; bindery reads chapter files up to 4 MiB: split it into chapters`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Load(tt.files)
			want := map[string]bool{}
			for _, w := range tt.want {
				want[w] = true
			}
			for _, d := range ds {
				if !want[d.String()] {
					t.Errorf("unexpected: %s", d)
				}
				delete(want, d.String())
			}
			for w := range want {
				t.Errorf("missing:    %s", w)
			}
		})
	}
}
