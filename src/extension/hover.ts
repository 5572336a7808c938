/**
 * Hover in articles: a frontmatter key shows its schema documentation; a keyword (in the
 * frontmatter's `keywords` list, or where it occurs in the body) shows how often the body uses it.
 */
import * as vscode from 'vscode';
import type { ParsedArticle } from '../core';
import type { ArticleDocuments } from './articleDocuments';
import { articleOffset, documentRange, fieldDocumentation } from './editorText';
import type { SchemaLookup } from './schemaLookup';
import { engine } from './engine';

function usageText(keyword: string, count: number, total: number): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown(`**Keyword** \`${keyword.replace(/`/g, '')}\`\n\n`);
  markdown.appendMarkdown(
    count === 0
      ? 'Not used in the text yet.'
      : `Used **${count}** time${count === 1 ? '' : 's'} in the text.`,
  );
  markdown.appendMarkdown(`\n\n*${total} keyword${total === 1 ? '' : 's'} in the frontmatter.*`);
  return markdown;
}

export class ArticleHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly documents: ArticleDocuments,
    private readonly schemas: SchemaLookup,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const article = this.documents.parse(document);
    const offset = articleOffset(document, article, position);
    const frontmatter = article.frontmatter;

    if (frontmatter && offset < frontmatter.end) {
      const key = engine().frontmatterKeyAt(article, offset);
      if (key) {
        const schema = await this.schemas.forDocument(document);
        // Hugo reads keys without regard to case: `showToc` is documented as `ShowToc`.
        const field =
          schema.fields.find((candidate) => candidate.name === key.key) ??
          schema.fields.find((candidate) => candidate.name.toLowerCase() === key.key.toLowerCase());
        if (!field) return undefined;
        return new vscode.Hover(fieldDocumentation(field, schema.sourceLabel), documentRange(document, article, key.start, key.end));
      }
      const item = engine().frontmatterListItemAt(article, 'keywords', offset);
      if (item) return this.keywordHover(document, article, item.text, item.start, item.end);
      return undefined;
    }

    const named = engine().ruleIdAt(article, offset);
    if (named) {
      const rule = engine().allRules.find((candidate) => candidate.id === named.id);
      const text = rule ? `**${rule.id}** (default: ${rule.defaultSeverity})\n\n${rule.description}` : `**${named.id}** is not a rule: this comment turns nothing off for it.`;
      return new vscode.Hover(new vscode.MarkdownString(text), documentRange(document, article, named.start, named.end));
    }

    const keywords = engine().frontmatterKeywords(article);
    const occurrence = engine().keywordOccurrenceAt(article, offset, keywords);
    if (!occurrence) return undefined;
    return this.keywordHover(document, article, occurrence.keyword, occurrence.start, occurrence.end);
  }

  private keywordHover(document: vscode.TextDocument, article: ParsedArticle, keyword: string, start: number, end: number): vscode.Hover {
    const keywords = engine().frontmatterKeywords(article);
    const normal = engine().normalizeForMatching(keyword);
    const listed = keywords.find((candidate) => engine().normalizeForMatching(candidate) === normal) ?? keyword;
    const [usage] = engine().keywordUsages(article, [listed]);
    return new vscode.Hover(usageText(listed, usage.count, keywords.length), documentRange(document, article, start, end));
  }
}
