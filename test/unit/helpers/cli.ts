/** Shared by the CLI tests: run the CLI in-process or as a child process, temp copies, SARIF schema. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { main } from '../../../src/cli/main';

/** The repository (tests run from out/test/unit/<folder>). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(FIXTURES, 'examples');
/** The CLI compiled by tsc: runnable as a program too. */
export const COMPILED_CLI = path.join(REPO_ROOT, 'out', 'src', 'cli', 'main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs main() in this process with captured output. Without the result cache unless `cache` is
 * set: most tests run over the repository's own fixtures, where a run must leave nothing behind.
 */
export async function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; isTTY?: boolean; cache?: boolean },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(options.cache ? args : ['--no-cache', ...args], {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/** Runs a CLI script as its own process, as a user or CI would (without the cache unless `cache` is set, as runCli). */
export function spawnCli(
  script: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number; cache?: boolean },
): CliRun {
  const result = spawnSync(process.execPath, [script, ...(options.cache ? args : ['--no-cache', ...args])], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp folder, removed after the test run. */
export function tempDir(prefix = 'article-lint-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Copies a fixture file or folder into a fresh temp folder and returns the copy's folder. */
export function copyFixtures(...relativePaths: string[]): string {
  const dir = tempDir();
  for (const relative of relativePaths) {
    fs.cpSync(path.join(FIXTURES, relative), path.join(dir, path.basename(relative)), { recursive: true });
  }
  return dir;
}

/** Writes files ({ 'a/b.md': 'text' }) under a folder. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

const created: string[] = [];
after(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

let sarifValidator: ReturnType<Ajv['compile']> | undefined;

/**
 * Validates a SARIF log against the SARIF 2.1.0 JSON Schema (test/fixtures/sarif). The schema is
 * draft-04; ajv 8 reads it as draft-07 once its `id` is `$id` (it uses no other draft-04-only
 * keyword), and one of its patterns needs non-unicode regular expressions.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!sarifValidator) {
    const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    schema.$schema = 'http://json-schema.org/draft-07/schema#';
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The site-wide rules: what the site fixtures' sitewide.json and expected.json files list. */
export const SITE_RULES: ReadonlySet<string> = new Set(['duplicate-title', 'duplicate-description', 'duplicate-url', 'link-broken', 'article-orphan']);

/** A site-wide finding as the sitewide fixtures list it: the file, the rule and severity, the range, the message. */
export interface SiteWideFinding {
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}
