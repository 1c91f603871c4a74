package deflate

import (
	"bytes"
	stdflate "compress/flate"
	"compress/zlib"
	"io"
	"io/fs"
	"math/rand/v2"
	"testing"

	"github.com/fpc/bindery/content"
	"github.com/klauspost/compress/flate"
	kzlib "github.com/klauspost/compress/zlib"
)

// TestAppendZlib checks that AppendZlib writes the bytes compress/zlib writes at
// BestSpeed, for inputs of several sizes and kinds, after what dst held, with compressors
// reused from one call to the next.
func TestAppendZlib(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 200_000)
	for i := range random {
		random[i] = byte(rng.IntN(256))
	}
	text := bytes.Repeat([]byte("BT /F1 10 Tf 63.189 426.477 Td [(abc)-78(def)] TJ ET\n"), 4000)
	for _, tc := range []struct {
		name string
		data []byte
	}{{"empty", nil}, {"short", []byte("q 1 0 0 1 0 0 cm Q")}, {"text", text},
		{"random", random}, {"zeros", make([]byte, 300_000)}, {"text again", text}} {
		var want bytes.Buffer
		zw, _ := kzlib.NewWriterLevel(&want, kzlib.BestSpeed)
		zw.Write(tc.data)
		zw.Close()
		got := AppendZlib([]byte("head"), tc.data)
		if !bytes.Equal(got[:4], []byte("head")) || !bytes.Equal(got[4:], want.Bytes()) {
			t.Errorf("%s: AppendZlib differs from a zlib writer at BestSpeed (%d bytes, want %d)", tc.name, len(got)-4, want.Len())
		}
		r, err := zlib.NewReader(bytes.NewReader(got[4:]))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		back, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(back, tc.data) {
			t.Errorf("%s: the stream does not inflate to its data (%v)", tc.name, err)
		}
	}
}

// TestPoolKeeps checks that a pool keeps at most its bound of idle compressors and hands
// out the ones it kept before making new ones, at its level.
func TestPoolKeeps(t *testing.T) {
	const keep = 3
	p := NewPool(4, keep)
	var ws []*flate.Writer
	for range keep + 2 {
		ws = append(ws, p.Get(io.Discard))
	}
	for _, fw := range ws {
		p.Put(fw)
	}
	if n := len(p.free); n != keep {
		t.Fatalf("%d compressors kept, want %d", n, keep)
	}
	kept := map[*flate.Writer]bool{}
	for _, fw := range p.free {
		kept[fw] = true
	}
	data := bytes.Repeat([]byte("level four "), 1000)
	var want bytes.Buffer
	ref, _ := flate.NewWriter(&want, 4)
	ref.Write(data)
	ref.Close()
	for range keep {
		var got bytes.Buffer
		fw := p.Get(&got)
		if !kept[fw] {
			t.Fatal("Get made a compressor while the pool had one")
		}
		fw.Write(data)
		fw.Close()
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatal("a reused compressor writes other bytes than a new one at the pool's level")
		}
	}
}

// TestNewPoolLevel checks that an invalid level is refused.
func TestNewPoolLevel(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("NewPool(42, 1) did not panic")
		}
	}()
	NewPool(42, 1)
}

// corpusText is the text of every manuscript of the embedded corpus, one after the other.
func corpusText(b *testing.B) []byte {
	var text []byte
	err := fs.WalkDir(content.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, rerr := fs.ReadFile(content.FS, path)
			text = append(text, data...)
			return rerr
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return text
}

// BenchmarkCorpusText compresses the corpus's manuscripts with a compressor of Fast and,
// for comparison, with compress/flate at the same level; each reports its output's size.
func BenchmarkCorpusText(b *testing.B) {
	text := corpusText(b)
	b.Run("Fast", func(b *testing.B) {
		var out []byte
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			out = AppendZlib(out[:0], text)
		}
		b.ReportMetric(float64(len(out)), "out-bytes")
	})
	b.Run("compress-flate", func(b *testing.B) {
		var out bytes.Buffer
		fw, _ := stdflate.NewWriter(&out, stdflate.BestSpeed)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			out.Reset()
			fw.Reset(&out)
			fw.Write(text)
			fw.Close()
		}
		b.ReportMetric(float64(out.Len()+len(ZlibHeader)+4), "out-bytes")
	})
}
