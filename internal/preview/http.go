package preview

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"maps"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"
)

//go:embed live.js
var liveJS []byte

// Handler returns the server's routes: / (the index), /epub/<edition>/<file> (an EPUB's
// files, XHTML pages with the reload script), /pdf/<edition>.pdf, and the script and event
// stream under /_bindery/.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.HandleFunc("GET /epub/{edition}/{file...}", s.epubFile)
	mux.HandleFunc("GET /pdf/{file}", s.pdfFile)
	mux.HandleFunc("GET /_bindery/live.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
	})
	mux.HandleFunc("GET /_bindery/events", s.events)
	return mux
}

// index lists every edition with its chapters and PDF, and any problem.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>bindery preview</title>\n")
	fmt.Fprintf(&b, "<style>body{font:16px/1.4 sans-serif;max-width:50em;margin:2em auto;padding:0 1em}li{margin:.2em 0}</style>\n")
	fmt.Fprintf(&b, "<script src=\"/_bindery/live.js\" data-generation=\"%d\" data-pdf=\"%d\"></script></head><body>\n", s.generation, s.pdfGen)
	fmt.Fprintf(&b, "<h1>bindery preview</h1>\n<p>%s — rebuilt when you save a file.</p>\n", html.EscapeString(s.cfg.Content))
	b.WriteString(errorPanel(s.problems[""], ":"))
	names := make([]string, 0, len(s.books))
	for n := range s.books {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, k := range s.unbuiltKeys() {
		fmt.Fprintf(&b, "<h2>%s <small>(not built yet)</small></h2>\n%s\n", html.EscapeString(strings.ReplaceAll(k, "/", "-")), errorPanel(s.problems[k], ":"))
	}
	if len(names) == 0 {
		b.WriteString("<p>No edition is built yet.</p>\n")
	}
	for _, n := range names {
		ed := s.books[n]
		fmt.Fprintf(&b, "<h2 lang=\"%s\">%s <small>(%s)</small></h2>\n", ed.lang, html.EscapeString(ed.title), n)
		b.WriteString(errorPanel(slices.Concat(s.problems[ed.report+"/"+ed.lang], s.problems[ed.report]), "; below, the last good build:"))
		if ed.pdf != nil {
			fmt.Fprintf(&b, "<p><a href=\"/pdf/%s.pdf\">PDF</a> (%d pages)</p>\n<ol>\n", n, ed.pdfPages)
		} else {
			b.WriteString("<p>PDF: being built</p>\n<ol>\n")
		}
		for _, p := range ed.spine {
			fmt.Fprintf(&b, "<li><a href=\"/epub/%s/%s\" lang=\"%s\">%s</a></li>\n", n, p.href, ed.lang, html.EscapeString(p.title))
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</body></html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(b.String()))
}

// unbuiltKeys returns the editions ("<report>/<lang>") and reports with problems but no
// built edition to show them with.
func (s *Server) unbuiltKeys() []string {
	var keys []string
	for k, lines := range s.problems {
		if k == "" || len(lines) == 0 {
			continue
		}
		r, l, _ := strings.Cut(k, "/")
		if l != "" && s.books[r+"-"+l] == nil || l == "" && !slices.ContainsFunc(slices.Collect(maps.Values(s.books)), func(e *edition) bool { return e.report == r }) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// errorPanel shows build errors, or nothing.
func errorPanel(lines []string, note string) string {
	if len(lines) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<div id="bindery-error" style="position:sticky;top:0;z-index:99;background:#fff0f0;color:#900;border:2px solid #c00;padding:.5em 1em;margin:0 0 1em;font:14px/1.4 monospace;white-space:pre-wrap">`)
	fmt.Fprintf(&b, "<strong>The build failed%s</strong>\n", note)
	for _, l := range lines {
		b.WriteString(html.EscapeString(l) + "\n")
	}
	b.WriteString("</div>")
	return b.String()
}

// epubFile serves one file of an edition's EPUB; XHTML pages get the reload script and the
// panel of the edition's errors.
func (s *Server) epubFile(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ed, ok := s.books[r.PathValue("edition")]
	if !ok {
		http.Error(w, "no such edition (see the index at /)", http.StatusNotFound)
		return
	}
	name := r.PathValue("file")
	data, ok := ed.files[name]
	if !ok {
		http.Error(w, "no such file in "+ed.name+".epub", http.StatusNotFound)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if strings.HasSuffix(name, ".xhtml") {
		ctype = "application/xhtml+xml; charset=utf-8"
		data = inject(data, s.generation, errorPanel(s.problemsOf(ed.report, ed.lang), "; below, the last good build of this page:"))
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// inject puts the error panel at the top of the body, where it is seen first, and the
// reload script at its end.
func inject(doc []byte, generation int, panel string) []byte {
	end := bytes.LastIndex(doc, []byte("</body>"))
	start := bytes.Index(doc, []byte("<body"))
	if end < 0 || start < 0 || start > end {
		return doc
	}
	start += bytes.IndexByte(doc[start:], '>') + 1
	script := fmt.Sprintf(`<script src="/_bindery/live.js" data-generation="%d"></script>`, generation)
	return slices.Concat(doc[:start], []byte(panel), doc[start:end], []byte(script), doc[end:])
}

func (s *Server) pdfFile(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	ed, ok := s.books[strings.TrimSuffix(r.PathValue("file"), ".pdf")]
	s.mu.Unlock()
	if !ok || !strings.HasSuffix(r.PathValue("file"), ".pdf") {
		http.Error(w, "no such PDF (see the index at /)", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(ed.pdf)
}

// events is the server-sent event stream: a "build" event with the generation of the
// EPUB pages and a "pdf" event with that of the PDFs, on connecting and whenever one
// changes; a page reloads when the generation it was served with is no longer current.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	wake := make(chan struct{}, 1)
	s.mu.Lock()
	s.waiters[wake] = struct{}{}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.waiters, wake)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	sent, sentPDF := -1, -1
	send := func() error {
		s.mu.Lock()
		gen, pdf := s.generation, s.pdfGen
		s.mu.Unlock()
		if pdf != sentPDF {
			if _, err := fmt.Fprintf(w, "event: pdf\ndata: %d\n\n", pdf); err != nil {
				return err
			}
			sentPDF = pdf
		}
		if gen != sent {
			if _, err := fmt.Fprintf(w, "event: build\ndata: %d\n\n", gen); err != nil {
				return err
			}
			sent = gen
		}
		fl.Flush()
		return nil
	}
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for err := send(); err == nil; {
		select {
		case <-r.Context().Done():
			return
		case <-wake:
			err = send()
		case <-tick.C:
			_, err = fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		}
	}
}
