package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"testing"
)

// chromium is a headless Chromium driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: commands are written to its fd 3, answers read from its fd 4,
// each message a JSON object ended by a NUL byte).
type chromium struct {
	cmd     *exec.Cmd
	in      io.WriteCloser
	out     *bufio.Reader
	id      int
	session string
}

// chromiumPath is Debian's chromium, which .ci/run installs.
const chromiumPath = "/usr/bin/chromium"

// startChromium starts the browser with a new profile, or skips the test when there is
// none (failing instead under CI=true, where .ci/run must have installed it).
func startChromium(t *testing.T) *chromium {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing (.ci/run installs Debian's chromium)", chromiumPath)
		}
		t.Skipf("no %s: install Debian's chromium to run the browser test", chromiumPath)
	}
	toR, toW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromR, fromW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(chromiumPath, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toR, fromW} // fd 3, fd 4
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	toR.Close()
	fromW.Close()
	c := &chromium{cmd: cmd, in: toW, out: bufio.NewReader(fromR)}
	t.Cleanup(func() {
		c.in.Close()
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("chromium's stderr:\n%s", stderr.String())
		}
	})
	return c
}

// call sends one command (to the attached page when there is one) and returns its result,
// skipping the events that arrive in between.
func (c *chromium) call(method string, params any) (json.RawMessage, error) {
	c.id++
	msg := map[string]any{"id": c.id, "method": method, "params": params}
	if c.session != "" && method != "Target.createTarget" && method != "Target.attachToTarget" {
		msg["sessionId"] = c.session
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return nil, err
	}
	if _, err := c.in.Write(append(b, 0)); err != nil {
		return nil, err
	}
	for {
		line, err := c.out.ReadBytes(0)
		if err != nil {
			return nil, fmt.Errorf("%s: reading the answer: %v", method, err)
		}
		var ans struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if err := json.Unmarshal(line[:len(line)-1], &ans); err != nil {
			return nil, err
		}
		if ans.ID != c.id {
			continue
		}
		if ans.Error != nil {
			return nil, fmt.Errorf("%s: %s", method, ans.Error.Message)
		}
		return ans.Result, nil
	}
}

// open makes a new page at url and attaches to it.
func (c *chromium) open(url string) error {
	res, err := c.call("Target.createTarget", map[string]any{"url": url})
	if err != nil {
		return err
	}
	var target struct{ TargetID string }
	json.Unmarshal(res, &target)
	res, err = c.call("Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true})
	if err != nil {
		return err
	}
	var att struct{ SessionID string }
	json.Unmarshal(res, &att)
	c.session = att.SessionID
	return nil
}

// eval evaluates a JavaScript expression in the page and returns its value as a string.
func (c *chromium) eval(expr string) (string, error) {
	res, err := c.call("Runtime.evaluate", map[string]any{"expression": "String(" + expr + ")", "returnByValue": true})
	if err != nil {
		return "", err
	}
	var v struct {
		Result struct {
			Value string `json:"value"`
		} `json:"result"`
	}
	err = json.Unmarshal(res, &v)
	return v.Result.Value, err
}
