/**
 * Editor features over the site model (../site): completion of internal links (after `](` the site's
 * articles by title, in the form being typed: a relative file or a route; after `#` the target's
 * headings), Go to Definition on an internal link (the target at its heading), Find References on an
 * article's title (the links that reach it), document links, and the quick fixes of `link-broken`
 * (the closest existing targets). Plain shapes that every editor converts: positions are 0-based
 * lines and UTF-16 characters, as editors count them.
 */
import { checkSiteArticle } from '../analyze/siteRules';
import { linksOf } from '../facts/links';
import type { ParsedArticle } from '../parse/parse';
import type { SiteArticle, SiteLink, SiteRange } from '../site/entry';
import { planLink, type SiteModel } from '../site/model';
import { linkFormFor } from '../site/suggest';
import type { Fix, FileSystemHost, TextEdit } from '../types';
import type { CompletionEntry } from './completion';

export interface EditorPosition {
  line: number;
  character: number;
}

export interface EditorRange {
  start: EditorPosition;
  end: EditorPosition;
}

export interface EditorLocation {
  path: string;
  range: EditorRange;
}

/** `](` starts a link's target, `/` a route, `#` a heading. */
export const LINK_TRIGGER_CHARACTERS: readonly string[] = ['(', '/', '#'];

/** `](target` just before the cursor: the target typed so far. */
const LINK_BEFORE_CURSOR = /\]\(\s*<?([^()\s<>]*)$/;

export function editorRange(range: SiteRange): EditorRange {
  return { start: { line: range.line - 1, character: range.column - 1 }, end: { line: range.endLine - 1, character: range.endColumn - 1 } };
}

function contains(range: EditorRange, position: EditorPosition): boolean {
  const after = (a: EditorPosition, b: EditorPosition) => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}

function linkTo(target: string, kind: SiteLink['kind'] = 'markdown'): SiteLink {
  return { kind, target, range: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/** The article a link target reaches from `source`, and the fragment it names. */
function targetOf(model: SiteModel, source: SiteArticle, target: string): { article?: SiteArticle; fragment?: string } {
  const plan = planLink(source, linkTo(target));
  return { article: model.resolveInModel(source, plan)?.target, fragment: plan.fragment };
}

/** The link target typed before the cursor (after `](`), or undefined when the cursor is not in one. */
export function typedLinkTarget(lineBeforeCursor: string): string | undefined {
  return LINK_BEFORE_CURSOR.exec(lineBeforeCursor)?.[1];
}

/**
 * The link targets to offer at the cursor, given the text of its line before it; `cursor` is the
 * cursor's offset in whatever offsets the caller converts the items' ranges from.
 */
export function linkCompletions(
  model: SiteModel,
  source: SiteArticle,
  lineBeforeCursor: string,
  cursor: number,
  displayPath: (path: string) => string = (path) => path,
): CompletionEntry[] | undefined {
  const typed = typedLinkTarget(lineBeforeCursor);
  if (typed === undefined) return undefined;
  const hash = typed.indexOf('#');
  if (hash !== -1) {
    const target = hash === 0 ? { article: source } : targetOf(model, source, typed.slice(0, hash));
    if (!target.article) return undefined;
    const start = cursor - (typed.length - hash - 1);
    return target.article.anchors.map((anchor, index) => ({
      label: anchor.id,
      description: `${'#'.repeat(anchor.level)} ${anchor.text}`,
      kind: 'reference',
      start,
      end: cursor,
      filterText: anchor.id,
      sortText: String(index).padStart(5, '0'),
      detail: anchor.text,
    }));
  }
  const items: CompletionEntry[] = [];
  const asRoute = typed.startsWith('/') || (typed === '' && siteUsesRoutes(model, source));
  const plan = planLink(source, linkTo(asRoute ? '/' : './x.md'));
  for (const article of model.articlesOf(source.root)) {
    if (article.path === source.path) continue;
    const form = linkFormFor(source, plan, article);
    if (form === undefined) continue;
    const title = article.title ?? article.relativePath;
    items.push({
      label: title,
      description: form,
      kind: 'file',
      insertText: form,
      filterText: `${form} ${title}`,
      start: cursor - typed.length,
      end: cursor,
      detail: displayPath(article.path),
    });
  }
  return items;
}

/**
 * Whether the site links to its articles by route rather than by relative file: what most of the
 * article's own links do, else most links of the site (a sample), else relative files.
 */
function siteUsesRoutes(model: SiteModel, source: SiteArticle): boolean {
  const count = (article: SiteArticle) => {
    let routes = 0;
    let files = 0;
    for (const link of article.links) {
      if (link.kind !== 'markdown' && link.kind !== 'html') continue;
      const target = link.target.trim();
      if (target.startsWith('/') && !target.startsWith('//')) routes++;
      else if (/^[^:#?]+\.(md|mdx|markdown)([#?]|$)/i.test(target)) files++;
    }
    return { routes, files };
  };
  const own = count(source);
  if (own.routes !== own.files) return own.routes > own.files;
  let routes = 0;
  let files = 0;
  let seen = 0;
  for (const article of model.articlesOf(source.root)) {
    const found = count(article);
    routes += found.routes;
    files += found.files;
    if (++seen >= 200) break;
  }
  return routes > files;
}

/** Where an internal link reaches: the target article, at the heading its fragment names. */
function linkTargetLocation(model: SiteModel, source: SiteArticle, link: Pick<SiteLink, 'kind' | 'target'>): EditorLocation | undefined {
  const plan = planLink(source, linkTo(link.target, link.kind));
  if (plan.kind === 'external') return undefined;
  const target = model.resolveInModel(source, plan)?.target;
  if (!target) return undefined;
  const fragment = plan.fragment;
  const anchor = fragment ? target.anchors.find((candidate) => candidate.id === fragment || candidate.id === fragment.toLowerCase()) : undefined;
  const at = anchor ? { line: anchor.range.line - 1, character: anchor.range.column - 1 } : { line: 0, character: 0 };
  return { path: target.path, range: { start: at, end: at } };
}

/** Go to Definition at an offset of the article's text (ParsedArticle.text): the link's target. */
export function linkDefinition(model: SiteModel, source: SiteArticle, article: ParsedArticle, offset: number): EditorLocation | undefined {
  const link = linksOf(article).find((candidate) => offset >= candidate.start && offset <= candidate.end);
  return link && linkTargetLocation(model, source, link);
}

/** Find References on the article's title (its frontmatter line or its H1): the links that reach it. */
export function titleReferences(model: SiteModel, entry: SiteArticle, position: EditorPosition): EditorLocation[] | undefined {
  if (!entry.titleRange) return undefined;
  const title = editorRange(entry.titleRange);
  const firstHeading = entry.anchors.find((anchor) => anchor.level === 1);
  const onTitle = contains(title, position) || position.line === title.start.line || (firstHeading && contains(editorRange(firstHeading.range), position));
  if (!onTitle) return undefined;
  const locations: EditorLocation[] = [];
  for (const linker of model.linkersOf(entry)) {
    for (const plan of model.plansOf(linker)) {
      if (plan.kind !== 'internal') continue;
      if (model.resolveInModel(linker, plan)?.target.path === entry.path) locations.push({ path: linker.path, range: editorRange(plan.link.range) });
    }
  }
  return locations;
}

export interface DocumentLinkEntry {
  /** The link's target as written, in offsets of ParsedArticle.text. */
  start: number;
  end: number;
  target: EditorLocation;
}

/** The article's internal links that reach an article of the site, each with where it leads. */
export function documentLinks(model: SiteModel, source: SiteArticle, article: ParsedArticle): DocumentLinkEntry[] {
  const result: DocumentLinkEntry[] = [];
  for (const link of linksOf(article)) {
    const target = linkTargetLocation(model, source, link);
    if (target) result.push({ start: link.targetStart ?? link.start, end: link.targetEnd ?? link.end, target });
  }
  return result;
}

export interface BrokenLinkFix {
  title: string;
  preferred: boolean;
  /** The index of the diagnostic it fixes, in the list asked with. */
  diagnostic: number;
  /** Edits in offsets of the article's text (without a byte order mark). */
  edits: TextEdit[];
}

/** The fixes of `link-broken` diagnostics (given by where they start): the closest existing targets, the closest first. */
export async function brokenLinkFixes(model: SiteModel, path: string, fs: FileSystemHost, diagnostics: readonly EditorPosition[]): Promise<BrokenLinkFix[]> {
  if (diagnostics.length === 0 || !model.get(path)) return [];
  const findings = await checkSiteArticle(model, path, { fs, withFixes: true });
  const result: BrokenLinkFix[] = [];
  diagnostics.forEach((at, index) => {
    const finding = findings.find((candidate) => candidate.ruleId === 'link-broken' && candidate.line - 1 === at.line && candidate.column - 1 === at.character);
    if (!finding) return;
    const fixes = [finding.fix, ...(finding.alternatives ?? [])].filter((fix): fix is Fix => !!fix);
    fixes.forEach((fix, order) => result.push({ title: fix.title, preferred: order === 0, diagnostic: index, edits: fix.edits }));
  });
  return result;
}
