package wpimport

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Options control an import run.
type Options struct {
	From   string // input format: "printr", "wxr", "wp-json", or "" to detect it per file
	Out    string // content directory to write, e.g. "content"
	Report string // with Lang: put every selected post into this one edition
	Lang   string // language of that edition; detected from the posts when empty
	Title  string // edition title in single-edition mode (default: the site's name)

	Posts      []int    // select only these post IDs
	Categories []string // select posts in any of these categories (name, slug or ID)
	Tags       []string // select posts with any of these tags
	Statuses   []string // select posts with any of these statuses

	Headings  []string // extra headings that flattened dumps glue to their paragraph
	Publisher string   // publisher for the manifests (default: the site's name)
	Editor    string   // editor credited in the manifests (role edt)
	// Uploads is the uploads folder of the site (wp-content/uploads of a backup), from
	// which Write copies the pictures the posts show into each edition's images
	// folder; "" to copy none (Run looks for one beside each export).
	Uploads string

	// Force lets Write overwrite files edited since the last import (or never
	// written by it); without it Write refuses and writes nothing.
	Force bool
}

// Input is one file to import.
type Input struct {
	Name string
	Data []byte
}

// Result is what an import run did, for the run report.
type Result struct {
	Read     []string  // one line per input: its format and number of posts
	Posts    int       // posts read
	Editions []Edition // editions written, in path order
	Skips    []Skip
	Warnings []Warning
	Written  bool // set by Write; the report says "would write" before
	// Fetch lists the pictures that Plan did not find in the uploads folder: the
	// chapters reference them, and they must be fetched into the edition folders.
	Fetch []Fetch

	perInput []inputCount
	force    bool
	uploads  string
}

// inputCount is how many posts one input yielded.
type inputCount struct {
	name  string
	posts int
}

// Edition is one edition folder the importer wrote.
type Edition struct {
	Dir      string // relative to the content directory, e.g. "kazakhstan/en"
	Manifest *Manifest
	Chapters []*Chapter
	Files    []string // chapter file names, parallel to Chapters
	Images   []*Image // the pictures of its chapters, each file once
}

// edition collects the chapters of one report and language while importing.
type edition struct {
	report, lang string
	chapters     []*Chapter
	files        map[*Chapter]string
}

// Import reads every input, converts the selected posts and groups them
// into editions. It does not write files: see Write.
func Import(inputs []Input, opts Options) (*Result, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	res := &Result{force: opts.Force, uploads: opts.Uploads}
	var posts []Post
	for _, in := range inputs {
		ps, skips, format, err := readInput(in, opts.From)
		if err != nil {
			return nil, err
		}
		res.Read = append(res.Read, fmt.Sprintf("read %s: %s, %d posts", in.Name, format, len(ps)))
		res.perInput = append(res.perInput, inputCount{in.Name, len(ps)})
		res.Skips = append(res.Skips, skips...)
		posts = append(posts, ps...)
	}
	res.Posts = len(posts)
	linkMedia(posts)
	var chapters []*Chapter
	for _, p := range posts {
		if reason := opts.deselect(p); reason != "" {
			res.Skips = append(res.Skips, Skip{p.Source, p.ID, reason})
			continue
		}
		c := Convert(p, opts.Headings)
		if reason := c.unusable(opts); reason != "" {
			res.Skips = append(res.Skips, Skip{p.Source, p.ID, reason})
			continue
		}
		chapters = append(chapters, c)
	}
	res.addEditions(dedupe(chapters, opts.Report == "", &res.Skips), opts)
	return res, nil
}

// addEditions groups the chapters into editions with their manifests.
func (res *Result) addEditions(chapters []*Chapter, opts Options) {
	for _, ed := range group(chapters, opts) {
		m := editionManifest(ed, opts)
		if m.Publisher == "" {
			res.Warnings = append(res.Warnings, Warning{Source: Source{File: ed.report + "/" + ed.lang + "/book.yaml"},
				Msg: "no publisher: the input names no site; give one with --publisher or in report.yaml"})
		}
		e := Edition{Dir: ed.report + "/" + ed.lang, Manifest: m}
		for _, c := range ed.chapters {
			e.Chapters = append(e.Chapters, c)
			e.Files = append(e.Files, ed.files[c])
			res.Warnings = append(res.Warnings, c.Warnings...)
		}
		e.nameImages()
		res.Editions = append(res.Editions, e)
	}
}

// linkMedia gives every post the attachments of its site, which its [gallery]
// shortcodes show.
func linkMedia(posts []Post) {
	bySite := map[string]map[int]*Attachment{}
	for _, p := range posts {
		if p.Attachment != nil {
			if bySite[p.Site] == nil {
				bySite[p.Site] = map[int]*Attachment{}
			}
			bySite[p.Site][p.ID] = p.Attachment
		}
	}
	for i := range posts {
		posts[i].media = bySite[posts[i].Site]
	}
}

// deselect returns why the options leave a post out, or "".
func (o Options) deselect(p Post) string {
	switch {
	case p.Type != "post" && p.Type != "page":
		return fmt.Sprintf("%s %s, not a post or page", article(p.Type), p.Type)
	case len(o.Posts) > 0 && !slices.Contains(o.Posts, p.ID):
		return "not among the selected --post IDs"
	case len(o.Statuses) > 0 && !slices.Contains(o.Statuses, p.Status):
		return fmt.Sprintf("status %q not selected", p.Status)
	case len(o.Statuses) == 0 && slices.Contains([]string{"trash", "auto-draft", "inherit"}, p.Status):
		return fmt.Sprintf("status %q (select it with --status to import it)", p.Status)
	case len(o.Categories) > 0 && !overlaps(o.Categories, p.Categories):
		return "not in the selected categories"
	case len(o.Tags) > 0 && !overlaps(o.Tags, p.Tags):
		return "has none of the selected tags"
	}
	return ""
}

func overlaps(want, have []string) bool {
	for _, w := range want {
		for _, h := range have {
			if strings.EqualFold(w, h) {
				return true
			}
		}
	}
	return false
}

// unusable returns why a converted post cannot become a chapter, or "".
func (c *Chapter) unusable(o Options) string {
	switch {
	case len(c.blocks) == 0 && len(c.notes) == 0:
		return "no content"
	case c.unprintableReason() != "":
		return c.unprintableReason()
	case o.Report != "":
		for _, d := range c.Post.Damage {
			c.Warnings = append(c.Warnings, Warning{c.Post.Source, c.Post.ID, "imported although damaged: " + d})
		}
		return ""
	case len(c.Post.Damage) > 0:
		return "damaged copy: " + strings.Join(c.Post.Damage, "; ")
	case c.Lang == "":
		return "no text to tell its language by"
	case c.Report == "":
		return fmt.Sprintf("not part of a report: %q names none of the countries and its text is about none of them", firstWords(cmp.Or(c.Post.Title, c.plainStart()), 8))
	case c.Kind == "" && c.Post.Title != "":
		return fmt.Sprintf("not a chapter of a report: the title %q names no chapter (summary, introduction, conclusions, overview)", c.Post.Title)
	}
	return ""
}

func (c *Chapter) plainStart() string {
	if len(c.blocks) == 0 {
		return ""
	}
	return unescapeMD(c.blocks[0].text)
}

// completeness orders copies of the same post or chapter: more notes,
// then more blocks, then more text.
func (c *Chapter) completeness() [3]int {
	return [3]int{len(c.notes), len(c.blocks), len(c.Post.Content)}
}

func moreComplete(a, b *Chapter) bool {
	x, y := a.completeness(), b.completeness()
	return slices.Compare(x[:], y[:]) > 0
}

// dedupe keeps the most complete copy of each post and, in series mode,
// of each chapter of an edition, reporting the others.
func dedupe(cs []*Chapter, byChapter bool, skips *[]Skip) []*Chapter {
	keys := []func(*Chapter) string{func(c *Chapter) string { return c.Post.Site + "\x00" + strconv.Itoa(c.Post.ID) }}
	if byChapter {
		keys = append(keys, func(c *Chapter) string {
			if c.Kind == "" {
				return "post " + strconv.Itoa(c.Post.ID)
			}
			return c.Report + "/" + c.Lang + "/" + c.Kind
		})
	}
	for _, key := range keys {
		best := map[string]*Chapter{}
		for _, c := range cs {
			if b, ok := best[key(c)]; !ok || moreComplete(c, b) {
				best[key(c)] = c
			}
		}
		var kept []*Chapter
		for _, c := range cs {
			b := best[key(c)]
			if b == c {
				kept = append(kept, c)
				continue
			}
			*skips = append(*skips, Skip{c.Post.Source, c.Post.ID, fmt.Sprintf(
				"another copy of %s is more complete (post %d at %s)", describeKey(key(c)), b.Post.ID, b.Post.Source)})
		}
		cs = kept
	}
	return cs
}

func describeKey(k string) string {
	if strings.Contains(k, "\x00") {
		return "the post"
	}
	return "the chapter " + k
}

// kindRank orders the chapters of a report edition.
var kindRank = map[string]int{KindOverview: 0, KindSummary: 1, KindIntroduction: 2, KindConclusions: 3, "": 4}

// group sorts chapters into editions and names their files.
func group(cs []*Chapter, o Options) []*edition {
	eds := map[string]*edition{}
	var order []*edition
	for _, c := range cs {
		report, lang := c.Report, c.Lang
		if o.Report != "" {
			report, lang = o.Report, cmp.Or(o.Lang, majorityLang(cs))
		}
		k := report + "/" + lang
		if eds[k] == nil {
			eds[k] = &edition{report: report, lang: lang, files: map[*Chapter]string{}}
			order = append(order, eds[k])
		}
		eds[k].chapters = append(eds[k].chapters, c)
	}
	for _, ed := range order {
		slices.SortStableFunc(ed.chapters, func(a, b *Chapter) int {
			if o.Report == "" {
				if r := cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]); r != 0 {
					return r
				}
			}
			return cmp.Or(a.Post.Date.Compare(b.Post.Date), cmp.Compare(a.Post.ID, b.Post.ID))
		})
		used := map[string]bool{}
		for i, c := range ed.chapters {
			name := fmt.Sprintf("%02d-%s.md", i+1, c.slug())
			for n := 2; used[name]; n++ {
				name = fmt.Sprintf("%02d-%s-%d.md", i+1, c.slug(), n)
			}
			used[name] = true
			ed.files[c] = name
		}
	}
	slices.SortFunc(order, func(a, b *edition) int { return cmp.Compare(a.report+"/"+a.lang, b.report+"/"+b.lang) })
	return order
}

func majorityLang(cs []*Chapter) string {
	n := map[string]int{}
	best := "en"
	for _, c := range cs {
		n[c.Lang] += len(c.Post.Content)
		if c.Lang != "" && n[c.Lang] > n[best] {
			best = c.Lang
		}
	}
	return best
}

var kindSlugs = map[string]string{KindSummary: "executive-summary", KindIntroduction: "introduction",
	KindConclusions: "conclusions-and-recommendations", KindOverview: "overview"}

// slug names the chapter's file: by its kind, else by its title in ASCII,
// else by its post ID.
func (c *Chapter) slug() string {
	if s, ok := kindSlugs[c.Kind]; ok {
		return s
	}
	var b strings.Builder
	words := 0
	for _, f := range strings.FieldsFunc(strings.ToLower(c.Post.Title), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if words == 6 {
			break
		}
		if words > 0 {
			b.WriteByte('-')
		}
		b.WriteString(f)
		words++
	}
	if b.Len() == 0 {
		return fmt.Sprintf("post-%d", c.Post.ID)
	}
	return b.String()
}

// title gives the edition's title: the option, else the series and country
// part of its chapters' post titles, else the site's name.
func (ed *edition) title(o Options) string {
	if o.Title != "" {
		return o.Title
	}
	if o.Report == "" {
		for _, c := range ed.chapters {
			if c.Kind == KindOverview {
				return c.Title
			}
			var rest []string
			for _, p := range titleParts(c.Post.Title) {
				if p != c.Title {
					rest = append(rest, p)
				}
			}
			if len(rest) > 0 && c.Post.Title != "" {
				return strings.Join(rest, " - ")
			}
		}
	}
	for _, c := range ed.chapters {
		if c.Post.Site != "" {
			return c.Post.Site
		}
	}
	return ed.report
}

// Validate reports options that contradict each other or name an unknown format.
func (o Options) Validate() error {
	switch {
	case o.From != "" && o.From != FormatPrintR && o.From != FormatWXR && o.From != FormatJSON:
		return fmt.Errorf("unknown input format %q (want %s, %s or %s)", o.From, FormatPrintR, FormatWXR, FormatJSON)
	case o.Lang != "" && o.Report == "":
		return fmt.Errorf("--lang needs --report")
	case o.Title != "" && o.Report == "":
		return fmt.Errorf("--title needs --report")
	case strings.ContainsAny(o.Report, `/\`) || o.Report == "." || o.Report == "..":
		return fmt.Errorf("--report must be a folder name, not %q", o.Report)
	case strings.ContainsAny(o.Lang, `/\ `) || o.Lang == "." || o.Lang == "..":
		return fmt.Errorf("--lang must be a language tag, not %q", o.Lang)
	}
	return nil
}

// article returns "an" before a vowel, else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}
