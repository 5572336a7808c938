/**
 * The path module of the web build (src/core/text/posixPath.ts, in place of `node:path` in the bundle
 * for the browser): each function agrees with Node's `path.posix` on arbitrary paths made of the
 * segments that matter (`.`, `..`, empty, dotted names), except that `resolve` of a relative path
 * starts at `/` (there is no working folder in a web worker).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import * as web from '../../../src/core/text/posixPath';

const segment = fc.constantFrom('', '.', '..', 'a', 'b', 'post.md', '.hidden', 'x.y.z', '..md', 'dir.', 'é ü');
const anyPath = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 6 }), fc.boolean()).map(
  ([absolute, segments, trailing]) => `${absolute ? '/' : ''}${segments.join('/')}${trailing && segments.length ? '/' : ''}`,
);
const absolutePath = anyPath.map((value) => `/${value}`);
const RUNS = 2000;

describe('the web build path module (posixPath)', () => {
  for (const name of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute'] as const) {
    it(`${name} agrees with path.posix`, () => {
      fc.assert(
        fc.property(anyPath, (value) => {
          assert.deepEqual((web[name] as (value: string) => unknown)(value), (path.posix[name] as (value: string) => unknown)(value), `${name}(${JSON.stringify(value)})`);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('parse agrees with path.posix (but for its extension of /.., where Node contradicts its own extname)', () => {
    fc.assert(
      fc.property(anyPath, (value) => {
        const expected = path.posix.parse(value);
        if (/^\/+\.\.\/*$/.test(value)) Object.assign(expected, { ext: '', name: '..' });
        assert.deepEqual(web.parse(value), expected, `parse(${JSON.stringify(value)})`);
      }),
      { numRuns: RUNS },
    );
  });

  it('join agrees with path.posix', () => {
    fc.assert(fc.property(fc.array(anyPath, { maxLength: 4 }), (parts) => assert.equal(web.join(...parts), path.posix.join(...parts), JSON.stringify(parts))), { numRuns: RUNS });
  });

  it('resolve and relative agree with path.posix from an absolute path', () => {
    fc.assert(
      fc.property(absolutePath, fc.array(anyPath, { maxLength: 3 }), absolutePath, (first, rest, other) => {
        assert.equal(web.resolve(first, ...rest), path.posix.resolve(first, ...rest));
        assert.equal(web.relative(first, other), path.posix.relative(first, other), `relative(${first}, ${other})`);
      }),
      { numRuns: RUNS },
    );
  });

  it('resolves a relative path from the root, having no working folder', () => {
    assert.equal(web.resolve('a/b', '../c'), '/a/c');
    assert.equal(web.resolve(''), '/');
  });

  it('basename drops a suffix as Node does', () => {
    for (const [value, suffix] of [['/a/post.md', '.md'], ['/a/post.md', 'post.md'], ['/a/.md', '.md'], ['post.md/', '.md']]) {
      assert.equal(web.basename(value, suffix), path.posix.basename(value, suffix), `${value} ${suffix}`);
    }
  });
});
