# bindery: the README's first lines name `make books` and `make test`.
GO ?= go

.PHONY: books test vet lint fuzz golden bench build clean

books: ## build every edition in every format into dist/
	$(GO) run ./cmd/bindery build

build: ## the bindery binary
	$(GO) build -buildvcs=auto -o bindery ./cmd/bindery

vet:
	$(GO) vet ./...

# The suite runs twice: the unit tests on small fixtures under the race detector (-short
# skips the whole-corpus checks and the validators), then every test without it, the corpus
# and the validators (epubcheck, Ace: once per output) included. TEST_TIMEOUT bounds each
# package (a safety net well above the two-minute aim per package on the 2-core machine).
TEST_TIMEOUT ?= 6m
test: vet ## vet, unit tests with the race detector (-short), then every test
	$(GO) test -race -short -timeout $(TEST_TIMEOUT) ./...
	$(GO) test -timeout $(TEST_TIMEOUT) ./...

lint: vet
	@command -v golangci-lint >/dev/null && golangci-lint run ./... || echo "golangci-lint not installed; ran go vet only"

# Every Fuzz* function of the repository, as package:Target (TestFuzzTargetsListed in
# cmd/bindery checks that none is missing). `make fuzz` runs each in turn for FUZZTIME; the
# hardening regime (issue 11) is every target for 5 minutes:
#     make fuzz FUZZTIME=5m
# or one target: make fuzz FUZZ_TARGETS=wpimport:FuzzConvertHTML FUZZTIME=5m. A finding is
# written to <package>/testdata/fuzz/<Target>/ and stays there as a regression case, which
# `go test` then runs as an ordinary subtest. FUZZMINTIME bounds the minimizing of a new
# input, which would otherwise eat the run of the slow import targets; FUZZFLAGS can add
# e.g. -parallel 1 on a shared machine.
FUZZTIME ?= 20s
FUZZMINTIME ?= 5s
FUZZFLAGS ?=
FUZZ_TARGETS = barcode:FuzzEAN13 book:FuzzParseChapter book:FuzzSpans book:FuzzParseISBN book:FuzzParseCMYK \
	icc:FuzzParse epub:FuzzChapter epub:FuzzEscape epub:FuzzLinkTarget \
	epub:FuzzParseColor hyphen:FuzzHyphenate hyphen:FuzzSoftHyphens hyphen:FuzzParseTeX \
	layout:FuzzParagraph pdf/pdfcheck:FuzzParse typo:FuzzText wpimport:FuzzEscapingReadsBack \
	wpimport:FuzzConvertHTML wpimport:FuzzEscape wpimport:FuzzReadJSON wpimport:FuzzReadPrintR \
	wpimport:FuzzReadWXR wpimport:FuzzSplitNotes wpimport:FuzzLineDiff wpimport:FuzzImportPassesCheck \
	epub:FuzzCheckedChapter layout:FuzzCheckedChapter
fuzz: ## run each fuzz target for FUZZTIME (the issue-11 regime: make fuzz FUZZTIME=5m)
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t#*:}; \
	  echo "== $$pkg $$fn"; $(GO) test ./$$pkg -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) \
	    -fuzzminimizetime $(FUZZMINTIME) $(FUZZFLAGS) || exit 1; done

golden: ## rewrite golden files after an intended change
	$(GO) test ./... -update

bench: ## Go benchmarks, then whole builds with wall, CPU and peak RSS (beside pandoc when installed)
	GO=$(GO) bash scripts/bench.sh

clean:
	rm -rf dist bindery
