package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMistakes runs each mistake of the command line and checks the exit code and that
// the message names the problem and the choices, with no raw Go error in it.
func TestMistakes(t *testing.T) {
	content := unpack(t, "clean.txtar")
	edition := filepath.Join(content, "demo", "en")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"foo"}, []string{`unknown command "foo"`, "commands: build, check"}},
		{[]string{"bulid"}, []string{"did you mean bindery build?"}},
		{[]string{"version"}, []string{"did you mean bindery --version?"}},
		{[]string{"help", "bulid"}, []string{`unknown command "bulid"; did you mean bindery build?`}},
		{[]string{"completion", "zhs"}, []string{`unknown shell "zhs" for bindery completion; did you mean zsh? (shells: bash, zsh, fish, pwsh)`}},
		{[]string{"serve", "--port", "70000"}, []string{"--port must be a TCP port from 1 to 65535"}},
		{[]string{"list", "--nope"}, []string{"unknown flag --nope for bindery list"}},
		{[]string{"build", "--paper", "a3"}, []string{`--paper: unknown paper size "a3" (a4, a5, b5, royal, letter, 6x9)`}},
		{[]string{"build", "--notes", "end"}, []string{`--notes: unknown note placement "end" (want chapter or book)`}},
		{[]string{"build", "--bleed", "3"}, []string{`--bleed: invalid length "3": give a unit`}},
		{[]string{"build", "--fromat", "pdf"}, []string{"unknown flag --fromat for bindery build; did you mean --format?"}},
		{[]string{"check", "--nope"}, []string{"unknown flag --nope for bindery check (see bindery check --help)"}},
		{[]string{"build", "--jobs", "abc"}, []string{`--jobs wants a whole number, not "abc"`}},
		{[]string{"build", "--jobs", "-1"}, []string{"--jobs must be 0 (one per CPU) or a number", "not -1"}},
		{[]string{"build", "--jobs"}, []string{"--jobs needs a value"}},
		{[]string{"build", "--lang", "de", content}, []string{"--lang de matches no edition in " + content, "(languages: en, kk)"}},
		{[]string{"build", "--report", "dmeo", content}, []string{"--report dmeo matches no report", "did you mean --report demo?", "(reports: demo)"}},
		{[]string{"build", "--report", "kazakstan"}, []string{"did you mean --report kazakhstan?", "reports: kazakhstan, kyrgyzstan, series, tajikistan"}},
		{[]string{"build", "--report", "kyrgyzstan", "--lang", "en"}, []string{"no edition in the embedded corpus is both --report kyrgyzstan and --lang en", "kyrgyzstan-ky"}},
		{[]string{"build", edition}, []string{"is an edition folder (report demo, language en)", "bindery build --report demo --lang en " + content}},
		{[]string{"check", edition}, []string{"is an edition folder (report demo, language en)", "run: bindery check " + content + " (it reads every edition)"}},
		{[]string{"plan", filepath.Dir(edition)}, []string{"is a report folder, not a content folder; run: bindery plan " + content + " (it reads every report)"}},
		{[]string{"check", "/nonexistent"}, []string{"the content folder /nonexistent does not exist; give the folder that holds"}},
		{[]string{"build", "a", "b"}, []string{"build takes at most one content folder, not 2 arguments"}},
		{[]string{"build", "-q", "--verbose", content}, []string{"--quiet and --verbose ask for opposite things"}},
	} {
		code, _, stderr := runCLI(tc.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: message lacks %q:\n%s", tc.args, w, stderr)
			}
		}
		for _, raw := range []string{"strconv.", "stat ", "flag provided but not defined", "no such file"} {
			if strings.Contains(stderr, raw) {
				t.Errorf("%v: raw Go error %q in:\n%s", tc.args, raw, stderr)
			}
		}
	}
}

// TestProjectDetection runs build and check in a folder with its own content/ and in one
// with none: the first reads the folder's content, the second the embedded corpus, and
// the first line of output says which.
func TestProjectDetection(t *testing.T) {
	content := unpack(t, "clean.txtar")
	dir := t.TempDir()
	if err := os.Rename(content, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, out, _ := runCLI("check")
	if code != 0 || !strings.HasPrefix(out, "content: content (the content folder here)\n") || !strings.Contains(out, "content/demo/") {
		t.Errorf("check in a project: exit %d:\n%s", code, out)
	}
	code, out, stderr := runCLI("build", "--format", "epub", "--lang", "kk")
	if code != 0 || !strings.HasPrefix(out, "content: content (the content folder here)\n") || !strings.Contains(out, "1 file from 1 edition") {
		t.Errorf("build in a project: exit %d:\n%s%s", code, out, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "dist", "demo-kk.epub")); err != nil {
		t.Error(err)
	}
	t.Chdir(t.TempDir())
	code, out, _ = runCLI("build", "--format", "epub", "--report", "series")
	if code != 0 || !strings.HasPrefix(out, "content: the corpus embedded in bindery") || !strings.Contains(out, "wrote dist/series-en.epub") {
		t.Errorf("build outside a project: exit %d:\n%s", code, out)
	}
}

// TestInThisRepository: inside the repository, build reads its content/ folder.
func TestInThisRepository(t *testing.T) {
	t.Chdir("../..")
	out := t.TempDir()
	code, stdout, _ := runCLI("build", "--format", "epub", "--report", "series", "--out", out)
	if code != 0 || !strings.HasPrefix(stdout, "content: content (the content folder here)\n") || !strings.Contains(stdout, "1 file from 1 edition") {
		t.Errorf("exit %d: %.300s", code, stdout)
	}
}

// TestSettingsFile builds with a bindery.yaml that names the folders, formats and notes,
// and checks that flags override it and that its mistakes name their line.
func TestSettingsFile(t *testing.T) {
	content := unpack(t, "clean.txtar")
	dir := t.TempDir()
	if err := os.Rename(content, filepath.Join(dir, "manuscripts")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	write := func(s string) {
		if err := os.WriteFile("bindery.yaml", []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content: manuscripts\nout: public\nformats: [epub]\nnotes: book\nbleeed: 3mm\n")
	code, out, stderr := runCLI("build", "--lang", "en")
	if code != 0 || !strings.HasPrefix(out, "content: manuscripts (from bindery.yaml)\n") || !strings.Contains(out, "1 file from 1 edition in") {
		t.Errorf("exit %d:\n%s%s", code, out, stderr)
	}
	if !strings.Contains(stderr, `bindery.yaml:5:1: warning: unknown key "bleeed" ignored; did you mean "bleed"?`) {
		t.Errorf("no warning for the unknown key:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join("public", "demo-en.epub")); err != nil {
		t.Error(err)
	}
	if code, out, _ = runCLI("build", "--lang", "en", "--format", "pdf", "--out", "other"); code != 0 {
		t.Errorf("flags over settings: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join("other", "demo-en.pdf")); err != nil {
		t.Errorf("flags do not override the settings: %v\n%s", err, out)
	}
	write("content: manuscripts\nbleed: 3\n")
	if code, _, stderr = runCLI("build"); code != 2 || !strings.Contains(stderr, "bindery.yaml:2:8: bleed: invalid length") {
		t.Errorf("bad bleed: exit %d: %s", code, stderr)
	}
	write("content: nowhere\n")
	if code, _, stderr = runCLI("check"); code != 2 || !strings.Contains(stderr, "the content folder nowhere (named by bindery.yaml) does not exist") {
		t.Errorf("missing content: exit %d: %s", code, stderr)
	}
	write("content: manuscripts\njobs: many\n")
	if code, _, stderr = runCLI("build"); code != 2 || !strings.Contains(stderr, "bindery.yaml:2:7: jobs: must be a whole number") {
		t.Errorf("bad jobs: exit %d: %s", code, stderr)
	}
}

func TestHelpHasNoDoubleDefault(t *testing.T) {
	for _, c := range commands() {
		_, out, _ := runCLI(c.Name, "--help")
		for _, l := range strings.Split(out, "\n") {
			if strings.Count(l, "(default") > 1 {
				t.Errorf("%s: double default: %s", c.Name, l)
			}
		}
	}
	if _, out, _ := runCLI("build", "--help"); !strings.Contains(out, "(default: one per CPU)") {
		t.Errorf("--jobs default not said:\n%s", out)
	}
}
