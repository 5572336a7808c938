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
 * - Schema: builtinSchema(), profileSchema(site), schemaForArticle(filePath, config, fs, trusted, site),
 *   checkFrontmatter(data, schema, site).
 * - Sites: siteProfiles, siteProfile(name), detectSite(filePath, fs, config) → { profile, root, reason };
 *   roleValue / heroValue (fields by role), articleKind (which files are articles on a site).
 * - Facts computed once per parse: headingsOf, imagesOf, faqOf, faqJsonLd, keywordText,
 *   keywordCoverage, readingStats, readabilityOf (Flesch reading ease, per paragraph cached);
 *   dates: parseDate, compareDates.
 * - Search: articleTitle, articleDescription, articleSlug, urlLastPart, focusKeyword (searchFields.ts,
 *   the one place that says which field is which), keywordPlacement, altProblem; Arial widths:
 *   textWidth, cutToWidth, DESKTOP_TITLE, DESKTOP_DESCRIPTION, MOBILE_TITLE, MOBILE_DESCRIPTION.
 * - Edits: applyEdits, setFrontmatterScalar, readingTimeEdit (and the parse: parseArticle, LineIndex).
 * State: parseArticle(text, state?) and analyzeArticle(text, { state }) reuse what the document's
 *   earlier versions parsed (frontmatter block, body segments, word counts, keyword text) only
 *   through an ArticleState that the caller owns, one per document (the editor's document store, a
 *   CLI worker); without one nothing is reused. Facts of a version live on its ParsedArticle
 *   (facts, bodyFacts); tokens are shared between a document's versions and never written.
 *   Process-wide caches hold only content-keyed things shared by design: compiled schemas (by path
 *   and content) and parsed configuration files. parseWork counts parsing work, for tests.
 */
export * from './parse/lines';
export * from './parse/parse';
export * from './parse/articleState';
export * from './parse/parseWork';
export * from './facts/stats';
export * from './text/edits';
export * from './frontmatter/edits';
export * from './edit/readingTime';
export * from './types';
export * from './analyze/analyze';
export * from './config/config';
export * from './config/configSchema';
export * from './facts/dates';
export * from './facts/faq';
export * from './frontmatter/fields';
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
export * from './schema/schemaCheck';
export * from './generators/registry';
export * from './generators/roles';
export * from './site/articleKind';
export type { Rule, RuleContext, RuleReport, RuleOptionSpec } from './rules/rule';
export { AnalysisContext } from './rules/context';
export { ruleRegistry, siteRuleRegistry, allRules, ruleById, ruleIds } from './rules/index';
