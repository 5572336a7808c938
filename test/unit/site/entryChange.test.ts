/** movedOnly: an edit of prose moves an article's places but says nothing new to the rest of the site. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseArticle } from '../../../src/core/parse/parse';
import { siteEntry, type SiteArticle } from '../../../src/core/site/entry';
import { movedOnly } from '../../../src/core/site/entryChange';
import { rolesFor } from '../../../src/core/site/directory';

const ROOT = path.resolve('/site');

function entry(text: string): SiteArticle {
  return siteEntry({ article: parseArticle(text), path: path.join(ROOT, 'posts', 'a.md'), root: ROOT, profile: 'generic', roles: rolesFor('generic'), settings: {}, publicDirs: [] });
}

const article = (title: string, body: string) => `---\ntitle: "${title}"\ndescription: "About it."\n---\n\n${body}\n`;

describe('an edit that only moves an article’s places (movedOnly)', () => {
  it('maps each place a finding can point at to where it stands now', () => {
    const before = entry(article('Alpha', '# A\n\nSee [b](./b.md) and [c](/c/).'));
    const after = entry(article('Alpha', '# A\n\nA new sentence first.\n\nSee the page [b](./b.md) and [c](/c/).'));
    const moves = movedOnly(before, after)!;
    assert.ok(moves);
    const link = before.links[1];
    const place = link.targetRange ?? link.range;
    assert.deepEqual(moves(place), { line: (after.links[1].targetRange ?? after.links[1].range).line, column: (after.links[1].targetRange ?? after.links[1].range).column, endLine: (after.links[1].targetRange ?? after.links[1].range).endLine, endColumn: (after.links[1].targetRange ?? after.links[1].range).endColumn });
    assert.deepEqual(moves(before.titleRange!), { line: after.titleRange!.line, column: after.titleRange!.column, endLine: after.titleRange!.endLine, endColumn: after.titleRange!.endColumn });
    assert.equal(moves({ line: 99, column: 1, endLine: 99, endColumn: 2 }), undefined, 'a place the entry has not');
  });

  it('says no when the rest of the site reads something new: a title, a link’s target, a heading, a link more', () => {
    const before = entry(article('Alpha', '# A\n\n## Part\n\nSee [b](./b.md).'));
    assert.equal(movedOnly(before, entry(article('Beta', '# A\n\n## Part\n\nSee [b](./b.md).'))), undefined);
    assert.equal(movedOnly(before, entry(article('Alpha', '# A\n\n## Part\n\nSee [b](./c.md).'))), undefined);
    assert.equal(movedOnly(before, entry(article('Alpha', '# A\n\n## Part two\n\nSee [b](./b.md).'))), undefined);
    assert.equal(movedOnly(before, entry(article('Alpha', '# A\n\n## Part\n\nSee [b](./b.md) [c](./c.md).'))), undefined);
  });

  it('says no for an article with a disable comment (moved text may leave or enter its reach)', () => {
    const body = '# A\n\n<!-- article-lint-disable-next-line link-broken -->\nSee [b](./b.md).';
    assert.equal(movedOnly(entry(article('Alpha', body)), entry(article('Alpha', `${body}\n\nMore prose.`))), undefined);
  });
});
