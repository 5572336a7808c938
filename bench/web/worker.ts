/**
 * The bench's `extensionTestsPath` in the browser's web worker extension host (npm run bench --
 * --only web, see bench/webWorker.ts): bundled for the worker as the web build bundles the engine
 * (scripts/vscode-host/web.mjs). Not a test. In the worker, once the workbench has settled, it
 *   - types in the seed article with the bench's typing loop (bench/typingLoop.ts: the same article,
 *     edits, seed and warm-up as the bench process), each version's analysis timed;
 *   - runs a probe alone for a few seconds (what else holds the worker: its host, other extensions,
 *     the machine), then indexes the workspace as the extension's site index does
 *     (src/extension/workspaceIndex.ts: the same search, reads through `vscode.workspace.fs`, each
 *     folder's configuration, entries by `readSiteArticle` into a `SiteModel` over one listing per
 *     folder (`ListedFileSystem`), looped by `indexInSlices`) while the probe records the longest time the worker's event loop was held;
 *     then the same indexing once more;
 * and writes the figures as JSON beside the workspace folder (the worker has no `fs`; the runner
 * copies the file out of its run folder).
 */
import * as vscode from 'vscode';
import { yieldToEventLoop } from '../../src/extension/eventLoop';
import { allRules, indexInSlices, loadConfig, readSiteArticle, SiteDirectory, SiteModel, type ResolvedConfig, type SiteArticle, type SiteFolderCache } from '../../src/core';
import { uriToPath, workspacePath, WorkspaceFileSystem } from '../../src/extension/fs';
import { ListedFileSystem } from '../../src/extension/listedFileSystem';
import { siteUrlSetting } from '../../src/extension/settings';
import { EXCLUDE_GLOB, SITE_MARKDOWN_GLOB, SITE_MAX_FILE_BYTES, SITE_MAX_FILES } from '../../src/extension/workspaceIndex';
import { seedArticle } from '../generate';
import { TYPING_SEED, TYPING_WARM_UP, typingTimes } from '../typingLoop';
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
  const timesMs = await typingTimes(article, { edits: WEB_TYPING_EDITS, warmUp: TYPING_WARM_UP, seed: TYPING_SEED, between: yieldToEventLoop });
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

const decoder = new TextDecoder('utf-8');

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

/** The site index's first build of the folders (WorkspaceSiteIndex.findArticles and indexFiles), with the probe running. */
async function indexWorkspace(folders: readonly vscode.WorkspaceFolder[]): Promise<IndexFigures> {
  const findStart = performance.now();
  const files: vscode.Uri[] = [];
  for (const folder of folders) files.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, SITE_MARKDOWN_GLOB), EXCLUDE_GLOB, SITE_MAX_FILES)));
  const findFilesMs = performance.now() - findStart;

  const counting = new CountingFileSystem();
  // As the extension's build: its site directory over the workspace's file system, the rest over one listing per folder.
  const sites = new SiteDirectory(counting);
  const fs = new ListedFileSystem(counting);
  const siteFolders: SiteFolderCache = new Map();
  const configs = new Map<string, Promise<ResolvedConfig>>();
  const model = new SiteModel();
  // One configuration per folder, found walking up from it, the workspace folder the default base (WorkspaceSiteIndex.configFor).
  const configFor = (uri: vscode.Uri): Promise<ResolvedConfig> => {
    const path = workspacePath(uri);
    const folder = path.slice(0, path.length - (uri.path.split('/').pop() ?? '').length);
    let config = configs.get(folder);
    if (!config) {
      const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
      const defaultBaseDir = workspaceFolder && uriToPath(workspaceFolder.uri);
      config = loadConfig({ rules: allRules, fs, forPath: path, defaultBaseDir }).then((loaded) => loaded.config);
      configs.set(folder, config);
    }
    return config;
  };

  let done = 0;
  const probe = startStallProbe(() => done);
  const start = performance.now();
  performance.mark('article-authoring:index-start');
  const result = await indexInSlices(files, {
    read: async (uri) => {
      if (uriToPath(uri) === undefined) return undefined;
      try {
        counting.calls++;
        const stat = await vscode.workspace.fs.stat(uri);
        if (!(stat.type & vscode.FileType.File) || stat.size > SITE_MAX_FILE_BYTES) return undefined;
        counting.calls++;
        return decoder.decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    entry: async (uri, text) =>
      readSiteArticle({ text, filePath: workspacePath(uri), config: await configFor(uri), fs, sites, siteUrl: siteUrlSetting(uri), siteFolders }),
    apply: (uri, entry: SiteArticle | undefined) => {
      done++;
      if (entry) model.set(entry);
      else model.delete(workspacePath(uri));
    },
  });
  const indexMs = performance.now() - start;
  performance.mark('article-authoring:index-end');
  return {
    files: files.length,
    entries: model.size,
    findFilesMs,
    indexMs,
    longestSliceMs: result.longestSliceMs,
    longestSliceAt: result.longestSliceAt,
    pauses: result.pauses,
    fileSystemCalls: counting.calls,
    probe: probe.stop(),
  };
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
