/**
 * An edit that moves an article's text but changes nothing the rest of the site reads of it (its
 * URL, title, description, anchors and links stay the same, and it has no disable comment; only where they stand
 * moves): the other articles' site-wide findings stay as they were, and the article's own move with
 * the ranges they point at. A cache of site-wide findings uses this to skip the site model for the
 * commonest edit, a change of prose.
 */
import type { SiteArticle, SiteRange } from './entry';

/** Where a finding points: 1-based lines and columns. */
export type FindingPlace = Pick<SiteRange, 'line' | 'column' | 'endLine' | 'endColumn'>;

/**
 * When `after` says the same as `before` to the rest of the site, a map from each place of `before`
 * a site-wide finding can point at (line 1, the URL's key, the title, the description, a link or its
 * target) to the same place in `after`; undefined when it says something else. The map gives
 * undefined for a place it cannot tell apart (two of them were at the same place and moved apart).
 */
export function movedOnly(before: SiteArticle, after: SiteArticle): ((place: FindingPlace) => FindingPlace | undefined) | undefined {
  // A disable comment turns findings off by line: moved text may move out of its reach, or into it.
  if (before.disables?.length || after.disables?.length) return undefined;
  if (before.path !== after.path || JSON.stringify(withoutPlaces(before)) !== JSON.stringify(withoutPlaces(after))) return undefined;
  const pairs: [SiteRange, SiteRange][] = [];
  const pair = (from: SiteRange | undefined, to: SiteRange | undefined) => {
    if (from && to) pairs.push([from, to]);
  };
  pair(before.firstLine, after.firstLine);
  pair(before.urlRange, after.urlRange);
  pair(before.titleRange, after.titleRange);
  pair(before.descriptionRange, after.descriptionRange);
  before.links.forEach((link, index) => {
    pair(link.range, after.links[index].range);
    pair(link.targetRange, after.links[index].targetRange);
  });
  before.anchors.forEach((anchor, index) => pair(anchor.range, after.anchors[index].range));
  return (place) => {
    let found: FindingPlace | undefined;
    for (const [from, to] of pairs) {
      if (!samePlace(from, place)) continue;
      if (found && !samePlace(found, to)) return undefined;
      found = { line: to.line, column: to.column, endLine: to.endLine, endColumn: to.endColumn };
    }
    return found;
  };
}

function samePlace(a: FindingPlace, b: FindingPlace): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** The entry without its ranges: what other articles' findings can depend on (presence of each range included). */
function withoutPlaces(article: SiteArticle): unknown {
  return {
    ...article,
    firstLine: undefined,
    urlRange: undefined,
    titleRange: article.titleRange !== undefined,
    descriptionRange: article.descriptionRange !== undefined,
    anchors: article.anchors.map((anchor) => ({ ...anchor, range: undefined })),
    links: article.links.map((link) => ({ ...link, range: undefined, targetRange: link.targetRange !== undefined })),
  };
}
