// Package validate is test support at the end of bindery's pipeline: it runs the external
// validators (epubcheck, epubcheck-ts and DAISY Ace for EPUB files) over real output, for the tests of
// epub and publish. A missing validator skips the test, except under CI (env CI set), where
// .ci/run installs them all and a missing one fails.
package validate

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
// (half the CPU time of a run here) and the serial collector.
var jvmFlags = []string{"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"}

// epubcheckCommand returns the command line that runs epubcheck: Debian installs the jar
// itself as /usr/bin/epubcheck, which runs as `java -jar`.
func epubcheckCommand(t testing.TB) []string {
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
		return []string{path}
	}
	return append(append([]string{Tool(t, "java")}, jvmFlags...), "-jar", real)
}

var epubcheckSummary = regexp.MustCompile(`Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?`)

// EPUBCheck validates an EPUB file and fails the test on any fatal, error or warning.
func EPUBCheck(t testing.TB, file string) {
	t.Helper()
	cmd := epubcheckCommand(t)
	out, err := exec.Command(cmd[0], append(cmd[1:], file)...).CombinedOutput()
	m := epubcheckSummary.FindSubmatch(out)
	if err != nil || m == nil || string(m[1]) != "0" || string(m[2]) != "0" || string(m[3]) != "0" {
		t.Errorf("epubcheck %s: %v\n%s", filepath.Base(file), err, out)
	}
}

// aceReport is the part of Ace's report.json the tests read.
type aceReport struct {
	Result struct {
		Outcome string `json:"earl:outcome"`
	} `json:"earl:result"`
	Assertions []struct {
		Subject struct {
			URL string `json:"url"`
		} `json:"earl:testSubject"`
		Assertions []struct {
			Test struct {
				Title  string `json:"dct:title"`
				Impact string `json:"earl:impact"`
			} `json:"earl:test"`
			Result struct {
				Description string `json:"dct:description"`
				HTML        string `json:"html"`
			} `json:"earl:result"`
		} `json:"assertions"`
	} `json:"assertions"`
}

// Ace checks an EPUB with DAISY Ace (npm installs it as ace and ace-cli) and fails the test
// on any violation, whatever its impact.
func Ace(t testing.TB, file string) {
	t.Helper()
	ace := Tool(t, "ace", "ace-cli")
	out := filepath.Join(t.TempDir(), "ace")
	// Ace on a loaded machine now and then stops with a processing error (no report at
	// all, not a violation); such a run is logged and tried once more.
	for try := 1; ; try++ {
		cmd := exec.Command(ace, "--verbose", "--outdir", out, file)
		cmd.Env = os.Environ()
		if os.Getenv("PUPPETEER_EXECUTABLE_PATH") == "" {
			cmd.Env = append(cmd.Env, "PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium")
		}
		msg, err := cmd.CombinedOutput()
		if err == nil {
			break
		}
		if try == 2 {
			t.Fatalf("ace %s: %v\n%s", filepath.Base(file), err, aceErrors(msg))
		}
		t.Logf("ace %s: %v (trying again)\n%s", filepath.Base(file), err, aceErrors(msg))
		os.RemoveAll(out)
	}
	data, err := os.ReadFile(filepath.Join(out, "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rep aceReport
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("ace report: %v", err)
	}
	var violations []string
	for _, doc := range rep.Assertions {
		for _, a := range doc.Assertions {
			violations = append(violations, fmt.Sprintf("%s: %s [%s] %s %s", doc.Subject.URL,
				a.Test.Title, a.Test.Impact, a.Result.Description, a.Result.HTML))
		}
	}
	if rep.Result.Outcome != "pass" || len(violations) > 0 {
		t.Errorf("ace %s: outcome %q, %d violations:\n%s", filepath.Base(file), rep.Result.Outcome,
			len(violations), strings.Join(violations, "\n"))
	}
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

// EPUB runs epubcheck, epubcheck-ts and Ace over one EPUB file, as parallel subtests of t.
func EPUB(t *testing.T, file string) {
	t.Run("epubcheck", func(t *testing.T) { t.Parallel(); EPUBCheck(t, file) })
	t.Run("epubcheck-ts", func(t *testing.T) { t.Parallel(); EPUBCheckTS(t, file) })
	t.Run("ace", func(t *testing.T) { t.Parallel(); Ace(t, file) })
}

// aceErrors keeps the error lines of Ace's verbose log, or all of it when it has none.
func aceErrors(log []byte) string {
	var errs []string
	for _, l := range strings.Split(string(log), "\n") {
		if strings.Contains(strings.ToLower(l), "error") {
			errs = append(errs, l)
		}
	}
	if len(errs) == 0 {
		return string(log)
	}
	return strings.Join(errs, "\n")
}
