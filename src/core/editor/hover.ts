/**
 * The hover at an offset of an article, as plain documentation every editor converts: a frontmatter
 * key shows its schema documentation; a rule id in a disable comment what the rule finds; a keyword
 * (in the frontmatter's `keywords` list, or where it occurs in the body) how often the body uses it.
 */
import { normalizeForMatching } from '../facts/keywords';
import { keywordOccurrenceAt, keywordUsages } from '../facts/keywordUsage';
import type { ParsedArticle } from '../parse/parse';
import { allRules } from '../rules/index';
import type { FrontmatterSchema } from './completion';
import { frontmatterKeyAt, frontmatterListItemAt } from './cursorSites';
import { ruleIdAt } from './disableEdits';
import { fieldDocumentation, type DocumentationPart } from './documentation';
import { frontmatterKeywords } from './keywordChoices';

export interface HoverResult {
  contents: DocumentationPart[];
  /** The range hovered, in offsets into ParsedArticle.text. */
  start: number;
  end: number;
}

export async function articleHover(article: ParsedArticle, offset: number, schema: () => Promise<FrontmatterSchema>): Promise<HoverResult | undefined> {
  const frontmatter = article.frontmatter;
  if (frontmatter && offset < frontmatter.end) {
    const key = frontmatterKeyAt(article, offset);
    if (key) {
      const { fields, sourceLabel } = await schema();
      // Hugo reads keys without regard to case: `showToc` is documented as `ShowToc`.
      const field =
        fields.find((candidate) => candidate.name === key.key) ??
        fields.find((candidate) => candidate.name.toLowerCase() === key.key.toLowerCase());
      if (!field) return undefined;
      return { contents: fieldDocumentation(field, sourceLabel), start: key.start, end: key.end };
    }
    const item = frontmatterListItemAt(article, 'keywords', offset);
    return item && keywordHover(article, item.text, item.start, item.end);
  }

  const named = ruleIdAt(article, offset);
  if (named) {
    const rule = allRules.find((candidate) => candidate.id === named.id);
    const text = rule
      ? `**${rule.id}** (default: ${rule.defaultSeverity})\n\n${rule.description}`
      : `**${named.id}** is not a rule: this comment turns nothing off for it.`;
    return { contents: [{ markdown: text }], start: named.start, end: named.end };
  }

  const occurrence = keywordOccurrenceAt(article, offset, frontmatterKeywords(article));
  return occurrence && keywordHover(article, occurrence.keyword, occurrence.start, occurrence.end);
}

function keywordHover(article: ParsedArticle, keyword: string, start: number, end: number): HoverResult {
  const keywords = frontmatterKeywords(article);
  const normal = normalizeForMatching(keyword);
  const listed = keywords.find((candidate) => normalizeForMatching(candidate) === normal) ?? keyword;
  const [{ count }] = keywordUsages(article, [listed]);
  const total = keywords.length;
  const used = count === 0 ? 'Not used in the text yet.' : `Used **${count}** time${count === 1 ? '' : 's'} in the text.`;
  const markdown = `**Keyword** \`${listed.replace(/`/g, '')}\`\n\n${used}\n\n*${total} keyword${total === 1 ? '' : 's'} in the frontmatter.*`;
  return { contents: [{ markdown }], start, end };
}
