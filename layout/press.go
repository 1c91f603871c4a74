package layout

import "strconv"

// PadPages appends blank pages, which carry no running head or folio, until the page count
// is a multiple of n (4 for the signatures of a printed book), and returns how many it added.
func (d *Document) PadPages(n int) int {
	added := 0
	for n > 1 && len(d.pages)%n != 0 {
		num := len(d.pages) + 1
		d.pages = append(d.pages, &Page{Number: num, Folio: strconv.Itoa(num), Kind: BlankPage})
		added++
	}
	return added
}
