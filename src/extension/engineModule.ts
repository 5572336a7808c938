/**
 * What the editor uses of the engine (src/core, with yaml, markdown-it, gray-matter and the
 * sanitizer). The extension's bundle keeps this module in dist/engine.js, loaded through ./engine
 * on first use, so that activation evaluates none of it.
 */
export { ArticleState, CONFIG_FILE_NAME, LineIndex, analyzeArticle, bodyKindOf, loadConfig, parseArticle, readingStats, readingTimeEdit, setFrontmatterScalar } from '../core';
export { safeFixEdits } from '../core/edit/fixes';
export { faqJsonLd, faqOf } from '../core/facts/faq';
export { boldKeyword, faqSectionEdit, insertFaqQuestion, markdownImage, newArticleText, slugFromTitle } from '../core/editor/authoring';
export { headingsOf } from '../core/facts/headings';
export { ImageResolver, localImagePath, templateImagePath } from '../core/facts/imagePaths';
export { altFromFileName } from '../core/facts/images';
export { completionSiteAt, frontmatterKeyAt, frontmatterListItemAt, valueInsertText } from '../core/editor/cursorSites';
export { frontmatterKeywords, keywordSortTexts } from '../core/editor/keywordChoices';
export { keywordOccurrenceAt, keywordUsages } from '../core/facts/keywordUsage';
export { isoToday, keySnippet, schemaFields, yamlValueText } from '../core/schema/schemaFields';
export { INDEXED_FIELDS, aggregateValues, indexedValues } from '../core/editor/frontmatterValues';
export { normalizeForMatching } from '../core/facts/keywords';
export { readabilityOf, readingEaseLabel } from '../core/facts/readability';
export { renderArticle, urlScheme } from '../core/render';
export { BUILTIN_SCHEMA_SOURCE, isBuiltinSchemaSource, schemaForArticle } from '../core/schema/schema';
export { detectSite } from '../core/generators/registry';
export { roleValue } from '../core/generators/roles';
export { bundleHeroFile } from '../core/generators/bundle';
export { SiteModel, comparableText, planLink } from '../core/site/model';
export { linksOf } from '../core/facts/links';
export { SiteDirectory } from '../core/site/directory';
export { readSiteArticle } from '../core/site/readArticle';
export { isInside } from '../core/text/paths';
export { indexInSlices } from '../core/site/indexing';
export { checkSiteArticle } from '../core/analyze/siteRules';
export { linkFormFor } from '../core/site/suggest';
export { siteRuleRegistry } from '../core/rules/index';
