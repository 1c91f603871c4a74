package validate

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

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

// aceEnv is the environment Ace runs in: Debian's Chromium unless PUPPETEER_EXECUTABLE_PATH
// names another, and two minutes for it to start, unless ACE_TIMEOUT_INITIAL says otherwise
// (Ace gives Chromium 5 s, which a busy machine does not meet). ACE_HEADLESS_SHELL, which
// only ace-all.js reads, names Debian's chromium-headless-shell when it is installed: the
// same engine as chromium's, which checks an EPUB in about two thirds of the CPU.
func aceEnv() []string {
	env := os.Environ()
	if os.Getenv("PUPPETEER_EXECUTABLE_PATH") == "" {
		env = append(env, "PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium")
	}
	if os.Getenv("ACE_TIMEOUT_INITIAL") == "" {
		env = append(env, "ACE_TIMEOUT_INITIAL=120000")
	}
	if _, set := os.LookupEnv("ACE_HEADLESS_SHELL"); !set {
		if shell, err := exec.LookPath("chromium-headless-shell"); err == nil {
			env = append(env, "ACE_HEADLESS_SHELL="+headlessShell(shell))
		}
	}
	return env
}

// headlessShell returns the binary that Debian's chromium-headless-shell script runs (which
// saves a shell process), or the script itself.
func headlessShell(script string) string {
	bin := filepath.Join(filepath.Dir(script), "..", "lib", "chromium", "chromium-headless-shell")
	if info, err := os.Stat(bin); err == nil && info.Mode().IsRegular() {
		return filepath.Clean(bin)
	}
	return script
}

// Ace checks an EPUB with DAISY Ace's command line (npm installs it as ace and ace-cli) and
// fails the test on any violation, whatever its impact.
func Ace(t testing.TB, file string) {
	t.Helper()
	ace := Tool(t, "ace", "ace-cli")
	out := filepath.Join(t.TempDir(), "ace")
	// Ace on a loaded machine now and then stops with a processing error (no report at
	// all, not a violation); such a run is logged and tried once more.
	for try := 1; ; try++ {
		cmd := exec.Command(ace, "--verbose", "--outdir", out, file)
		cmd.Env = aceEnv()
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
	checkAceReport(t, file, out)
}

// checkAceReport fails the test on an outcome other than pass or on any violation in the
// report Ace wrote into dir for file.
func checkAceReport(t testing.TB, file, dir string) {
	t.Helper()
	outcome, violations, err := aceViolations(dir)
	if err != nil {
		t.Fatalf("ace %s: %v", filepath.Base(file), err)
	}
	if outcome != "pass" || len(violations) > 0 {
		t.Errorf("ace %s: outcome %q, %d violations:\n%s", filepath.Base(file), outcome,
			len(violations), strings.Join(violations, "\n"))
	}
}

// aceViolations reads the report.json Ace wrote into dir: its outcome and every violation,
// whatever its impact.
func aceViolations(dir string) (outcome string, violations []string, err error) {
	data, err := os.ReadFile(filepath.Join(dir, "report.json"))
	if err != nil {
		return "", nil, err
	}
	var rep aceReport
	if err := json.Unmarshal(data, &rep); err != nil {
		return "", nil, fmt.Errorf("report.json: %w", err)
	}
	for _, doc := range rep.Assertions {
		for _, a := range doc.Assertions {
			violations = append(violations, fmt.Sprintf("%s: %s [%s] %s %s", doc.Subject.URL,
				a.Test.Title, a.Test.Impact, a.Result.Description, a.Result.HTML))
		}
	}
	return rep.Result.Outcome, violations, nil
}

//go:embed ace-all.js
var aceAllSource []byte

// aceAllMarker is ace-all.js's line for one file: checked (ok) or not (failed).
var aceAllMarker = regexp.MustCompile(`(?m)^=== ace-all (ok|failed) (.*)$`)

// AceAll runs DAISY Ace over EPUB files in one Node process and one Chromium (ace-all.js
// drives Ace's own core, as its command line does, with a runner that does what Ace's
// puppeteer runner does at a fraction of its CPU) and returns, for each file it checked, the
// folder of its report. A file it could not check (the script did not run, say with an Ace
// installed otherwise than by npm, or Ace stopped with a processing error) has no folder;
// CheckAce then runs the command line on it.
func AceAll(t testing.TB, files []string) map[string]string {
	t.Helper()
	return aceAll(t, files, aceEnv())
}

// aceAll runs ace-all.js over files in the environment env, as AceAll describes.
func aceAll(t testing.TB, files []string, env []string) map[string]string {
	t.Helper()
	ace := Tool(t, "ace", "ace-cli")
	dirs := map[string]string{}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Logf("ace over all files: no node on PATH (%v); one Ace per file", err)
		return dirs
	}
	real, err := filepath.EvalSymlinks(ace)
	if err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Dir(filepath.Dir(real)) // npm links bin/ace.js of @daisy/ace-cli
	if _, err := os.Stat(filepath.Join(pkg, "node_modules", "@daisy")); err != nil {
		t.Logf("ace over all files: %s is not an npm install of @daisy/ace-cli; one Ace per file", real)
		return dirs
	}
	tmp := t.TempDir()
	script := filepath.Join(tmp, "ace-all.js")
	if err := os.WriteFile(script, aceAllSource, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{script, pkg, tmp}, files...)...)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	checked := splitAceAll(out, files)
	for i, f := range files {
		if checked[f] {
			dirs[f] = filepath.Join(tmp, strconv.Itoa(i))
		}
	}
	if len(dirs) < len(files) {
		t.Logf("ace over all files (%v) checked %d of %d files:\n%s", err, len(dirs), len(files), aceErrors(out))
	}
	return dirs
}

// splitAceAll reads which of files ace-all.js's output shows checked: named on an ok line
// and on no failed line.
func splitAceAll(out []byte, files []string) map[string]bool {
	checked, failed := map[string]bool{}, map[string]bool{}
	for _, m := range aceAllMarker.FindAllSubmatch(out, -1) {
		file := string(m[2])
		if !slices.Contains(files, file) {
			continue
		}
		if string(m[1]) == "ok" {
			checked[file] = true
		} else {
			failed[file] = true
		}
	}
	for file := range failed {
		delete(checked, file)
	}
	return checked
}

// CheckAce fails the test on the violations of file's Ace report in dir, which AceAll
// returned; without a report (dir empty) it checks the file with Ace's command line.
func CheckAce(t testing.TB, file, dir string) {
	t.Helper()
	if dir == "" {
		Ace(t, file)
		return
	}
	checkAceReport(t, file, dir)
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
