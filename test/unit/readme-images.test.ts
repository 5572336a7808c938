/**
 * The README's images: what docs/images holds is exactly what the README shows, as compressed WebP
 * (written by `npm run screenshots`, never by a test run), small enough to load quickly on a listing.
 * The .vsix does not ship them: vsce writes the README's relative links as absolute URLs into the
 * repository, where the Marketplace and Open VSX listings load them from.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers/cli';

const IMAGES = path.join(REPO_ROOT, 'docs', 'images');
/** What a listing page loads for the README's images. */
const BUDGET_BYTES = 700 * 1024;

describe('README images (docs/images)', () => {
  const files = fs.readdirSync(IMAGES).sort();
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/\]\(docs\/images\/([^)]+)\)/g)].map((match) => match[1]);

  it('holds exactly the images the README shows, each a WebP', () => {
    assert.deepEqual([...new Set(shown)].sort(), files);
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(IMAGES, file));
      assert.ok(file.endsWith('.webp'), file);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'RIFF', file);
      assert.equal(bytes.subarray(8, 12).toString('latin1'), 'WEBP', file);
    }
  });

  it(`weighs at most ${BUDGET_BYTES / 1024} KB in all, linked relatively for vsce to make absolute`, () => {
    const total = files.reduce((sum, file) => sum + fs.statSync(path.join(IMAGES, file)).size, 0);
    assert.ok(total <= BUDGET_BYTES, `${Math.round(total / 1024)} KB`);
    assert.doesNotMatch(fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8'), /^!docs\/images/m);
    assert.doesNotMatch(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'), /--no-rewrite-relative-links/);
  });
});
