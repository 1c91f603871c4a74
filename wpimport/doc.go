// Package wpimport turns WordPress posts into bindery manuscripts.
//
// It sits before the pipeline proper: WordPress dumps and exports ->
// wpimport -> content/ (files) -> book -> renderers (epub, layout) -> files.
//
// Three inputs are understood: PHP print_r dumps of WP_Post objects (both the
// one-field-per-line shape and the flattened one-post-per-line shape), WordPress
// export files (WXR) and REST API JSON (/wp-json/wp/v2/posts). Each post becomes
// one chapter file in CommonMark with YAML front matter, with its endnotes as
// footnote definitions; posts are grouped into editions (report x language)
// with a book.yaml manifest, as docs/manuscript.md describes.
//
// Import reads inputs and converts the selected posts into editions; the
// Result it returns writes them (Result.Write, atomically, keeping what an
// editor changed in an earlier import) and prints the run report
// (Result.Print). Run does all three for `bindery import`. The readers
// (ReadPrintR, ReadWXR, ReadJSON), Convert and the classifiers
// (DetectLanguage, ClassifyReport, ClassifyTitle) are usable on their own.
//
// Posts that are not chapters of a report, damaged copies and duplicates
// are skipped with a reason each; what a manuscript cannot express (tables,
// images, embeds, shortcodes, block comments) is reported per post and its
// text kept.
package wpimport
