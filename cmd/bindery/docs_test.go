package main

import (
	"os"
	"os/exec"
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
