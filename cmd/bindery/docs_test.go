package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/fpc/bindery/internal/project"
	"github.com/urfave/cli/v3"
)

// TestManPage keeps docs/bindery.1 true: every command, every flag of each and every key of
// bindery.yaml is in it, each flag within its command's part of the page.
func TestManPage(t *testing.T) {
	src, err := os.ReadFile("../../docs/bindery.1")
	if err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(string(src), `\-`, "-")
	sections := map[string]string{}
	last := ""
	for _, p := range strings.Split(page, "\n.TP\n.BR ")[1:] {
		if name, _, _ := strings.Cut(p, " "); !strings.HasPrefix(name, "-") {
			last = name // a command's entry; an option's own .BR line stays in it
		}
		sections[last] += p
	}
	for _, c := range append(commands(), &cli.Command{Name: "completion"}, &cli.Command{Name: "help"}) {
		part, ok := sections[c.Name]
		if !ok {
			t.Errorf("docs/bindery.1 has no entry for the %s command", c.Name)
			continue
		}
		for _, f := range c.Flags {
			for _, n := range f.Names() {
				if n != "help" && !strings.Contains(part, dashed(n)) {
					t.Errorf("docs/bindery.1: %s lacks %s", c.Name, dashed(n))
				}
			}
		}
	}
	for _, k := range project.Keys {
		if !strings.Contains(page, "\n"+k+": ") {
			t.Errorf("docs/bindery.1 does not document the settings key %s", k)
		}
	}
	if man, err := exec.LookPath("man"); err == nil {
		out, err := exec.Command(man, "--warnings", "-l", "-Tutf8", "../../docs/bindery.1").CombinedOutput()
		if err != nil || strings.Contains(string(out), "warning:") {
			t.Errorf("man -l docs/bindery.1: %v\n%s", err, out)
		}
	}
}

// TestCompletion prints the scripts of the three shells and completes the command names.
func TestCompletion(t *testing.T) {
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, _ := runCLI("completion", sh)
		if code != 0 || !strings.Contains(out, "bindery") {
			t.Errorf("completion %s: exit %d:\n%s", sh, code, out)
		}
		if bin, err := exec.LookPath(sh); err == nil && sh == "bash" {
			cmd := exec.Command(bin, "-n")
			cmd.Stdin = strings.NewReader(out)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("bash -n on the completion script: %v\n%s", err, msg)
			}
		}
	}
	complete := func(args ...string) string {
		saved := os.Args
		defer func() { os.Args = saved }()
		os.Args = append([]string{"bindery"}, args...) // the library reads the words from os.Args
		_, out, _ := runCLI(args...)
		return out
	}
	out := complete("--generate-shell-completion")
	for _, c := range commands() {
		if !strings.Contains(out, c.Name+":") {
			t.Errorf("completion lacks %s:\n%s", c.Name, out)
		}
	}
	if out := complete("build", "-", "--generate-shell-completion"); !strings.Contains(out, "--format") {
		t.Errorf("flag completion lacks --format:\n%s", out)
	}
}

// TestFuzzTargetsListed keeps the Makefile's FUZZ_TARGETS true: every Fuzz function of the
// repository is run by `make fuzz`, and every target listed exists.
func TestFuzzTargetsListed(t *testing.T) {
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(mk), "\nFUZZ_TARGETS = ")
	listed, _, _ := strings.Cut(strings.ReplaceAll(rest, "\\\n", " "), "\n")
	want := map[string]bool{}
	for _, tgt := range strings.Fields(listed) {
		want[tgt] = true
	}
	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)
	found := map[string]bool{}
	err = filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && p != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata"):
			return filepath.SkipDir
		case d.IsDir() || !strings.HasSuffix(p, "_test.go"):
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pkg, _ := filepath.Rel("../..", filepath.Dir(p))
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			found[filepath.ToSlash(pkg)+":"+m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for tgt := range found {
		if !want[tgt] {
			t.Errorf("the Makefile's FUZZ_TARGETS lacks %s", tgt)
		}
	}
	for tgt := range want {
		if !found[tgt] {
			t.Errorf("the Makefile's FUZZ_TARGETS lists %s, which no test file defines", tgt)
		}
	}
	if len(found) < 20 {
		t.Errorf("found only %d fuzz targets: %v", len(found), found)
	}
}
