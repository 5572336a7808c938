/**
 * Drives the VS Code workbench (served by scripts/vscode-host.mjs) in headless Chromium: opens it
 * with this repo as the extension under development and out/test/integration as its tests, prints
 * the suite's console output, answers the suite's requests to look at the DOM, runs the Playwright
 * checks when the suite hands the workbench over, and exits with the result.
 *
 *   node out/test/e2e/workbenchRunner.js --url URL --channel DIR --folder DIR --results DIR
 *        --screenshots DIR [--chromium /usr/bin/chromium] [--timeout 1800] [--verbose]
 *
 * Writes to --results: integration.log (the suite's console), e2e.json (the checks' summary); with
 * VSCODE_HOST_TRACE=FILE, a Chromium trace of the whole run to FILE.
 *
 * Exit: the extension host's code (1 = failing tests); 3 = a Playwright check failed;
 * 4 = the checks never ran; 124 = timeout; 1 = crash.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium } from 'playwright-core';
import { E2E_CHECKS, readStatusBarItem, type CheckContext } from './checks';
import { observePreview } from './previewChecks';
import { requestIdOf, responseFile, writeJsonAtomically, type WorkbenchRequest } from './protocol';

interface Options {
  url: string;
  channel: string;
  folder: string;
  results: string;
  screenshots: string;
  chromium: string;
  timeout: number;
  verbose: boolean;
  /** Run the suite only: no Playwright checks are owed (the multi-root session). */
  noE2e: boolean;
}

export interface SuiteResult {
  suite: string;
  passes: number;
  failures: number;
  pending: number;
  tests: { title: string; state: 'passed' | 'failed'; durationMs: number; error?: string }[];
}

function parseOptions(argv: string[]): Options {
  const values: Record<string, string> = {};
  let verbose = false;
  let noE2e = false;
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'verbose') verbose = true;
    else if (key === 'no-e2e') noE2e = true;
    else values[key] = argv[++i];
  }
  for (const key of ['url', 'channel', 'folder', 'results', 'screenshots']) {
    if (!values[key]) throw new Error(`workbenchRunner: missing --${key}`);
  }
  return {
    url: values.url,
    channel: values.channel,
    folder: values.folder,
    results: values.results,
    screenshots: values.screenshots,
    chromium: values.chromium ?? '/usr/bin/chromium',
    timeout: Number(values.timeout ?? 1800),
    verbose,
    noE2e,
  };
}

/** The workbench's own chatter arrives on the same log channel as the suite's output. */
const WORKBENCH_NOISE =
  /^\[(ChatModelSelection|AgentHost[^\]]*|AccountPolicyGate|reconnection-grace-time|Service Worker)\]|^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|Ignoring fetching additional builtin extensions|Canceled: Canceled|No search provider registered)/;

/** What a Chromium trace of the run records (VSCODE_HOST_TRACE): tasks of every thread, the web worker's included, V8's GC and samples, user timing marks. */
const TRACE_CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
  'disabled-by-default-v8.gc', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing',
];

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  fs.mkdirSync(options.results, { recursive: true });
  const suiteLog = fs.createWriteStream(path.join(options.results, 'integration.log'));
  const e2eResultFile = path.join(options.results, 'e2e.json');
  fs.rmSync(e2eResultFile, { force: true });

  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  let e2eResult: SuiteResult | undefined;
  let stopPolling = false;
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    const tracePath = process.env.VSCODE_HOST_TRACE;
    if (tracePath) await browser.startTracing(page, { path: tracePath, categories: TRACE_CATEGORIES });
    const hostExit = new Promise<number>((resolve) => {
      // Hooks the workbench calls when it runs extension tests (IAutomatedWindow).
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      page.on('crash', () => resolve(1));
      browser.on('disconnected', () => resolve(1));
    });
    // The suite's output reaches us through the browser, behind its requests on the channel: the
    // checks wait for mocha's summary line so that the log reads in order.
    let suiteSummarySeen = false;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      if (/^\s*\d+ passing \(/m.test(text)) suiteSummarySeen = true;
      suiteLog.write(`${text}\n`);
      if (!options.verbose && WORKBENCH_NOISE.test(text)) return;
      (type === 'error' ? console.error : console.log)(text);
    });
    if (options.verbose) {
      page.on('console', (message) => console.log(`[browser ${message.type()}]`, message.text()));
      page.on('pageerror', (error) => console.log('[page error]', error.message));
    }

    const context: CheckContext = {
      page,
      folder: options.folder,
      screenshots: options.screenshots,
    };
    const serve = async (request: WorkbenchRequest): Promise<unknown> => {
      switch (request.type) {
        case 'statusBarItem':
          return readStatusBarItem(page, request.waitFor, request.timeoutMs ?? 30_000);
        case 'preview':
          return observePreview(page, request.source, path.join(options.screenshots, path.basename(request.screenshot)));
        case 'e2eChecks':
          for (const deadline = Date.now() + 10_000; !suiteSummarySeen && Date.now() < deadline; ) await sleep(50);
          e2eResult = await runChecks(context);
          fs.writeFileSync(e2eResultFile, JSON.stringify(e2eResult, null, 2));
          return { passes: e2eResult.passes, failures: e2eResult.failures };
      }
    };
    const polling = answerRequests(options.channel, serve, () => stopPolling);

    console.log(`[runner] opening the workbench: ${options.url.split('?')[0]} (folder ${options.folder})`);
    await page.goto(options.url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => resolve(124), options.timeout * 1000);
    });
    const code = await Promise.race([hostExit, timeout]);
    clearTimeout(timer);
    stopPolling = true;
    await polling;
    if (code === 124) console.log(`[runner] timeout after ${options.timeout}s`);
    else console.log(`[runner] the extension host exited with code ${code}`);

    // A run of the suite alone (--no-e2e, e.g. the multi-root session): no checks are owed.
    if (options.noE2e) return code;
    if (!e2eResult) {
      const error = 'the Playwright checks did not run: the integration suite never handed the workbench over';
      console.log(`[runner] ${error}`);
      fs.writeFileSync(
        e2eResultFile,
        JSON.stringify({ suite: 'e2e', passes: 0, failures: 1, pending: 0, tests: [{ title: 'Playwright checks ran', state: 'failed', durationMs: 0, error }] }, null, 2),
      );
      return code || 4;
    }
    return code || (e2eResult.failures > 0 ? 3 : 0);
  } finally {
    stopPolling = true;
    if (process.env.VSCODE_HOST_TRACE) await browser.stopTracing().catch(() => undefined);
    await browser.close().catch(() => undefined);
    suiteLog.end();
  }
}

/** Answers each request file in the channel folder, one at a time, until told to stop. */
async function answerRequests(channel: string, serve: (request: WorkbenchRequest) => Promise<unknown>, stopped: () => boolean) {
  const answered = new Set<string>();
  while (!stopped()) {
    for (const name of fs.readdirSync(channel).sort()) {
      const id = requestIdOf(name);
      if (!id || answered.has(id)) continue;
      answered.add(id);
      let request: WorkbenchRequest | undefined;
      try {
        request = JSON.parse(fs.readFileSync(path.join(channel, name), 'utf8')) as WorkbenchRequest;
        writeJsonAtomically(responseFile(channel, id), { ok: true, result: await serve(request) });
      } catch (error) {
        writeJsonAtomically(responseFile(channel, id), { ok: false, error: describe(error) });
      }
    }
    await sleep(100);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function runChecks(context: CheckContext): Promise<SuiteResult> {
  const result: SuiteResult = { suite: 'e2e', passes: 0, failures: 0, pending: 0, tests: [] };
  fs.mkdirSync(context.screenshots, { recursive: true });
  for (const old of fs.readdirSync(context.screenshots)) {
    if (/^failed-\d+\.png$/.test(old)) fs.rmSync(path.join(context.screenshots, old), { force: true });
  }
  console.log('\n  Playwright checks on the workbench');
  for (const check of E2E_CHECKS) {
    const started = Date.now();
    try {
      await check.run(context);
      const durationMs = Date.now() - started;
      result.passes++;
      result.tests.push({ title: check.title, state: 'passed', durationMs });
      console.log(`    ✔ ${check.title} (${durationMs}ms)`);
    } catch (error) {
      const durationMs = Date.now() - started;
      result.failures++;
      result.tests.push({ title: check.title, state: 'failed', durationMs, error: describe(error) });
      console.log(`    ✘ ${check.title} (${durationMs}ms)\n      ${describe(error).replace(/\n/g, '\n      ')}`);
      const shot = path.join(context.screenshots, `failed-${result.tests.length}.png`);
      await context.page.screenshot({ path: shot }).then(() => console.log(`      screenshot: ${shot}`), () => undefined);
    }
  }
  console.log(`\n  ${result.passes} passing (Playwright checks)${result.failures ? `\n  ${result.failures} failing (Playwright checks)` : ''}\n`);
  return result;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[runner] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
