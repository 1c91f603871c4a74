package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary run as bindery itself (BINDERY_AS_MAIN=1), so that tests
// can start the command as a real child process, send it signals and read its exit code.
// After the run it removes the hostile suite's shared baseline folder.
func TestMain(m *testing.M) {
	if os.Getenv("BINDERY_AS_MAIN") == "1" {
		os.Exit(run(context.Background(), append([]string{"bindery"}, os.Args[1:]...), os.Stdout, os.Stderr))
	}
	code := m.Run()
	if baseline.content != "" { // the hostile suite's shared tree, made once for the binary
		os.RemoveAll(filepath.Dir(baseline.content))
	}
	os.Exit(code)
}

// child returns the command that runs bindery with args in the folder dir.
func child(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BINDERY_AS_MAIN=1")
	return cmd
}

// files reads every file of a folder by name.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = b
	}
	return m
}

// TestShardsInProcesses plans the shards, builds each in its own process and checks that
// together they wrote exactly the files of one whole build, byte for byte. With -short the
// content is the clean fixture, else the whole corpus in three shards.
func TestShardsInProcesses(t *testing.T) {
	t.Parallel()
	content, n := "", 3 // the embedded corpus
	work := t.TempDir()
	if testing.Short() {
		content, n = unpack(t, "clean.txtar"), 2
	}
	arg := func(args ...string) []string {
		if content != "" {
			args = append(args, content)
		}
		return args
	}
	plan, err := child(t, work, arg("plan", "--shards", "3")...).Output()
	var include []string
	for i := 1; i <= n; i++ { // the fixture's two editions make two shards
		include = append(include, fmt.Sprintf(`{"shard":"%d/%d"}`, i, n))
	}
	if want := `{"include":[` + strings.Join(include, ",") + `]}`; err != nil || !strings.Contains(string(plan), want) {
		t.Errorf("plan --shards 3: %v %s, want %s", err, plan, want)
	}
	whole := filepath.Join(work, "whole")
	if out, err := child(t, work, arg("build", "--quiet", "--out", whole)...).CombinedOutput(); err != nil {
		t.Fatalf("whole build: %v\n%s", err, out)
	}
	want := files(t, whole)
	union := map[string][]byte{}
	for i := 1; i <= n; i++ {
		dir := filepath.Join(work, "shard", string(rune('0'+i)))
		shard := string(rune('0'+i)) + "/" + string(rune('0'+n))
		cmd := child(t, work, arg("build", "--json", "--shard", shard, "--out", dir)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("shard %s: %v\n%s", shard, err, stderr.String())
		}
		var res struct {
			Outputs  []struct{ Edition, Path string }
			Failures []any
		}
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil || len(res.Outputs) == 0 || len(res.Failures) != 0 {
			t.Errorf("shard %s: %v %s", shard, err, stdout.String())
		}
		for name, data := range files(t, dir) {
			if _, dup := union[name]; dup {
				t.Errorf("%s is in two shards", name)
			}
			union[name] = data
		}
	}
	if len(union) != len(want) {
		t.Errorf("the shards wrote %d files, the whole build %d", len(union), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(union[name], data) {
			t.Errorf("%s: the shard's file differs from the whole build's", name)
		}
	}
}

// TestSignalsInProcess starts a build of the corpus over the files of an earlier build,
// sends SIGINT (then, in a second run, SIGTERM) as soon as a temporary file appears in the
// output folder, and checks the exit code 130, that no temporary file is left, and that
// every edition's files are either all the previous ones or all new and whole.
func TestSignalsInProcess(t *testing.T) {
	t.Parallel()
	work := t.TempDir()
	out := filepath.Join(work, "dist")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	eds := []string{"kazakhstan-en", "kazakhstan-kk", "kyrgyzstan-ky", "series-en", "tajikistan-ru"}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		for _, ed := range eds {
			for _, ext := range []string{".pdf", ".epub"} {
				if err := os.WriteFile(filepath.Join(out, ed+ext), []byte("previous"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		cmd := child(t, work, "build", "--jobs", "1", "--out", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if !waitForTemp(out, 2*time.Minute) {
			cmd.Process.Kill()
			t.Fatalf("%v: no temporary file appeared", sig)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		if code := cmd.ProcessState.ExitCode(); code != 130 {
			t.Errorf("%v: exit %d (%v), want 130\n%s", sig, code, err, stderr.String())
		}
		got := files(t, out)
		for name := range got {
			if strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".old") {
				t.Errorf("%v: %s left behind", sig, name)
			}
		}
		for _, ed := range eds {
			pdf, epub := got[ed+".pdf"], got[ed+".epub"]
			oldPDF, oldEPUB := string(pdf) == "previous", string(epub) == "previous"
			if oldPDF != oldEPUB || !oldPDF && (!bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasPrefix(epub, []byte("PK"))) {
				t.Errorf("%v: %s is mixed or cut: PDF %.8q, EPUB %.8q", sig, ed, pdf, epub)
			}
		}
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("%v: stderr does not say the build was interrupted:\n%s", sig, stderr.String())
		}
	}
}

// waitForTemp polls a folder until it holds a temporary file of a build.
func waitForTemp(dir string, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
		ents, _ := os.ReadDir(dir)
		if slices.ContainsFunc(ents, func(e os.DirEntry) bool { return strings.HasSuffix(e.Name(), ".tmp") }) {
			return true
		}
	}
	return false
}
