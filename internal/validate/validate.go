// Package validate is test support at the end of bindery's pipeline: it runs the external
// validators (epubcheck, epubcheck-ts and DAISY Ace for EPUB files) over real output, for the
// tests of epub and publish. EPUBs checks a set of files with one epubcheck JVM and one Ace
// (one Node and one Chromium) for all of them. A missing validator skips the test, except
// under CI (env CI set), where .ci/run installs them all and a missing one fails.
package validate

import (
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Tool returns the path of the first of names found on PATH. Without any, the test skips,
// or under CI fails.
func Tool(t testing.TB, names ...string) string {
	t.Helper()
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := fmt.Sprintf("%s not installed; install it as .ci/run does", strings.Join(names, " or "))
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// jvmFlags make the short-lived epubcheck JVM start faster: the client compiler only
// (half the CPU time of a run here) and the serial collector; -Xss1024k is the stack size
// Debian's jar asks for (Debian-Java-Parameters).
var jvmFlags = []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1024k"}

// epubcheckCommand returns the command line that runs epubcheck and, when epubcheck is a
// jar (Debian installs the jar itself as /usr/bin/epubcheck, which runs as `java -jar`),
// the java command and the jar, with which many files are checked in one JVM.
func epubcheckCommand(t testing.TB) (cmd []string, java, jar string) {
	t.Helper()
	path := Tool(t, "epubcheck")
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 2)
	if f, err := os.Open(real); err == nil {
		f.Read(head)
		f.Close()
	}
	if string(head) != "PK" && !strings.HasSuffix(real, ".jar") {
		return []string{path}, "", ""
	}
	java = Tool(t, "java")
	return append(append([]string{java}, jvmFlags...), "-jar", real), java, real
}

var epubcheckSummary = regexp.MustCompile(`Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?`)

// epubcheckClean reports whether one epubcheck run found nothing: exit 0 and a summary of
// no fatals, errors or warnings.
func epubcheckClean(out []byte, ok bool) bool {
	m := epubcheckSummary.FindSubmatch(out)
	return ok && m != nil && string(m[1]) == "0" && string(m[2]) == "0" && string(m[3]) == "0"
}

//go:embed EpubCheckAll.java
var epubcheckAllSource []byte

// epubcheckAllMarker frames one file's report in EpubCheckAll's output.
var epubcheckAllMarker = regexp.MustCompile(`(?m)^=== epubcheck-all (begin (.*)|end (-?\d+))$`)

// EPUBCheckAll validates EPUB files with epubcheck in one JVM (EpubCheckAll.java, run from
// source, calls epubcheck's command line once per file) and returns each file's report and
// whether it was clean (no fatal, error or warning). When the JVM cannot run the source (a
// runtime without the compiler module) or epubcheck is not a jar, each file gets its own
// epubcheck run instead, with the same rule.
func EPUBCheckAll(t testing.TB, files []string) (reports map[string][]byte, clean map[string]bool) {
	t.Helper()
	reports, clean = map[string][]byte{}, map[string]bool{}
	cmd, java, jar := epubcheckCommand(t)
	if jar != "" {
		src := filepath.Join(t.TempDir(), "EpubCheckAll.java")
		if err := os.WriteFile(src, epubcheckAllSource, 0o644); err != nil {
			t.Fatal(err)
		}
		args := append(append(append([]string{}, jvmFlags...), "-cp", jar, src), files...)
		out, err := exec.Command(java, args...).CombinedOutput()
		if splitEPUBCheckAll(out, files, reports, clean) {
			return reports, clean
		}
		t.Logf("epubcheck in one JVM did not run (%v); one JVM per file:\n%s", err, out)
		clear(reports)
		clear(clean)
	}
	for _, file := range files {
		out, err := exec.Command(cmd[0], append(cmd[1:], file)...).CombinedOutput()
		reports[file], clean[file] = out, epubcheckClean(out, err == nil)
	}
	return reports, clean
}

// splitEPUBCheckAll cuts EpubCheckAll's output into the files' reports. It returns false
// when no file was begun (the JVM did not run the program); a file begun but not ended (the
// JVM died) gets what it printed and is not clean.
func splitEPUBCheckAll(out []byte, files []string, reports map[string][]byte, clean map[string]bool) bool {
	marks := epubcheckAllMarker.FindAllSubmatchIndex(out, -1)
	if len(marks) == 0 {
		return false
	}
	for i, m := range marks {
		if m[4] < 0 { // an end marker without its begin
			continue
		}
		file := string(out[m[4]:m[5]])
		end, code := len(out), -1
		if i+1 < len(marks) {
			end = marks[i+1][0]
			if marks[i+1][6] >= 0 {
				code, _ = strconv.Atoi(string(out[marks[i+1][6]:marks[i+1][7]]))
			}
		}
		reports[file] = out[m[1]:end]
		clean[file] = epubcheckClean(reports[file], code == 0)
	}
	for _, f := range files {
		if _, ok := reports[f]; !ok {
			reports[f] = []byte("epubcheck never reached this file; the JVM printed:\n" + string(out))
			clean[f] = false
		}
	}
	return true
}

// EPUBCheckTS validates an EPUB file with the TypeScript port of EPUBCheck (npm
// @likecoin/epubcheck-ts, which follows EPUBCheck 5: it knows what 4.2.6 does not, such as
// deprecated vocabulary) and fails the test on any error or warning. It runs offline.
func EPUBCheckTS(t testing.TB, file string) {
	t.Helper()
	tool := Tool(t, "epubcheck-ts")
	out, err := exec.Command(tool, "--fail-on-warnings", "--warn", file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Valid EPUB") {
		t.Errorf("epubcheck-ts %s: %v\n%s", filepath.Base(file), err, out)
	}
}

// EPUBs runs every validator over every EPUB file of files (a name for the subtests, and
// the file): epubcheck over all of them in one JVM (subtest epubcheck/NAME), Ace over all of
// them in one Node and one Chromium (ace/NAME), and epubcheck-ts once per file
// (NAME/epubcheck-ts), all as parallel subtests.
func EPUBs(t *testing.T, files map[string]string) {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	paths := make([]string, len(names))
	for i, name := range names {
		paths[i] = files[name]
	}
	t.Run("epubcheck", func(t *testing.T) {
		t.Parallel()
		reports, clean := EPUBCheckAll(t, paths)
		for _, name := range names {
			t.Run(name, func(t *testing.T) {
				if !clean[files[name]] {
					t.Errorf("epubcheck %s:\n%s", filepath.Base(files[name]), reports[files[name]])
				}
			})
		}
	})
	t.Run("ace", func(t *testing.T) {
		t.Parallel()
		reports := AceAll(t, paths)
		for _, name := range names {
			t.Run(name, func(t *testing.T) { CheckAce(t, files[name], reports[files[name]]) })
		}
	})
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			t.Run("epubcheck-ts", func(t *testing.T) { t.Parallel(); EPUBCheckTS(t, files[name]) })
		})
	}
}
