/** What a rule is: metadata for the registry, the docs and SARIF, and a pure check over the analysis. */
import type { AnalysisContext } from './context';
import type { ParsedArticle } from '../parse/parse';
import type { Fix, Severity } from '../types';

/** One option a rule accepts in `.article-lint.json` (all options are numbers today). */
export interface RuleOptionSpec {
  type: 'integer' | 'number';
  minimum?: number;
  description: string;
}

/** What a rule reports: a range of ParsedArticle.text, a message, maybe a fix. */
export interface RuleReport {
  start: number;
  end: number;
  message: string;
  fix?: Fix;
  /** A severity of its own (a note that is only ever informative, e.g. an unchecked `---js` block). */
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

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line, shown in docs, SARIF rule metadata and the editor. */
  description: string;
  defaultOptions: Readonly<Record<string, number>>;
  optionSpecs: Readonly<Record<string, RuleOptionSpec>>;
  /**
   * 'frontmatter': runs only when the frontmatter parsed as a YAML mapping without syntax errors;
   * 'body': runs on every article; 'document': decides for itself (frontmatter-missing, -syntax).
   */
  needs: 'frontmatter' | 'body' | 'document';
  /** Runs on list pages too (Hugo's `_index.md`: only frontmatter syntax and schema are checked there). */
  checksListPages?: boolean;
  check(context: RuleContext): void | Promise<void>;
}

/** Helper for rule files: a rule object, type-checked. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
