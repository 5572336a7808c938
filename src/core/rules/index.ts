/**
 * The registry: every rule of sections 2, 7 and 8 of the article format, in the contract's order. The CLI's
 * SARIF output, the docs and the editor read `id`, `defaultSeverity` and `description` from here.
 */
import type { Rule, RuleMeta, SiteRule } from './rule';
import frontmatterMissing from './frontmatter-missing';
import frontmatterSyntax from './frontmatter-syntax';
import frontmatterSchema from './frontmatter-schema';
import frontmatterUnknownKey from './frontmatter-unknown-key';
import titleLength from './title-length';
import descriptionLength from './description-length';
import slugFormat from './slug-format';
import keywordUnused from './keyword-unused';
import keywordDuplicate from './keyword-duplicate';
import headingMultipleH1 from './heading-multiple-h1';
import readingTimeMismatch from './reading-time-mismatch';
import imageAltMissing from './image-alt-missing';
import heroImageAltMissing from './hero-image-alt-missing';
import imageNotFound from './image-not-found';
import faqMissing from './faq-missing';
import faqTooFew from './faq-too-few';
import faqAnswerMissing from './faq-answer-missing';
import faqQuestionFormat from './faq-question-format';
import duplicateTitle from './duplicate-title';
import duplicateDescription from './duplicate-description';
import duplicateUrl from './duplicate-url';
import linkBroken from './link-broken';
import articleOrphan from './article-orphan';
import keywordPlacement from './keyword-placement';
import serpTitleTruncated from './serp-title-truncated';
import serpDescriptionTruncated from './serp-description-truncated';
import imageAltQuality from './image-alt-quality';
import readability from './readability';

export const ruleRegistry: readonly Rule[] = [
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchema,
  frontmatterUnknownKey,
  titleLength,
  descriptionLength,
  slugFormat,
  keywordUnused,
  keywordDuplicate,
  headingMultipleH1,
  readingTimeMismatch,
  imageAltMissing,
  heroImageAltMissing,
  imageNotFound,
  faqMissing,
  faqTooFew,
  faqAnswerMissing,
  faqQuestionFormat,
  // Section 8: how the page shows in search.
  keywordPlacement,
  serpTitleTruncated,
  serpDescriptionTruncated,
  imageAltQuality,
  readability,
];

/** The rules of section 7: checked per article against the whole site (see site/check.ts). */
export const siteRuleRegistry: readonly SiteRule[] = [duplicateTitle, duplicateDescription, duplicateUrl, linkBroken, articleOrphan];

/** Every rule, per article and site-wide: what the configuration, the docs and SARIF know. */
export const allRules: readonly RuleMeta[] = [...ruleRegistry, ...siteRuleRegistry];

export const ruleById: ReadonlyMap<string, RuleMeta> = new Map(allRules.map((rule) => [rule.id, rule]));

export const ruleIds: readonly string[] = allRules.map((rule) => rule.id);
