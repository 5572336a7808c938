/**
 * The extension's figures: the size of the minified bundle as packaged (scripts/build.mjs --minify,
 * written to a scratch folder so that dist/ is left alone), the activation time in the real VS
 * Code host (bench/vscode/activation.ts as the host's extensionTestsPath, run through
 * scripts/vscode-host.mjs), and in the same host, over the bench's generated site, the memory the
 * extension's workspace indexes take and the edit → diagnostics latency (bench/vscode/typing.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GeneratedArticle } from './generate';
import { EDITOR_ARTICLES_ENV, EDITOR_EDITS_ENV, EDITOR_OUT_ENV } from './vscode/editorEnv';
import type { EditorFigures } from './vscode/typing';

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
 * Runs `node scripts/vscode-host.mjs` with `args` and reads the JSON figures the run leaves in
 * `outFile` (removed first); with none, an error with the end of the run's output.
 */
export function runVscodeHostForFigures<T>(repo: string, args: readonly string[], outFile: string, env: Record<string, string | undefined> = {}, timeoutMs = 30 * 60_000): T | { error: string } {
  fs.rmSync(outFile, { force: true });
  const host = path.join(repo, 'scripts', 'vscode-host.mjs');
  const run = spawnSync(process.execPath, [host, ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined)),
    timeout: timeoutMs,
  });
  if (!fs.existsSync(outFile)) {
    const tail = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    return { error: `the VS Code host run wrote no figures (exit ${run.status}):\n${tail}` };
  }
  return JSON.parse(fs.readFileSync(outFile, 'utf8')) as T | { error: string };
}

/**
 * Runs a compiled bench module (out/bench/vscode/*.js) as the tests of a fresh VS Code host (no
 * integration test, no Playwright check) and reads the JSON it writes to `outFile`, whose name it
 * finds in `outEnv`. `env`: more for the module (undefined: unset); `folder`: the workspace copied for the run.
 */
function runInVscodeHost<T>(repo: string, module: string, outEnv: string, outFile: string, env: Record<string, string | undefined>, folder?: string): T | { error: string } {
  const compiled = `out/bench/vscode/${module}.js`;
  if (!fs.existsSync(path.join(repo, compiled))) return { error: `${compiled} is missing: npx tsc -p .` };
  return runVscodeHostForFigures<T>(repo, ['test', '--tests', compiled, '--no-e2e', ...(folder ? ['--folder', folder] : [])], outFile, { ...env, [outEnv]: outFile });
}

/**
 * Starts the VS Code host with the bench's activation module as its tests (a fresh host: nothing
 * activated the extension before), which writes its figure to `outFile`. The extension loaded is the
 * packaged layout (minified bundle) made from `bundleDir`; the module comes from out/ (tsc).
 */
export function measureActivation(repo: string, outFile: string, bundleDir: string): ActivationFigures {
  const extensionPath = packagedLayout(repo, bundleDir, path.join(path.dirname(outFile), 'extension'));
  return runInVscodeHost<ActivationFigures>(repo, 'activation', ACTIVATION_ENV, outFile, { ARTICLE_AUTHORING_EXTENSION_PATH: extensionPath });
}

/**
 * The extension as built in dist/ (node scripts/build.mjs) in a fresh VS Code host whose workspace
 * is a copy of `site` (the runner copies it: the bench's tree stays as the language server sees it):
 * bench/vscode/typing.ts measures the host's memory before activation and once the workspace is
 * indexed, then types in the two articles (written to `workDir` for it to copy into the workspace).
 * `skipBuiltinExtensions`: VS Code's own extensions left out of the host (its Markdown support, to
 * measure ours alone in the host's thread).
 */
export function measureEditor(
  repo: string,
  workDir: string,
  site: string,
  seed: GeneratedArticle,
  large: GeneratedArticle,
  edits: number,
  options: { skipBuiltinExtensions?: readonly string[] } = {},
): EditorFigures | { error: string } {
  const articles = path.join(workDir, 'editor-articles');
  fs.mkdirSync(articles, { recursive: true });
  fs.writeFileSync(path.join(articles, 'seed.md'), seed.text);
  fs.writeFileSync(path.join(articles, 'large.md'), large.text);
  return runInVscodeHost<EditorFigures>(
    repo,
    'typing',
    EDITOR_OUT_ENV,
    path.join(workDir, 'editor-run.json'),
    // The checkout's own build, not a packaged copy.
    {
      ARTICLE_AUTHORING_EXTENSION_PATH: undefined,
      // The VS Code server leaves these built-in extensions out of every host it starts.
      VSCODE_SKIP_BUILTIN_EXTENSIONS: options.skipBuiltinExtensions?.join(',') || undefined,
      [EDITOR_ARTICLES_ENV]: articles,
      [EDITOR_EDITS_ENV]: String(edits),
    },
    site,
  );
}
