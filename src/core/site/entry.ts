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
import { relativePosix } from '../text/paths';
import { elementAnchors, headingAnchors } from './anchors';
import { leavesSite } from './siteUrl';
import { routeKey, type SiteSettings } from '../generators/urls';
import { siteProfileOrGeneric } from '../generators/registry';
import { flatCopy } from '../text/strings';
import { disableComments, type DisableDirective } from '../facts/disableComments';
import { importsContent } from '../facts/includes';

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
  /** A list page (Hugo's `_index.md`): a link target, but no duplicate or orphan finding of its own. */
  listPage?: boolean;
  /**
   * A page the generator publishes that is not an article (see SiteProfile.isPage): a link target,
   * and its links count for the articles they reach, but it gets no site-wide finding of its own.
   */
  page?: boolean;
  /** In the site's navigation (a Docusaurus sidebar): readers reach it from every page, so it is never an orphan. */
  inNavigation?: boolean;
  /**
   * The page may get headings from elsewhere (a Jekyll or Eleventy `{% include %}`, an MDX component
   * it imports): a `#fragment` that matches none of its own headings is not reported.
   */
  importsContent?: boolean;
  /** The article's disable comments: the site-wide rules they turn off report nothing there. */
  disables?: DisableDirective[];
  /** `https://host/base`: absolute links to this host are internal. */
  siteUrl?: string;
  /** Folders (absolute) where root-relative links to files resolve. */
  publicDirs: string[];
  /** Routes the generator makes beside its pages (see SiteSettings.routes): one list shared by the site's articles. */
  routes?: string[];
  /** Folders (absolute) from which links to source files resolve (Eleventy's input folder): shared by the site's articles. */
  sourceDirs?: string[];
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
  listPage?: boolean;
  page?: boolean;
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

/** The routes a page redirects from, where the generator (or its plugin, when the site names it) makes them. */
function aliasesOf(profileName: string, data: Record<string, unknown>, settings: SiteSettings): { aliases?: string[] } {
  const redirects = siteProfileOrGeneric(profileName).redirects;
  if (!redirects || (redirects.plugin && !settings.plugins?.includes(redirects.plugin))) return {};
  const value = data[redirects.key];
  const list = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  return list.length ? { aliases: list.map((item) => flatCopy(routeKey(item.trim()))) } : {};
}

export function siteEntry(input: SiteEntryInput): SiteArticle {
  const { article, roles } = input;
  const siteUrl = input.siteUrl ?? input.settings.siteUrl;
  const frontmatter = article.frontmatter;
  const data = (frontmatter && frontmatter.errors.length === 0 ? frontmatter.data : undefined) ?? {};
  const relativePath = relativePosix(input.root, input.path);
  const title = roles.title(data);
  const description = roles.description(data);
  const url = siteProfileOrGeneric(input.profile).articleUrl({ relativePath, data, inherited: input.inherited, date: roles.date(data), title: title?.text, settings: input.settings });
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
    routeKey: url.url === undefined ? undefined : flatCopy(routeKey(url.url)),
    ...aliasesOf(input.profile, data, input.settings),
    language: flatCopy(url.language),
    group: flatCopy(url.group),
    firstLine: lineOne,
    urlRange: keyRange ? rangeOf(article, keyRange[0], keyRange[1]) : lineOne,
    title: flatCopy(title?.text),
    titleRange: title ? valueRange(title.path) : undefined,
    description: flatCopy(description?.text),
    descriptionRange: description ? valueRange(description.path) : undefined,
    anchors: [...headingAnchors(article), ...elementAnchors(article)].map((anchor) => ({
      id: flatCopy(anchor.id),
      text: flatCopy(anchor.text),
      level: anchor.level,
      range: rangeOf(article, anchor.start, anchor.end),
    })),
    // Links to other hosts never resolve in the site: left out (most of an article's links, often).
    links: linksOf(article).filter((link) => !leavesSite(link, siteUrl)).map((link) => ({
      kind: link.kind,
      target: flatCopy(link.target),
      range: rangeOf(article, link.start, link.end),
      ...(link.targetStart !== undefined && link.targetEnd !== undefined
        ? { targetRange: rangeOf(article, link.targetStart, link.targetEnd) }
        : {}),
    })),
    siteUrl,
    ...(input.listPage ? { listPage: true } : {}),
    ...(input.page ? { page: true } : {}),
    ...(url.inNavigation ? { inNavigation: true } : {}),
    ...(importsContent(article) ? { importsContent: true } : {}),
    ...disablesOf(article),
    publicDirs: input.publicDirs,
    ...(input.settings.routes?.length ? { routes: input.settings.routes } : {}),
    ...(input.sourceDirs?.length ? { sourceDirs: input.sourceDirs } : {}),
  };
}
