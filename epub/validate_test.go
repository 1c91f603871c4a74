package epub

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fpc/bindery/book"
)

// The validators are external programs. A test that needs one skips when it is missing,
// except under CI (env CI set), where .ci/run installs them and a missing one fails.

// needTool skips or, under CI, fails a test whose tool is missing.
func needTool(t *testing.T, name, why string) {
	t.Helper()
	msg := fmt.Sprintf("%s not found (%s); install it as .ci/run does", name, why)
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// epubcheckCommand returns the command line that runs epubcheck: Debian installs the jar
// itself as /usr/bin/epubcheck, which runs as `java -jar`.
func epubcheckCommand(t *testing.T) []string {
	t.Helper()
	path, err := exec.LookPath("epubcheck")
	if err != nil {
		needTool(t, "epubcheck", err.Error())
	}
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
	java, err := exec.LookPath("java")
	if err != nil {
		needTool(t, "java", err.Error())
	}
	return []string{java, "-jar", real}
}

var epubcheckSummary = regexp.MustCompile(`Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?`)

// runEpubcheck validates an EPUB file and fails on any fatal, error or warning.
func runEpubcheck(t *testing.T, file string) {
	t.Helper()
	cmd := epubcheckCommand(t)
	out, err := exec.Command(cmd[0], append(cmd[1:], file)...).CombinedOutput()
	m := epubcheckSummary.FindSubmatch(out)
	if err != nil || m == nil || string(m[1]) != "0" || string(m[2]) != "0" || string(m[3]) != "0" {
		t.Errorf("epubcheck %s: %v\n%s", filepath.Base(file), err, out)
	}
}

// aceCommand returns the DAISY Ace executable; npm installs it as ace (and ace-cli).
func aceCommand(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"ace", "ace-cli"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	needTool(t, "ace", "npm @daisy/ace-cli@1.4.6")
	return ""
}

// aceReport is the part of Ace's report.json the test reads.
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

// runAce checks an EPUB with DAISY Ace and fails on any violation, whatever its impact.
func runAce(t *testing.T, file string) {
	t.Helper()
	ace := aceCommand(t)
	out := filepath.Join(t.TempDir(), "ace")
	cmd := exec.Command(ace, "--silent", "--outdir", out, file)
	cmd.Env = os.Environ()
	if os.Getenv("PUPPETEER_EXECUTABLE_PATH") == "" {
		cmd.Env = append(cmd.Env, "PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium")
	}
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ace %s: %v\n%s", filepath.Base(file), err, msg)
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

// writeTemp writes an EPUB into the test's temporary directory.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name+".epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

// validate runs both validators over one edition, in parallel with the other subtests.
func validate(t *testing.T, name string, ed *book.Edition, opts Options) {
	t.Run(name, func(t *testing.T) {
		t.Parallel()
		file := writeTemp(t, name, build(t, ed, opts))
		t.Run("epubcheck", func(t *testing.T) { runEpubcheck(t, file) })
		t.Run("ace", func(t *testing.T) { runAce(t, file) })
	})
}

// TestValidatorsFixture runs epubcheck and Ace over the fixture EPUBs.
func TestValidatorsFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("validators are slow; skipped with -short")
	}
	for _, c := range fixtureCases {
		if c.validate {
			validate(t, c.name, fixture(c.lang, c.draft), c.opts)
		}
	}
}
