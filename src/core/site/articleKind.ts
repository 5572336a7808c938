/**
 * Which files are articles, pages or neither on a site (docs/sites.md), and what the site's generator makes of
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
import type { ContentKind } from '../generators/conventions';

/** An article (every rule), a page (no article rule), or a list page (a page with no duplicate of its own). */
export type ArticleKind = 'article' | 'page' | 'list';

/** What a file is on its site, and why: which rule of the site's table decided. */
export interface ContentDecision {
  /** Undefined: not content the rules check. */
  kind?: ArticleKind;
  why: string;
}

/** Whether the file name has one of the profile's Markdown extensions. */
function hasMarkdownExtension(profile: SiteProfile, filePath: string): boolean {
  return profile.extensions.includes(extname(filePath).toLowerCase());
}

/** The compiled globs of a rule list (rule lists are few and live as long as their site). */
const matchers = new WeakMap<readonly string[], (path: string) => boolean>();

function matches(globs: readonly string[], relative: string): boolean {
  let matcher = matchers.get(globs);
  if (!matcher) {
    matcher = globMatcher(globs);
    matchers.set(globs, matcher);
  }
  return matcher(relative);
}

function decided(kind: ContentKind, why: string): ContentDecision {
  return kind === 'none' ? { why } : { kind, why };
}

/**
 * What the file is: an article, a page, a list page, or (kind undefined) not content. A configured
 * `include` replaces the site's table: what it matches is an article. `data` gives the frontmatter
 * when the site's rule needs it (it is read only then).
 */
export function contentDecision(
  text: string,
  filePath: string | undefined,
  config: ResolvedConfig,
  site: SiteInfo,
  data?: () => Record<string, unknown> | undefined,
): ContentDecision {
  const profile = site.profile;
  // Jekyll's rarer Markdown extensions are articles only where Jekyll reads them.
  if (filePath && isMarkdownFile(filePath) && !hasMarkdownExtension(profile, filePath)) {
    return { why: `${extname(filePath)} is not a Markdown extension ${profile.label} reads` };
  }
  const relative = filePath ? sitePath(site, filePath) : undefined;
  if (config.includeConfigured || profile.articles.byInclude || relative === undefined) {
    if (filePath && matchesInclude(config, filePath)) return { kind: 'article', why: `matches "include" ${config.includeConfigured ? 'in the configuration' : '(its default)'}` };
    if (startsWithFrontmatter(text)) return { kind: 'article', why: 'starts with frontmatter' };
    return { why: `neither matches "include" nor starts with frontmatter` };
  }
  const articles = profile.articles;
  if (articles.exclude?.length && matches(articles.exclude, relative)) return { why: `${profile.label} does not render it as a page (${articles.exclude.find((glob) => matches([glob], relative))})` };
  let decision: ContentDecision | undefined;
  for (const rule of [...(site.conventions?.contentRules ?? []), ...articles.rules]) {
    if (matches(rule.globs, relative)) {
      decision = decided(rule.kind, rule.why);
      break;
    }
  }
  if (!decision && articles.frontmatterPages && startsWithFrontmatter(text)) decision = { kind: 'page', why: articles.frontmatterPages };
  if (!decision) return { why: `${profile.label} renders no page from it` };
  if ((decision.kind === 'article' || decision.kind === 'page') && articles.byData && data) {
    const values = data();
    const byData = values && articles.byData(values, decision.kind);
    if (byData) return byData;
  }
  return decision;
}

/** The file's kind on its site (see contentDecision). */
export function articleKind(
  text: string,
  filePath: string | undefined,
  config: ResolvedConfig,
  site: SiteInfo,
  data?: () => Record<string, unknown> | undefined,
): ArticleKind | undefined {
  return contentDecision(text, filePath, config, site, data).kind;
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
