package main

import (
	"io/fs"

	"github.com/fpc/bindery/content"
)

// embeddedContent is the corpus compiled into the binary, used when no directory is given.
func embeddedContent() fs.FS { return content.FS }
