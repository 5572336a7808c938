/** Shared by the engine's tests: a node FileSystemHost, fixture paths, and a compact finding form. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, analyzeArticle, defaultConfig, type DirectoryEntry, type FileSystemHost, type Finding, type ResolvedConfig, type TextEdit } from '../../../src/core';
import { type AnalyzeOptions } from '../../../src/core/analyze/analyze';
import { parseConfig } from '../../../src/core/config/config';

/** The repository's root (tests run from out/test/unit/<folder>). */
export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const RULE_FIXTURES = path.join(FIXTURES, 'rules');
export const EXAMPLE_FIXTURES = path.join(FIXTURES, 'examples');

export const nodeFs: FileSystemHost = {
  async stat(target) {
    try {
      const stat = fs.statSync(target);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  },
  async readText(target) {
    try {
      return fs.readFileSync(target, 'utf8');
    } catch {
      return undefined;
    }
  },
  async readDirectory(target) {
    try {
      return fs.readdirSync(target, { withFileTypes: true }).flatMap((entry): DirectoryEntry[] => {
        const stat = entry.isSymbolicLink() ? fs.statSync(path.join(target, entry.name), { throwIfNoEntry: false }) : entry;
        return stat?.isFile() ? [[entry.name, 'file']] : stat?.isDirectory() ? [[entry.name, 'directory']] : [];
      });
    } catch {
      return undefined;
    }
  },
};

/** A file system with the given files (absolute paths → text; folders are implied). */
export function memoryFs(files: Record<string, string>): FileSystemHost {
  const folders = new Set<string>();
  for (const file of Object.keys(files)) {
    for (let dir = path.dirname(file); !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  return {
    async stat(target) {
      return target in files ? 'file' : folders.has(target) ? 'directory' : undefined;
    },
    async readText(target) {
      return files[target];
    },
    async readDirectory(target) {
      if (!folders.has(target)) return undefined;
      const entries = new Map<string, 'file' | 'directory'>();
      for (const child of [...Object.keys(files), ...folders]) {
        if (child !== target && path.dirname(child) === target) entries.set(path.basename(child), child in files ? 'file' : 'directory');
      }
      return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}

/** `rule line:column-endLine:endColumn`: compact enough to list many in a test. */
export function compact(finding: Finding): string {
  return `${finding.ruleId} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}

/** A configuration as if `.article-lint.json` held `json` in `dir`. */
export function configFrom(dir: string, json: unknown): ResolvedConfig {
  const { config, problems } = parseConfig(JSON.stringify(json), path.join(dir, '.article-lint.json'), allRules);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  return config;
}

/** Analyzes a text as a file at `filePath` (default: an article under the rule fixtures). */
export async function analyze(text: string, options: AnalyzeOptions = {}): Promise<Finding[]> {
  const filePath = options.filePath ?? path.join(RULE_FIXTURES, 'inline.md');
  const result = await analyzeArticle(text, { fs: nodeFs, config: defaultConfig(allRules, RULE_FIXTURES), ...options, filePath });
  return result.findings;
}

/** A frontmatter block good enough that only the rule under test fires. */
export const GOOD_FRONTMATTER = [
  '---',
  'title: "Winter Tyres: How to Choose Them for Snow"',
  'description: "How to choose winter tyres for snow and ice: tread depth, rubber compounds, studs and the law in Europe."',
  'pubDate: 2026-01-05',
  '---',
  '',
].join('\n');

/** A FAQ section that satisfies every FAQ rule. */
export const GOOD_FAQ = [
  '',
  '## FAQ',
  '',
  '### Do I need winter tyres?',
  'Yes, where snow is common.',
  '',
  '### How deep should the tread be?',
  'At least 4 mm.',
  '',
  '### Are studs legal?',
  'In some countries.',
  '',
].join('\n');

export function findingsOf(findings: Finding[], ruleId: string): string[] {
  return findings.filter((finding) => finding.ruleId === ruleId).map(compact);
}

/** What an author types where a fix left the cursor (an empty alt text): a real description. */
export const AUTHOR_TEXT = 'A wooden mallet resting on a workbench';

/** A fix's edits as they end up once the author has typed where each leaves the cursor. */
export function asTyped(edits: readonly TextEdit[]): TextEdit[] {
  return edits.map((edit) =>
    edit.cursor === undefined ? edit : { start: edit.start, end: edit.end, newText: `${edit.newText.slice(0, edit.cursor)}${AUTHOR_TEXT}${edit.newText.slice(edit.cursor)}` },
  );
}
