/**
 * The engine's entry point: one parse, the facts derived once, every enabled rule, findings with
 * exact ranges sorted by position, and the article's stats. Pure: the file system comes from the
 * caller (FileSystemHost), and nothing here knows about VS Code.
 */
import { defaultConfig, loadConfig, ruleConfig, type ResolvedConfig } from '../config/config';
import { AnalysisContext } from '../rules/context';
import { faqOf } from '../facts/faq';
import { keywordCoverage } from '../facts/keywords';
import { readabilityOf } from '../facts/readability';
import { articleDescription, articleTitle } from '../facts/searchFields';
import { cutToWidth, DESKTOP_DESCRIPTION, DESKTOP_TITLE, type SerpBox } from '../text/arialWidths';
import type { ArticleState } from '../parse/articleState';
import { bodyKindOf } from '../parse/markdown';
import { parseArticle, type ParsedArticle } from '../parse/parse';
import type { RuleReport } from '../rules/rule';
import { allRules, ruleRegistry, siteRuleRegistry } from '../rules/index';
import { compareFindings, runRules } from './runRules';
import { schemaForArticle } from '../schema/schema';
import { checkFrontmatter, type SchemaCheck } from '../schema/schemaCheck';
import { readingStats } from '../facts/stats';
import { disableComments, disablingDirective, type DisableComment } from '../facts/disableComments';
import type { ArticleStats, FileSystemHost, Finding, Severity } from '../types';
import { detectSite, GENERIC_SITE, genericSite, sitePath, type SiteFolderCache, type SiteInfo } from '../generators/registry';
import { articleKind, contentDecision, siteFrontmatterProblems, type ArticleKind, type ContentDecision } from '../site/articleKind';

/** Every rule id, for the disable comments that name one. */
const RULE_IDS: readonly string[] = allRules.map((rule) => rule.id);
const SITE_RULE_IDS: ReadonlySet<string> = new Set(siteRuleRegistry.map((rule) => rule.id));

export interface AnalyzeOptions {
  /** Absolute path of the article: needed for image paths, Astro schemas, `include` and `.mdx`. */
  filePath?: string;
  /**
   * The configuration (see loadConfig). When absent and both `fs` and `filePath` are given, the
   * nearest `.article-lint.json` is loaded (its problems are ignored here); else the defaults.
   */
  config?: ResolvedConfig;
  /** The file system for image existence and schema files; without it neither is checked. */
  fs?: FileSystemHost;
  /** Whether the file is an article; by default isArticleFile decides. */
  isArticle?: boolean;
  /** False in untrusted workspaces: team and Astro schema files are not loaded (built-in schema). */
  loadWorkspaceSchemas?: boolean;
  /** The parse of `text` when the caller already has it (the editor parses each version once). */
  article?: ParsedArticle;
  /** The article's site (see detectSite); detected from `filePath` and `fs` when absent. */
  site?: SiteInfo;
  /** The caller's record of each folder's marker files, when it detects many files' sites (see SiteFolderCache). */
  siteFolders?: SiteFolderCache;
  /** The document's incremental state (see ArticleState), when `article` is not given. */
  state?: ArticleState;
}

export interface AnalysisResult {
  article: ParsedArticle;
  /** Sorted by position, then rule id. */
  findings: Finding[];
  stats: ArticleStats;
  /** An article or a page of the site: content the rules check. */
  isContent: boolean;
  /** The schema the frontmatter was checked against ('built-in', 'built-in:<site>' or a path), when it was checked. */
  schemaSource?: string;
  /** The site profile the article was checked with, and why. */
  site: SiteInfo;
  /** An article (every rule), a page or a list page (no article rule); undefined when not content. */
  kind?: ArticleKind;
  /** Why the file is an article, a page or neither on its site: which rule of the site's table decided. */
  kindReason: string;
}

/**
 * An article: by the configuration's `include` when it sets one (or a file that starts with
 * frontmatter), else by the site profile's article files; for the generic site, a file that
 * starts with frontmatter or that the default `include` matches.
 */
export function isArticleFile(text: string, filePath: string | undefined, config?: ResolvedConfig, site?: SiteInfo): boolean {
  return articleKind(text, filePath, config ?? defaultConfig(allRules), site ?? GENERIC_SITE) !== undefined;
}

/**
 * The article's stats: words, reading minutes, keyword coverage (distinct keywords), FAQ questions,
 * reading ease, and the title's and description's widths in a desktop search result.
 */
export function articleStats(article: ParsedArticle, site: SiteInfo = GENERIC_SITE): ArticleStats {
  const { words, minutes } = readingStats(article);
  const keywords = article.frontmatter?.data?.[site.profile.keys.keywords];
  const coverage = keywordCoverage(article, Array.isArray(keywords) ? keywords : []);
  return {
    words,
    readingMinutes: minutes,
    keywordsUsed: coverage.used.length,
    keywordsTotal: coverage.distinct.length,
    faqQuestions: faqOf(article)?.questions.length ?? 0,
    readability: readabilityOf(article)?.score ?? null,
    titleWidth: searchWidth(articleTitle(article, site.profile)?.value, DESKTOP_TITLE),
    descriptionWidth: searchWidth(articleDescription(article, site.profile)?.value, DESKTOP_DESCRIPTION),
  };
}

/** A field's width in a desktop search result, in px to a tenth, as shown (white space runs as one space). */
function searchWidth(value: string | undefined, box: SerpBox): number | null {
  return value === undefined ? null : cutToWidth(value, box).width;
}

export async function analyzeArticle(text: string, options: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const article = options.article ?? parseArticle(text, options.state, { kind: bodyKindOf(options.filePath) });
  const { filePath, fs } = options;
  let config = options.config;
  if (!config) config = fs && filePath ? (await loadConfig({ fs, forPath: filePath, rules: allRules })).config : defaultConfig(allRules);
  const site = options.site ?? (await detectSite(filePath, fs, config, options.siteFolders));
  let decision: ContentDecision = options.isArticle === false
    ? { why: 'not an article (as the caller says)' }
    : contentDecision(text, filePath, config, site, () => article.frontmatter?.data);
  if (decision.kind === undefined && options.isArticle) decision = { kind: 'article', why: 'an article (as the caller says)' };
  const { kind, why: kindReason } = decision;
  const isContent = kind !== undefined;
  const stats = articleStats(article, site);
  if (!isContent) return { article, findings: [], stats, isContent, site, kindReason };

  const frontmatter = article.frontmatter;
  const siteProblems = siteFrontmatterProblems(article, site.profile);
  let schemaCheck: SchemaCheck | undefined;
  let schemaProblem: string | undefined;
  if (frontmatter && frontmatter.errors.length === 0 && siteProblems.errors.length === 0 && !siteProblems.note && frontmatter.data) {
    const selected = await schemaForArticle(filePath, config, fs, options.loadWorkspaceSchemas ?? true, site.profile, site.conventions, filePath && sitePath(site, filePath));
    schemaProblem = selected.problem;
    schemaCheck = checkFrontmatter(frontmatter.data, selected.schema, site.profile);
  }
  const analysis = new AnalysisContext({ article, filePath, config, fs, isContent, schemaCheck, schemaProblem, site, siteProblems, ruleIds: RULE_IDS });

  const found = await runRules(ruleRegistry, config, {
    skip: (rule) => (kind !== 'article' && Boolean(rule.articlesOnly)) || (rule.needs === 'frontmatter' && !analysis.frontmatterOk),
    check: (rule, ruleOptions, report) => rule.check({ analysis, article, options: ruleOptions, report }),
    toFinding: (rule, severity, found: RuleReport) => toFinding(article, rule.id, milder(severity, found.severity), found),
    internalError: (message) => ({ start: 0, end: article.lines.lineEnd(0), message }),
  });
  // What the author turned off with a disable comment is not reported.
  const comments = disableComments(article);
  const findings = comments.length ? withoutDisabled(article, found, comments, config) : found;
  return { article, findings, stats, isContent, schemaSource: schemaCheck?.schema.source, site, kind, kindReason };
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** A report's own severity caps the configured one: a rule set to info never reports a warning. */
function milder(configured: Severity, own: Severity | undefined): Severity {
  return own !== undefined && SEVERITY_RANK[own] < SEVERITY_RANK[configured] ? own : configured;
}

/** The findings no comment turns off, and (when `disable-unused` is on) each comment that turns nothing off. */
function withoutDisabled(article: ParsedArticle, found: Finding[], comments: DisableComment[], config: ResolvedConfig): Finding[] {
  const used = new Set<DisableComment>();
  const findings = found.filter((finding) => {
    const by = disablingDirective(comments, finding.ruleId, finding.line);
    if (by) used.add(by);
    return !by;
  });
  const { severity } = ruleConfig(config, 'disable-unused');
  if (severity === 'off') return findings;
  for (const comment of comments) {
    // A comment that may turn a site-wide rule off is judged with the site, not here: no false alarm.
    const mayTurnOffSiteRule = comment.ids.length === 0 || comment.ids.some((id) => SITE_RULE_IDS.has(id));
    if (comment.kind === 'enable' || used.has(comment) || mayTurnOffSiteRule) continue;
    if (disablingDirective(comments, 'disable-unused', comment.line)) continue;
    findings.push(toFinding(article, 'disable-unused', severity, { start: comment.start, end: comment.end, message: `This ${comment.kind} comment turns nothing off: remove it.` }));
  }
  return findings.sort(compareFindings);
}

function toFinding(article: ParsedArticle, ruleId: string, severity: Severity, found: RuleReport): Finding {
  const start = Math.max(0, Math.min(found.start, article.text.length));
  const end = Math.max(start, Math.min(found.end, article.text.length));
  const from = article.lines.positionAt(start);
  const to = article.lines.positionAt(end);
  const finding: Finding = {
    ruleId,
    severity,
    message: found.message,
    start,
    end,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
  };
  if (found.fix) finding.fix = found.fix;
  return finding;
}
