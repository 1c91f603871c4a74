package main

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fpc/bindery/publish"
)

// TestLiveProgress drives the terminal display through an edition that writes every format,
// a draft whose print is refused, one that fails and one an interrupt stops before it
// starts: the finished editions' lines carry what they wrote (the print line sums the
// interior and the cover, "1 page" for one), the draft's print says it was not printed, the
// failed edition's bars say failed, and the bottom bar counts every edition done.
func TestLiveProgress(t *testing.T) {
	var buf bytes.Buffer
	formats := []publish.Format{publish.PDF, publish.EPUB, publish.Print}
	lp := newLiveProgress(&buf, []string{"a-en", "b-kk", "c-ru", "d-ky"}, formats)
	lp.Stage("a-en", publish.PDF, publish.Setting)
	lp.Committed("a-en", []publish.Output{
		{Edition: "a-en", Format: publish.PDF, Bytes: 2048, Pages: 12, Duration: 30 * time.Millisecond},
		{Edition: "a-en", Format: publish.EPUB, Bytes: 1024, Duration: 20 * time.Millisecond},
		{Edition: "a-en", Format: publish.Print, Bytes: 3072, Pages: 14, Duration: 40 * time.Millisecond},
		{Edition: "a-en", Format: publish.Print, Bytes: 1024, Pages: 1, Duration: 41 * time.Millisecond},
	})
	lp.Stage("b-kk", publish.PDF, publish.Setting)
	lp.Committed("b-kk", []publish.Output{
		{Edition: "b-kk", Format: publish.PDF, Bytes: 1024, Pages: 3, Duration: time.Millisecond},
		{Edition: "b-kk", Format: publish.EPUB, Bytes: 1024, Duration: time.Millisecond},
	})
	lp.Stage("c-ru", publish.EPUB, publish.Writing)
	lp.Failed(publish.Failure{Edition: "c-ru", Reason: "broken"})
	lp.Failed(publish.Interruption("d-ky"))
	lp.wait()
	out := buf.String()
	for _, want := range []string{
		"a-en pdf   [", "a-en print [", // the format names padded to the longest
		"2 KiB, 12 pages in 30ms", "1 KiB in 20ms", "3+1 KiB, 14+1 pages in 41ms",
		"b-kk print [", "not printed (see below)", "c-ru epub  [", "failed", "4 of 4 done",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("display lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "d-ky") {
		t.Errorf("an edition that never started has bars:\n%s", out)
	}
}

// TestLiveProgressHeight builds 60 editions one after the other: the live area never holds
// more than the bars of the edition in flight and the bottom bar, whatever the catalogue's
// size (no bar of an edition not started, none left running of one done), and every
// edition ends above it.
func TestLiveProgressHeight(t *testing.T) {
	lp, buf, names, formats := pdfEPUBDisplay("report-%02d-en", 60)
	live := func() int {
		lp.mu.Lock()
		defer lp.mu.Unlock()
		n := 0
		for _, lb := range lp.bars {
			if !lb.bar.AbortedOrCompleted() {
				n++
			}
		}
		return n
	}
	for _, ed := range names {
		lp.Stage(ed, publish.PDF, publish.Setting)
		if n := live(); n != len(formats) {
			t.Fatalf("%s in flight: %d bars running, want %d", ed, n, len(formats))
		}
		lp.Committed(ed, []publish.Output{{Edition: ed, Format: publish.PDF, Bytes: 1024, Pages: 2}, {Edition: ed, Format: publish.EPUB, Bytes: 1024}})
	}
	lp.wait()
	out := buf.String()
	for _, ed := range names {
		if !strings.Contains(out, ed+" pdf  [") || !strings.Contains(out, ed+" epub [") {
			t.Fatalf("%s missing:\n%s", ed, out)
		}
	}
	if !strings.Contains(out, "60 of 60 done") {
		t.Errorf("no final count:\n%s", out)
	}
}

// TestLiveProgressConcurrent reports stages of many editions from several goroutines while
// the display renders (each edition's PDF and EPUB from goroutines of their own, as a build
// does): it must finish, with every edition done (a decorator that took the lock held
// while bars were added, which waits for mpb's render, once stopped a build for good).
func TestLiveProgressConcurrent(t *testing.T) {
	lp, buf, names, formats := pdfEPUBDisplay("r%02d-en", 40)
	done := make(chan struct{})
	go func() {
		defer close(done)
		var wg sync.WaitGroup
		work := make(chan string)
		for range 4 {
			wg.Go(func() {
				for ed := range work {
					var inner sync.WaitGroup
					for _, f := range formats {
						inner.Go(func() {
							for _, s := range []publish.Stage{publish.Setting, publish.Writing, publish.Rendered} {
								lp.Stage(ed, f, s)
								time.Sleep(3 * time.Millisecond)
							}
						})
					}
					inner.Wait()
					lp.Committed(ed, []publish.Output{{Edition: ed, Format: publish.PDF, Bytes: 1024, Pages: 2}, {Edition: ed, Format: publish.EPUB, Bytes: 1024}})
				}
			})
		}
		for _, ed := range names {
			work <- ed
		}
		close(work)
		wg.Wait()
		lp.wait()
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the display is stuck")
	}
	if !strings.Contains(buf.String(), "40 of 40 done") {
		t.Errorf("not every edition done:\n%s", buf.String())
	}
}

// pdfEPUBDisplay returns a display of n editions in PDF and EPUB, named by a format with
// the number in it, writing into the buffer it returns.
func pdfEPUBDisplay(format string, n int) (*liveProgress, *bytes.Buffer, []string, []publish.Format) {
	names := make([]string, n)
	for i := range names {
		names[i] = fmt.Sprintf(format, i)
	}
	formats := []publish.Format{publish.PDF, publish.EPUB}
	buf := &bytes.Buffer{}
	return newLiveProgress(buf, names, formats), buf, names, formats
}

// TestLivePrintOnlyRefused: with print alone, a draft refused before any stage writes
// nothing, and its edition still ends done, with its line.
func TestLivePrintOnlyRefused(t *testing.T) {
	var buf bytes.Buffer
	lp := newLiveProgress(&buf, []string{"x-ky"}, []publish.Format{publish.Print})
	lp.Committed("x-ky", nil)
	lp.wait()
	if out := buf.String(); !strings.Contains(out, "x-ky print [") || !strings.Contains(out, "not printed (see below)") || !strings.Contains(out, "1 of 1 done") {
		t.Errorf("display:\n%s", out)
	}
}
