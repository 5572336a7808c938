/**
 * How the site model keeps an article: one string (every text of the entry, end to end) and one
 * string of numbers (their lengths, the ranges, the levels and kinds; see encodeNumbers), beside
 * the values an article shares with its whole site (root, profile, group, public folders, site URL).
 * At 100,000 articles, an entry as objects (a range is an object of six numbers, a link or an anchor
 * another) costs several KB and tens of objects for the garbage collector to walk; packed, about
 * one KB and three objects.
 * `unpack` gives back an equal SiteArticle (a new object on each call).
 */
import { DISABLE_KINDS, type DisableDirective } from '../facts/disableComments';
import type { SiteAnchor, SiteArticle, SiteLink, SiteRange } from './entry';

const LINK_KINDS: readonly SiteLink['kind'][] = ['markdown', 'html', 'ref', 'relref', 'post_url', 'link'];

export interface PackedArticle {
  readonly path: string;
  readonly root: string;
  readonly profile: string;
  readonly group: string;
  readonly publicDirs: string[];
  readonly siteUrl?: string;
  /** Shared by the articles of one site (and language: refDirs), see SiteArticle. */
  readonly refDirs?: string[];
  readonly routes?: string[];
  readonly sourceDirs?: string[];
  readonly sourcesElsewhere?: string[];
  readonly texts: string;
  /** The numbers (lengths, ranges, levels, kinds), encoded by encodeNumbers. */
  readonly numbers: string;
}

const LIST_PAGE = 1;
const TITLE_RANGE = 2;
const DESCRIPTION_RANGE = 4;
const DISABLES = 8;
const IMPORTS_CONTENT = 16;
const PAGE = 32;
const IN_NAVIGATION = 64;
const LINK_RENDER_HOOK = 128;
const CASE_INSENSITIVE_ROUTES = 256;
const IMPLIED_ROUTES = 512;

/**
 * One copy of the values articles share with their site (root, profile, group, public folders, site
 * URL): entries that arrive from the CLI's workers are copies, one per article.
 */
export class SharedValues {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  string(value: string): string {
    const found = this.strings.get(value);
    if (found !== undefined) return found;
    this.strings.set(value, value);
    return value;
  }

  list(values: string[]): string[] {
    const key = values.join('\0');
    const found = this.lists.get(key);
    if (found !== undefined) return found;
    this.lists.set(key, values);
    return values;
  }
}

export function pack(article: SiteArticle, shared?: SharedValues): PackedArticle {
  const numbers: number[] = [];
  const texts: string[] = [];
  const text = (value: string | undefined) => {
    if (value === undefined) numbers.push(-1);
    else {
      numbers.push(value.length);
      texts.push(value);
    }
  };
  const range = (value: SiteRange) => numbers.push(value.start, value.end, value.line, value.column, value.endLine, value.endColumn);
  numbers.push(
    (article.listPage ? LIST_PAGE : 0) |
      (article.page ? PAGE : 0) |
      (article.titleRange ? TITLE_RANGE : 0) |
      (article.descriptionRange ? DESCRIPTION_RANGE : 0) |
      (article.disables?.length ? DISABLES : 0) |
      (article.importsContent ? IMPORTS_CONTENT : 0) |
      (article.inNavigation ? IN_NAVIGATION : 0) |
      (article.linkRenderHook ? LINK_RENDER_HOOK : 0) |
      (article.caseInsensitiveRoutes ? CASE_INSENSITIVE_ROUTES : 0) |
      (article.impliedRoutes?.length ? IMPLIED_ROUTES : 0),
    article.anchors.length,
    article.links.length,
  );
  text(article.relativePath);
  text(article.url);
  text(article.routeKey);
  text(article.language);
  text(article.title);
  text(article.description);
  text(article.aliases?.join('\n'));
  range(article.firstLine);
  range(article.urlRange);
  if (article.titleRange) range(article.titleRange);
  if (article.descriptionRange) range(article.descriptionRange);
  for (const anchor of article.anchors) {
    numbers.push(anchor.level);
    text(anchor.id);
    text(anchor.text);
    range(anchor.range);
  }
  for (const link of article.links) {
    numbers.push(LINK_KINDS.indexOf(link.kind), link.targetRange ? 1 : 0);
    text(link.target);
    range(link.range);
    if (link.targetRange) range(link.targetRange);
  }
  if (article.disables?.length) {
    numbers.push(article.disables.length);
    for (const directive of article.disables) {
      numbers.push(DISABLE_KINDS.indexOf(directive.kind), directive.line, directive.endLine);
      text(directive.ids.join(' '));
    }
  }
  if (article.impliedRoutes?.length) {
    numbers.push(article.impliedRoutes.length);
    for (const route of article.impliedRoutes) text(route);
  }
  const list = (values: string[]) => (shared ? shared.list(values) : values);
  return {
    path: article.path,
    root: shared ? shared.string(article.root) : article.root,
    profile: shared ? shared.string(article.profile) : article.profile,
    group: shared ? shared.string(article.group) : article.group,
    publicDirs: shared ? shared.list(article.publicDirs) : article.publicDirs,
    ...(article.siteUrl !== undefined ? { siteUrl: shared ? shared.string(article.siteUrl) : article.siteUrl } : {}),
    ...(article.refDirs ? { refDirs: list(article.refDirs) } : {}),
    ...(article.routes ? { routes: list(article.routes) } : {}),
    ...(article.sourceDirs ? { sourceDirs: list(article.sourceDirs) } : {}),
    ...(article.sourcesElsewhere ? { sourcesElsewhere: list(article.sourcesElsewhere) } : {}),
    // A flat copy: the joined texts hold nothing of the strings they were made from.
    texts: JSON.parse(JSON.stringify(texts.join(''))) as string,
    numbers: encodeNumbers(numbers),
  };
}

/**
 * Numbers from -1 to 2^30 - 2 as a string of Latin-1 characters (one byte each in the heap), seven
 * bits to a character, low bits first, the high bit set on all but a number's last character: one
 * character below 127, two below 16,383. About a quarter of the same numbers in an Int32Array.
 */
export function encodeNumbers(numbers: readonly number[]): string {
  const units: number[] = [];
  for (const number of numbers) {
    // Offsets, lines and counts always fit; anything else is clamped (as an Int32Array would store
    // it without a word) rather than stopping a whole run over one odd value.
    let rest = Number.isFinite(number) ? Math.min(Math.max(Math.trunc(number), -1), 2 ** 30 - 2) + 1 : 1;
    while (rest >= 0x80) {
      units.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    units.push(rest);
  }
  let encoded = '';
  // In slices: a hostile article's thousands of links must not overflow the call's arguments.
  for (let start = 0; start < units.length; start += 8192) encoded += String.fromCharCode(...units.slice(start, start + 8192));
  return encoded;
}

/** The numbers encodeNumbers wrote, in order. */
export function decodeNumbers(encoded: string): number[] {
  const numbers: number[] = [];
  const reader = numberReader(encoded);
  while (!reader.done()) numbers.push(reader.next());
  return numbers;
}

function numberReader(encoded: string): { next(): number; done(): boolean } {
  let at = 0;
  return {
    next() {
      let value = 0;
      let shift = 0;
      let unit = encoded.charCodeAt(at++);
      while (unit >= 0x80) {
        value += (unit & 0x7f) * 2 ** shift;
        shift += 7;
        unit = encoded.charCodeAt(at++);
      }
      return value + unit * 2 ** shift - 1;
    },
    done: () => at >= encoded.length,
  };
}

/** The same packed entry with one copy of the values it shares with its site. */
export function sharePacked(packed: PackedArticle, shared: SharedValues): PackedArticle {
  return {
    path: packed.path,
    root: shared.string(packed.root),
    profile: shared.string(packed.profile),
    group: shared.string(packed.group),
    publicDirs: shared.list(packed.publicDirs),
    ...(packed.siteUrl !== undefined ? { siteUrl: shared.string(packed.siteUrl) } : {}),
    ...(packed.refDirs ? { refDirs: shared.list(packed.refDirs) } : {}),
    ...(packed.routes ? { routes: shared.list(packed.routes) } : {}),
    ...(packed.sourceDirs ? { sourceDirs: shared.list(packed.sourceDirs) } : {}),
    ...(packed.sourcesElsewhere ? { sourcesElsewhere: shared.list(packed.sourcesElsewhere) } : {}),
    texts: packed.texts,
    numbers: packed.numbers,
  };
}

export function unpack(packed: PackedArticle): SiteArticle {
  const { texts } = packed;
  const numbers = numberReader(packed.numbers);
  let offset = 0;
  const text = (): string | undefined => {
    const length = numbers.next();
    if (length === -1) return undefined;
    const value = texts.slice(offset, offset + length);
    offset += length;
    return value;
  };
  const range = (): SiteRange => ({ start: numbers.next(), end: numbers.next(), line: numbers.next(), column: numbers.next(), endLine: numbers.next(), endColumn: numbers.next() });
  const flags = numbers.next();
  const anchorCount = numbers.next();
  const linkCount = numbers.next();
  const relativePath = text()!;
  const url = text();
  const routeKey = text();
  const language = text();
  const title = text();
  const description = text();
  const aliases = text();
  const firstLine = range();
  const urlRange = range();
  const titleRange = flags & TITLE_RANGE ? range() : undefined;
  const descriptionRange = flags & DESCRIPTION_RANGE ? range() : undefined;
  const anchors: SiteAnchor[] = [];
  for (let index = 0; index < anchorCount; index++) {
    const level = numbers.next();
    const id = text()!;
    const anchorText = text()!;
    anchors.push({ id, text: anchorText, level, range: range() });
  }
  const links: SiteLink[] = [];
  for (let index = 0; index < linkCount; index++) {
    const kind = LINK_KINDS[numbers.next()];
    const hasTargetRange = numbers.next() === 1;
    const target = text()!;
    const linkRange = range();
    links.push(hasTargetRange ? { kind, target, range: linkRange, targetRange: range() } : { kind, target, range: linkRange });
  }
  const disables: DisableDirective[] = [];
  const disableCount = flags & DISABLES ? numbers.next() : 0;
  for (let index = 0; index < disableCount; index++) {
    const kind = DISABLE_KINDS[numbers.next()];
    const line = numbers.next();
    const endLine = numbers.next();
    const ids = text()!;
    disables.push({ kind, ids: ids ? ids.split(' ') : [], line, endLine });
  }
  const impliedRoutes: string[] = [];
  const impliedCount = flags & IMPLIED_ROUTES ? numbers.next() : 0;
  for (let index = 0; index < impliedCount; index++) impliedRoutes.push(text()!);
  const article: SiteArticle = {
    path: packed.path,
    root: packed.root,
    profile: packed.profile,
    relativePath,
    url,
    routeKey,
    language,
    group: packed.group,
    firstLine,
    urlRange,
    title,
    titleRange,
    description,
    descriptionRange,
    anchors,
    links,
    siteUrl: packed.siteUrl,
    publicDirs: packed.publicDirs,
  };
  if (aliases !== undefined) article.aliases = aliases.split('\n');
  if (flags & LIST_PAGE) article.listPage = true;
  if (flags & PAGE) article.page = true;
  if (packed.sourceDirs) article.sourceDirs = packed.sourceDirs;
  if (packed.sourcesElsewhere) article.sourcesElsewhere = packed.sourcesElsewhere;
  if (disables.length) article.disables = disables;
  if (impliedRoutes.length) article.impliedRoutes = impliedRoutes;
  if (flags & IN_NAVIGATION) article.inNavigation = true;
  if (flags & IMPORTS_CONTENT) article.importsContent = true;
  if (packed.refDirs) article.refDirs = packed.refDirs;
  if (packed.routes) article.routes = packed.routes;
  if (flags & LINK_RENDER_HOOK) article.linkRenderHook = true;
  if (flags & CASE_INSENSITIVE_ROUTES) article.caseInsensitiveRoutes = true;
  return article;
}
