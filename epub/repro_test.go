package epub

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestReproducible builds every fixture twice and compares the bytes.
func TestReproducible(t *testing.T) {
	for _, c := range fixtureCases {
		a := build(t, fixture(c.lang, c.draft), c.opts)
		b := build(t, fixture(c.lang, c.draft), c.opts)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two builds differ", c.name)
		}
	}
}

// TestModifiedChangesOnlyDates builds with two modification dates: only the
// dcterms:modified line of the package document may differ.
func TestModifiedChangesOnlyDates(t *testing.T) {
	ed := fixture("kk", true)
	d1 := time.Date(2024, 3, 1, 12, 30, 0, 0, time.UTC)
	d2 := time.Unix(1700000000, 0).In(time.FixedZone("X", 5*3600))
	a := unpack(t, build(t, ed, Options{Modified: d1}))
	b := unpack(t, build(t, ed, Options{Modified: d2}))
	if strings.Join(a.names, " ") != strings.Join(b.names, " ") {
		t.Fatalf("entries differ:\n%v\n%v", a.names, b.names)
	}
	for _, name := range a.names {
		if bytes.Equal(a.files[name], b.files[name]) {
			continue
		}
		if name != packagePath {
			t.Errorf("%s differs", name)
			continue
		}
		al, bl := strings.Split(string(a.files[name]), "\n"), strings.Split(string(b.files[name]), "\n")
		var diff []string
		for i := range al {
			if al[i] != bl[i] {
				diff = append(diff, al[i]+" | "+bl[i])
			}
		}
		want := `  <meta property="dcterms:modified">2024-03-01T12:30:00Z</meta> |   <meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>`
		if len(diff) != 1 || diff[0] != want {
			t.Errorf("package documents differ in:\n%s", strings.Join(diff, "\n"))
		}
	}
	for i := range a.zip.File {
		if a.zip.File[i].Modified != b.zip.File[i].Modified {
			t.Errorf("%s: entry timestamps differ", a.zip.File[i].Name)
		}
	}
}

// TestContainerLayout checks the OCF rules on the ZIP itself: mimetype first, stored,
// without extra field, its content at offset 38; the other entries in name order.
func TestContainerLayout(t *testing.T) {
	data := build(t, fixture("en", false), Options{})
	if got := string(data[30:38]); got != "mimetype" {
		t.Errorf("first entry name %q", got)
	}
	if got := string(data[38 : 38+len(mimetype)]); got != mimetype {
		t.Errorf("bytes 38… are %q, want %q", got, mimetype)
	}
	u := unpack(t, data)
	f := u.zip.File[0]
	if f.Name != "mimetype" || f.Method != 0 || len(f.Extra) != 0 || f.Flags&0x8 != 0 {
		t.Errorf("mimetype entry: method %d, extra %d bytes, flags %#x", f.Method, len(f.Extra), f.Flags)
	}
	for i := 2; i < len(u.names); i++ {
		if u.names[i-1] >= u.names[i] {
			t.Errorf("entries out of order: %s before %s", u.names[i-1], u.names[i])
		}
	}
	for _, want := range []string{"META-INF/container.xml", packagePath, "EPUB/fonts/LICENSE.txt", "EPUB/images/cover.png"} {
		if _, ok := u.files[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteErrors makes the writer fail at several points: Write must return the error.
func TestWriteErrors(t *testing.T) {
	ed := fixture("en", false)
	size := len(build(t, ed, Options{}))
	for _, n := range []int{0, 10, 1000, size / 2, size - 10} {
		err := Write(&failingWriter{n: n}, ed, Options{})
		if !errors.Is(err, errDiskFull) {
			t.Errorf("failing after %d of %d bytes: got %v", n, size, err)
		}
	}
}

// TestConcurrentWrites builds the fixtures at the same time, as the build does with
// editions: the output must not change (run with -race to check the shared font data).
func TestConcurrentWrites(t *testing.T) {
	t.Parallel()
	want := make([][]byte, len(fixtureCases))
	for i, c := range fixtureCases {
		want[i] = build(t, fixture(c.lang, c.draft), c.opts)
	}
	got := make([][]byte, len(fixtureCases))
	errs := make([]error, len(fixtureCases))
	var wg sync.WaitGroup
	for i, c := range fixtureCases {
		wg.Go(func() {
			var b bytes.Buffer
			errs[i] = Write(&b, fixture(c.lang, c.draft), c.opts)
			got[i] = b.Bytes()
		})
	}
	wg.Wait()
	for i, c := range fixtureCases {
		if errs[i] != nil || !bytes.Equal(got[i], want[i]) {
			t.Errorf("%s: concurrent build differs (error %v)", c.name, errs[i])
		}
	}
}
