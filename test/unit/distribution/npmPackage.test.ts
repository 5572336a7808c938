/**
 * The npm package: `npm pack` holds what the `article-lint` bin needs and nothing else, installs
 * with no download (the bundle is self-contained, so there are no runtime dependencies), and the
 * installed `npx article-lint` prints what the checkout's CLI prints, in a folder that has never
 * seen this repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT, runCli, tempDir } from '../helpers/cli';
import { packedFiles, packedTarball, runCommand, runOrFail } from '../helpers/distribution';

const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('the npm package', function () {
  this.timeout(180_000);

  it('holds the bins, the schemas, the rule pages, the README, LICENSE and CHANGELOG: no sources, tests or bench', () => {
    const rulePages = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).map((page) => `docs/rules/${page}`);
    const schemas = fs.readdirSync(path.join(REPO_ROOT, 'schemas')).map((schema) => `schemas/${schema}`);
    const expected = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', 'package.json', ...rulePages, ...schemas].sort();
    assert.deepEqual(packedFiles(), expected);
  });

  it('names every bin it has, each a packed file, and needs no runtime dependency', () => {
    const bins: Record<string, string> = packageJson.bin;
    const files = new Set(packedFiles());
    assert.ok('article-lint' in bins);
    for (const [name, file] of Object.entries(bins)) assert.ok(files.has(file.replace(/^\.\//, '')), `${name}: ${file} is not packed`);
    // esbuild bundles every library into the bins and the extension: installing the package downloads nothing.
    assert.equal(packageJson.dependencies, undefined);
    assert.equal(packageJson.peerDependencies, undefined);
    // Nor an optional one: a peer the bench compares with is installed by the bench (bench/run.ts).
    assert.equal(packageJson.optionalDependencies, undefined);
  });

  it('installs from the tarball offline into an empty folder, and npx article-lint there prints what the checkout prints', async () => {
    const project = tempDir('article-lint-install-');
    // Offline with an empty npm cache: nothing can be downloaded, nothing needs to be.
    const emptyCache = tempDir('article-lint-npm-cache-');
    runOrFail('npm', ['install', '--offline', '--cache', emptyCache, '--no-audit', '--no-fund', packedTarball()], { cwd: project });
    const installed = path.join(project, 'node_modules', packageJson.name);
    assert.deepEqual(fs.readdirSync(installed).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'docs', 'package.json', 'schemas']);
    assert.match(fs.readFileSync(path.join(installed, 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);

    // The site as a blog's repository would hold it, beside that folder's node_modules. `--no`: never
    // fetch a package of that name from the registry instead.
    const site = path.join(project, 'site');
    fs.cpSync(path.join(FIXTURES, 'sitewide', 'astro'), site, { recursive: true });
    const fromPackage = runCommand('npx', ['--no', '--', 'article-lint', '--format', 'json'], { cwd: site });
    assert.equal(fromPackage.stderr, '');

    const checkoutSite = path.join(tempDir(), 'site');
    fs.cpSync(path.join(FIXTURES, 'sitewide', 'astro'), checkoutSite, { recursive: true });
    const fromCheckout = await runCli(['--format', 'json'], { cwd: checkoutSite });
    assert.equal(fromPackage.code, fromCheckout.code);
    assert.equal(fromPackage.stdout, fromCheckout.stdout, 'the packed dist/cli.js differs from the sources (run npm run build)');
    const files = JSON.parse(fromPackage.stdout) as { file: string; diagnostics: { ruleId: string }[] }[];
    assert.ok(files.length >= 4, fromPackage.stdout);
    assert.ok(files.some((file) => file.diagnostics.some((d) => d.ruleId === 'duplicate-url')), 'the site-wide rules ran');

    // The same bin by its path, as npm linked it.
    const version = runOrFail(path.join(project, 'node_modules', '.bin', 'article-lint'), ['--version'], { cwd: project });
    assert.equal(version.stdout, `${packageJson.version}\n`);
  });
});
