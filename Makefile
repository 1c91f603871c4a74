# bindery: the README's first lines name `make books` and `make test`.
GO ?= go

.PHONY: books test test-race test-full vet lint fuzz golden bench build clean

books: ## build every edition in every format into dist/
	$(GO) run ./cmd/bindery build

build: ## the bindery binary
	$(GO) build -buildvcs=auto -o bindery ./cmd/bindery

vet:
	$(GO) vet ./...

# make test is the README's test command and what CI (.ci/run) runs: vet, then the unit tests
# on small fixtures (-short) under the race detector where it can find a race
# (scripts/race-packages.sh: every test of a package whose code runs goroutines; in a package
# whose code runs none, the tests that are parallel or start goroutines), then every test of
# every package once without it: the whole corpus, the goldens and the validators (one
# epubcheck JVM, and one Ace with one Chromium, over all the EPUBs of a package; epubcheck-ts
# once per EPUB, in parallel). The full pass names its longest packages first (SLOW_PKGS),
# so that go test starts them first and no long package is left to run alone at the end.
# The two passes are the targets test-race and test-full; `make vet && make -j2 test-race
# test-full` runs them side by side, which fills the idle core at the end of each pass but
# makes each package take longer (the suite keeps the two cores busy most of the time:
# about 580 s of CPU, Chromium's included, in 336 s on the shared machine). TEST_TIMEOUT
# bounds each package's test binary: a backstop against a hang, far above the two minutes
# each package takes on the idle 2-core machine, so that a busy machine does not kill a
# passing package.
TEST_TIMEOUT ?= 15m
RACE_PKGS = $(shell GO=$(GO) sh scripts/race-packages.sh full)
RACE_SELECTED = $(shell GO=$(GO) sh scripts/race-packages.sh selected)
RACE_RUN = $(shell GO=$(GO) sh scripts/race-packages.sh run)
SLOW_PKGS = ./publish ./layout ./epub ./internal/validate ./cmd/bindery ./cover
test: vet ## vet, unit tests with the race detector (-short), then every test
	@$(MAKE) --no-print-directory test-race
	@$(MAKE) --no-print-directory test-full

test-race: ## the unit tests (-short) that can race, under the race detector
	$(GO) test -race -short -timeout $(TEST_TIMEOUT) $(RACE_PKGS)
	$(GO) test -race -short -timeout $(TEST_TIMEOUT) -run '$(RACE_RUN)' $(RACE_SELECTED)

test-full: ## every test of every package, the slowest packages started first
	$(GO) test -timeout $(TEST_TIMEOUT) $(SLOW_PKGS) ./...

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
