package validate

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/testutil"
)

// TestSplitEPUBCheckAll cuts EpubCheckAll's output into the reports of the files: a clean
// report, a report with an error, a file the JVM never reached, and a file begun but never
// ended are each judged on their own.
func TestSplitEPUBCheckAll(t *testing.T) {
	ok := "No errors or warnings detected.\nMessages: 0 fatals / 0 errors / 0 warnings / 0 infos\n"
	bad := "ERROR(RSC-005): b.epub/EPUB/x.xhtml(1,2): Error while parsing file\nMessages: 0 fatals / 1 error / 0 warnings / 0 infos\n"
	warn := "WARNING(OPF-053): c.epub: date\nMessages: 0 fatals / 0 errors / 1 warning / 0 infos\n"
	for _, tc := range []struct {
		name  string
		out   string
		files []string
		ran   bool
		clean map[string]bool
	}{
		{"clean and error", "=== epubcheck-all begin a.epub\n" + ok + "=== epubcheck-all end 0\n=== epubcheck-all begin b.epub\n" + bad + "=== epubcheck-all end 1\n",
			[]string{"a.epub", "b.epub"}, true, map[string]bool{"a.epub": true, "b.epub": false}},
		{"a warning with exit 0", "=== epubcheck-all begin c.epub\n" + warn + "=== epubcheck-all end 0\n",
			[]string{"c.epub"}, true, map[string]bool{"c.epub": false}},
		{"clean summary, exit 1", "=== epubcheck-all begin a.epub\n" + ok + "=== epubcheck-all end 1\n",
			[]string{"a.epub"}, true, map[string]bool{"a.epub": false}},
		{"JVM died in the second", "=== epubcheck-all begin a.epub\n" + ok + "=== epubcheck-all end 0\n=== epubcheck-all begin b.epub\n" + ok,
			[]string{"a.epub", "b.epub", "c.epub"}, true, map[string]bool{"a.epub": true, "b.epub": false, "c.epub": false}},
		{"no end before the next begin", "=== epubcheck-all begin a.epub\n" + ok + "=== epubcheck-all begin b.epub\n" + ok + "=== epubcheck-all end 0\n",
			[]string{"a.epub", "b.epub"}, true, map[string]bool{"a.epub": false, "b.epub": true}},
		{"did not run", "error: unable to find the compiler\n", []string{"a.epub"}, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reports, clean := map[string][]byte{}, map[string]bool{}
			if ran := splitEPUBCheckAll([]byte(tc.out), tc.files, reports, clean); ran != tc.ran {
				t.Fatalf("ran %v, want %v", ran, tc.ran)
			}
			if !tc.ran {
				return
			}
			for _, f := range tc.files {
				if clean[f] != tc.clean[f] {
					t.Errorf("%s: clean %v, want %v; report:\n%s", f, clean[f], tc.clean[f], reports[f])
				}
				if len(reports[f]) == 0 {
					t.Errorf("%s: no report", f)
				}
			}
			if strings.Contains(string(reports["a.epub"]), "b.epub") {
				t.Errorf("a.epub's report runs into b.epub's: %s", reports["a.epub"])
			}
		})
	}
}

// zipEPUB zips the minimal EPUB of testdata with its mimetype first and stored, leaving out
// the entries named in drop.
func zipEPUB(t *testing.T, dir, name string, drop ...string) string {
	t.Helper()
	return zipEdited(t, dir, name, func(entry string, data []byte) []byte {
		if slices.Contains(drop, entry) {
			return nil
		}
		return data
	})
}

// zipEdited zips the minimal EPUB of testdata as zipEPUB does, each entry as edit returns it
// (nil leaves it out).
func zipEdited(t *testing.T, dir, name string, edit func(entry string, data []byte) []byte) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range testutil.Archive(t, filepath.Join("testdata", "minimal.txtar")).Files {
		data := edit(f.Name, f.Data)
		if data == nil {
			continue
		}
		method := zip.Deflate
		if f.Name == "mimetype" {
			method, data = zip.Store, bytes.TrimSpace(data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEPUBCheckAll runs the real epubcheck, in one JVM, over a good EPUB, one whose spine
// names a missing document, and the good one again: only the broken one fails, and each
// report is its own.
func TestEPUBCheckAll(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a JVM; run without -short")
	}
	dir := t.TempDir()
	good := zipEPUB(t, dir, "good.epub")
	broken := zipEPUB(t, dir, "broken.epub", "EPUB/text.xhtml")
	again := zipEPUB(t, dir, "again.epub")
	reports, clean := EPUBCheckAll(t, []string{good, broken, again})
	want := map[string]bool{good: true, broken: false, again: true}
	for f, w := range want {
		if clean[f] != w {
			t.Errorf("%s: clean %v, want %v:\n%s", filepath.Base(f), clean[f], w, reports[f])
		}
	}
	if !strings.Contains(string(reports[broken]), "text.xhtml") {
		t.Errorf("the broken EPUB's report does not name the missing file:\n%s", reports[broken])
	}
	if strings.Contains(string(reports[good]), "broken.epub") {
		t.Errorf("good.epub's report runs into the next file's:\n%s", reports[good])
	}
}

// TestAceAll runs the real Ace, in one Node and one Chromium, over a good EPUB, one without
// its accessibility metadata and with faint text (a violation of the package document, found
// by Ace's Node side, and one of a content document, found by axe in Chromium), and the good
// one again: only the second has violations, each file gets a report of its own, and the
// faulty file's report is the one Ace's own runner writes.
func TestAceAll(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Chromium; run without -short")
	}
	dir := t.TempDir()
	good := zipEPUB(t, dir, "good.epub")
	bad := zipEdited(t, dir, "bad.epub", func(entry string, data []byte) []byte {
		switch entry {
		case "EPUB/package.opf":
			return regexp.MustCompile(`(?m)^ *<meta property="schema:.*\n`).ReplaceAll(data, nil)
		case "EPUB/text.xhtml":
			return bytes.Replace(data, []byte("<p>"), []byte(`<p style="color: #c8c8c8">`), 1)
		}
		return data
	})
	again := zipEPUB(t, dir, "again.epub")
	reports := AceAll(t, []string{good, bad, again})
	if len(reports) != 3 || reports[good] == reports[again] {
		t.Fatalf("reports %v: want one folder for each of the three files", reports)
	}
	for f, clean := range map[string]bool{good: true, bad: false, again: true} {
		outcome, violations, err := aceViolations(reports[f])
		if err != nil {
			t.Fatal(err)
		}
		if got := outcome == "pass" && len(violations) == 0; got != clean {
			t.Errorf("%s: outcome %q, violations %q; want clean %v", filepath.Base(f), outcome, violations, clean)
		}
		if clean {
			continue
		}
		all := strings.Join(violations, "\n")
		for _, want := range []string{"metadata-accessmode [serious]", "text.xhtml: color-contrast [serious]"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: no violation %q in %q", filepath.Base(f), want, violations)
			}
		}
	}
	own := aceAll(t, []string{bad}, append(aceEnv(), "ACE_ALL_RUNNER=ace"))
	if own[bad] == "" {
		t.Fatal("Ace's own runner did not check bad.epub")
	}
	if mine, theirs := aceReportJSON(t, reports[bad]), aceReportJSON(t, own[bad]); mine != theirs {
		t.Errorf("bad.epub: ace-all.js's report differs from Ace's own runner's:\n%s\nAce's:\n%s", mine, theirs)
	}
}

// aceReportJSON returns the report.json Ace wrote into dir without its date, the one part
// that differs between two runs.
func aceReportJSON(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep map[string]any
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	if _, ok := rep["dct:date"]; !ok {
		t.Fatalf("%s: report.json has no dct:date", dir)
	}
	delete(rep, "dct:date")
	out, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestSplitAceAll reads which files ace-all.js checked: named on an ok line and on no failed
// line; a file never named, or not asked for, was not checked.
func TestSplitAceAll(t *testing.T) {
	out := "=== ace-all ok a.epub\n=== ace-all failed b.epub\nError: x\n    at check (ace-all.js:1:1)\n" +
		"=== ace-all ok d.epub\n=== ace-all ok c.epub\n=== ace-all failed c.epub\n=== ace-all ok f.epub\n"
	got := splitAceAll([]byte(out), []string{"a.epub", "b.epub", "c.epub", "d.epub", "e.epub"})
	if len(got) != 2 || !got["a.epub"] || !got["d.epub"] {
		t.Errorf("checked %v, want a.epub and d.epub", got)
	}
	if len(splitAceAll([]byte(out), []string{"b.epub"})) != 0 {
		t.Error("a failed file was counted as checked")
	}
	if len(splitAceAll([]byte("Error: Cannot find module 'puppeteer'\n"), []string{"a.epub"})) != 0 {
		t.Error("a file was counted as checked by a script that did not run")
	}
}
