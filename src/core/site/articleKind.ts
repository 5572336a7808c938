/**
 * Which files are articles on a site (docs/sites.md), and what the site's generator makes of
 * the frontmatter's format: a format it does not read is a syntax problem; Eleventy's `---js` is
 * never run, only noted.
 */
import { matchesInclude, type ResolvedConfig } from '../config/config';
import type { FrontmatterError } from '../parse/frontmatter';
import { startsWithFrontmatter, type ParsedArticle } from '../parse/parse';
import { globMatcher } from '../text/globs';
import { isMarkdownFile } from '../text/markdownFiles';
import { extname, isAbsolute, relativePosix } from '../text/paths';
import type { SiteSettings } from '../generators/urls';
import { sitePath, type SiteInfo } from '../generators/registry';
import type { SiteProfile } from '../generators/profile';

export type ArticleKind = 'article' | 'list';

/** Whether the file name has one of the profile's Markdown extensions. */
function hasMarkdownExtension(profile: SiteProfile, filePath: string): boolean {
  return profile.extensions.includes(extname(filePath).toLowerCase());
}

/**
 * 'article', 'list' (a list page: only frontmatter syntax and schema), or undefined when the file
 * is not an article. A configured `include` replaces the profile's article globs.
 */
export function articleKind(text: string, filePath: string | undefined, config: ResolvedConfig, site: SiteInfo): ArticleKind | undefined {
  const profile = site.profile;
  // Jekyll's rarer Markdown extensions are articles only where Jekyll reads them.
  if (filePath && isMarkdownFile(filePath) && !hasMarkdownExtension(profile, filePath)) return undefined;
  const relative = filePath ? sitePath(site, filePath) : undefined;
  if (config.includeConfigured || profile.articles.byInclude || relative === undefined) {
    if (startsWithFrontmatter(text)) return 'article';
    return filePath && matchesInclude(config, filePath) ? 'article' : undefined;
  }
  const articles = profile.articles;
  if (articles.exclude?.length && globMatcher(articles.exclude)(relative)) return undefined;
  if (articles.listPages?.length && globMatcher(articles.listPages)(relative)) return 'list';
  if (articles.include?.length && globMatcher(articles.include)(relative)) return 'article';
  if (site.conventions?.articleGlobs.length && globMatcher(site.conventions.articleGlobs)(relative)) return 'article';
  if (articles.frontmatterFiles && startsWithFrontmatter(text)) return 'article';
  return undefined;
}

/**
 * Whether a file that is not an article is a page its site's generator publishes (see
 * SiteProfile.isPage): the site model keeps it as a link target. A configured `include` decides alone.
 */
export function isSitePage(text: string, filePath: string, config: ResolvedConfig, site: SiteInfo, settings: SiteSettings): boolean {
  const profile = site.profile;
  if (!profile.isPage || config.includeConfigured || profile.articles.byInclude) return false;
  if (isMarkdownFile(filePath) && !hasMarkdownExtension(profile, filePath)) return false;
  if (!site.root) return false;
  // A relative path that climbs (`../docs/x.md`): a content folder beside the site's own.
  const relative = relativePosix(site.root, filePath);
  if (isAbsolute(relative)) return false;
  return profile.isPage(relative, settings, startsWithFrontmatter(text));
}

export interface SiteFrontmatterProblems {
  /** Problems of the block as this site's generator reads it (beyond the parse's own errors). */
  errors: FrontmatterError[];
  /** An informative note instead of any check (Eleventy's `---js`, never run). */
  note?: { message: string; start: number; end: number };
}

const NONE: SiteFrontmatterProblems = { errors: [] };

/** Whether the site's generator reads the block's format; an unchecked `---js` block is a note. */
export function siteFrontmatterProblems(article: ParsedArticle, profile: SiteProfile): SiteFrontmatterProblems {
  const frontmatter = article.frontmatter;
  if (!frontmatter) return NONE;
  const firstLine: [number, number] = [0, article.lines.lineEnd(0)];
  const language = frontmatter.language;
  if ((language === 'js' || language === 'javascript') && profile.jsFrontmatterNote) {
    return {
      errors: [],
      note: { start: firstLine[0], end: firstLine[1], message: 'JavaScript frontmatter is never run here, so this page’s frontmatter is not checked.' },
    };
  }
  const format = frontmatter.format;
  if (format && !profile.formats.includes(format)) {
    const names = profile.formats.map((name) => name.toUpperCase());
    const reads = names.length === 1 ? `only ${names[0]}` : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
    return {
      errors: [{
        kind: 'unsupported-language',
        message: `${format.toUpperCase()} frontmatter: this site's generator (${profile.label}) reads ${reads} frontmatter${names.length === 1 && names[0] === 'YAML' ? ' between --- lines' : ''}.`,
        start: firstLine[0],
        end: firstLine[1],
      }],
    };
  }
  return NONE;
}
