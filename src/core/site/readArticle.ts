/**
 * The site model's entry for a file the editor has not opened (the workspace index reads it from
 * disk), or for an analysis it already has: the site detected as the analysis detects it, articles
 * and pages only (as the site profile says which files are content).
 */
import type { ResolvedConfig } from '../config/config';
import { bodyKindOf } from '../parse/markdown';
import { SLICED_PARSE_FROM } from '../parse/bodyParse';
import { parseArticle, parseArticleInSlices, type ParsedArticle } from '../parse/parse';
import type { FileSystemHost } from '../types';
import { articleKind, isSitePage } from './articleKind';
import { siteEntry, type SiteArticle } from './entry';
import { detectSite, type SiteFolderCache, type SiteInfo } from '../generators/registry';
import type { SiteDirectory } from './directory';

export interface SiteArticleInput {
  text: string;
  filePath: string;
  config: ResolvedConfig;
  fs: FileSystemHost;
  sites: SiteDirectory;
  /** The parse, when the caller has it. */
  article?: ParsedArticle;
  /** The detected site, when the caller has it. */
  site?: SiteInfo;
  /** `siteUrl` when the configuration has none (the editor's setting). */
  siteUrl?: string;
  /** What each folder's marker files say, shared across many files (see detectSite). */
  siteFolders?: SiteFolderCache;
  /** Called between the steps (the site, the parse, the entry): a build in slices gives the event loop back there when its slice is spent. */
  breathe?: () => Promise<void>;
}

/**
 * The entry of an article, or of a page the site's generator publishes (a link target only: see
 * isSitePage); undefined when the file is neither.
 */
export async function readSiteArticle(input: SiteArticleInput): Promise<SiteArticle | undefined> {
  const { text, filePath, config, fs, breathe } = input;
  const site = input.site ?? (await detectSite(filePath, fs, config, input.siteFolders));
  await breathe?.();
  let article = input.article;
  // A long text is parsed in pieces with turns between (its whole parse can hold the event loop 50 ms and more).
  if (!article && breathe && text.length >= SLICED_PARSE_FROM) article = await parseArticleInSlices(text, { kind: bodyKindOf(filePath) }, breathe);
  const parsed = () => (article ??= parseArticle(text, undefined, { kind: bodyKindOf(filePath) }));
  const kind = articleKind(text, filePath, config, site, () => parsed().frontmatter?.data);
  if (!kind && !site.profile.isPage) return undefined;
  const where = await input.sites.siteOf(filePath, site, config);
  // Not content the rules check, but a page the generator publishes: a link target all the same.
  if (!kind && !isSitePage(text, filePath, config, site, where.settings)) return undefined;
  parsed();
  await breathe?.();
  return siteEntry({ article: parsed(), path: filePath, ...where, siteUrl: config.siteUrl ?? input.siteUrl, kind: kind ?? 'page' });
}
