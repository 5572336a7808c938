/** Shared by the distribution tests: the npm tarball as `npm pack` makes it, and commands run as a shell would. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, tempDir } from './cli';

export const BUNDLED_CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program and returns its exit code and output; throws only when it cannot be started. */
export function runCommand(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): CommandRun {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The same, failing the test with the command's output when it does not exit 0. */
export function runOrFail(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): CommandRun {
  const run = runCommand(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.code}\n${run.stdout}\n${run.stderr}`);
  return run;
}

let tarball: string | undefined;

/**
 * The npm tarball of this checkout, packed once per test run into a temp folder (never into the
 * repository). Packed without the prepare script, which would rebuild dist/ minified: the bundle is
 * the one `npm test` built before the unit tests (dist/cli.js); the tests compare its output with
 * the CLI compiled from the sources, so a stale bundle fails them.
 */
export function packedTarball(): string {
  if (tarball) return tarball;
  if (!fs.existsSync(BUNDLED_CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test builds it first)');
  const destination = tempDir('article-lint-pack-');
  const run = runOrFail('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: REPO_ROOT });
  const [{ filename }] = JSON.parse(run.stdout) as [{ filename: string }];
  tarball = path.join(destination, filename);
  return tarball;
}

let files: string[] | undefined;

/** The files `npm pack` puts into the tarball, as paths inside the package. */
export function packedFiles(): string[] {
  if (files) return files;
  const run = runOrFail('npm', ['pack', '--ignore-scripts', '--dry-run', '--json'], { cwd: REPO_ROOT });
  const [{ files: packed }] = JSON.parse(run.stdout) as [{ files: { path: string }[] }];
  files = packed.map((file) => file.path).sort();
  return files;
}
