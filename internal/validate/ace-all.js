// ace-all.js ACE_CLI_DIR OUTDIR FILE...: checks each EPUB named on the command line with
// DAISY Ace, one after the other in one Node process and one Chromium (Ace's command line
// starts both anew for each file, seconds of CPU each). It calls Ace's own core, as Ace's
// command line does, with the browser launched once: the core's launch and close of each
// check are the shared browser's. The i-th file's report is written to OUTDIR/i/, and its
// run is framed between two marker lines for internal/validate to read. ACE_CLI_DIR is the
// folder of the installed @daisy/ace-cli package.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const [aceDir, outRoot, ...files] = process.argv.slice(2);
const fromCLI = createRequire(path.join(aceDir, 'package.json'));
const fromShared = createRequire(fromCLI.resolve('@daisy/ace-cli-shared'));
const ace = fromShared('@daisy/ace-core');
const logger = fromShared('@daisy/ace-logger');
const runner = fromCLI('@daisy/ace-axe-runner-puppeteer');

let launched;
const shared = Object.create(runner);
shared.launch = () => (launched ??= runner.launch());
shared.close = async () => {};

(async () => {
  logger.initLogger({ verbose: false, silent: true });
  for (const [i, file] of files.entries()) {
    console.log(`=== ace-all begin ${file}`);
    let code = 0;
    try {
      await ace(file, { cwd: process.cwd(), outdir: path.join(outRoot, String(i)), verbose: false, silent: true, jobId: '' }, shared);
    } catch (err) {
      console.log(String((err && err.stack) || err));
      code = 1;
    }
    console.log(`=== ace-all end ${code}`);
  }
  if (launched) await runner.close();
  process.exit(0);
})().catch((err) => {
  console.log(String((err && err.stack) || err));
  process.exit(1);
});
