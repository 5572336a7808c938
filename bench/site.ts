/**
 * The site model (src/core/site/model.ts) over a generated site of 10,000 small articles that link
 * to each other (relative files, routes and heading anchors): the build from scratch (parse, entry,
 * lookups) and the update after one edit (a heading renamed: the edited article parsed again, the
 * model updated, and the site-wide findings of every article it affects computed again).
 */
import * as path from 'node:path';
import { checkSiteArticle, parseArticle, rolesFor, siteEntry, SiteModel, type SiteArticle } from '../src/core';
import { heapUsed, MB, now, summarize, type Summary } from './measure';

const ROOT = path.resolve('/bench-site');

function articleText(index: number, count: number, heading = 'Details'): string {
  const other = (step: number) => ((index + step * 7919) % count) + 1;
  return [
    '---',
    `title: "Article ${index} about topic ${index % 97}"`,
    `description: "What article ${index} says about topic ${index % 97}, and why it matters to readers."`,
    `pubDate: 2026-03-03`,
    '---',
    '',
    `# Article ${index}`,
    '',
    `An introduction that links to [article ${other(1)}](./article-${other(1)}.md) and [another](/article-${other(2)}/).`,
    '',
    `## ${heading}`,
    '',
    `More text, [with an anchor](./article-${other(3)}.md#details) and [a route with one](/article-${other(4)}/#details).`,
    '',
    '## Closing',
    '',
    `See also [article ${other(5)}](./article-${other(5)}.md#closing).`,
    '',
  ].join('\n');
}

function entryOf(index: number, text: string): SiteArticle {
  return siteEntry({
    article: parseArticle(text),
    path: path.join(ROOT, 'posts', `article-${index}.md`),
    root: ROOT,
    profile: 'generic',
    roles: rolesFor('generic'),
    settings: {},
    publicDirs: [path.join(ROOT, 'public')],
  });
}

export interface SiteModelFigures {
  articles: number;
  /** Parse, entry and model for every article, from nothing. */
  buildMs: number;
  /** Of which the model's lookups (SiteModel.set of ready entries). */
  modelMs: number;
  heapMB: number;
  /** One heading renamed in one article: parse, entry, model update and the affected articles' findings. */
  update: Summary;
  /** How many articles an update affected (median). */
  affectedMedian: number;
}

export async function measureSiteModel(count: number, edits: number): Promise<SiteModelFigures> {
  const texts = Array.from({ length: count }, (_, index) => articleText(index + 1, count));
  const before = heapUsed();
  const start = now();
  const entries = texts.map((text, index) => entryOf(index + 1, text));
  const modelStart = now();
  const model = new SiteModel();
  for (const entry of entries) model.set(entry);
  const end = now();
  const heapMB = (heapUsed() - before) / MB;
  const samples: number[] = [];
  const affectedCounts: number[] = [];
  for (let edit = 0; edit < edits; edit++) {
    const index = ((edit * 613) % count) + 1;
    const heading = edit % 2 === 0 ? 'Details, renamed' : 'Details';
    const text = articleText(index, count, heading);
    const t0 = now();
    const affected = model.set(entryOf(index, text));
    for (const changed of affected) await checkSiteArticle(model, changed);
    samples.push(now() - t0);
    affectedCounts.push(affected.size);
  }
  affectedCounts.sort((a, b) => a - b);
  return {
    articles: count,
    buildMs: end - start,
    modelMs: end - modelStart,
    heapMB,
    update: summarize(samples),
    affectedMedian: affectedCounts[Math.floor(affectedCounts.length / 2)],
  };
}
