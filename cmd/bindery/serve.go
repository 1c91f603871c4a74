package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/preview"
	"github.com/fpc/bindery/internal/project"
	"github.com/fpc/bindery/publish"
	"github.com/urfave/cli/v3"
)

// serveCommand is `bindery serve`: build, serve on 127.0.0.1, rebuild on save.
func serveCommand() *cli.Command {
	return &cli.Command{
		Name:      "serve",
		Usage:     "preview the editions in the browser, rebuilt and reloaded when a file is saved",
		ArgsUsage: "[CONTENT_DIR]",
		Description: "Builds every edition and serves, on 127.0.0.1 only, an index of the editions, each EPUB's\n" +
			"chapters as XHTML pages and each PDF. It watches the content folder, rebuilds the editions whose\n" +
			"files change and reloads the open pages. When a build fails the pages show its errors\n" +
			"(file:line) above the last good output. The build settings come from bindery.yaml; the files are\n" +
			"built in a temporary folder (the output folder is left alone). Ctrl-C stops it.",
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "port", Usage: "TCP port on 127.0.0.1", DefaultText: "a free port, printed"},
		},
		Action: runServe,
	}
}

func runServe(ctx context.Context, cmd *cli.Command) error {
	port := cmd.Int("port")
	if port < 0 || port > 65535 {
		return usagef("--port must be a TCP port from 1 to 65535 (or left out for a free one), not %d", port)
	}
	src, err := openProject(cmd)
	if err != nil {
		return err
	}
	if src.proj.Source == project.Embedded {
		return usagef("bindery serve previews a project folder, and there is none here: run bindery init, or give the content folder (bindery serve DIR)")
	}
	opts, err := serveOptions(src.proj)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(int(port))))
	if err != nil {
		return usagef("cannot listen on 127.0.0.1 port %d (%v); choose another with --port N, or leave --port out for a free one", port, errors.Unwrap(err))
	}
	w := cmd.Root().Writer
	fmt.Fprintln(w, src.proj.Describe())
	for _, d := range src.proj.Warnings {
		fmt.Fprintln(cmd.Root().ErrWriter, d)
	}
	srv, err := preview.New(preview.Config{Content: src.proj.Content, Prefix: src.prefix, Options: opts, Log: w})
	if err != nil {
		return err
	}
	defer srv.Close()
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	srv.BuildAll(ctx)
	watchErr := make(chan error, 1)
	go func() {
		watchErr <- preview.Watch(ctx, src.proj.Content, 50*time.Millisecond, func(paths []string) { srv.Changed(ctx, paths) })
	}()
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	fmt.Fprintf(w, "serving http://%s/ (watching %s; Ctrl-C stops)\n", ln.Addr(), src.proj.Content)
	select {
	case <-ctx.Done():
		err = <-watchErr // the watcher returns after the rebuild it may be running
	case err = <-watchErr:
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	return err
}

// serveOptions are the build settings of the preview: bindery.yaml's, without flags.
func serveOptions(p *project.Project) (publish.Options, error) {
	c := p.Settings
	opts := publish.Options{CropMarks: c.CropMarks, Jobs: c.Jobs}
	var err error
	if c.Paper != "" {
		if opts.Paper, err = book.ParsePaper(c.Paper); err != nil {
			return opts, usagef("%s: paper: %v", c.Pos("paper"), err)
		}
	}
	if c.Notes != "" {
		if opts.Notes, err = book.ParseNotePlacement(c.Notes); err != nil {
			return opts, usagef("%s: notes: %v", c.Pos("notes"), err)
		}
	}
	if c.Bleed != "" {
		if opts.Bleed, err = book.ParseBleed(c.Bleed); err != nil {
			return opts, usagef("%s: bleed: %v", c.Pos("bleed"), err)
		}
	}
	if opts.CropMarks && opts.Bleed == 0 {
		return opts, usagef("%s: crop_marks needs a bleed to draw the marks in", c.Pos("crop_marks"))
	}
	return opts, nil
}
