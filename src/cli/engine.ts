/**
 * The CLI's one door to the engine (src/core): configuration per file, analysis, the rule registry.
 * TEMPORARY: until src/core/analyze.ts and config.ts land this parses only and finds nothing.
 */
import { parseArticle } from '../core/parse';
import { readingStats } from '../core/stats';
import type { ArticleStats, Finding } from '../core/types';
import { NodeFileSystem } from './node-fs';
import type { RuleInfo } from './report';

/** A bad `.article-lint.json` (or --config file): the message names the file and the key. */
export class ConfigurationError extends Error {}

export interface Analysis {
  /** The text the findings' offsets refer to (BOM removed). */
  text: string;
  hadBom: boolean;
  isArticle: boolean;
  findings: Finding[];
  stats: ArticleStats;
}

export class Engine {
  readonly fs = new NodeFileSystem();

  constructor(
    readonly cwd: string,
    readonly configFile?: string,
  ) {}

  async analyze(text: string, _filePath: string): Promise<Analysis> {
    const article = parseArticle(text);
    const { words, minutes } = readingStats(article);
    return {
      text: article.text,
      hadBom: article.hadBom,
      isArticle: article.frontmatter !== undefined,
      findings: [],
      stats: { words, readingMinutes: minutes, keywordsUsed: 0, keywordsTotal: 0, faqQuestions: 0 },
    };
  }
}

export function ruleInfos(): RuleInfo[] {
  return [];
}
