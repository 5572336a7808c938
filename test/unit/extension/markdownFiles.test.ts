/** The editor's Markdown extensions (needed before the engine loads) are the engine's. */
import * as assert from 'node:assert/strict';
import { ALL_MARKDOWN_EXTENSIONS, MARKDOWN_EXTENSIONS, MARKDOWN_FILE, MARKDOWN_GLOB_ANY_CASE } from '../../../src/core/text/markdownFiles';
import * as editor from '../../../src/extension/markdownFiles';

describe('Markdown file extensions in the editor (src/extension/markdownFiles.ts)', () => {
  it('are the engine’s, the rare ones those beyond what every generator reads', () => {
    assert.deepEqual(editor.MARKDOWN_EXTENSIONS.map((name) => `.${name}`), [...ALL_MARKDOWN_EXTENSIONS]);
    assert.deepEqual(
      editor.RARE_MARKDOWN_EXTENSIONS.map((name) => `.${name}`),
      ALL_MARKDOWN_EXTENSIONS.filter((extension) => !(MARKDOWN_EXTENSIONS as readonly string[]).includes(extension)),
    );
    assert.equal(editor.MARKDOWN_GLOB_ANY_CASE, MARKDOWN_GLOB_ANY_CASE);
  });

  it('tell Markdown files as the engine does', () => {
    for (const name of ['a.md', 'B.MD', 'c.Mdx', 'd.markdown', 'e.mkd', 'f.MKDOWN', 'g.mkdn', 'h.txt', 'i.md.bak', 'j.mdxx', 'k']) {
      assert.equal(editor.MARKDOWN_FILE.test(name), MARKDOWN_FILE.test(name), name);
    }
    assert.equal(editor.MARKDOWN_GLOB, '**/*.{md,mdx,markdown,mkdown,mkdn,mkd}');
  });
});
