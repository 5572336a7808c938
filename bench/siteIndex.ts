/**
 * The site model at the scale of the largest content repositories: `count` generated distinct
 * articles (bench/generate.ts siteArticle: each its own frontmatter and paragraphs, five internal
 * links each) read into the model by the loop the editor's workspace site index runs
 * (src/core/site/indexing.ts: batches, time slices, setImmediate between them), each through
 * readSiteArticle (site detection, parse, entry) as in the editor, over an in-memory file system.
 *
 * Measured: the time to index (the texts' generation left out), the heap the model holds after GC,
 * the longest stretch the event loop was blocked while indexing (the loop's own longest slice, and
 * the event loop's delay as perf_hooks sees it), and single-article updates (a title changed, a
 * heading renamed, a link pointed elsewhere): the entry made again and the model updated, then
 * with the site-wide findings of every article the change affects computed again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { allRules, checkSiteArticle, defaultConfig, indexInSlices, parseArticle, readSiteArticle, rolesFor, SiteDirectory, siteEntry, SiteModel, type FileSystemHost, type SiteArticle, type SiteFolderCache } from '../src/core';
import { siteArticle, siteArticlePath, type SiteArticleEdit } from './generate';
import { heapUsed, MB, now, summarize, type Summary } from './measure';
import { encodeSiteIndex, fileRecord, restoreSiteIndex, TimeSlicer, type FileRecord, type StoreFileSystem } from '../src/extension/siteIndexStore';

const ROOT = '/bench-site';

export interface SiteIndexFigures {
  articles: number;
  /** Wall time of the indexing loop, less the time spent generating the texts. */
  ms: number;
  /** Of which generating texts (left out of ms). */
  generateMs: number;
  /** Heap the model holds, after GC (the model alone: texts and parses are garbage by then). */
  heapMB: number;
  links: number;
  anchors: number;
  /** The loop's longest run without giving the event loop back, and how many articles were read when it ended. */
  longestSliceMs: number;
  longestSliceAt: number;
  /** The CPU time of the longest slice by CPU time (user + system, all the process's threads). */
  longestSliceCpuMs: number;
  /** The event loop's longest delay while indexing (perf_hooks.monitorEventLoopDelay, 10 ms resolution: includes GC pauses). */
  eventLoopDelayMaxMs: number;
  /** CPU time of the process over the indexing loop (user + system; the texts' generation included): on a shared machine, wall time is this plus waiting for a core. */
  cpuMs: number;
  /** Garbage collection while indexing: total and longest pause (PerformanceObserver 'gc' entries). */
  gcMs: number;
  gcMaxMs: number;
  /** The larger of the two: the longest the extension host would have been blocked. */
  longestStallMs: number;
  pauses: number;
  /** One article edited: its entry made again and the model updated (the parse is the analysis's, timed apart). */
  update: Summary;
  updateByKind: Record<string, Summary>;
  /** The edited article's parse (the editor has it from the analysis already). */
  updateParse: Summary;
  /** The update plus the site-wide findings of every article it affects, computed again. */
  updateWithChecks: Summary;
  affectedMedian: number;
  affectedMax: number;
}

/** Every generated article's folders exist; nothing else does (no marker files: the generic profile). */
function memoryFs(): FileSystemHost {
  return {
    stat: async (target) => (target === ROOT || target.startsWith(`${ROOT}/posts`) ? (target.endsWith('.md') ? 'file' : 'directory') : undefined),
    readText: async () => undefined,
  };
}

/**
 * `afterIndex`: run on the model once indexing is measured, before the edits change it (the stored
 * index is made there: see storeSiteIndex).
 */
export async function measureSiteIndex(count: number, updates: number, afterIndex?: (model: SiteModel) => Promise<void>): Promise<SiteIndexFigures> {
  const fs = memoryFs();
  const config = defaultConfig(allRules, ROOT);
  const sites = new SiteDirectory(fs);
  const siteFolders: SiteFolderCache = new Map();
  const seeds = Array.from({ length: count }, (_, index) => index + 1);
  // The editor has analyzed the open documents before the index starts: the engine's code is warm.
  for (let seed = 1; seed <= 20; seed++) {
    await readSiteArticle({ text: siteArticle(seed, count), filePath: `/warm-up/${siteArticlePath(seed)}`, config, fs, sites: new SiteDirectory(fs) });
  }
  const before = heapUsed();
  const model = new SiteModel();
  let generateMs = 0;
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  monitor.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const item of list.getEntries()) {
      gcMs += item.duration;
      gcMaxMs = Math.max(gcMaxMs, item.duration);
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const cpuBefore = process.cpuUsage();
  // The CPU time of each slice (the process's, so garbage collection on other threads counts in):
  // on a machine shared with other work, a slice's wall time also holds the time spent waiting for a core.
  let sliceCpu = process.cpuUsage();
  let longestSliceCpuMs = 0;
  const pause = () => {
    const used = process.cpuUsage(sliceCpu);
    longestSliceCpuMs = Math.max(longestSliceCpuMs, (used.user + used.system) / 1000);
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        sliceCpu = process.cpuUsage();
        resolve();
      }),
    );
  };
  const start = now();
  const result = await indexInSlices(seeds, {
    read: async (seed) => {
      const t0 = now();
      const text = siteArticle(seed, count);
      generateMs += now() - t0;
      return text;
    },
    entry: (seed, text) => readSiteArticle({ text, filePath: `${ROOT}/${siteArticlePath(seed)}`, config, fs, sites, siteFolders }),
    pause,
    apply: (seed, entry) => {
      if (entry) model.set(entry);
      else model.delete(`${ROOT}/${siteArticlePath(seed)}`);
    },
  });
  const elapsed = now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  monitor.disable();
  gcObserver.disconnect();
  const heapMB = (heapUsed() - before) / MB;
  if (model.size !== count) throw new Error(`the site model holds ${model.size} of ${count} articles`);
  await afterIndex?.(model);
  let links = 0;
  let anchors = 0;
  for (const article of model.all()) {
    links += article.links.length;
    anchors += article.anchors.length;
  }

  // Single-article edits, spread over the site; each kind turns back on its next turn.
  const roles = rolesFor('generic');
  const entryOf = (seed: number, text: string): { entry: SiteArticle; parseMs: number } => {
    const path = `${ROOT}/${siteArticlePath(seed)}`;
    const { root, profile, publicDirs } = model.get(path)!;
    const t0 = now();
    const article = parseArticle(text);
    const parseMs = now() - t0;
    const entry = siteEntry({ article, path, root, profile, roles, settings: {}, publicDirs });
    return { entry, parseMs };
  };
  const kinds = ['title', 'heading', 'link'] as const;
  const samples: number[] = [];
  const parseSamples: number[] = [];
  const checkSamples: number[] = [];
  const byKind: Record<string, number[]> = { title: [], heading: [], link: [] };
  const affectedCounts: number[] = [];
  for (let turn = 0; turn < updates; turn++) {
    const seed = ((turn * 7919) % count) + 1;
    const kind = kinds[turn % 3];
    const round = Math.floor(turn / 3);
    const edit: SiteArticleEdit =
      kind === 'title'
        ? { title: `A title rewritten in edit ${round} of article ${seed}` }
        : kind === 'heading'
          ? { heading: `A heading renamed in edit ${round} of article ${seed}` }
          : { linkTo: ((seed + round * 104729) % count) + 1 };
    const text = siteArticle(seed, count, edit);
    const t0 = now();
    const { entry, parseMs } = entryOf(seed, text);
    const affected = model.set(entry);
    const updated = now() - t0 - parseMs;
    for (const path of affected) await checkSiteArticle(model, path);
    const checked = now() - t0 - parseMs;
    samples.push(updated);
    byKind[kind].push(updated);
    parseSamples.push(parseMs);
    checkSamples.push(checked);
    affectedCounts.push(affected.size);
  }
  affectedCounts.sort((a, b) => a - b);
  const eventLoopDelayMaxMs = monitor.max / 1e6;
  return {
    articles: count,
    ms: elapsed - generateMs,
    generateMs,
    heapMB,
    links,
    anchors,
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcMs,
    gcMaxMs,
    longestSliceMs: result.longestSliceMs,
    longestSliceAt: result.longestSliceAt,
    longestSliceCpuMs,
    eventLoopDelayMaxMs,
    longestStallMs: Math.max(result.longestSliceMs, eventLoopDelayMaxMs),
    pauses: result.pauses,
    update: summarize(samples),
    updateByKind: Object.fromEntries(Object.entries(byKind).map(([kind, list]) => [kind, summarize(list)])),
    updateParse: summarize(parseSamples),
    updateWithChecks: summarize(checkSamples),
    affectedMedian: affectedCounts[Math.floor(affectedCounts.length / 2)] ?? 0,
    affectedMax: affectedCounts[affectedCounts.length - 1] ?? 0,
  };
}

/** Blocks (text between blank lines) that stand in more than one of the first `count` articles. */
export function sharedSiteBlocks(count: number, siteSize = count): { blocks: number; shared: number; examples: string[] } {
  const seen = new Map<string, number>();
  let shared = 0;
  const examples: string[] = [];
  for (let seed = 1; seed <= count; seed++) {
    const text = siteArticle(seed, siteSize);
    for (const block of new Set(text.split(/\n[ \t]*\n/).map((part) => part.trim()))) {
      if (!block) continue;
      const owner = seen.get(block);
      if (owner === undefined) seen.set(block, seed);
      else if (owner !== seed) {
        shared++;
        if (examples.length < 3) examples.push(block.slice(0, 80));
      }
    }
  }
  return { blocks: seen.size, shared, examples };
}

/**
 * The same generated site as files on disk (written once, then reused), so that reopening stats real
 * files, as the editor does through vscode.workspace.fs; the model's paths stay under ROOT.
 */
export function ensureSiteTree(folder: string, count: number): { folder: string; reused: boolean } {
  const marker = path.join(folder, '.complete.json');
  if (fs.existsSync(marker) && (JSON.parse(fs.readFileSync(marker, 'utf8')) as { count?: number }).count === count) return { folder, reused: true };
  fs.rmSync(folder, { recursive: true, force: true });
  for (let seed = 1; seed <= count; seed++) {
    const file = path.join(folder, siteArticlePath(seed));
    if (seed === 1 || seed % 1000 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, siteArticle(seed, count));
  }
  fs.writeFileSync(marker, JSON.stringify({ count }));
  return { folder, reused: false };
}

/** The store's view of the tree: the model's paths (under ROOT) are files of `folder`. */
function treeFs(folder: string): StoreFileSystem {
  const onDisk = (file: string) => path.join(folder, file.slice(ROOT.length + 1));
  return {
    async stamp(file) {
      try {
        const stat = await fs.promises.stat(onDisk(file));
        // Whole milliseconds, as vscode.workspace.fs reports them.
        return stat.isFile() ? { size: stat.size, mtime: Math.floor(stat.mtimeMs) } : undefined;
      } catch {
        return undefined;
      }
    },
    async readBytes(file) {
      return fs.promises.readFile(onDisk(file)).catch(() => undefined);
    },
  };
}

export interface StoredIndexFigures {
  /** The stored file. */
  file: string;
  megabytes: number;
  /** Making the records (each file stamped and hashed, as reading it for its entry does in the editor) and encoding: the editor writes after the build. */
  recordsMs: number;
  encodeMs: number;
  encodeLongestSliceMs: number;
}

const FOLDER = { path: ROOT, fingerprint: 'bench' };
const EXTENSION_VERSION = 'bench';

/** The stored index of the model, as the editor writes it once the first build is done. */
export async function storeSiteIndex(model: SiteModel, tree: string, file: string): Promise<StoredIndexFigures> {
  const disk = treeFs(tree);
  const records = new Map<string, FileRecord>();
  const t0 = now();
  const paths = [...model.paths()];
  for (let index = 0; index < paths.length; index += 64) {
    await Promise.all(
      paths.slice(index, index + 64).map(async (article) => {
        const [stamp, bytes] = await Promise.all([disk.stamp(article), disk.readBytes(article)]);
        if (!stamp || !bytes) throw new Error(`${article} is not on disk`);
        records.set(article, fileRecord(stamp, bytes, Date.now()));
      }),
    );
  }
  const recordsMs = now() - t0;
  const slicer = new TimeSlicer();
  const t1 = now();
  const bytes = await encodeSiteIndex({ extensionVersion: EXTENSION_VERSION, folders: [FOLDER], records, packedOf: (article) => model.packedOf(article), model, slicer });
  const encodeMs = now() - t1;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return { file, megabytes: bytes.length / MB, recordsMs, encodeMs, encodeLongestSliceMs: slicer.longestSliceMs };
}

export interface ReopenFigures {
  articles: number;
  /** From reopening (reading the stored file) to the open article's site-wide findings computed. */
  ms: number;
  /** Of which reading the stored file, and restoring (checking each file on disk, entries into the model). */
  readMs: number;
  restoreMs: number;
  findingsMs: number;
  /** After the findings were shown: each file checked on disk (those changed taken out). */
  verifyMs: number;
  findings: number;
  trusted: number;
  changed: number;
  longestSliceMs: number;
  eventLoopDelayMaxMs: number;
  gcMaxMs: number;
  longestStallMs: number;
  /** The site-wide findings of the open article equal those of the freshly built model. */
  sameFindings: boolean;
}

/**
 * Reopening: a new model over the same tree with the stored file present. The entries of unchanged
 * files go into the model in slices (each file's size and mtime checked on disk), then the open
 * article's site-wide findings are computed, as the editor shows them.
 */
export async function measureSiteIndexReopen(count: number, tree: string, file: string, expected: { path: string; findings: string }): Promise<ReopenFigures> {
  const monitor = monitorEventLoopDelay({ resolution: 10 });
  let gcMaxMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const item of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, item.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  monitor.enable();
  let model = new SiteModel();
  const slicer = new TimeSlicer();
  const start = now();
  // A Buffer is a Uint8Array: no copy of the whole file (vscode.workspace.fs.readFile gives one too).
  const bytes = await fs.promises.readFile(file);
  const readMs = now() - start;
  slicer.resumed();
  // As the editor does: the model made again from the stored lookups is shown (the open article's
  // findings computed) at once; then each file is checked on disk and those changed are taken out.
  let shown: { at: number; findings: Promise<unknown[]> } | undefined;
  let findingsAt = 0;
  const outcome = await restoreSiteIndex({
    bytes,
    extensionVersion: EXTENSION_VERSION,
    isCurrent: async (folder) => folder.path === FOLDER.path && folder.fingerprint === FOLDER.fingerprint,
    fs: treeFs(tree),
    insert: (packed) => model.insertPacked(packed),
    restoring: (names) => SiteModel.restoring(names),
    onModel: (made) => {
      model = made;
      shown = {
        at: now(),
        findings: checkSiteArticle(made, expected.path).then((found) => {
          findingsAt = now();
          return found;
        }),
      };
    },
    remove: (removed) => model.delete(removed),
    slicer,
  });
  const restored = now();
  if (!shown) throw new Error('the stored index has no lookups: the model was not made again from them');
  const findings = await shown.findings;
  const shownAt = shown.at;
  monitor.disable();
  gcObserver.disconnect();
  if (outcome.ignored) throw new Error(`the stored index was ignored: ${outcome.ignored}`);
  if (model.size !== count) throw new Error(`the reopened model holds ${model.size} of ${count} articles`);
  const eventLoopDelayMaxMs = monitor.max / 1e6;
  return {
    articles: model.size,
    // The open article's findings are computed as soon as the model is shown; checking every file on disk goes on after.
    ms: findingsAt - start,
    readMs,
    restoreMs: shownAt - start - readMs,
    findingsMs: findingsAt - shownAt,
    verifyMs: restored - shownAt,
    findings: findings.length,
    trusted: outcome.trusted.size,
    changed: outcome.changed + outcome.deleted,
    longestSliceMs: slicer.longestSliceMs,
    eventLoopDelayMaxMs,
    gcMaxMs,
    longestStallMs: Math.max(slicer.longestSliceMs, eventLoopDelayMaxMs),
    sameFindings: JSON.stringify(findings) === expected.findings,
  };
}

/** The open article of the reopen measure (the first with site-wide findings), and its findings in the freshly built model. */
export async function openArticleFindings(model: SiteModel): Promise<{ path: string; findings: string }> {
  for (let seed = 1; seed <= model.size; seed++) {
    const article = `${ROOT}/${siteArticlePath(seed)}`;
    const findings = await checkSiteArticle(model, article);
    if (findings.length > 0) return { path: article, findings: JSON.stringify(findings) };
  }
  throw new Error('no generated article has site-wide findings');
}
