package publish

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Unit is one edition folder of a content tree and its size, the unit a CI matrix builds.
type Unit struct {
	Report string `json:"report"`
	Lang   string `json:"lang"`
	Bytes  int64  `json:"-"` // the size of the files in the folder, the weight of the edition
}

// Name is the edition's name, report-lang.
func (u Unit) Name() string { return u.Report + "-" + u.Lang }

// Units lists the edition folders of a content tree (<report>/<lang>/, names not starting
// with a dot) in name order, with their sizes, without parsing anything: a broken edition
// is a unit like the others, so that the shard that gets it reports it.
func Units(fsys fs.FS) ([]Unit, error) {
	reports, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var units []Unit
	for _, r := range reports {
		if !r.IsDir() || strings.HasPrefix(r.Name(), ".") {
			continue
		}
		langs, err := fs.ReadDir(fsys, r.Name())
		if err != nil {
			return nil, err
		}
		for _, l := range langs {
			if !l.IsDir() || strings.HasPrefix(l.Name(), ".") {
				continue
			}
			u := Unit{Report: r.Name(), Lang: l.Name()}
			u.Bytes, err = folderSize(fsys, path.Join(r.Name(), l.Name()))
			if err != nil {
				return nil, err
			}
			units = append(units, u)
		}
	}
	slices.SortFunc(units, func(a, b Unit) int { return cmp.Or(cmp.Compare(a.Report, b.Report), cmp.Compare(a.Lang, b.Lang)) })
	return units, nil
}

func folderSize(fsys fs.FS, dir string) (int64, error) {
	var n int64
	err := fs.WalkDir(fsys, dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	return n, err
}

// Shards deals units into n shares of about equal size: largest first, each to the share
// with the least so far (the lowest-numbered on a tie). The shares depend only on the
// names and sizes, so every machine of a CI matrix computes the same ones; together they
// hold every unit once. Each share is in name order.
func Shards(units []Unit, n int) [][]Unit {
	shares := make([][]Unit, n)
	load := make([]int64, n)
	order := slices.Clone(units)
	slices.SortStableFunc(order, func(a, b Unit) int {
		return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Report, b.Report), cmp.Compare(a.Lang, b.Lang))
	})
	for _, u := range order {
		i := slices.Index(load, slices.Min(load))
		shares[i] = append(shares[i], u)
		load[i] += u.Bytes
	}
	for _, s := range shares {
		slices.SortFunc(s, func(a, b Unit) int { return cmp.Or(cmp.Compare(a.Report, b.Report), cmp.Compare(a.Lang, b.Lang)) })
	}
	return shares
}

// Shard is the I-th of N shares of a build, counted from 1.
type Shard struct{ I, N int }

// ParseShard reads "I/N" with 1 <= I <= N.
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return Shard{}, fmt.Errorf("invalid shard %q (want I/N with 1 <= I <= N, e.g. 2/4)", s)
	}
	return Shard{i, n}, nil
}

// String formats the shard as I/N.
func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.I, s.N) }

// Of returns the units of the shard.
func (s Shard) Of(units []Unit) []Unit { return Shards(units, s.N)[s.I-1] }
