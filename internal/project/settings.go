package project

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/fpc/bindery/book"
	"github.com/fpc/bindery/internal/suggest"
	"go.yaml.in/yaml/v3"
)

// Config is the content of bindery.yaml. Every key is optional; a flag given on the
// command line overrides the key of the same meaning. Empty values mean "not set".
type Config struct {
	Content   string   // content folder, relative to the project root (default content)
	Out       string   // output folder, relative to the project root (default dist)
	Formats   []string // formats built by default: epub, pdf, print (default all)
	Paper     string   // PDF trim size for every edition (default each edition's paper:)
	Bleed     string   // PDF bleed, e.g. 3mm (default none)
	CropMarks bool     // crop marks outside the trim (needs a bleed)
	Notes     string   // chapter or book (default chapter)
	Jobs      int      // editions built at once (default one per CPU)

	pos map[string]book.Pos // where each key's value is, for messages
}

// Keys are the keys bindery.yaml may hold, in the order the documentation lists them.
var Keys = []string{"content", "out", "formats", "paper", "bleed", "crop_marks", "notes", "jobs"}

// Formats are the values the formats key accepts.
var Formats = []string{"epub", "pdf", "print"}

// NotePlacements are the values the notes key accepts.
var NotePlacements = []string{"chapter", "book"}

// Pos returns where key's value is in the settings file, or "" when the key is not set.
func (c Config) Pos(key string) string {
	if p, ok := c.pos[key]; ok {
		return p.String()
	}
	return ""
}

func (c Config) contentDir() string {
	if c.Content == "" {
		return DefaultContent
	}
	return c.Content
}

// Parse reads a settings file. Unknown keys are warnings (with the nearest known key);
// a value of the wrong kind is an error naming its place, the key and what it accepts.
func Parse(file string, data []byte) (Config, book.Diagnostics, error) {
	c := Config{pos: map[string]book.Pos{}}
	var warns book.Diagnostics
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return c, nil, fmt.Errorf("%s: invalid YAML: %s", file, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return c, nil, nil // an empty settings file sets nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return c, nil, fmt.Errorf("%s:%d:%d: the settings file must be a mapping of keys (%s)", file, root.Line, root.Column, strings.Join(Keys, ", "))
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		at := book.Pos{File: file, Line: v.Line, Col: v.Column}
		if !slices.Contains(Keys, k.Value) {
			warns.Warnf(book.Pos{File: file, Line: k.Line, Col: k.Column}, "unknown key %q ignored%s (keys: %s)",
				k.Value, suggest.DidYouMean(k.Value, Keys, strconv.Quote), strings.Join(Keys, ", "))
			continue
		}
		c.pos[k.Value] = at
		if err := c.set(k.Value, v); err != nil {
			return c, warns, fmt.Errorf("%s: %s: %v", at, k.Value, err)
		}
	}
	return c, warns, nil
}

// set assigns one key's value, checking its kind and, where the settings alone decide, its value.
func (c *Config) set(key string, v *yaml.Node) error {
	switch key {
	case "content", "out":
		s, err := scalar(v, "a folder")
		if key == "content" {
			c.Content = s
		} else {
			c.Out = s
		}
		return err
	case "paper":
		s, err := scalar(v, "a trim size such as a5")
		c.Paper = strings.ToLower(s)
		return err
	case "bleed":
		s, err := scalar(v, "a length such as 3mm")
		c.Bleed = s
		return err
	case "notes":
		s, err := scalar(v, "chapter or book")
		if err == nil && !slices.Contains(NotePlacements, s) {
			err = fmt.Errorf("must be chapter or book, not %q", s)
		}
		c.Notes = s
		return err
	case "crop_marks":
		b, err := strconv.ParseBool(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil {
			return fmt.Errorf("must be true or false, not %q", v.Value)
		}
		c.CropMarks = b
		return nil
	case "jobs":
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || err != nil || n < 0 {
			return fmt.Errorf("must be a whole number of editions built at once (0 for one per CPU), not %q", v.Value)
		}
		c.Jobs = n
		return nil
	case "formats":
		return c.setFormats(v)
	}
	return nil
}

func (c *Config) setFormats(v *yaml.Node) error {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	for _, it := range items {
		s, err := scalar(it, "epub or pdf")
		if err == nil && !slices.Contains(Formats, s) {
			err = fmt.Errorf("unknown format %q (formats: %s)", s, strings.Join(Formats, ", "))
		}
		if err != nil {
			return err
		}
		if !slices.Contains(c.Formats, s) {
			c.Formats = append(c.Formats, s)
		}
	}
	return nil
}

// scalar returns a node's text, or an error saying what the key wants instead.
func scalar(v *yaml.Node, want string) (string, error) {
	if v.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("must be %s, not a list or mapping", want)
	}
	return strings.TrimSpace(v.Value), nil
}
