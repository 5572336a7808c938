/**
 * The extension's figures: the size of the minified bundle as packaged (scripts/build.mjs --minify,
 * written to a scratch folder so that dist/ is left alone), and the activation time in the real VS
 * Code host (bench/vscode/activation.ts as the host's extensionTestsPath, run through
 * scripts/vscode-host.mjs).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BundleFigures {
  /** dist/extension.js: what the extension host loads at activation. */
  mainBytes: number;
  /** Every JavaScript file of the extension's bundle (the main one and any loaded later). */
  totalBytes: number;
  files: { file: string; bytes: number }[];
  /** The largest inputs of the main bundle (bytes in the output). */
  largestInputs: { input: string; bytes: number }[];
  cliBytes: number;
}

export const ACTIVATION_ENV = 'ARTICLE_AUTHORING_BENCH_ACTIVATION';

export function measureBundle(repo: string, outdir: string): BundleFigures {
  fs.rmSync(outdir, { recursive: true, force: true });
  const build = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs'), '--minify', '--outdir', path.relative(repo, outdir)], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the minified build failed: ${build.stderr}`);
  const meta = JSON.parse(fs.readFileSync(path.join(outdir, 'extension.js.meta.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; bytes: number }>;
  };
  // The extension's files: extension.js and whatever it loads lazily (every .js but the CLI's).
  const files = fs
    .readdirSync(outdir)
    .filter((file) => file.endsWith('.js') && file !== 'cli.js')
    .map((file) => ({ file, bytes: fs.statSync(path.join(outdir, file)).size }))
    .sort((a, b) => Number(b.file === 'extension.js') - Number(a.file === 'extension.js') || b.bytes - a.bytes);
  const byPackage = new Map<string, number>();
  for (const [output, info] of Object.entries(meta.outputs)) {
    if (!output.endsWith('extension.js')) continue;
    for (const [input, { bytesInOutput }] of Object.entries(info.inputs)) {
      const parts = input.split('/');
      const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  return {
    mainBytes: files.find((file) => file.file === 'extension.js')!.bytes,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files,
    largestInputs: [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([input, bytes]) => ({ input, bytes })),
    cliBytes: fs.statSync(path.join(outdir, 'cli.js')).size,
  };
}

export interface ActivationFigures {
  activationMs?: number;
  bundleBytes?: number;
  vscode?: string;
  measuredAt?: string;
  error?: string;
}

/**
 * The extension as packaged, in a folder of its own: the manifest and assets of the repo with the
 * minified bundle from `bundleDir` (what `npm run package` ships; no source maps to load).
 */
function packagedLayout(repo: string, bundleDir: string, target: string): string {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, 'dist'), { recursive: true });
  for (const entry of ['package.json', 'README.md', 'schemas', 'snippets', 'syntaxes', 'media']) {
    const from = path.join(repo, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  for (const file of fs.readdirSync(bundleDir)) {
    if (file.endsWith('.js') && file !== 'cli.js') fs.copyFileSync(path.join(bundleDir, file), path.join(target, 'dist', file));
  }
  return target;
}

/**
 * Starts the VS Code host with the bench's activation module as its tests (a fresh host: nothing
 * activated the extension before), which writes its figure to `outFile`; no integration test and no
 * Playwright check runs. The extension loaded is the packaged layout (minified bundle) made from
 * `bundleDir`; the module comes from out/ (tsc).
 */
export function measureActivation(repo: string, outFile: string, bundleDir: string): ActivationFigures {
  fs.rmSync(outFile, { force: true });
  const extensionPath = packagedLayout(repo, bundleDir, path.join(path.dirname(outFile), 'extension'));
  const compiled = 'out/bench/vscode/activation.js';
  if (!fs.existsSync(path.join(repo, compiled))) return { error: `${compiled} is missing: npx tsc -p .` };
  const host = path.join(repo, 'scripts', 'vscode-host.mjs');
  const run = spawnSync(process.execPath, [host, 'test', '--tests', compiled, '--no-e2e'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, [ACTIVATION_ENV]: outFile, ARTICLE_AUTHORING_EXTENSION_PATH: extensionPath },
    timeout: 15 * 60_000,
  });
  if (!fs.existsSync(outFile)) {
    const tail = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { error: `the VS Code host run wrote no figure (exit ${run.status}):\n${tail}` };
  }
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as ActivationFigures;
}
