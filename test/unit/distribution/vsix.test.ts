/**
 * The Marketplace and Open VSX package: what `vsce ls` lists (LICENSE, CHANGELOG, the icon, the
 * bundles; no source), the icon as scripts/make-icon.mjs draws it, and `npm run package` itself, in a
 * copy of the checkout (its prepublish build writes dist/ there, not here): no vsce warning, at most
 * 1 MB, and a README whose images and links point into the repository.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { REPO_ROOT, tempDir } from '../helpers/cli';
import { runCommand, runOrFail } from '../helpers/distribution';

const packageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
const REPOSITORY = 'https://github.com/article-authoring/article-authoring';
const MAX_VSIX_BYTES = 1024 * 1024;

/** The bytes of one file of a zip archive (a .vsix), read from its central directory. */
function zipEntry(archive: Buffer, name: string): Buffer | undefined {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let entry = archive.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    const method = archive.readUInt16LE(entry + 10);
    const compressedSize = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const extraLength = archive.readUInt16LE(entry + 30);
    const commentLength = archive.readUInt16LE(entry + 32);
    const localHeader = archive.readUInt32LE(entry + 42);
    if (archive.toString('utf8', entry + 46, entry + 46 + nameLength) === name) {
      const dataStart = localHeader + 30 + archive.readUInt16LE(localHeader + 26) + archive.readUInt16LE(localHeader + 28);
      const data = archive.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : zlib.inflateRawSync(data);
    }
    entry += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

describe('the VS Code extension package (.vsix)', function () {
  this.timeout(180_000);

  it('lists LICENSE, CHANGELOG, the icon and the bundles in vsce ls, and no source, test or script', () => {
    const listed = runOrFail(vsce, ['ls', '--no-dependencies'], { cwd: REPO_ROOT }).stdout.trim().split('\n').sort();
    for (const file of ['LICENSE', 'CHANGELOG.md', 'README.md', 'package.json', packageJson.icon, 'dist/extension.js', 'dist/engine.js', 'dist/schema-compiler.js']) {
      assert.ok(listed.includes(file), `${file} is not in vsce ls:\n${listed.join('\n')}`);
    }
    const unwanted = listed.filter((file) => /^(src|test|bench|scripts|examples|out|docs\/images)\/|\.ts$|\.map$|^media\/icon\.svg$|^dist\/cli\.js$/.test(file));
    assert.deepEqual(unwanted, []);
  });

  it('has a 128x128 PNG icon that is what scripts/make-icon.mjs draws from media/icon.svg', () => {
    const icon = fs.readFileSync(path.join(REPO_ROOT, packageJson.icon));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    const check = runCommand(process.execPath, [path.join(REPO_ROOT, 'scripts', 'make-icon.mjs'), '--check'], { cwd: REPO_ROOT });
    assert.equal(check.code, 0, check.stderr);
  });

  it('has the listing metadata: repository, bugs, homepage, keywords, banner, an MIT LICENSE and a CHANGELOG entry for this version', () => {
    assert.equal(packageJson.repository.url, `${REPOSITORY}.git`);
    assert.equal(packageJson.bugs.url, `${REPOSITORY}/issues`);
    assert.match(packageJson.homepage, new RegExp(`^${REPOSITORY}`));
    assert.ok(packageJson.keywords.length >= 5 && packageJson.keywords.length <= 30);
    assert.match(packageJson.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.equal(packageJson.license, 'MIT');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'), /^MIT License\n/);
    const changelog = fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, new RegExp(`^## \\[${packageJson.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
    assert.match(changelog, new RegExp(`^\\[${packageJson.version.replace(/\./g, '\\.')}\\]: ${REPOSITORY}/`, 'm'));
  });

  it('is built by npm run package with no warning, at most 1 MB, its README linking into the repository', () => {
    // A copy of what packaging reads, with this checkout's node_modules: the prepublish build writes there.
    const copy = tempDir('article-lint-vsix-');
    const skipped = new Set(['node_modules', '.git', 'out', 'dist', 'test', 'bench', '.vscode-test', 'test-results']);
    for (const entry of fs.readdirSync(REPO_ROOT)) {
      if (skipped.has(entry) || entry.endsWith('.vsix')) continue;
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    const vsix = path.join(copy, 'extension.vsix');
    const run = runCommand('npm', ['run', 'package', '--', '--out', vsix], { cwd: copy, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.doesNotMatch(`${run.stdout}\n${run.stderr}`, /WARNING|warn/i);

    const archive = fs.readFileSync(vsix);
    assert.ok(archive.length <= MAX_VSIX_BYTES, `${archive.length} bytes`);
    const readme = zipEntry(archive, 'extension/readme.md')?.toString('utf8') ?? '';
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]);
    assert.ok(images.length > 0, 'the README shows images');
    for (const image of images) assert.match(image, new RegExp(`^${REPOSITORY}/raw/HEAD/docs/images/[\\w-]+\\.webp$`));
    const links = [...readme.matchAll(/\[[^\][]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
    assert.deepEqual(links.filter((link) => !/^(https?:\/\/|#|mailto:)/.test(link)), [], 'every link is absolute');
    assert.ok(zipEntry(archive, 'extension/LICENSE.txt'));
    assert.ok(zipEntry(archive, 'extension/changelog.md'));
    assert.ok(zipEntry(archive, `extension/${packageJson.icon}`));
    assert.equal(zipEntry(archive, 'extension/src/cli/main.ts'), undefined);
  });
});
