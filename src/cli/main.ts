/**
 * `article-lint`: checks Markdown articles from the command line or CI with the same engine as the
 * editor. Exit 0: no errors (and warnings within --max-warnings); 1: errors or too many warnings;
 * 2: bad usage, an unreadable path or a bad configuration, with a one-line message on stderr.
 */
import * as path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { USAGE, UsageError, parseArgs, type CliOptions } from './args';
import { PathError, discoverTargets, statKind } from './discover';
import { ConfigurationError, Engine, ruleInfos } from './engine';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { sortReports, type LintOptions, type LintOutcome, type LintTask } from './lint';
import { CACHE_FOLDER, ResultCache } from './cache';
import type { Lookup } from './node-fs';
import { TOOL_NAME, TOOL_VERSION } from './meta';
import { lintAll } from './pool';
import { SiteFindings } from './site';
import { ReportStrings, totals, type FileReport } from './report';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FATAL = 2;

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const fail = (message: string) => {
    io.stderr.write(`${TOOL_NAME}: ${oneLine(message)}\n`);
    return EXIT_FATAL;
  };
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    return fail(describe(error));
  }
  if (options.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }

  try {
    const configFile = options.config === undefined ? undefined : path.resolve(io.cwd, options.config);
    if (options.printConfig !== undefined) {
      if (options.patterns.length > 0) return fail('--print-config takes one file and no other paths');
      const file = path.resolve(io.cwd, options.printConfig);
      const kind = await statKind(file);
      if (kind !== 'file') return fail(`${options.printConfig}: ${kind === undefined ? 'no such file' : 'not a file'}`);
      const resolved = await new Engine(io.cwd, configFile, options.reportUnusedDisables).resolvedConfig(file);
      io.stdout.write(`${JSON.stringify(resolved, null, 2)}\n`);
      return EXIT_OK;
    }
    const { targets, folders } = await discoverTargets(options.patterns, io.cwd);
    const siteEngine = new Engine(io.cwd, configFile);
    const siteFindings = new SiteFindings(folders, (root) => siteEngine.outsideFolders(root));
    const reportStrings = new ReportStrings();
    const cache = options.cache && targets.length > 0
      ? ResultCache.open({
          folder: options.cacheLocation !== undefined ? path.resolve(io.cwd, options.cacheLocation) : path.join(await siteEngine.cacheRoot(targets[0].path), CACHE_FOLDER),
          cwd: io.cwd,
          configFile,
          reportUnusedDisables: options.reportUnusedDisables,
        })
      : undefined;
    const lintOptions = { cwd: io.cwd, configFile, fix: options.fix, reportUnusedDisables: options.reportUnusedDisables, recordLookups: cache !== undefined };
    const onLookups = cache && ((lookups: readonly Lookup[]) => cache.addLookups(lookups));
    // On a warm run the model is built only if the stored site-wide findings cannot be used.
    if (cache?.isWarm) siteFindings.deferModel();
    const outcomes = await lintCached(targets, lintOptions, cache, (outcome) => {
      siteFindings.take(outcome);
      if (outcome.kind === 'report') reportStrings.take(outcome.report);
    }, onLookups);

    const configProblem = outcomes.find((outcome) => outcome.kind === 'bad-config');
    if (configProblem?.kind === 'bad-config') return fail(configProblem.message);
    const context = await siteFindings.contextFiles(new Set(targets.map((target) => target.path)));
    if (context.length > 0) {
      const tasks = context.map((file) => ({ path: file.path, explicit: false, context: true, ...(file.siteRoot ? { siteRoot: file.siteRoot } : {}) }));
      await lintCached(tasks, lintOptions, cache, siteFindings.take, onLookups);
    }
    // The site-wide findings: the last run's when nothing they come from changed, else computed.
    const storedSiteFindings = cache?.storedSiteFindings(siteFindings.reportPaths());
    if (storedSiteFindings) siteFindings.addStored(storedSiteFindings);
    else {
      const result = await siteFindings.addTo(io.cwd, configFile, cache && { previous: cache.previousSite(), identityOf: (file) => cache.identityOf(file), onLookups });
      cache?.storeSite(result);
    }
    const cacheProblem = cache?.save();
    if (cacheProblem) io.stderr.write(`${TOOL_NAME}: ${oneLine(cacheProblem)}\n`);

    let exitCode = EXIT_OK;
    const reports: FileReport[] = [];
    for (const outcome of outcomes) {
      if (outcome.kind === 'report') {
        reports.push(outcome.report);
        if (outcome.note) io.stderr.write(`${TOOL_NAME}: ${oneLine(outcome.note)}\n`);
      } else if (outcome.kind === 'unreadable') {
        io.stderr.write(`${TOOL_NAME}: ${oneLine(outcome.message)}\n`);
        exitCode = EXIT_FATAL;
      }
    }
    sortReports(reports);

    if (options.format === 'json') io.stdout.write(formatJson(reports));
    else if (options.format === 'sarif') io.stdout.write(formatSarif(reports, ruleInfos(), io.cwd));
    else if (options.format === 'github') io.stdout.write(formatGithub(reports));
    else io.stdout.write(formatStylish(reports, { color: useColor(io), columns: io.stdout.isTTY ? io.stdout.columns : undefined }));

    if (exitCode !== EXIT_OK) return exitCode;
    const count = totals(reports);
    if (count.errors > 0) return EXIT_PROBLEMS;
    if (options.maxWarnings !== undefined && count.warnings > options.maxWarnings) {
      io.stderr.write(
        `${TOOL_NAME}: ${count.warnings} warnings, more than the ${options.maxWarnings} that --max-warnings allows\n`,
      );
      return EXIT_PROBLEMS;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof PathError || error instanceof ConfigurationError) return fail(error.message);
    return fail(`internal error: ${describe(error)}`);
  }
}

/**
 * Checks the tasks the cache has no outcome for (all of them without a cache), stores each fresh
 * outcome, and gives every outcome, stored or fresh, to `take` as it comes (take may strip it);
 * returns the outcomes in the tasks' order.
 */
async function lintCached(
  tasks: readonly LintTask[],
  options: LintOptions,
  cache: ResultCache | undefined,
  take: (outcome: LintOutcome) => void,
  onLookups: ((lookups: readonly Lookup[]) => void) | undefined,
): Promise<LintOutcome[]> {
  const outcomes = new Array<LintOutcome>(tasks.length);
  const toCheck: number[] = [];
  tasks.forEach((task, index) => {
    const stored = cache?.lookup(task, options.fix);
    if (stored) {
      take(stored);
      outcomes[index] = stored;
    } else {
      toCheck.push(index);
    }
  });
  const fresh = (outcome: LintOutcome, task: LintTask) => {
    cache?.store(task, outcome);
    take(outcome);
  };
  const checked = await lintAll(toCheck.map((index) => tasks[index]), options, workerFile(), fresh, onLookups);
  checked.forEach((outcome, position) => (outcomes[toCheck[position]] = outcome));
  return outcomes;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Pick<CliIo, 'env' | 'stdout'>): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

function processIo(): CliIo {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
}

/** The file a worker thread loads: this module compiled (out/) or the bundle (dist/cli.js). */
function workerFile(): string {
  return __filename;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

if (isMainThread && require.main === module) {
  // `article-lint | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`${TOOL_NAME}: cannot write the report: ${oneLine(describe(error))}\n`);
    process.exit(EXIT_FATAL);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${TOOL_NAME}: internal error: ${oneLine(describe(error))}\n`);
      process.exitCode = EXIT_FATAL;
    },
  );
}
