/**
 * The bench's `extensionTestsPath` in the browser's web worker extension host (npm run bench --
 * --only web, see bench/webWorker.ts): bundled for the worker as the web build bundles the engine
 * (scripts/vscode-host/web.mjs). Not a test. In the worker, once the workbench has settled, it
 *   - types in the seed article with the bench's typing loop (bench/typingLoop.ts: the same article,
 *     edits, seed and warm-up as the bench process), each version's analysis timed;
 *   - runs a probe alone for a few seconds (what else holds the worker: its host, other extensions,
 *     the machine), then builds the extension's own site index of the workspace
 *     (src/extension/workspaceIndex.ts) while the probe records the longest time the worker's event
 *     loop was held; then a second index from nothing;
 * and writes the figures as JSON beside the workspace folder (the worker has no `fs`; the runner
 * copies the file out of its run folder).
 */
import * as vscode from 'vscode';
import { SiteDirectory } from '../../src/core';
import { WorkspaceFileSystem } from '../../src/extension/fs';
import type { Log } from '../../src/extension/log';
import { EXCLUDE_GLOB, SITE_MARKDOWN_GLOB, SITE_MAX_FILES, WorkspaceSiteIndex } from '../../src/extension/workspaceIndex';
import { seedArticle } from '../generate';
import { TYPING_SEED, TYPING_WARM_UP, nextTurn, typingTimes } from '../typingLoop';
import { QUIET_PROBE_MS, SETTLE_MS, WEB_BENCH_FILE, WEB_TYPING_EDITS, type IndexFigures, type ProbeFigures, type WebWorkerFigures } from './figures';

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web bench needs a workspace folder');
  const inWebWorker = typeof process === 'undefined';
  console.log(`VS Code ${vscode.version}, ${inWebWorker ? 'web worker' : 'Node'} extension host: the web bench`);

  // The workbench is still starting when the tests run (its page, the server, the other extensions in
  // this worker): on 2 cores, typing timed at once had a p95 of about 10 ms, and 1–2 ms a minute later.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const article = seedArticle(1);
  const timesMs = await typingTimes(article, { edits: WEB_TYPING_EDITS, warmUp: TYPING_WARM_UP, seed: TYPING_SEED, between: nextTurn });
  console.log(`typing: ${timesMs.length} edits timed`);
  const quietProbe = startStallProbe();
  await new Promise((resolve) => setTimeout(resolve, QUIET_PROBE_MS));
  const quiet = quietProbe.stop();
  console.log(`quiet: longest gap ${quiet.longestGapMs.toFixed(1)} ms`);
  const folders = vscode.workspace.workspaceFolders ?? [];
  const index = await indexWorkspace(folders);
  const indexAgain = await indexWorkspace(folders);
  for (const [label, figures] of [['index', index], ['again', indexAgain]] as const) {
    console.log(`${label}: ${figures.files} files, ${figures.entries} entries in ${figures.indexMs.toFixed(0)} ms; longest gap ${figures.probe.longestGapMs.toFixed(1)} ms`);
  }

  const browser = globalThis as { crossOriginIsolated?: boolean; navigator?: { userAgent?: string } };
  const figures: WebWorkerFigures = {
    inWebWorker,
    crossOriginIsolated: browser.crossOriginIsolated,
    userAgent: browser.navigator?.userAgent,
    vscode: vscode.version,
    article: { chars: article.text.length, words: article.words },
    typing: { edits: WEB_TYPING_EDITS, warmUp: TYPING_WARM_UP, seed: TYPING_SEED, timesMs },
    index,
    indexAgain,
    quiet,
  };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '..', WEB_BENCH_FILE), new TextEncoder().encode(JSON.stringify(figures)));
}

/** The extension's file system, its calls counted: each is a message to the workbench (and on to the server). */
class CountingFileSystem extends WorkspaceFileSystem {
  calls = 0;

  override stat(path: string): ReturnType<WorkspaceFileSystem['stat']> {
    this.calls++;
    return super.stat(path);
  }

  override readText(path: string): ReturnType<WorkspaceFileSystem['readText']> {
    this.calls++;
    return super.readText(path);
  }

  override readDirectory(path: string): ReturnType<WorkspaceFileSystem['readDirectory']> {
    this.calls++;
    return super.readDirectory(path);
  }
}

/** Only errors are shown: the bench's output is its figures. */
const log: Log = { error: console.error, warn: console.warn, info: () => undefined, debug: () => undefined };

/**
 * The extension's site index (WorkspaceSiteIndex, as activation makes it, without a stored index)
 * built from nothing, with the probe running: the search, the reads, each folder's configuration and
 * site, the entries into the model.
 */
async function indexWorkspace(folders: readonly vscode.WorkspaceFolder[]): Promise<IndexFigures> {
  let files = 0;
  for (const folder of folders) files += (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SITE_MARKDOWN_GLOB), EXCLUDE_GLOB, SITE_MAX_FILES)).length;

  const counting = new CountingFileSystem();
  const sites = new SiteDirectory(counting);
  const index = new WorkspaceSiteIndex(counting, () => sites, log);
  try {
    const probe = startStallProbe(() => index.model.size);
    const start = performance.now();
    performance.mark('article-authoring:index-start');
    await index.whenComplete();
    const indexMs = performance.now() - start;
    performance.mark('article-authoring:index-end');
    return {
      files,
      entries: index.model.size,
      indexMs,
      // The engine's calls; the index reads each file itself (a stat and a read).
      fileSystemCalls: counting.calls + 2 * files,
      probe: probe.stop(),
    };
  } finally {
    index.dispose();
  }
}

/**
 * A timer callback that sets the next one (the worker has no setImmediate; nested timers run every
 * 4 ms or so): a callback comes as soon as the event loop is free, so the longest gap between two is
 * the longest the loop was held (plus up to one timer period). A message loop over a MessageChannel
 * would measure finer, but it keeps a core busy: on this 2-core machine it made the indexing two to
 * three times slower and its own stalls longer.
 */
function startStallProbe(progress: () => number = () => 0): { stop(): ProbeFigures & { longestGapAt: number } } {
  let running = true;
  let last = performance.now();
  let longest = 0;
  let longestAt = 0;
  let over50 = 0;
  let ticks = 0;
  const record = (at: number) => {
    const gap = at - last;
    if (gap > 50) over50++;
    if (gap > longest) {
      longest = gap;
      longestAt = startedAt;
    }
    last = at;
  };
  // Entries done when the current gap began.
  let startedAt = progress();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    record(performance.now());
    startedAt = progress();
    ticks++;
    if (running) timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  return {
    stop: () => {
      running = false;
      clearTimeout(timer);
      // The stretch since the last callback counts too: the loop has been held by the work's end.
      record(performance.now());
      return { longestGapMs: longest, gapsOver50Ms: over50, ticks, longestGapAt: longestAt };
    },
  };
}
