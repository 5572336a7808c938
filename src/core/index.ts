/**
 * The engine's public surface, shared by the extension, the CLI, the preview and the benchmark.
 * Pure TypeScript: never imports `vscode`; the file system comes from the caller (FileSystemHost).
 *
 * API summary
 * - analyzeArticle(text, { filePath?, config?, fs?, isArticle?, loadWorkspaceSchemas? })
 *     → Promise<{ article, findings (sorted), stats, isArticle, schemaSource? }>
 *   Finding: { ruleId, severity, message, start, end (UTF-16 offsets), line, column, endLine,
 *   endColumn (1-based, endColumn exclusive), fix?: { title, edits, safe } }.
 * - isArticleFile(text, filePath, config): frontmatter, or `include` matches.
 * - articleStats(article): { words, readingMinutes, keywordsUsed, keywordsTotal, faqQuestions }.
 * - Configuration: loadConfig({ fs, configFile?, forPath?, defaultBaseDir? }) → { config, problems };
 *   parseConfig(text, file); defaultConfig(baseDir?); findConfigFile(folder, fs);
 *   formatConfigProblem(problem); ruleConfig(config, id); matchesInclude(config, path);
 *   configJsonSchema() (the schema of `.article-lint.json`, also in schemas/article-lint.schema.json).
 * - Rules: ruleRegistry (id, defaultSeverity, description, defaultOptions, optionSpecs, check),
 *   ruleById, ruleIds.
 * - Schema: builtinSchema(), schemaForArticle(filePath, config, fs), checkFrontmatter(data, schema).
 * - Facts computed once per parse: headingsOf, imagesOf, faqOf, faqJsonLd, keywordText,
 *   keywordCoverage, readingStats, readabilityOf (Flesch reading ease, per paragraph cached);
 *   dates: parseDate, compareDates.
 * - Search: articleTitle, articleDescription, articleSlug, urlLastPart, focusKeyword (searchFields.ts,
 *   the one place that says which field is which), keywordPlacement, altProblem; Arial widths:
 *   textWidth, cutToWidth, DESKTOP_TITLE, DESKTOP_DESCRIPTION, MOBILE_TITLE, MOBILE_DESCRIPTION.
 * - Edits: applyEdits, setFrontmatterScalar, readingTimeEdit (and the parse: parseArticle, LineIndex).
 * Caches: compiled schemas (by path + content), parsed configs, frontmatter blocks (by exact text:
 * treat ParsedArticle.frontmatter as read-only) and word counts per block are reused across calls;
 * the last body's tokens are reused while only the frontmatter changes (treat tokens as read-only);
 * clearTextCaches() forgets the per-text ones (frontmatter blocks, the last body, word counts), e.g.
 * to measure an analysis from scratch.
 */
export * from './parse/lines';
export * from './parse/parse';
export * from './facts/stats';
export * from './edit/edits';
export * from './types';
export * from './analyze';
export * from './config/config';
export * from './config/configSchema';
export * from './facts/dates';
export * from './facts/faq';
export * from './facts/fields';
export * from './facts/headings';
export * from './facts/images';
export * from './facts/imagePaths';
export * from './facts/keywords';
export * from './facts/reading';
export * from './facts/readability';
export * from './facts/searchFields';
export * from './facts/keywordPlacement';
export * from './facts/altQuality';
export * from './text/arialWidths';
export * from './schema/schema';
export type { Rule, RuleContext, RuleReport, RuleOptionSpec } from './rules/rule';
export { AnalysisContext } from './rules/context';
export { ruleRegistry, ruleById, ruleIds } from './rules/index';

import { clearFrontmatterCache } from './parse/parse';
import { clearKeywordCache } from './facts/keywords';
import { clearWordCountCache } from './facts/reading';

/** Forgets the caches keyed by article text (frontmatter blocks, the last body's tokens, block word counts, keyword matches); compiled schemas stay. */
export function clearTextCaches(): void {
  clearFrontmatterCache();
  clearWordCountCache();
  clearKeywordCache();
}
