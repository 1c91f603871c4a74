package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/fpc/bindery/publish"
)

// TestLiveProgress drives the terminal display through one edition that writes every format
// and one draft whose print is refused: the print bar lists the interior and the cover, a
// page count is singular for one page, the draft's print bar says it was not printed, and a
// failed edition's bars say failed.
func TestLiveProgress(t *testing.T) {
	var buf bytes.Buffer
	formats := []publish.Format{publish.PDF, publish.EPUB, publish.Print}
	lp := newLiveProgress(&buf, []string{"a-en", "b-kk", "c-ru"}, formats)
	lp.Stage("a-en", publish.PDF, publish.Setting)
	lp.Committed([]publish.Output{
		{Edition: "a-en", Format: publish.PDF, Bytes: 2048, Pages: 12, Duration: 30 * time.Millisecond},
		{Edition: "a-en", Format: publish.EPUB, Bytes: 1024, Duration: 20 * time.Millisecond},
		{Edition: "a-en", Format: publish.Print, Bytes: 3072, Pages: 14, Duration: 40 * time.Millisecond},
		{Edition: "a-en", Format: publish.Print, Bytes: 1024, Pages: 1, Duration: 41 * time.Millisecond},
	})
	lp.Committed([]publish.Output{
		{Edition: "b-kk", Format: publish.PDF, Bytes: 1024, Pages: 3, Duration: time.Millisecond},
		{Edition: "b-kk", Format: publish.EPUB, Bytes: 1024, Duration: time.Millisecond},
	})
	lp.Failed(publish.Failure{Edition: "c-ru", Reason: "broken"})
	lp.wait()
	out := buf.String()
	for _, want := range []string{
		"a-en pdf   ", "a-en print ", // the format names padded to the longest
		"2 KiB, 12 pages in 30ms", "1 KiB in 20ms", "3 KiB, 14 pages + 1 KiB, 1 page in 41ms",
		"b-kk print [", "not printed: a draft (see below)", "c-ru epub  [", "failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("display lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "queued") && strings.LastIndex(out, "queued") > strings.LastIndex(out, "not printed") {
		t.Errorf("a bar is still queued at the end:\n%s", out)
	}
}
