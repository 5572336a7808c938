/** What a rule is: metadata for the registry, the docs and SARIF, and a pure check over the analysis. */
import type { AnalysisContext } from './context';
import type { ConfigurableRule, RuleOptionSpec } from '../config/config';
import type { ParsedArticle } from '../parse/parse';
import type { FileSystemHost, Fix, Severity } from '../types';
import type { SiteArticle, SiteRange } from '../site/entry';
import type { SiteModel } from '../site/model';

/** What a rule reports: a range of ParsedArticle.text, a message, maybe a fix. */
export interface RuleReport {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** A milder severity of its own, never above the rule's setting (an unchecked `---js` block is only a note). */
  severity?: Severity;
}

export interface RuleContext {
  /** The facts shared by all rules: parse, frontmatter values and ranges, schema result, images, FAQ… */
  readonly analysis: AnalysisContext;
  readonly article: ParsedArticle;
  /** The rule's defaultOptions merged with the configuration's. */
  readonly options: Readonly<Record<string, unknown>>;
  report(report: RuleReport): void;
}

/** What every rule has, whether it checks one article or the site: the registry, the docs, SARIF and the configuration read it. */
export interface RuleMeta extends ConfigurableRule {
  /** One line, shown in docs, SARIF rule metadata and the editor. */
  description: string;
  defaultOptions: Readonly<Record<string, number>>;
  optionSpecs: Readonly<Record<string, RuleOptionSpec>>;
  /** An article rule (FAQ, keywords, lengths, reading time, orphans): never run on a site's pages (about, docs, archives). */
  articlesOnly?: boolean;
  /** Whether its findings carry a fix: `fix`, safe for `--fix` and Fix All; `quick-fix`, offered in the editor only. */
  fixable?: 'fix' | 'quick-fix';
}

export interface Rule extends RuleMeta {
  /**
   * 'frontmatter': runs only when the frontmatter parsed as a YAML mapping without syntax errors;
   * 'body': runs on every article; 'document': decides for itself (frontmatter-missing, -syntax).
   */
  needs: 'frontmatter' | 'body' | 'document';
  check(context: RuleContext): void | Promise<void>;
}

/** What a site-wide rule reports: a range of the checked article (see SiteRange), a message, maybe fixes. */
export interface SiteRuleReport {
  range: SiteRange;
  message: string;
  /** Replacements offered (the closest existing link targets); never applied by --fix. */
  fixes?: Fix[];
}

export interface SiteRuleContext {
  /** Every article of the checked paths (CLI) or of the workspace (editor). */
  readonly site: SiteModel;
  /** The article being checked. */
  readonly article: SiteArticle;
  readonly options: Readonly<Record<string, unknown>>;
  /** For link targets that are files rather than articles; without one they are taken as present. */
  readonly fs?: FileSystemHost;
  /** Whether fixes are wanted (the editor's quick fixes): they cost a search over the site. */
  readonly withFixes: boolean;
  /** The path of another article as messages name it. */
  displayPath(path: string): string;
  report(report: SiteRuleReport): void;
}

/**
 * A rule over the site as a whole: checked for one article at a time against the site
 * model, by the CLI after every file is read and by the editor for each article a change affects.
 */
export interface SiteRule extends RuleMeta {
  scope: 'site';
  check(context: SiteRuleContext): void | Promise<void>;
}

export function defineSiteRule(rule: Omit<SiteRule, 'scope'>): SiteRule {
  return { ...rule, scope: 'site' };
}

/** Helper for rule files: a rule object, type-checked. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
