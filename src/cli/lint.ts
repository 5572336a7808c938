/**
 * Checks one file for the CLI: read it, analyze it with the engine, apply the safe fixes when asked
 * (minimal edits, BOM and line breaks kept, written only when something changed) and turn the
 * findings into a FileReport. Runs on the main thread or in a worker (pool.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, ArticleState, pack, pathBelow, safeFixEdits, type Finding, type PackedArticle, type TextEdit } from '../core';
import { compareStrings } from './discover';
import { ConfigurationError, Engine } from './engine';
import type { Lookup } from './node-fs';
import { compareDiagnostics, type Diagnostic, type FileReport } from './report';

export interface LintTask {
  /** Absolute path. */
  path: string;
  explicit: boolean;
  /**
   * A file of a checked article's site outside the paths given: read only for the site model (links
   * to it resolve, its links count, its title is compared), never reported.
   */
  context?: boolean;
  /** A context file's site, when the file lies outside the site's folder (see SiteSettings.outsideDirs). */
  siteRoot?: string;
}

export interface LintOptions {
  cwd: string;
  /** `--config`: an absolute path. */
  configFile?: string;
  fix: boolean;
  /** `--report-unused-disables`. */
  reportUnusedDisables?: boolean;
  /** Record every file lookup of the checks, for the result cache (see takeLookups). */
  recordLookups?: boolean;
}

export type LintOutcome =
  /** Checked: its report (fixed: the file was rewritten by --fix). */
  | { kind: 'report'; report: FileReport; fixed: boolean; note?: string; site?: PackedArticle; page?: PackedArticle; siteRoot?: string }
  /** Found in a folder or by a glob, but not an article. */
  | { kind: 'skipped' }
  /** A context file (see LintTask): its site entry when it is an article of its site. */
  | { kind: 'context'; site?: PackedArticle }
  /** Cannot be checked (unreadable, binary): a one-line message, exit 2. */
  | { kind: 'unreadable'; message: string }
  /** Its configuration is bad: a one-line message naming the file and key, exit 2. */
  | { kind: 'bad-config'; message: string };

/** Fixing again after a fix stops here (fixes can enable others, but must settle quickly). */
const MAX_FIX_PASSES = 10;
/** How much of a file's start is looked at to tell binary content from text. */
const BINARY_SNIFF_BYTES = 8000;

export class Linter {
  private readonly engine: Engine;

  constructor(private readonly options: LintOptions) {
    this.engine = new Engine(options.cwd, options.configFile, options.reportUnusedDisables);
    if (options.recordLookups) this.engine.fs.recordLookups();
  }

  /** The file lookups made since the last call (configurations, marker files, schemas, templates, images). */
  takeLookups(): Lookup[] {
    return this.engine.fs.takeLookups();
  }

  async lint(task: LintTask): Promise<LintOutcome> {
    if (task.context) return this.context(task.path, task.siteRoot);
    const display = displayPath(task.path, this.options.cwd);
    let bytes: Buffer;
    try {
      // Synchronous: for many small files it is several times faster than fs.promises (no thread-pool
      // round trips), and each worker thread checks its files one after another anyway.
      bytes = fs.readFileSync(task.path);
    } catch (error) {
      return { kind: 'unreadable', message: `${display}: cannot be read (${describeError(error)})` };
    }
    if (looksBinary(bytes)) {
      if (!task.explicit) return { kind: 'unreadable', message: `${display}: binary content, not an article (skipped)` };
      return { kind: 'unreadable', message: `${display}: binary content, not a Markdown article` };
    }
    const original = bytes.toString('utf8');

    try {
      let text = original;
      // The file's state: created only when --fix may analyze it again.
      const state = this.options.fix ? new ArticleState() : undefined;
      let analysis = await this.engine.analyze(text, task.path, state);
      // A page the rules do not check: links may lead to it all the same.
      if (!analysis.isContent && !task.explicit) return analysis.sitePage ? { kind: 'context', site: pack(analysis.sitePage) } : { kind: 'skipped' };

      let note: string | undefined;
      if (this.options.fix && analysis.isContent) {
        const canWrite = Buffer.from(original, 'utf8').equals(bytes);
        const edits = safeFixEdits(analysis.findings);
        if (edits.length > 0 && !canWrite) {
          note = `${display}: not valid UTF-8, so --fix left it unchanged`;
        } else {
          for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
            const passEdits = safeFixEdits(analysis.findings);
            if (passEdits.length === 0) break;
            const body = applyEdits(analysis.text, passEdits);
            if (body === analysis.text) break;
            text = (analysis.hadBom ? '\uFEFF' : '') + body;
            analysis = await this.engine.analyze(text, task.path, state);
          }
        }
      }
      const fixed = text !== original;
      if (fixed) fs.writeFileSync(task.path, text, 'utf8');

      const diagnostics = analysis.findings.map(toDiagnostic).sort(compareDiagnostics);
      return { kind: 'report', fixed, note, site: analysis.siteArticle && pack(analysis.siteArticle), page: analysis.sitePage && pack(analysis.sitePage), siteRoot: analysis.siteRoot, report: { file: display, absolutePath: task.path, diagnostics, stats: analysis.stats, site: analysis.site } };
    } catch (error) {
      if (error instanceof ConfigurationError) return { kind: 'bad-config', message: error.message };
      throw error;
    }
  }

  /**
   * A context file's site entry. What the run was not asked to check it does not report either: an
   * unreadable or binary file, or a bad configuration in its folder, leaves the file out of the model.
   */
  private async context(file: string, siteRoot?: string): Promise<LintOutcome> {
    try {
      const bytes = fs.readFileSync(file);
      if (looksBinary(bytes)) return { kind: 'context' };
      const entry = await this.engine.siteArticle(bytes.toString('utf8'), file, siteRoot);
      return { kind: 'context', site: entry && pack(entry) };
    } catch {
      return { kind: 'context' };
    }
  }
}

/** A NUL byte near the start: binary content, not text. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    fixable: Boolean(finding.fix?.safe && finding.fix.edits.length > 0),
  };
}

/** The path as reports show it: relative to the working directory with `/`, absolute outside it. */
export function displayPath(file: string, cwd: string): string {
  // Most paths are plain ones below the working folder: cut, without resolving both (a run shows thousands).
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (file.startsWith(prefix)) {
    const relative = file.slice(prefix.length);
    const parts = relative.split(path.sep);
    if (!parts.some((part) => part === '' || part === '.' || part === '..')) return parts.join('/');
  }
  return pathBelow(cwd, file) || file;
}

export function sortReports(reports: FileReport[]): FileReport[] {
  return reports.sort((a, b) => compareStrings(a.file, b.file));
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? String((error as Error)?.message ?? error).split('\n')[0];
}
