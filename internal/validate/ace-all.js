// ace-all.js ACE_CLI_DIR OUTDIR FILE...: checks each EPUB named on the command line with
// DAISY Ace in one Node process and one Chromium (Ace's command line starts both anew for
// each file, seconds of CPU each). It calls Ace's own core, as Ace's command line does, with
// an axe runner that does what Ace's puppeteer runner does for each content document (the
// same request interception and XHTML content type, the same scripts in the same order,
// the same daisy.ace.run) at a fraction of its CPU:
//   - Chromium is launched once, without a GPU process, and as the old headless shell
//     (Debian's chromium-headless-shell, the same engine without the browser around it)
//     when ACE_HEADLESS_SHELL names it;
//   - a few pages (one per core) are opened once and reused: each document is a navigation
//     of a warm page, where Ace's runner opens and closes a page (often a renderer process);
//   - the scripts are loaded from their file: URLs, where Ace's runner sends the 1.3 MB of
//     axe.js over the DevTools protocol for each document; a renderer then compiles
//     them once and takes them from V8's compilation cache for every later document.
// Two EPUBs are checked at a time, so that one's unzipping and report writing overlap the
// other's documents. The i-th file's report is written to OUTDIR/i/; a line
// "=== ace-all ok FILE" says that FILE was checked, "=== ace-all failed FILE" that it was
// not (the error follows). ACE_CLI_DIR is the folder of the installed @daisy/ace-cli
// package. With ACE_ALL_RUNNER=ace in the environment, Ace's own runner checks the files,
// one after the other, with the browser launched once: the reference the reports of this
// runner are compared with.
'use strict';
const os = require('os');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { createRequire } = require('module');

const [aceDir, outRoot, ...files] = process.argv.slice(2);
const fromCLI = createRequire(path.join(aceDir, 'package.json'));
const fromShared = createRequire(fromCLI.resolve('@daisy/ace-cli-shared'));
const ace = fromShared('@daisy/ace-core');
const logger = fromShared('@daisy/ace-logger');
const aceRunner = fromCLI('@daisy/ace-axe-runner-puppeteer');
const fromRunner = createRequire(fromCLI.resolve('@daisy/ace-axe-runner-puppeteer'));
const puppeteer = fromRunner('puppeteer');
const utils = fromRunner('@daisy/puppeteer-utils');

const timeoutInitial = Number(process.env.ACE_TIMEOUT_INITIAL) || 5000;
let timeoutRun = Number(process.env.ACE_TIMEOUT_EXTENSION) || 240000;

// openPage opens a page that serves file: documents as Ace's runner does: no network, and
// .html/.htm documents read from disk and served as application/xhtml+xml.
async function openPage(browser) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (/^https?:\/\//.test(url)) {
      request.abort();
      return;
    }
    if (request.resourceType() === 'document' && /^file:\//.test(url) && /\.html?$/.test(url)) {
      fs.readFile(new URL(url), 'utf8', (err, xhtml) => {
        if (err) request.continue();
        else request.respond({ status: 200, contentType: 'application/xhtml+xml', body: xhtml });
      });
      return;
    }
    request.continue();
  });
  return page;
}

// Pages is a pool of at most size warm pages of one browser, lent one document at a time.
class Pages {
  constructor(size) {
    this.size = size;
    this.open = 0;
    this.idle = [];
    this.waiting = [];
    this.browser = undefined;
  }

  async launch() {
    const shell = process.env.ACE_HEADLESS_SHELL;
    this.browser ??= puppeteer.launch({
      args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-gpu'],
      headless: shell ? 'shell' : true,
      ...(shell ? { executablePath: shell } : {}),
      timeout: timeoutInitial,
      protocolTimeout: timeoutRun,
    });
    await this.browser;
  }

  // get returns an idle page, a new one while fewer than size are open, or else the next
  // page put back.
  async get() {
    if (this.idle.length > 0) return this.idle.pop();
    if (this.open < this.size) {
      this.open++;
      try {
        return await openPage(await this.browser);
      } catch (err) {
        this.open--;
        throw err;
      }
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  // put lends page to the next waiting document or keeps it idle.
  put(page) {
    const next = this.waiting.shift();
    if (next) next.resolve(page);
    else this.idle.push(page);
  }

  // drop closes a page that failed; a waiting document gets a new one.
  drop(page) {
    this.open--;
    page.close().catch(() => {});
    const next = this.waiting.shift();
    if (next) this.get().then(next.resolve, next.reject);
  }

  async close() {
    if (this.browser) await (await this.browser).close();
  }
}

// runAce calls Ace's own daisy.ace.run in the page, as Ace's runner does (waiting for the
// scripts for up to 15 tries 400 ms apart), and returns its result.
function runAce() {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const attempt = () => {
      const d = window.daisy;
      if (!d || !d.ace || !d.ace.run || !d.ace.createReport || !window.axe) {
        if (++tries < 15) setTimeout(attempt, 400);
        else reject(new Error(`window.tryAceAxe ${tries}`));
        return;
      }
      d.ace.run((err, res) => (err ? reject(err) : resolve(res)));
    };
    attempt();
  });
}

// leanRunner is an axe runner for Ace's core (launch, run, close, concurrency) on pages.
function leanRunner(pages) {
  return {
    concurrency: pages.size,
    setTimeout(ms) {
      timeoutRun = Number(ms) || timeoutRun;
    },
    launch: () => pages.launch(),
    close: async () => {},
    async run(url, scripts, scriptContents) {
      const page = await pages.get();
      try {
        await page.goto(url);
        await utils.addScriptContents(scriptContents, page);
        for (const script of scripts) {
          const elem = await page.addScriptTag({ url: pathToFileURL(script).href });
          await page.evaluate((e) => e.setAttribute('data-ace', ''), elem);
        }
        const result = await page.evaluate(runAce);
        pages.put(page);
        return result;
      } catch (err) {
        pages.drop(page);
        if (err && String(err).includes('protocolTimeout')) throw new Error(`Timeout :( ${timeoutRun}ms`);
        throw err;
      }
    },
  };
}

// aceOwnRunner is Ace's own puppeteer runner with the browser launched once.
function aceOwnRunner() {
  let launched;
  const runner = Object.create(aceRunner);
  runner.launch = () => (launched ??= aceRunner.launch());
  runner.close = async () => {};
  runner.closeAll = async () => launched && (await launched, aceRunner.close());
  return runner;
}

// check runs Ace's core over the i-th file and prints its outcome line.
async function check(i, runner) {
  const file = files[i];
  const options = { cwd: process.cwd(), outdir: path.join(outRoot, String(i)), verbose: false, silent: true, jobId: '' };
  try {
    await ace(file, options, runner);
    console.log(`=== ace-all ok ${file}`);
  } catch (err) {
    console.log(`=== ace-all failed ${file}\n${String((err && err.stack) || err)}`);
  }
}

(async () => {
  logger.initLogger({ verbose: false, silent: true });
  if (process.env.ACE_ALL_RUNNER === 'ace') {
    const runner = aceOwnRunner();
    for (let i = 0; i < files.length; i++) await check(i, runner);
    await runner.closeAll();
    process.exit(0);
  }
  const pages = new Pages(Math.max(1, Math.min(4, os.availableParallelism())));
  const runner = leanRunner(pages);
  let next = 0;
  const worker = async () => {
    while (next < files.length) await check(next++, runner);
  };
  await Promise.all([worker(), worker()]);
  await pages.close();
  process.exit(0);
})().catch((err) => {
  console.log(String((err && err.stack) || err));
  process.exit(1);
});
