/**
 * What the site model knows of one article: its URL, title, description, heading anchors and
 * outgoing links within the site, with the ranges findings point at. Built from the article's one
 * parse (the same ParsedArticle the other rules read), as plain data: the CLI's workers send it to
 * the main thread.
 */
import { frontmatterNodeRange } from '../frontmatter/fields';
import { linksOf, type LinkRef } from '../facts/links';
import type { ParsedArticle } from '../parse/parse';
import type { TextRange } from '../types';
import { join, relativePosix } from '../text/paths';
import { definitionTermAnchors, elementAnchors, headingAnchors, type HeadingAnchor } from './anchors';
import { importsContent } from '../facts/includes';
import { leavesSite } from './siteUrl';
import { routeKey, type ArticleUrl, type SiteSettings } from '../generators/urls';
import { siteProfileOrGeneric } from '../generators/registry';
import { flatCopy } from '../text/strings';
import { disableComments, type DisableDirective } from '../facts/disableComments';
import type { ArticleKind } from './articleKind';

/** A range of the article's text: offsets and 1-based positions (columns in UTF-16 code units, end exclusive). */
export type SiteRange = TextRange;

export interface SiteLink {
  kind: LinkRef['kind'];
  target: string;
  range: SiteRange;
  /** The target as written, when it could be located (fixes replace it). */
  targetRange?: SiteRange;
}

export interface SiteAnchor {
  id: string;
  text: string;
  level: number;
  range: SiteRange;
}

export interface SiteArticle {
  /** Absolute path. */
  path: string;
  /** The site's root folder: URLs, public files and template links resolve from it. */
  root: string;
  /** The site profile's name (astro, hugo, jekyll, eleventy, docusaurus, nextjs, generic). */
  profile: string;
  /** The path below the root, with `/`. */
  relativePath: string;
  /** The published route; undefined when it has none that can be linked to. */
  url?: string;
  /** The route as links are compared (see routeKey). */
  routeKey?: string;
  /** Older routes that lead to it too (Hugo `aliases`, Jekyll `redirect_from` with jekyll-redirect-from), as route keys. */
  aliases?: string[];
  language?: string;
  /** The collection, section or folder of the URL. */
  group: string;
  /** Line 1, where findings about the article as a whole go. */
  firstLine: SiteRange;
  /** Where duplicate-url points: the key that set the URL, else line 1. */
  urlRange: SiteRange;
  title?: string;
  titleRange?: SiteRange;
  description?: string;
  descriptionRange?: SiteRange;
  anchors: SiteAnchor[];
  /** Links that may resolve in the site (not those to other hosts: see leavesSite). */
  links: SiteLink[];
  /**
   * A page rather than an article (about, docs, archives, or a page the generator publishes that the
   * rules do not check: see SiteProfile.isPage): a link target, its links count for the articles
   * they reach, it is checked for duplicates, and it is never an orphan.
   */
  page?: boolean;
  /** A list page (Hugo's `_index.md`): a page with no duplicate title or description of its own. */
  listPage?: boolean;
  /** The article's disable comments: the site-wide rules they turn off report nothing there. */
  disables?: DisableDirective[];
  /** `https://host/base`: absolute links to this host are internal. */
  siteUrl?: string;
  /** Folders (absolute) where root-relative links to files resolve. */
  publicDirs: string[];
  /** Other routes the page makes exist (its section, its taxonomy terms), as route keys: links to them resolve, to no page in particular. */
  impliedRoutes?: string[];
  /** The site's navigation (a menu, a Docusaurus sidebar) links to it: readers reach it from every page, so it is never an orphan. */
  inNavigation?: boolean;
  /** The body may hold content from elsewhere (an include, a Markdown-notation shortcode, an imported component): a fragment its own headings lack may still be there. */
  importsContent?: boolean;
  /** Folders (absolute) where the generator's `ref` paths resolve, the page's own language first (default: the root's `content/`). */
  refDirs?: string[];
  /** Routes the generator makes for the whole site (globs of route keys, `*` one segment), shared by its articles. */
  routes?: string[];
  /** The site's link render hook resolves the links: a destination that is not path-like is its own, a relative path is also looked up from the root. */
  linkRenderHook?: boolean;
  /** Route keys compare without regard to case (Hugo). */
  caseInsensitiveRoutes?: boolean;
  /** Folders (absolute) from which links to source files resolve (Eleventy's input folder): shared by the site's articles. */
  sourceDirs?: string[];
  /** Source files (relative to the root) that the generator does not publish at the route their path gives (see SiteSettings.sourcesElsewhere): shared by the site's articles. */
  sourcesElsewhere?: string[];
}

/** The role keys the site model reads, per profile: the first key present wins. */
export interface SiteRoleReader {
  /** The key path of the role's value present in the data, if any, and its text. */
  title(data: Record<string, unknown>): { path: (string | number)[]; text: string } | undefined;
  description(data: Record<string, unknown>): { path: (string | number)[]; text: string } | undefined;
  /** The publish date as `YYYY-MM-DD`, when known. */
  date(data: Record<string, unknown>): string | undefined;
}

export interface SiteEntryInput {
  article: ParsedArticle;
  path: string;
  root: string;
  profile: string;
  roles: SiteRoleReader;
  settings: SiteSettings;
  /** Data the generator gives the file from its folders (see UrlInput.inherited). */
  inherited?: Record<string, unknown>;
  publicDirs: string[];
  /** See SiteArticle.sourceDirs. */
  sourceDirs?: string[];
  /** The configured `siteUrl` (else the one the generator's configuration gives). */
  siteUrl?: string;
  /** What the file is on its site (an article by default). */
  kind?: ArticleKind;
}

function disablesOf(article: ParsedArticle): { disables?: DisableDirective[] } {
  const comments = disableComments(article);
  if (comments.length === 0) return {};
  return { disables: comments.map(({ kind, ids, line, endLine }) => ({ kind, ids: ids.map((id) => flatCopy(id)), line, endLine })) };
}

export function rangeOf(article: ParsedArticle, start: number, end: number): SiteRange {
  const from = article.lines.positionAt(start);
  const to = article.lines.positionAt(end);
  return { start, end, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/**
 * The value range of a top-level key found by reading the frontmatter's lines (`key: value`,
 * `key = value`, `"key": value`), without building the YAML document (the parse builds it only when
 * asked, and most articles never need it). A value on its own line only: otherwise undefined.
 */
function lineValueRange(article: ParsedArticle, key: string): [number, number] | undefined {
  const frontmatter = article.frontmatter;
  if (!frontmatter) return undefined;
  const { lines, text } = article;
  const first = lines.lineOf(frontmatter.contentStart);
  const last = lines.lineOf(Math.max(frontmatter.contentStart, frontmatter.contentEnd - 1));
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^(?:${escaped}\\s*[:=]|"${escaped}"\\s*:)[ \\t]*`);
  for (let line = first; line <= last; line++) {
    const start = lines.lineStart(line);
    const lineText = text.slice(start, lines.lineEnd(line));
    const indent = lineText.length - lineText.trimStart().length;
    if (indent > 0 && !lineText.trimStart().startsWith('"')) continue;
    const match = pattern.exec(lineText.slice(indent));
    if (!match) continue;
    let value = lineText.slice(indent + match[0].length).trimEnd();
    if (value.endsWith(',')) value = value.slice(0, -1).trimEnd();
    if (value === '' || value === '|' || value === '>' || /^[|>][-+0-9]*$/.test(value)) return undefined;
    const valueStart = start + indent + match[0].length;
    return [valueStart, valueStart + value.length];
  }
  return undefined;
}

/** A frontmatter value's range: by its line for a top-level key, else through the YAML document. */
function valueRangeOf(article: ParsedArticle, path: readonly (string | number)[]): [number, number] | undefined {
  if (path.length === 1 && typeof path[0] === 'string') {
    const found = lineValueRange(article, path[0]);
    if (found) return found;
  }
  return frontmatterNodeRange(article, path);
}

/**
 * A link destination that holds a shortcode (`{{% eturl x %}}`, `{{< relref "x" >}}`), as written or
 * as a reference definition's encoded destination: what it stands for is known once the site is
 * built, not here.
 */
function holdsShortcode(target: string): boolean {
  return /\{\{[<%]|%7B%7B(?:%3C|%25)/i.test(target);
}

/** Not path-like (`[term](g)`): no `/`, `.` or `#`, no scheme. */
function isPathLike(target: string): boolean {
  return /[/.#]/.test(target) || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(target);
}

/** Whether the site keeps a link: not to another host, not a shortcode's, not its link render hook's own. */
function keptLink(link: { kind: string; target: string }, input: SiteEntryInput, siteUrl: string | undefined): boolean {
  if (leavesSite(link, siteUrl) || holdsShortcode(link.target)) return false;
  if (input.settings.linkRenderHook && link.kind === 'markdown' && link.target.trim() !== '' && !isPathLike(link.target.trim())) return false;
  return true;
}

/** The routes a page redirects from, where the generator (or its plugin, when the site names it) makes them. */
function aliasesOf(profileName: string, data: Record<string, unknown>, settings: SiteSettings, key: (route: string) => string): { aliases?: string[] } {
  const redirects = siteProfileOrGeneric(profileName).redirects;
  if (!redirects || (redirects.plugin && !settings.plugins?.includes(redirects.plugin))) return {};
  const value = data[redirects.key];
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return list.length ? { aliases: list.map((item) => flatCopy(key(item.trim()))) } : {};
}

/** The frontmatter's values as the site model reads them (none when the block has errors). */
function entryData(article: ParsedArticle): Record<string, unknown> {
  const frontmatter = article.frontmatter;
  return (frontmatter && frontmatter.errors.length === 0 ? frontmatter.data : undefined) ?? {};
}

/** What an article's route depends on: its parse, its file, and its site as SiteDirectory.siteOf gives it. */
export type RouteInput = Omit<SiteEntryInput, 'publicDirs' | 'siteUrl' | 'kind'>;

/**
 * The URL at which the site's generator publishes the article (its profile's `articleUrl` with the
 * site's settings, from the frontmatter of this parse): the site model's `url`, and the preview's.
 */
export function articleRoute(input: RouteInput): ArticleUrl {
  const data = entryData(input.article);
  const relativePath = relativePosix(input.root, input.path);
  return siteProfileOrGeneric(input.profile).articleUrl({ relativePath, data, inherited: input.inherited, date: input.roles.date(data), title: input.roles.title(data)?.text, settings: input.settings });
}

export function siteEntry(input: SiteEntryInput): SiteArticle {
  const { article, roles } = input;
  const profile = siteProfileOrGeneric(input.profile);
  const siteUrl = input.siteUrl ?? input.settings.siteUrl;
  const foldCase = profile.caseInsensitiveLinks === true;
  const key = (route: string) => (foldCase ? routeKey(route).toLowerCase() : routeKey(route));
  const data = entryData(article);
  const relativePath = relativePosix(input.root, input.path);
  const title = roles.title(data);
  const description = roles.description(data);
  const url = articleRoute(input);
  const lineOne = rangeOf(article, 0, article.lines.lineEnd(0));
  const keyRange = url.key ? valueRangeOf(article, [url.key]) : undefined;
  const valueRange = (path: (string | number)[] | undefined) => {
    const found = path ? valueRangeOf(article, path) : undefined;
    return found ? rangeOf(article, found[0], found[1]) : lineOne;
  };
  return {
    path: input.path,
    root: input.root,
    profile: input.profile,
    relativePath: flatCopy(relativePath),
    url: flatCopy(url.url),
    routeKey: url.url === undefined ? undefined : flatCopy(key(url.url)),
    ...aliasesOf(input.profile, data, input.settings, key),
    language: flatCopy(url.language),
    group: flatCopy(url.group),
    firstLine: lineOne,
    urlRange: keyRange ? rangeOf(article, keyRange[0], keyRange[1]) : lineOne,
    title: flatCopy(title?.text),
    titleRange: title ? valueRange(title.path) : undefined,
    description: flatCopy(description?.text),
    descriptionRange: description ? valueRange(description.path) : undefined,
    anchors: anchorsOf(article, input.settings.definitionTermAnchors === true).map((anchor) => ({
      id: flatCopy(anchor.id),
      text: flatCopy(anchor.text),
      level: anchor.level,
      range: rangeOf(article, anchor.start, anchor.end),
    })),
    // Links to other hosts never resolve in the site: left out (most of an article's links, often).
    links: linksOf(article).filter((link) => keptLink(link, input, siteUrl)).map((link) => ({
      kind: link.kind,
      target: flatCopy(link.target),
      range: rangeOf(article, link.start, link.end),
      ...(link.targetStart !== undefined && link.targetEnd !== undefined
        ? { targetRange: rangeOf(article, link.targetStart, link.targetEnd) }
        : {}),
    })),
    siteUrl,
    ...(input.kind === 'page' || input.kind === 'list' ? { page: true } : {}),
    ...(input.kind === 'list' ? { listPage: true } : {}),
    ...disablesOf(article),
    publicDirs: input.publicDirs,
    ...(url.impliedRoutes?.length ? { impliedRoutes: url.impliedRoutes.map((route) => flatCopy(key(route))) } : {}),
    ...(url.inNavigation ? { inNavigation: true } : {}),
    ...(importsContent(article) ? { importsContent: true } : {}),
    ...(url.refDirs ? { refDirs: url.refDirs.map((dir) => join(input.root, ...dir.split('/').filter(Boolean))) } : {}),
    ...(input.settings.routes?.length ? { routes: input.settings.routes } : {}),
    ...(input.settings.linkRenderHook ? { linkRenderHook: true } : {}),
    ...(foldCase ? { caseInsensitiveRoutes: true } : {}),
    ...(input.sourceDirs?.length ? { sourceDirs: input.sourceDirs } : {}),
    ...(input.settings.sourcesElsewhere?.length ? { sourcesElsewhere: input.settings.sourcesElsewhere } : {}),
  };
}

/** The page's anchors: its headings', its HTML elements' ids, and its definition terms' where the site gives them. */
function anchorsOf(article: ParsedArticle, definitionTerms: boolean): HeadingAnchor[] {
  const headings = headingAnchors(article);
  const elements = elementAnchors(article);
  if (!definitionTerms) return [...headings, ...elements];
  return [...headings, ...definitionTermAnchors(article, headings.map((anchor) => anchor.id)), ...elements];
}
