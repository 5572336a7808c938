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
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { allRules, checkSiteArticle, defaultConfig, indexInSlices, parseArticle, readSiteArticle, rolesFor, SiteDirectory, siteEntry, SiteModel, type FileSystemHost, type SiteArticle, type SiteFolderCache } from '../src/core';
import { siteArticle, siteArticlePath, type SiteArticleEdit } from './generate';
import { heapUsed, MB, now, summarize, type Summary } from './measure';

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

export async function measureSiteIndex(count: number, updates: number): Promise<SiteIndexFigures> {
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
