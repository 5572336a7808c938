/**
 * What the editor uses of the engine (src/core, with yaml, markdown-it, gray-matter and the
 * sanitizer). The extension's bundle keeps this module in dist/engine.js, loaded through ./engine
 * on first use, so that activation evaluates none of it.
 */
export { CONFIG_FILE_NAME, LineIndex, analyzeArticle, loadConfig, parseArticle, readingStats, readingTimeEdit, setFrontmatterScalar } from '../core';
export { safeFixEdits } from '../core/fixes';
export { faqJsonLd, faqOf } from '../core/faq';
export { boldKeyword, faqSectionEdit, insertFaqQuestion, markdownImage, newArticleText, slugFromTitle } from '../core/authoring';
export { headingsOf } from '../core/headings';
export { ImageResolver, localImagePath } from '../core/image-paths';
export { altFromFileName } from '../core/images';
export { completionSiteAt, frontmatterKeyAt, frontmatterKeywords, frontmatterListItemAt, keywordSortTexts, valueInsertText } from '../core/completion';
export { keywordOccurrenceAt, keywordUsages } from '../core/keywordUsage';
export { isoToday, keySnippet, schemaFields, yamlValueText } from '../core/schemaFields';
export { INDEXED_FIELDS, aggregateValues, indexedValues } from '../core/frontmatterValues';
export { normalizeForMatching } from '../core/keywords';
export { renderArticle, urlScheme } from '../core/render';
export { BUILTIN_SCHEMA_SOURCE, schemaForArticle } from '../core/schema';
