// Package content embeds the report corpus: the manuscripts of every
// edition, as bindery's default input.
//
// It is the first stage of the pipeline: content/ (files) -> book ->
// renderers (epub, layout) -> files. The manuscripts were produced by
// `bindery import` from the WordPress seeds and then edited as EDITORIAL.md
// records; docs/manuscript.md describes their format.
package content

import "embed"

// FS is the embedded default content that `bindery build` and `bindery
// check` use when no directory is given: one folder per report
// (kazakhstan, tajikistan, kyrgyzstan, series) holding report.yaml and one
// folder per language with book.yaml, the chapter files and any cover image.
// The patterns take in every report folder, so a new report needs no change here.
//
//go:embed */*.yaml */*/*.yaml */*/*.md
var FS embed.FS
