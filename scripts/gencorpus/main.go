// Command gencorpus makes a larger corpus for the benchmarks (scripts/bench.sh): N copies
// of every report of a content folder, the first under its own name and the others as
// <report>-2 ... <report>-N, with every file copied byte for byte. The output depends only
// on the input, so the same command makes the same corpus.
//
//	go run ./scripts/gencorpus -n 10 -out /tmp/content10 content
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

func main() {
	n := flag.Int("n", 10, "copies of every report")
	out := flag.String("out", "", "output `folder` (made; must not exist yet)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gencorpus -n N -out DIR CONTENT_DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *out == "" || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	reports, err := generate(flag.Arg(0), *out, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d reports (%d copies of %d)\n", *out, reports*(*n), *n, reports)
}

// generate copies every report folder of src n times into dst and returns how many
// reports src has. Files beside the report folders (notes, Go files) are not copied.
func generate(src, dst string, n int) (int, error) {
	if _, err := os.Stat(dst); err == nil {
		return 0, fmt.Errorf("%s exists", dst)
	}
	ents, err := os.ReadDir(src) // sorted by name
	if err != nil {
		return 0, err
	}
	reports := 0
	for _, e := range ents {
		if !e.IsDir() || e.Name()[0] == '.' {
			continue
		}
		reports++
		for k := 1; k <= n; k++ {
			name := e.Name()
			if k > 1 {
				name += "-" + strconv.Itoa(k)
			}
			if err := copyTree(filepath.Join(src, e.Name()), filepath.Join(dst, name)); err != nil {
				return 0, err
			}
		}
	}
	if reports == 0 {
		return 0, fmt.Errorf("%s has no report folders", src)
	}
	return reports, nil
}

// copyTree copies the regular files and folders under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		}
		return nil // links and other special files are left out
	})
}
