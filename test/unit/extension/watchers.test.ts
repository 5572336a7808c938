/**
 * The editor re-checks articles when a file that can change their findings changes: its watchers'
 * globs must match every site generator's marker file (core's profiles), or a site whose marker is
 * added or removed would keep the old profile until a restart.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch';
import { siteProfiles } from '../../../src/core/generators/registry';
import { CONFIG_GLOBS } from '../../../src/extension/configGlobs';

describe('editor watchers: configuration and site marker files', () => {
  const matches = (file: string) => CONFIG_GLOBS.some((glob) => picomatch(glob, { dot: true })(file));

  it("match every profile's marker files, in any folder", () => {
    const markers = siteProfiles.flatMap((profile) => [...profile.markers.files, ...(profile.markers.filesWithFolder?.files ?? [])]);
    assert.ok(markers.length > 20);
    for (const marker of markers) {
      assert.ok(matches(`site/${marker}`), marker);
      assert.ok(matches(`a/b/${marker}`), marker);
    }
  });

  it('match package.json (generator dependencies), .article-lint.json and schemas; not articles', () => {
    for (const file of ['site/package.json', 'site/.article-lint.json', 'schemas/post.schema.json', 'site/.astro/collections/blog.schema.json']) assert.ok(matches(file), file);
    for (const file of ['site/archetypes/default.md', 'site/themes/x/archetypes/posts.md', 'site/src/content.config.ts', 'site/src/content/config.mjs', 'site/frontmatter.json']) assert.ok(matches(file), file);
    for (const file of ['site/contentlayer.config.ts', 'site/layouts/partials/head.html', 'site/themes/x/layouts/_default/single.html', 'site/_layouts/post.html', 'site/_includes/footer.html']) assert.ok(matches(file), file);
    for (const file of ['site/content/post.md', 'site/src/content/blog/a.mdx', 'site/config.md']) assert.ok(!matches(file), file);
  });
});
