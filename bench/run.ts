/**
 * `npm run bench`: the engine against the parse floor and against markdownlint, measured side by side
 * in one process (see docs/benchmarks.md). Prints a table and one pass/fail line per target;
 * `--json` prints one JSON object with every figure and ratio instead. The bench reports: it never fails.
 *
 * Run: npm run bench (tsc, then the bench bundled with the engine as shipped: bench/.work/bench.js);
 * node --expose-gc out/bench/run.js runs the same from the tsc output (markdown-it as published).
 * Options: --json; --vscode (also measure activation and the `editor` section in the real VS Code
 * host, and the `web` section in its browser's web worker extension host: each starts workbenches,
 * the editor section several minutes); --only seed,large,typing,workspace,index,site,extension,server,web,editor
 * (a subset; `web` and `editor` run then without --vscode; `scale`, the CLI over 100,000 files with
 * bad ones, runs only when named); --quick (fewer runs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { allRules, analyzeArticle, ArticleState, defaultConfig, frontmatterSource, markdownParser, parseArticle, renderArticle, sourcePositions, type SiteFolderCache } from '../src/core';
import { largeArticle, seedArticle, type GeneratedArticle } from './generate';
import { heapUsed, interleaved, MB, now, summarize, type Summary } from './measure';
import { measureBundle, measureActivation, measureEditor } from './extension';
import type { EditorFigures } from './vscode/typing';
import { measureSiteModel } from './site';
import { measureScale } from './scale';
import { measureServer, SERVER_DEBOUNCE_MS, type ServerFigures } from './server';
import { ARTICLE_PATH, memoryFs, ROOT, TYPING_SEED, TYPING_WARM_UP, nextTurn, typingTimes, TypingSession } from './typingLoop';
import { WEB_TYPING_EDITS, type IndexFigures, type ProbeFigures } from './web/figures';
import { measureWebWorker } from './webWorker';
import { ensureSiteTree, measureSiteIndex, measureSiteIndexReopen, openArticleFindings, sharedSiteBlocks, storeSiteIndex, type StoredIndexFigures } from './siteIndex';
import { ensureTree, folderBytes, listMarkdown, measureIndex, sharedBlocks, timeProcesses, type ProcessCommand, type ProcessRun } from './workspace';

// Run from bench/.work/bench.js (npm run bench: the engine bundled as the extension and the CLI bundle
// it) or from out/bench/run.js (tsc output: markdown-it as published); both sit two levels down.
const REPO = path.resolve(__dirname, '..', '..');
const ENGINE_BUILD = path.basename(__dirname) === '.work' ? 'bundled (scripts/build.mjs --bench)' : 'tsc (out/)';

/** markdown-it as published in node_modules (the bundles patch its field helper), with our plugin. */
function stockMarkdownParser(): { parse(text: string, env: object): unknown } {
  const StockMarkdownIt = createRequire(path.join(REPO, 'package.json'))('markdown-it') as new (options: object) => {
    use(plugin: unknown): { parse(text: string, env: object): unknown };
  };
  return new StockMarkdownIt({ html: true, linkify: false, typographer: false }).use(sourcePositions);
}
const stockParser = stockMarkdownParser();
const WORK = path.join(REPO, 'bench', '.work');
const argv = process.argv.slice(2);
const json = argv.includes('--json');
const quick = argv.includes('--quick');
const withVscode = argv.includes('--vscode');
const onlyAt = argv.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
const only = onlyAt === -1 ? undefined : new Set((argv[onlyAt].includes('=') ? argv[onlyAt].split('=')[1] : argv[onlyAt + 1]).split(','));
const wanted = (section: string) => !only || only.has(section);
const log = (message: string) => {
  if (!json) process.stderr.write(`${message}\n`);
};

function frontmatterOf(text: string): string {
  const source = frontmatterSource(text);
  if (source === undefined) throw new Error('generated article without frontmatter');
  return source;
}

const yamlParse = (source: string) =>
  parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, keepSourceTokens: false }).toJS({ maxAliasCount: 100 });

type MarkdownlintSync = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

async function loadMarkdownlint(): Promise<MarkdownlintSync> {
  // ESM only: a dynamic import from this CommonJS module.
  const module = (await import('markdownlint/sync')) as unknown as { lint: MarkdownlintSync };
  return module.lint;
}

interface TextFigures {
  chars: number;
  words: number;
  /** The engine's markdown-it instance (as bundled when run from the bench bundle). */
  mdParse: Summary;
  /** markdown-it as published in node_modules, same options and plugin. */
  mdParseStock: Summary;
  yamlParse: Summary;
  analysisScratch: Summary;
  analysisRepeat: Summary;
  markdownlint: Summary;
  render: Summary;
  findings: number;
  markdownlintFindings: number;
}

async function measureText(label: string, article: GeneratedArticle, warmup: number, iterations: number, lint: MarkdownlintSync): Promise<TextFigures> {
  log(`${label}: ${(article.text.length / 1024).toFixed(0)} KB, ${article.words} words; ${warmup} warm-up + ${iterations} interleaved runs…`);
  const { text } = article;
  const body = parseArticle(text).body;
  const frontmatter = frontmatterOf(text);
  const fsHost = memoryFs(ROOT, [article]);
  const config = defaultConfig(allRules, ROOT);
  // Each folder's site markers looked at once, as the editor and the CLI keep them (like compiled schemas).
  const options = { config, fs: fsHost, filePath: ARTICLE_PATH, siteFolders: new Map() as SiteFolderCache };
  const parsed = parseArticle(text);
  const renderOptions = { resolveImage: (src: string) => ({ url: `https://file.example${src}` }) };
  const first = await analyzeArticle(text, options);
  const repeatState = new ArticleState();
  const lintResult = lint({ strings: { article: text } });
  const times = await interleaved(
    {
      mdParse: { run: () => markdownParser().parse(body, {}) },
      mdParseStock: { run: () => stockParser.parse(body, {}) },
      yamlParse: { run: () => yamlParse(frontmatter) },
      // From scratch: no document state, so nothing of an earlier parse is reused; compiled schemas and
      // the default config stay, as in a running editor.
      analysisScratch: { run: () => analyzeArticle(text, options) },
      // The same text again in the document's state (what re-checking an unchanged open file costs).
      analysisRepeat: { run: () => analyzeArticle(text, { ...options, state: repeatState }) },
      markdownlint: { run: () => lint({ strings: { article: text } }) },
      render: { run: () => renderArticle(parsed, renderOptions) },
    },
    warmup,
    iterations,
  );
  return {
    chars: text.length,
    words: article.words,
    ...(times as Pick<TextFigures, 'mdParse' | 'mdParseStock' | 'yamlParse' | 'analysisScratch' | 'analysisRepeat' | 'markdownlint' | 'render'>),
    findings: first.findings.length,
    markdownlintFindings: lintResult.article.length,
  };
}

interface TypingFigures {
  edits: number;
  analysis: Summary;
  mdParse: Summary;
  /** markdown-it as published, on the same versions' bodies. */
  mdParseStock: Summary;
  /** The same analyses split by where the edit was: a frontmatter edit re-reads the YAML and, here, the body too. */
  bodyEdits: { edits: number; analysis: Summary; mdParse: Summary };
  frontmatterEdits: { edits: number; analysis: Summary; mdParse: Summary };
  heapEdits: number;
  heapGrowthMB: number;
}

async function measureTyping(article: GeneratedArticle, edits: number, heapEdits: number, warmUp = TYPING_WARM_UP): Promise<TypingFigures> {
  log(`typing: ${edits} single-character edits of the ${(article.text.length / 1024).toFixed(0)} KB article, then ${heapEdits} for the heap…`);
  // One open document: its state carries from each version to the next, as in the editor.
  const session = new TypingSession(article, TYPING_SEED);
  const frontmatterEnd = article.text.indexOf('\n---', 4) + 4;
  // Where a version differs from the seed (the edit's position): in the frontmatter or in the body.
  const inFrontmatter = (version: string) => {
    let at = 0;
    while (at < frontmatterEnd && version.charCodeAt(at) === article.text.charCodeAt(at)) at++;
    return at < frontmatterEnd;
  };
  const parse: number[] = [];
  const stockParse: number[] = [];
  const frontmatterEdit: boolean[] = [];
  // The analysis the editor runs on each new version (caches as they are after the previous edits)…
  const analysis = await typingTimes(article, {
    edits,
    warmUp,
    session,
    alongside: (text, measured) => {
      const body = text.slice(text.indexOf('\n---', 4) + 4);
      if (!measured) {
        markdownParser().parse(body, {});
        return;
      }
      frontmatterEdit.push(inFrontmatter(text));
      // …against one markdown-it parse of the same version's body, side by side…
      let start = now();
      markdownParser().parse(body, {});
      parse.push(now() - start);
      // …and against markdown-it as published (the floor a user would pick).
      start = now();
      stockParser.parse(body, {});
      stockParse.push(now() - start);
    },
  });
  const before = heapUsed();
  let last: unknown;
  for (let i = 0; i < heapEdits; i++) last = await session.analyze(session.nextVersion());
  const after = heapUsed();
  void last;
  const subset = (inFront: boolean) => {
    const picked = analysis.map((_, index) => index).filter((index) => frontmatterEdit[index] === inFront);
    return { edits: picked.length, analysis: summarize(picked.map((index) => analysis[index])), mdParse: summarize(picked.map((index) => parse[index])) };
  };
  return {
    edits,
    analysis: summarize(analysis),
    mdParse: summarize(parse),
    mdParseStock: summarize(stockParse),
    bodyEdits: subset(false),
    frontmatterEdits: subset(true),
    heapEdits,
    heapGrowthMB: (after - before) / MB,
  };
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = fs.readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((entry) => entry.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

interface Target {
  id: string;
  description: string;
  value: number | undefined;
  bound: string;
  pass: boolean | undefined;
  note?: string;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

async function main(): Promise<void> {
  const started = now();
  const info = machine();
  log(`article-authoring bench — ${info.cpu}, ${info.cores} cores, Node ${info.node}, load average ${info.loadAverage.join(' ')}`);
  log('(the machine may be shared: ratios are measured side by side, interleaved, and are the figures to trust)');
  log(`engine: ${ENGINE_BUILD}`);
  const lint = await loadMarkdownlint();
  const scale = quick ? 0.25 : 1;
  const results: Record<string, unknown> = { machine: info, engineBuild: ENGINE_BUILD };
  const targets: Target[] = [];
  const target = (id: string, description: string, value: number | undefined, bound: string, pass: (value: number) => boolean, note?: string) =>
    targets.push({ id, description, value: value === undefined ? undefined : round(value), bound, pass: value === undefined ? undefined : pass(value), note });

  const seed = seedArticle(1);
  if (wanted('seed')) {
    const figures = await measureText('seed-sized article', seed, 100, Math.round(400 * scale), lint);
    const ratios = {
      scratchOverParse: figures.analysisScratch.median / figures.mdParse.median,
      scratchOverStockParse: figures.analysisScratch.median / figures.mdParseStock.median,
      repeatOverParse: figures.analysisRepeat.median / figures.mdParse.median,
      markdownlintOverScratch: figures.markdownlint.median / figures.analysisScratch.median,
      yamlOverParse: figures.yamlParse.median / figures.mdParse.median,
    };
    results.seed = { ...figures, ratios };
    target('seed.scratchOverParse', 'seed analysis from scratch / markdown-it parse (medians)', ratios.scratchOverParse, '≤ 3.0', (v) => v <= 3.0);
    target('seed.scratchOverStockParse', 'seed analysis from scratch / markdown-it parse as published (medians)', ratios.scratchOverStockParse, '≤ 2.0', (v) => v <= 2.0);
    target('seed.markdownlintOverScratch', 'markdownlint / seed analysis from scratch (medians)', ratios.markdownlintOverScratch, '≥ 10', (v) => v >= 10);
    target('seed.renderP95Ms', 'seed preview render p95 (ms)', figures.render.p95, '≤ 30', (v) => v <= 30);
  }
  if (wanted('large')) {
    const large = largeArticle();
    const figures = await measureText('1 MB article', large, 3, Math.round(25 * scale) || 5, lint);
    const ratios = {
      scratchOverParse: figures.analysisScratch.median / figures.mdParse.median,
      scratchOverStockParse: figures.analysisScratch.median / figures.mdParseStock.median,
      markdownlintOverScratch: figures.markdownlint.median / figures.analysisScratch.median,
    };
    // The editor's case: the same 1 MB article, one single-character edit after another.
    const typing = await measureTyping(large, Math.round(60 * scale) || 10, 0, 5);
    results.large = { ...figures, ratios, typing };
    target('large.scratchOverStockParse', '1 MB analysis from scratch / markdown-it parse as published (medians)', ratios.scratchOverStockParse, '≤ 2.0', (v) => v <= 2.0);
    target('large.analysisP95Ms', '1 MB analysis from scratch p95 (ms)', figures.analysisScratch.p95, '≤ 50', (v) => v <= 50,
      `while typing in it: ${typing.analysis.p95.toFixed(1)} ms p95 per edit`);
  }
  if (wanted('typing')) {
    const figures = await measureTyping(seed, 1000, quick ? 2000 : 10_000);
    const ratios = {
      p95OverParseP95: figures.analysis.p95 / figures.mdParse.p95,
      p50OverParseP50: figures.analysis.median / figures.mdParse.median,
      p95OverStockParseP95: figures.analysis.p95 / figures.mdParseStock.p95,
    };
    results.typing = { ...figures, ratios };
    target('typing.p95OverParse', 'typing: per-edit analysis p95 / markdown-it parse p95 (same edits)', ratios.p95OverParseP95, '≤ 1.5', (v) => v <= 1.5);
    target('typing.p95OverStockParse', 'typing: per-edit analysis p95 / markdown-it parse p95 as published (same edits)', ratios.p95OverStockParseP95, '≤ 1.0', (v) => v <= 1.0);
    target('typing.heapGrowthMB', `heap growth over ${figures.heapEdits} edits (MB, after GC)`, figures.heapGrowthMB, '< 5', (v) => v < 5);
  }
  if (wanted('workspace')) {
    const tree = ensureTree(path.join(WORK, 'tree-2000'), 2000);
    log(`workspace: ${tree.files} articles (${(tree.bytes / MB).toFixed(1)} MB${tree.reused ? ', reused' : ''}) in ${path.relative(REPO, tree.root)}`);
    const distinct = sharedBlocks(tree.root);
    if (distinct.shared > 0) throw new Error(`the bench tree is not distinct: ${distinct.shared} blocks stand in several files (${JSON.stringify(distinct.examples)})`);
    ensureBuilt();
    const cores = os.availableParallelism();
    const ours = (workers?: number): ProcessCommand => ({
      args: [path.join(REPO, 'dist', 'cli.js'), '--no-cache', 'src/content/blog'],
      cwd: tree.root,
      env: workers === undefined ? undefined : { ARTICLE_LINT_WORKERS: String(workers) },
      label: `${workers === undefined ? '' : `ARTICLE_LINT_WORKERS=${workers} `}node dist/cli.js --no-cache src/content/blog`,
    });
    // The package's bin (node_modules/.bin/markdownlint-cli2), run with node like ours.
    const cli2 = path.join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const rumdl = rumdlBinary();
    const rumdlArgs = ['check', '--no-cache', 'src/content/blog'];
    // One core is the process held to CPU 0 (taskset): without workers but free to run on both
    // cores, node's compiler and garbage collector threads use the second core too.
    const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((file) => fs.existsSync(file));
    const oneCore = (command: ProcessCommand): ProcessCommand =>
      taskset
        ? { ...command, program: taskset, args: ['-c', '0', command.program ?? process.execPath, ...command.args], label: `taskset -c 0 ${command.label}` }
        : { ...command, env: { ARTICLE_LINT_WORKERS: '0' }, label: `ARTICLE_LINT_WORKERS=0 ${command.label}` };
    const rumdlCommand: ProcessCommand | undefined = rumdl ? { program: rumdl, args: rumdlArgs, cwd: tree.root, label: `rumdl ${rumdlArgs.join(' ')}` } : undefined;
    // What this machine gives two independent one-core processes at once (cores shared with other
    // machines give less than two): the ceiling for any tool's two-core speedup here.
    const cliPath = path.join(REPO, 'dist', 'cli.js');
    const pair: ProcessCommand | undefined = taskset
      ? { program: '/bin/sh', args: ['-c', `${taskset} -c 0 "$0" "$1" --no-cache src/content/blog & ${taskset} -c 1 "$0" "$1" --no-cache src/content/blog & wait`, process.execPath, cliPath], cwd: tree.root, label: 'two one-core runs of our CLI at once (CPU 0 and CPU 1)' }
      : undefined;
    // The result cache: every run of `ours` above and below is cold (--no-cache, or an emptied cache).
    const cacheDir = path.join(WORK, 'cli-cache');
    const cli = path.join(REPO, 'dist', 'cli.js');
    const shell = (script: string, label: string, cwd = tree.root): ProcessCommand => ({ program: '/bin/sh', args: ['-c', script, 'sh', process.execPath, cli, cacheDir], cwd, label });
    const changed = path.join(tree.root, 'src', 'content', 'blog', fs.readdirSync(path.join(tree.root, 'src', 'content', 'blog')).sort()[0]);
    const changedFile = path.join(changed, fs.readdirSync(changed).filter((name) => name.endsWith('.md')).sort()[0]);
    const changedText = fs.readFileSync(changedFile);
    const five = listMarkdown(path.join(tree.root, 'src', 'content', 'blog')).slice(0, 5).map((file) => path.relative(tree.root, file));
    const cached = {
      // A cold run with the cache on: it writes the cache as it goes.
      oursCacheCold: shell('rm -rf "$3" && "$1" "$2" --cache-location "$3" src/content/blog', 'node dist/cli.js src/content/blog, cache emptied first'),
      oursCacheWarm: shell('"$1" "$2" --cache-location "$3" src/content/blog', 'node dist/cli.js src/content/blog, nothing changed (warm cache)'),
      // One article edited before each run (a new line at its end, different each time).
      oursOneChanged: shell(`date +%s%N >> "${changedFile}" && "$1" "$2" --cache-location "$3" src/content/blog`, 'one article edited, then node dist/cli.js src/content/blog'),
      ...(rumdl ? { rumdlCacheWarm: { program: rumdl, args: ['check', 'src/content/blog'], cwd: tree.root, label: 'rumdl check src/content/blog (its cache warm)' } } : {}),
    };
    // Five files given (a pre-commit hook) read the rest of their site: the tree is a site through a configuration file at its root.
    const siteConfig = path.join(tree.root, '.article-lint.json');
    const givenFive = {
      oursFiveWarm: shell(`"$1" "$2" --cache-location "$3.site" ${five.map((file) => `'${file}'`).join(' ')}`, 'node dist/cli.js <5 files> of a 2,000-article site, warm cache'),
      oursFiveCold: shell(`rm -rf "$3.site" && "$1" "$2" --cache-location "$3.site" ${five.map((file) => `'${file}'`).join(' ')}`, 'node dist/cli.js <5 files> of a 2,000-article site, cache emptied first'),
    };
    let cacheRuns: Record<string, ProcessRun> = {};
    try {
      // Warm both caches (and rumdl's) once before timing.
      spawnSync(process.execPath, [cli, '--cache-location', cacheDir, 'src/content/blog'], { cwd: tree.root, stdio: 'ignore' });
      if (rumdl) spawnSync(rumdl, ['check', 'src/content/blog'], { cwd: tree.root, stdio: 'ignore' });
      // Apart, so that no tool's warm run follows another's edit.
      cacheRuns = {
        ...timeProcesses({ oursCacheCold: cached.oursCacheCold, oursCacheWarm: cached.oursCacheWarm }, 5),
        ...(cached.rumdlCacheWarm ? timeProcesses({ rumdlCacheWarm: cached.rumdlCacheWarm }, 5) : {}),
        ...timeProcesses({ oursOneChanged: cached.oursOneChanged }, 5),
      };
      fs.writeFileSync(siteConfig, '{}\n');
      spawnSync(process.execPath, [cli, '--cache-location', `${cacheDir}.site`, 'src/content/blog'], { cwd: tree.root, stdio: 'ignore' });
      cacheRuns = { ...cacheRuns, ...timeProcesses(givenFive, 3) };
    } finally {
      fs.rmSync(siteConfig, { force: true });
      fs.writeFileSync(changedFile, changedText);
    }
    const cacheBytes = folderBytes(cacheDir);
    const rumdlCacheBytes = folderBytes(path.join(tree.root, '.rumdl_cache'));
    const runs = timeProcesses(
      {
        // All cores (the default), one core, and two where there are more.
        ours: ours(),
        oursOneCore: oneCore(ours()),
        ...(cores > 2 ? { oursTwoCores: ours(2) } : {}),
        ...(pair && cores >= 2 ? { oursPairOneCore: pair } : {}),
        ...(rumdlCommand ? { rumdl: rumdlCommand, ...(taskset ? { rumdlOneCore: oneCore(rumdlCommand) } : {}) } : {}),
        markdownlintCli2: { args: [cli2, 'src/content/blog/**/*.md'], cwd: tree.root, label: "markdownlint-cli2 'src/content/blog/**/*.md'" },
      },
      3,
    );
    const median = (name: string) => runs[name]?.times.median;
    const ratios = {
      markdownlintCli2OverOurs: median('markdownlintCli2')! / median('ours')!,
      rumdlOverOurs: rumdl ? median('rumdl')! / median('ours')! : undefined,
      oneCoreOverAllCores: median('oursOneCore')! / median('ours')!,
      /** rumdl's own speedup from one core to all: how far a native tool scales on this machine. */
      rumdlOneCoreOverAllCores: median('rumdlOneCore') !== undefined ? median('rumdlOneCore')! / median('rumdl')! : undefined,
      /** Two one-core runs at once against one alone: 2 × one / pair (2.0 on two free cores). */
      machinePairSpeedup: median('oursPairOneCore') !== undefined ? (2 * median('oursOneCore')!) / median('oursPairOneCore')! : undefined,
    };
    const cacheMedian = (name: string) => cacheRuns[name]?.times.median;
    const cacheRatios = {
      /** rumdl with its cache warm / ours with ours warm, nothing changed. */
      rumdlWarmOverOursWarm: rumdl ? cacheMedian('rumdlCacheWarm')! / cacheMedian('oursCacheWarm')! : undefined,
      oneChangedOverWarm: cacheMedian('oursOneChanged')! / cacheMedian('oursCacheWarm')!,
      /** A cold run with the cache writing / the cold run without it (the run before this cache existed). */
      coldWithCacheOverWithout: cacheMedian('oursCacheCold')! / median('ours')!,
    };
    results.workspace = {
      articles: tree.files,
      megabytes: round(tree.bytes / MB, 1),
      cores,
      distinctBlocks: distinct.blocks,
      sharedBlocks: distinct.shared,
      ...runs,
      ...cacheRuns,
      cacheMegabytes: round(cacheBytes / MB, 1),
      rumdlCacheMegabytes: round(rumdlCacheBytes / MB, 1),
      ratios: { ...ratios, ...cacheRatios },
    };
    target('workspace.rumdl', 'rumdl / our CLI on 2,000 distinct articles (medians of 3 processes)', ratios.rumdlOverOurs ?? Number.NaN, '≥ 1.0', (v) => v >= 1,
      rumdl ? undefined : 'rumdl is not installed for this platform');
    target('workspace.cliSpeedup', 'markdownlint-cli2 / our CLI on 2,000 distinct articles (medians of 3 processes)', ratios.markdownlintCli2OverOurs, '≥ 10', (v) => v >= 10);
    target('workspace.cacheWarm', 'rumdl with its cache warm / our CLI with its cache warm, nothing changed (medians of 5)', cacheRatios.rumdlWarmOverOursWarm ?? Number.NaN, '≥ 1.0', (v) => v >= 1,
      rumdl ? `ours ${cacheMedian('oursCacheWarm')!.toFixed(0)} ms, rumdl ${cacheMedian('rumdlCacheWarm')!.toFixed(0)} ms; cache ${round(cacheBytes / MB, 1)} MB on disk (rumdl's ${round(rumdlCacheBytes / MB, 1)} MB)` : 'rumdl is not installed for this platform');
    target('workspace.cacheOneChanged', 'our CLI: one article changed / nothing changed (warm cache, medians of 5)', cacheRatios.oneChangedOverWarm, '≤ 1.5', (v) => v <= 1.5,
      `${cacheMedian('oursOneChanged')!.toFixed(0)} ms against ${cacheMedian('oursCacheWarm')!.toFixed(0)} ms`);
    target('workspace.cacheFiveSeconds', 'our CLI: 5 files of a 2,000-article site given, warm cache (s, median of 3)', cacheMedian('oursFiveWarm')! / 1000, '≤ 0.5', (v) => v <= 0.5,
      `with the cache emptied first: ${(cacheMedian('oursFiveCold')! / 1000).toFixed(2)} s`);
    target('workspace.cacheColdCost', 'our CLI: cold run with the cache on / without it (medians)', cacheRatios.coldWithCacheOverWithout, '≤ 1.05', (v) => v <= 1.05);
    target('workspace.cores', `our CLI: one core / all ${cores} cores (medians)`, ratios.oneCoreOverAllCores, `≥ ${(0.75 * cores).toFixed(2)}`, (v) => v >= 0.75 * cores,
      `for comparison on this machine: rumdl ${ratios.rumdlOneCoreOverAllCores?.toFixed(2) ?? '–'}, two independent one-core runs of ours at once ${ratios.machinePairSpeedup?.toFixed(2) ?? '–'} (2 × one run / both at once)`);
  }
  if (wanted('index')) {
    log('index: the workspace value index over 10,000 distinct articles…');
    const values = measureIndex(10_000);
    const siteCount = quick ? 20_000 : 100_000;
    const distinct = sharedSiteBlocks(Math.min(siteCount, 20_000), siteCount);
    if (distinct.shared > 0) throw new Error(`the site articles are not distinct: ${distinct.shared} blocks stand in several (${JSON.stringify(distinct.examples)})`);
    log(`index: the site model over ${siteCount.toLocaleString('en')} distinct linked articles, read as the editor reads them (time-sliced), then 200 single-article edits…`);
    const tree = ensureSiteTree(path.join(WORK, `site-${siteCount}`), siteCount);
    const storedFile = path.join(WORK, 'site-index.jsonl');
    let stored: StoredIndexFigures | undefined;
    let open: { path: string; findings: string } | undefined;
    const loadBefore = os.loadavg()[0];
    const site = await measureSiteIndex(siteCount, 200, async (model) => {
      open = await openArticleFindings(model);
      stored = await storeSiteIndex(model, tree.folder, storedFile);
    });
    log(`index: reopening the ${siteCount.toLocaleString('en')} articles from the stored index (${stored!.megabytes.toFixed(0)} MB), their files on disk${tree.reused ? '' : ' (just written)'}…`);
    const reopen = await measureSiteIndexReopen(siteCount, tree.folder, storedFile, open!);
    if (!reopen.sameFindings) throw new Error(`the reopened model gives ${open!.path} other site-wide findings than the built one`);
    results.index = {
      values,
      site: { ...site, distinctBlocksChecked: distinct.blocks, sharedBlocks: distinct.shared, loadAverage: [round(loadBefore, 2), round(os.loadavg()[0], 2)] },
      longestStallMs: site.longestStallMs,
      stored,
      reopen,
    };
    log(
      `index: ${site.articles} articles (${site.links} links, ${site.anchors} anchors) in ${(site.ms / 1000).toFixed(2)} s (CPU ${(site.cpuMs / 1000).toFixed(1)} s, GC ${(site.gcMs / 1000).toFixed(1)} s, longest GC ${site.gcMaxMs.toFixed(0)} ms), ${site.heapMB.toFixed(1)} MB; ` +
        `longest stall ${site.longestStallMs.toFixed(1)} ms; update ${site.update.median.toFixed(3)} ms median, ${site.update.p95.toFixed(3)} ms p95`,
    );
    target('index.valueSeconds', 'workspace value index of 10,000 distinct articles (s)', values.ms / 1000, '≤ 10', (v) => v <= 10);
    target('index.valueHeapMB', 'workspace value index of 10,000 distinct articles (MB of heap)', values.heapMB, '≤ 100', (v) => v <= 100);
    const n = site.articles.toLocaleString('en');
    target('index.seconds', `site model: index ${n} distinct articles as the editor does (s)`, site.ms / 1000, '≤ 20', (v) => v <= 20,
      `CPU ${(site.cpuMs / 1000).toFixed(1)} s with the texts' generation, of which GC ${(site.gcMs / 1000).toFixed(1)} s; load average ${round(loadBefore, 2)} → ${round(os.loadavg()[0], 2)}`);
    target('index.heapMB', `site model of ${n} articles (MB of heap after GC)`, site.heapMB, '≤ 200', (v) => v <= 200);
    target('index.updateMedianMs', `site model: one article edited, entry + model update, median of ${site.update.samples} (ms)`, site.update.median, '≤ 5', (v) => v <= 5);
    target('index.updateP95Ms', `site model: one article edited, entry + model update, p95 of ${site.update.samples} (ms)`, site.update.p95, '≤ 5', (v) => v <= 5,
      `with the affected articles' site-wide findings again: ${site.updateWithChecks.median.toFixed(2)} ms median, ${site.updateWithChecks.p95.toFixed(2)} ms p95`);
    target('index.longestStallCpuMs', 'longest slice of the indexing loop in CPU time, whatever the load (ms)', site.longestSliceCpuMs, '≤ 50', (v) => v <= 50);
    target('index.longestStallMs', 'longest event-loop stall while indexing the site (ms)', site.longestStallMs, '≤ 50', (v) => v <= 50,
      `loop slice ${site.longestSliceMs.toFixed(1)} ms (ending at article ${site.longestSliceAt}; the longest by CPU time ${site.longestSliceCpuMs.toFixed(1)} ms), event-loop delay max ${site.eventLoopDelayMaxMs.toFixed(1)} ms, longest GC pause ${site.gcMaxMs.toFixed(1)} ms`);
    target('index.reopenSeconds', `editor reopen of ${n} articles: stored index read to the open article's site-wide findings (s)`, reopen.ms / 1000, '≤ 3', (v) => v <= 3,
      `read ${reopen.readMs.toFixed(0)} ms, model made again from the stored lookups ${reopen.restoreMs.toFixed(0)} ms, findings ${reopen.findingsMs.toFixed(0)} ms; then every file checked on disk ${(reopen.verifyMs / 1000).toFixed(2)} s (${reopen.trusted} trusted, ${reopen.changed} changed); ` +
        `stored file ${stored!.megabytes.toFixed(0)} MB, encoded in ${(stored!.encodeMs / 1000).toFixed(2)} s (longest slice ${stored!.encodeLongestSliceMs.toFixed(1)} ms)`);
    target('index.reopenStallMs', 'longest event-loop stall while reopening from the stored index (ms)', reopen.longestStallMs, '≤ 50', (v) => v <= 50,
      `loop slice ${reopen.longestSliceMs.toFixed(1)} ms, event-loop delay max ${reopen.eventLoopDelayMaxMs.toFixed(1)} ms, longest GC pause ${reopen.gcMaxMs.toFixed(1)} ms`);
  }
  if (wanted('site')) {
    log('site: the site model of 10,000 linked articles…');
    const figures = await measureSiteModel(10_000, quick ? 10 : 40);
    results.site = figures;
    log(`site: built in ${(figures.buildMs / 1000).toFixed(2)} s (model ${figures.modelMs.toFixed(0)} ms, ${figures.heapMB.toFixed(1)} MB); update after one edit ${figures.update.median.toFixed(2)} ms median, ${figures.update.p95.toFixed(2)} ms p95 (${figures.affectedMedian} articles affected)`);
  }
  if (wanted('server')) {
    const count = 10_000;
    const tree = ensureSiteTree(path.join(WORK, `site-${count}`), count);
    ensureBuilt();
    log(`server: dist/server.js over ${count.toLocaleString('en')} articles, then typing in the seed and the 1 MB article…`);
    const figures = await measureServer(REPO, tree.folder, count, seed, largeArticle(), quick ? 20 : 100);
    results.server = figures;
    log(`server: indexed in ${figures.indexSeconds.toFixed(1)} s, ${figures.rssAfterIndexMB?.toFixed(0)} MB resident; edit → diagnostics seed ${figures.seed.median.toFixed(0)} / ${figures.seed.p95.toFixed(0)} ms, 1 MB ${figures.large.median.toFixed(0)} / ${figures.large.p95.toFixed(0)} ms (p50 / p95, the ${SERVER_DEBOUNCE_MS} ms pause included)`);
    target('server.seedEditP95Ms', `language server: edit → diagnostics p95 beyond the ${SERVER_DEBOUNCE_MS} ms pause, seed article (ms)`, figures.seed.p95 - SERVER_DEBOUNCE_MS, '≤ 50', (v) => v <= 50,
      `p50 ${(figures.seed.median - SERVER_DEBOUNCE_MS).toFixed(1)} ms`);
    target('server.largeEditP95Ms', `language server: edit → diagnostics p95 beyond the ${SERVER_DEBOUNCE_MS} ms pause, 1 MB article (ms)`, figures.large.p95 - SERVER_DEBOUNCE_MS, '≤ 100', (v) => v <= 100,
      `p50 ${(figures.large.median - SERVER_DEBOUNCE_MS).toFixed(1)} ms`);
    target('server.rssAfterIndexMB', `language server: resident memory after indexing ${count.toLocaleString('en')} articles (MB)`, figures.rssAfterIndexMB, '≤ 400', (v) => v <= 400,
      `indexed in ${figures.indexSeconds.toFixed(1)} s`);
  }
  // The VS Code host (minutes): only with --vscode, or when named.
  if (only ? only.has('editor') : withVscode) {
    const count = 10_000;
    const tree = ensureSiteTree(path.join(WORK, `site-${count}`), count);
    ensureBuilt();
    const edits = quick ? 20 : 100;
    const large = largeArticle();
    log(`editor: the extension (dist/) in the VS Code host over the same ${count.toLocaleString('en')} articles, then typing in the seed and the 1 MB article; ` +
      'first with VS Code\'s own Markdown extension left out (ours alone in the host, as the server is alone in its process), then as VS Code ships (several minutes each)…');
    const alone = editorSummary(measureEditor(REPO, WORK, tree.folder, seed, large, edits, { skipBuiltinExtensions: [VSCODE_MARKDOWN_EXTENSION] }));
    const shipped = editorSummary(measureEditor(REPO, WORK, tree.folder, seed, large, edits));
    results.editor = { alone, withVscodeMarkdown: shipped };
    for (const [label, figures] of [['alone', alone], ['with VS Code\'s Markdown extension', shipped]] as const) {
      if ('error' in figures) log(`editor (${label}): ${figures.error}`);
      else
        log(`editor (${label}): indexed in ${figures.siteIndexSeconds.toFixed(1)} s (value index ${figures.valueIndexSeconds.toFixed(1)} s), host grew ${figures.rssGrowthMB.toFixed(0)} MB resident (${figures.heapGrowthMB.toFixed(0)} MB heap); ` +
          `edit → diagnostics seed ${figures.seed.median.toFixed(0)} / ${figures.seed.p95.toFixed(0)} ms, 1 MB ${figures.large.median.toFixed(0)} / ${figures.large.p95.toFixed(0)} ms (p50 / p95, the ${figures.debounceMs} ms pause included); ` +
          `${figures.staleSets} stale sets, onDidChangeDiagnostics ${figures.eventLagMedianMs.toFixed(0)} ms after the set (median)`);
    }
    const server = results.server as ServerFigures | undefined;
    if (!server) log('editor: the server section did not run: its comparison needs --only server,editor');
    else if (!('error' in alone)) {
      const beyond = (summary: Summary, pause: number) => summary.p95 - pause;
      const context = (key: 'seed' | 'large') =>
        `server ${beyond(server[key], SERVER_DEBOUNCE_MS).toFixed(1)} ms, extension ${beyond(alone[key], alone.debounceMs).toFixed(1)} ms` +
        ('error' in shipped ? '' : ` (${beyond(shipped[key], shipped.debounceMs).toFixed(1)} ms with VS Code's Markdown extension in the host)`);
      target('server.seedEditP95VsExtension', 'seed article: edit → diagnostics p95 beyond the pause, language server / extension alone in the VS Code host', beyond(server.seed, SERVER_DEBOUNCE_MS) / beyond(alone.seed, alone.debounceMs), '≤ 1', (v) => v <= 1, context('seed'));
      target('server.largeEditP95VsExtension', '1 MB article: edit → diagnostics p95 beyond the pause, language server / extension alone in the VS Code host', beyond(server.large, SERVER_DEBOUNCE_MS) / beyond(alone.large, alone.debounceMs), '≤ 1', (v) => v <= 1, context('large'));
      target('server.rssVsExtensionGrowth', `memory after indexing ${count.toLocaleString('en')} articles: language server's resident set / the VS Code host's growth (extension alone)`, server.rssAfterIndexMB === undefined ? undefined : server.rssAfterIndexMB / alone.rssGrowthMB, '≤ 1', (v) => v <= 1,
        `server ${server.rssAfterIndexMB?.toFixed(0)} MB (the whole process), host ${alone.memoryBefore.rssMB.toFixed(0)} → ${alone.memoryAfterIndex.rssMB.toFixed(0)} MB resident, heap ${alone.heapGrowthMB.toFixed(0)} MB more (the extension's share of a process it shares)`);
    }
  }
  if (wanted('extension')) {
    log('extension: minified bundle…');
    const bundle = measureBundle(REPO, path.join(WORK, 'bundle'));
    results.bundle = bundle;
    target('extension.bundleKB', 'dist/extension.js minified, as packaged (KB)', bundle.mainBytes / 1024, '≤ 400', (v) => v <= 400,
      bundle.files.length > 1 ? `all bundle files together: ${(bundle.totalBytes / 1024).toFixed(0)} KB` : undefined);
    if (withVscode) {
      // Three fresh hosts (the host's first module loads vary with the machine): the median run.
      log('extension: activation in the VS Code host (starts a workbench, 3 times)…');
      const runs = [1, 2, 3].map(() => measureActivation(REPO, path.join(WORK, 'activation-run.json'), path.join(WORK, 'bundle')));
      const measured = runs.filter((run) => run.activationMs !== undefined).sort((a, b) => a.activationMs! - b.activationMs!);
      results.activation =
        measured.length === 0 ? runs[0] : { ...measured[Math.floor((measured.length - 1) / 2)], runsMs: measured.map((run) => run.activationMs) };
      fs.writeFileSync(path.join(WORK, 'activation.json'), JSON.stringify(results.activation));
    } else {
      const previous = path.join(WORK, 'activation.json');
      results.activation = fs.existsSync(previous)
        ? { ...JSON.parse(fs.readFileSync(previous, 'utf8')), fromEarlierRun: true }
        : { skipped: 'run npm run bench -- --vscode to measure activation in the VS Code host' };
    }
    const activation = results.activation as { activationMs?: number; fromEarlierRun?: boolean; measuredAt?: string };
    target('extension.activationMs', 'activation in the VS Code host: code load + activate() (ms)', activation.activationMs, '≤ 50', (v) => v <= 50,
      activation.activationMs === undefined ? 'not measured: npm run bench -- --vscode' : activation.fromEarlierRun ? `from an earlier --vscode run (${activation.measuredAt})` : undefined);
  }
  // Like activation, only with a VS Code host: --vscode, or --only web.
  if (wanted('web') && (withVscode || only?.has('web'))) {
    ensureBuilt();
    log(`web: the typing loop (${WEB_TYPING_EDITS} edits of the seed article) in this process, then the same in the browser's web worker extension host, and the workspace indexed there (starts a workbench, about a minute)…`);
    // Right before the worker run: the same article, edits, seed and warm-up, the same pause after each edit.
    const nodeTimes = await typingTimes(seed, { edits: WEB_TYPING_EDITS, warmUp: TYPING_WARM_UP, seed: TYPING_SEED, between: nextTurn });
    const loadBefore = round(os.loadavg()[0], 2);
    const worker = measureWebWorker(REPO, path.join(WORK, 'web'));
    const loadAfter = round(os.loadavg()[0], 2);
    if ('error' in worker) {
      results.web = worker;
      log(`web: ${worker.error}`);
    } else {
      if (!worker.inWebWorker) throw new Error('the web bench ran where `process` is defined: not the web worker extension host');
      if (worker.article.chars !== seed.text.length || worker.typing.edits !== WEB_TYPING_EDITS) throw new Error('the web worker typed in another article or another number of edits');
      const node = summarize(nodeTimes);
      const inWorker = summarize(worker.typing.timesMs);
      const ratios = { typingP95OverNode: inWorker.p95 / node.p95, typingMedianOverNode: inWorker.median / node.median };
      results.web = {
        edits: WEB_TYPING_EDITS,
        node,
        worker: inWorker,
        ratios,
        index: worker.index,
        indexAgain: worker.indexAgain,
        quiet: worker.quiet,
        vscode: worker.vscode,
        userAgent: worker.userAgent,
        crossOriginIsolated: worker.crossOriginIsolated,
        loadAverage: [loadBefore, loadAfter],
      };
      log(`web: per edit ${inWorker.median.toFixed(3)} / ${inWorker.p95.toFixed(3)} ms in the worker, ${node.median.toFixed(3)} / ${node.p95.toFixed(3)} ms in Node (median / p95); ` +
        `indexed ${worker.index.files} files in ${worker.index.indexMs.toFixed(0)} ms, longest stall ${worker.index.probe.longestGapMs.toFixed(1)} ms (again: ${worker.indexAgain.indexMs.toFixed(0)} ms, ${worker.indexAgain.probe.longestGapMs.toFixed(1)} ms); load ${loadBefore} → ${loadAfter}`);
    }
    const web = results.web as { node?: Summary; worker?: Summary; ratios?: { typingP95OverNode: number }; index?: IndexFigures; indexAgain?: IndexFigures; quiet?: ProbeFigures; crossOriginIsolated?: boolean; error?: string };
    const ms = (value: number) => value.toFixed(3);
    target('web.typingP95OverNode', `web worker: per-edit analysis p95 of the seed article / the same in Node (${WEB_TYPING_EDITS} edits, same run)`, web.ratios?.typingP95OverNode, '≤ 2', (v) => v <= 2,
      web.worker && web.node
        ? `median ${ms(web.worker.median)} ms in the worker, ${ms(web.node.median)} ms in Node; p95 ${ms(web.worker.p95)} / ${ms(web.node.p95)} ms${web.crossOriginIsolated ? '' : " (the worker's clock counts in 0.1 ms: not cross-origin isolated)"}`
        : `not measured: ${web.error?.split('\n')[0]}`);
    const { index, indexAgain, quiet } = web;
    // "Never": both builds count.
    const longestStall = index && indexAgain && Math.max(index.probe.longestGapMs, indexAgain.probe.longestGapMs);
    target('web.indexLongestStallMs', `web worker: longest event-loop stall while the extension's site index is built from nothing, twice${index ? `, over the workspace's ${index.files} files` : ''} (ms)`, longestStall, '≤ 50', (v) => v <= 50,
      index && indexAgain && quiet
        ? `first build ${index.probe.longestGapMs.toFixed(1)} ms (with ${index.probe.longestGapAt} entries in the model), ${index.probe.gapsOver50Ms} gaps over 50 ms; ${index.entries} entries in ${index.indexMs.toFixed(0)} ms, ${index.fileSystemCalls} calls to vscode.workspace.fs; ` +
          `second build ${indexAgain.probe.longestGapMs.toFixed(1)} ms in ${indexAgain.indexMs.toFixed(0)} ms; the probe alone before: ${quiet.longestGapMs.toFixed(1)} ms`
        : undefined);
  }
  // Not in the default run: writing 100,000 files and checking them takes minutes.
  if (only?.has('scale')) {
    const count = quick ? 20_000 : 100_000;
    log(`scale: the CLI over ${count.toLocaleString('en')} files with binary ones, broken links, folders named like articles and 4 MB articles (the tree is written once)…`);
    ensureBuilt();
    const figures = measureScale(REPO, WORK, count, () => os.loadavg().map((value) => round(value, 2)));
    results.scale = figures;
    log(`scale: ${figures.seconds.toFixed(1)} s, exit ${figures.exitCode}${figures.signal ? ` (${figures.signal})` : ''}, peak RSS ${figures.peakRssMB?.toFixed(0)} MB, ${figures.stderrLines} lines on stderr, load ${figures.loadAverage.join(' → ')}`);
    target('scale.finishes', `CLI over ${count.toLocaleString('en')} files with bad ones: exit code (0 to 2: a result, not a crash)`, figures.exitCode ?? Number.NaN, '0, 1 or 2', (v) => v >= 0 && v <= 2,
      figures.signal ? `killed by ${figures.signal}` : undefined);
    target('scale.unreported', `binary files not named on stderr (of ${figures.binary})`, figures.unreported.length, '0', (v) => v === 0,
      `${figures.unreported.length ? `${figures.unreported.slice(0, 3).join(', ')}; ` : ''}broken symbolic links named: ${figures.brokenLinksNamed} of ${figures.brokenLinks} (symbolic links are not followed)`);
    target('scale.peakRssMB', `CLI over ${count.toLocaleString('en')} files: peak resident set (MB)`, figures.peakRssMB, '≤ 300', (v) => v <= 300);
  }
  results.loadAverageAfter = os.loadavg().map((value) => Number(value.toFixed(2)));
  results.targets = targets;
  results.seconds = round((now() - started) / 1000, 1);
  if (json) process.stdout.write(`${JSON.stringify(results, roundNumbers, 2)}\n`);
  else printTable(results, targets);
}

function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? round(value, 4) : value;
}

/** The rumdl release the bench compares with (a peer, not a dependency: installed by the bench itself). */
const RUMDL_VERSION = '0.2.77';

/**
 * rumdl's native binary for this platform (its npm package's launcher would add a node start-up):
 * installed on first use into bench/.work/peers (pinned, not in package.json, so that installing
 * article-lint never downloads it); undefined where there is no such package or no registry.
 */
function rumdlBinary(): string | undefined {
  const name = `@rumdl/cli-${process.platform}-${process.arch}`;
  const prefix = path.join(WORK, 'peers');
  const binary = path.join(prefix, 'node_modules', name, process.platform === 'win32' ? 'rumdl.exe' : 'rumdl');
  if (!fs.existsSync(binary)) {
    log(`workspace: installing ${name}@${RUMDL_VERSION} into ${path.relative(REPO, prefix)} (once)…`);
    fs.mkdirSync(prefix, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${name}@${RUMDL_VERSION}`], { encoding: 'utf8' });
    if (install.status !== 0) log(`workspace: rumdl not installed, measured without it: ${(install.stderr || install.stdout).trim().split('\n').pop()}`);
  }
  return fs.existsSync(binary) ? binary : undefined;
}

/** VS Code's built-in Markdown support: in the host's thread beside ours (its client sends every version to its own server). */
const VSCODE_MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

type EditorSummary = Omit<EditorFigures, 'seed' | 'large'> & {
  seed: Summary;
  large: Summary;
  staleSets: number;
  /** onDidChangeDiagnostics after the set (VS Code holds it back up to 50 ms), median. */
  eventLagMedianMs: number;
  rssGrowthMB: number;
  heapGrowthMB: number;
};

function editorSummary(figures: EditorFigures | { error: string }): EditorSummary | { error: string } {
  if ('error' in figures) return figures;
  return {
    ...figures,
    seed: summarize(figures.seed.samples),
    large: summarize(figures.large.samples),
    staleSets: figures.seed.staleSets + figures.large.staleSets,
    eventLagMedianMs: summarize([...figures.seed.eventLagMs, ...figures.large.eventLagMs]).median,
    rssGrowthMB: figures.memoryAfterIndex.rssMB - figures.memoryBefore.rssMB,
    heapGrowthMB: figures.memoryAfterIndex.heapUsedMB - figures.memoryBefore.heapUsedMB,
  };
}

/** dist/ as scripts/build.mjs makes it (the CLI, the language server, the extension), rebuilt when older than its sources. */
function ensureBuilt(): void {
  const dist = (file: string) => path.join(REPO, 'dist', file);
  const newest = (folder: string): number =>
    fs.readdirSync(folder, { withFileTypes: true }).reduce((latest, entry) => {
      const file = path.join(folder, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
    }, 0);
  const outputs = ['cli.js', 'server.js', 'extension.js', 'engine.js', 'web/extension.js'].map(dist);
  const sources = ['cli', 'core', 'server', 'extension'].map((folder) => newest(path.join(REPO, 'src', folder)));
  const stale = outputs.some((file) => !fs.existsSync(file)) || Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs)) < Math.max(...sources);
  if (!stale) return;
  log('dist/ is missing a bundle or one is older than src/: npm run build…');
  const result = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

function printTable(results: Record<string, unknown>, targets: Target[]): void {
  const ms = (value: number) => `${value < 10 ? value.toFixed(3) : value.toFixed(1)} ms`;
  const rows: [string, string, string][] = [];
  const row = (name: string, summary: Summary) => rows.push([name, ms(summary.median), ms(summary.p95)]);
  for (const key of ['seed', 'large'] as const) {
    const figures = results[key] as (TextFigures & { ratios: Record<string, number> }) | undefined;
    if (!figures) continue;
    const label = key === 'seed' ? `seed (${(figures.chars / 1024).toFixed(0)} KB, ${figures.words} words)` : `1 MB (${figures.words} words)`;
    row(`${label}: markdown-it parse of the body`, figures.mdParse);
    row(`${label}: markdown-it parse, as published`, figures.mdParseStock);
    row(`${label}: yaml parse of the frontmatter`, figures.yamlParse);
    row(`${label}: analysis from scratch`, figures.analysisScratch);
    row(`${label}: analysis again (caches warm)`, figures.analysisRepeat);
    row(`${label}: markdownlint (sync, default rules)`, figures.markdownlint);
    row(`${label}: preview render`, figures.render);
    const typing = (figures as { typing?: TypingFigures }).typing;
    if (typing) row(`${label}: analysis per edit while typing (${typing.edits} edits)`, typing.analysis);
  }
  const typing = results.typing as TypingFigures | undefined;
  if (typing) {
    row(`typing: analysis per edit (${typing.edits} edits)`, typing.analysis);
    row('typing: markdown-it parse per edit', typing.mdParse);
    row('typing: markdown-it parse per edit, as published', typing.mdParseStock);
    row(`typing: analysis per body edit (${typing.bodyEdits.edits})`, typing.bodyEdits.analysis);
    row('typing: markdown-it parse per body edit', typing.bodyEdits.mdParse);
    row(`typing: analysis per frontmatter edit (${typing.frontmatterEdits.edits})`, typing.frontmatterEdits.analysis);
  }
  const workspace = results.workspace as Record<string, { command: string; times: Summary } | undefined> | undefined;
  if (workspace) {
    for (const name of ['ours', 'oursTwoCores', 'oursOneCore', 'oursPairOneCore', 'rumdl', 'rumdlOneCore', 'markdownlintCli2', 'oursCacheCold', 'oursCacheWarm', 'oursOneChanged', 'rumdlCacheWarm', 'oursFiveWarm', 'oursFiveCold']) {
      const run = workspace[name] as { command: string; times: Summary & { samples?: number } } | undefined;
      if (run) rows.push([`workspace 2,000 articles: ${run.command}`, ms(run.times.median), '']);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'median'.padStart(11)}  ${'p95'.padStart(11)}`);
  for (const [name, median, p95] of rows) console.log(`${name.padEnd(width)}  ${median.padStart(11)}  ${p95.padStart(11)}`);
  const index = results.index as { values: { ms: number; heapMB: number; articles: number }; site: { ms: number; heapMB: number; articles: number; longestStallMs: number; update: Summary; updateWithChecks: Summary; loadAverage: number[] } } | undefined;
  if (index) {
    const { values, site } = index;
    console.log(`workspace value index: ${values.articles} articles in ${(values.ms / 1000).toFixed(2)} s, ${values.heapMB.toFixed(1)} MB of heap`);
    console.log(
      `site model: ${site.articles} articles in ${(site.ms / 1000).toFixed(2)} s, ${site.heapMB.toFixed(1)} MB of heap, longest stall ${site.longestStallMs.toFixed(1)} ms; ` +
        `one edit ${ms(site.update.median)} median, ${ms(site.update.p95)} p95 (with checks ${ms(site.updateWithChecks.median)} / ${ms(site.updateWithChecks.p95)}); load ${site.loadAverage.join(' → ')}`,
    );
  }
  const bundle = results.bundle as { mainBytes: number; totalBytes: number; files: { file: string; bytes: number }[] } | undefined;
  if (bundle) console.log(`bundle (minified): ${bundle.files.map((file) => `${file.file} ${(file.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  const activation = results.activation as
    | { activationMs?: number; loadMs?: number; ownActivateMs?: number; hostActivateMs?: number; runsMs?: number[]; skipped?: string; error?: string; fromEarlierRun?: boolean }
    | undefined;
  if (activation) {
    const parts =
      activation.activationMs === undefined
        ? activation.skipped ?? activation.error
        : `${activation.activationMs.toFixed(1)} ms = code load ${activation.loadMs?.toFixed(1)} ms + activate() ${activation.ownActivateMs?.toFixed(1)} ms; ` +
          `ext.activate() as the host runs it ${activation.hostActivateMs?.toFixed(0)} ms` +
          `${activation.runsMs ? ` (median of ${activation.runsMs.length} fresh hosts: ${activation.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms)` : ''}` +
          `${activation.fromEarlierRun ? ' (from an earlier --vscode run)' : ''}`;
    console.log(`activation (minified bundle, VS Code host): ${parts}`);
  }
  const web = results.web as { node?: Summary; worker?: Summary; index?: IndexFigures; error?: string } | undefined;
  if (web) {
    console.log(
      web.worker && web.node && web.index
        ? `web worker extension host: per edit ${ms(web.worker.median)} median, ${ms(web.worker.p95)} p95 (Node, same run: ${ms(web.node.median)} / ${ms(web.node.p95)}); ` +
            `${web.index.files} files indexed in ${web.index.indexMs.toFixed(0)} ms, longest stall ${web.index.probe.longestGapMs.toFixed(1)} ms`
        : `web worker extension host: ${web.error}`,
    );
  }
  const editor = results.editor as Record<string, EditorSummary | { error: string }> | undefined;
  for (const [name, figures] of Object.entries(editor ?? {})) {
    const label = name === 'alone' ? 'extension alone in the VS Code host' : "extension in the VS Code host beside VS Code's Markdown extension";
    if ('error' in figures) console.log(`${label}: ${figures.error.split('\n')[0]}`);
    else
      console.log(
        `${label}: site index ${figures.siteIndexSeconds.toFixed(1)} s, host memory ${figures.memoryBefore.rssMB.toFixed(0)} → ${figures.memoryAfterIndex.rssMB.toFixed(0)} MB resident ` +
          `(heap used ${figures.memoryBefore.heapUsedMB.toFixed(0)} → ${figures.memoryAfterIndex.heapUsedMB.toFixed(0)} MB, kept ${figures.memoryBefore.heapTotalMB.toFixed(0)} → ${figures.memoryAfterIndex.heapTotalMB.toFixed(0)} MB); ` +
          `edit → diagnostics beyond the ${figures.debounceMs} ms pause: seed ${ms(figures.seed.median - figures.debounceMs)} p50, ${ms(figures.seed.p95 - figures.debounceMs)} p95; 1 MB ${ms(figures.large.median - figures.debounceMs)} p50, ${ms(figures.large.p95 - figures.debounceMs)} p95`,
      );
  }
  const machineInfo = results.machine as ReturnType<typeof machine>;
  console.log(`\nload average before ${machineInfo.loadAverage.join(' ')} / after ${(results.loadAverageAfter as number[]).join(' ')} on ${machineInfo.cores} cores (a shared machine: ratios are side by side)`);
  console.log('\ntargets:');
  for (const item of targets) {
    const status = item.pass === undefined ? 'SKIP' : item.pass ? 'PASS' : 'FAIL';
    console.log(`${status}  ${item.description}: ${item.value ?? '—'} (target ${item.bound})${item.note ? ` — ${item.note}` : ''}`);
  }
  console.log(`\n${results.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
