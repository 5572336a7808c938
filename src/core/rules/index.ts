/**
 * The registry: every rule, each documented in docs/rules/<id>.md, in the order of that folder's
 * index. The configuration, the CLI's SARIF output and the editor read the rules from here.
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
import disableUnknownRule from './disable-unknown-rule';
import disableUnused from './disable-unused';

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
  disableUnknownRule,
  disableUnused,
];

/** The site-wide rules: checked per article against the site model (see analyze/siteRules.ts). */
export const siteRuleRegistry: readonly SiteRule[] = [duplicateTitle, duplicateDescription, duplicateUrl, linkBroken, articleOrphan];

/** Every rule, per article and site-wide: what the configuration, the docs and SARIF know. */
export const allRules: readonly RuleMeta[] = [...ruleRegistry, ...siteRuleRegistry];
