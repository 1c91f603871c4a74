package preview

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWatch saves files the way editors do (a scratch file renamed over the real one), also
// in a folder made after watching started, and gets the changed paths (scratch files left out).
func TestWatch(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "kz", "en"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan []string, 10)
	ready := make(chan error, 1)
	go func() { ready <- Watch(ctx, root, 50*time.Millisecond, func(p []string) { got <- p }) }()
	time.Sleep(200 * time.Millisecond) // let the watcher add the folders
	save := func(rel string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		tmp := filepath.Join(filepath.Dir(p), ".scratch.swp")
		if err := os.WriteFile(tmp, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
	// expect gathers the reported paths until it has want (a slow machine may split a batch).
	expect := func(want ...string) {
		t.Helper()
		seen := map[string]bool{}
		deadline := time.After(5 * time.Second)
		for {
			missing := slices.DeleteFunc(slices.Clone(want), func(w string) bool { return seen[w] })
			if len(missing) == 0 {
				return
			}
			select {
			case p := <-got:
				for _, x := range p {
					if !slices.Contains(want, x) {
						t.Errorf("unexpected change %q (want %v)", x, want)
					}
					seen[x] = true
				}
			case err := <-ready:
				t.Fatalf("Watch returned: %v", err)
			case <-deadline:
				t.Fatalf("no change reported for %v", missing)
			}
		}
	}
	save("kz/en/01.md")
	save("kz/en/02.md")
	expect("kz/en/01.md", "kz/en/02.md")
	if err := os.MkdirAll(filepath.Join(root, "kz", "ru"), 0o755); err != nil {
		t.Fatal(err)
	}
	expect("kz/ru")
	time.Sleep(100 * time.Millisecond)
	save("kz/ru/01.md")
	expect("kz/ru/01.md")
}
