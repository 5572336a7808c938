/**
 * Completion in articles: frontmatter keys from the active schema (with their documentation and a
 * value snippet), enum values, values already used across the workspace for category, author, tags
 * and keywords, in the body the frontmatter's keywords (unused first) inserted as `**keyword**`, and
 * rule ids in a disable comment.
 * What can be completed where is computed by the engine (src/core/editor/cursorSites.ts,
 * keywordChoices.ts); this file only turns it into VS Code items.
 */
import * as vscode from 'vscode';
import type { BodySite, IndexedField, KeySite, ParsedArticle, RuleIdSite, SchemaField, ValueSite } from '../core';
import type { ArticleDocuments } from './articleDocuments';
import { articleOffset, documentRange, fieldDocumentation, typeLabel } from './editorText';
import type { SchemaLookup } from './schemaLookup';
import type { WorkspaceValueIndex } from './workspaceIndex';
import { engine } from './engine';

/** `*` starts bold keywords in the body; `:`, `[`, `,` and `"` start frontmatter values. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['*', ':', '[', ',', '"'];

export class ArticleCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly documents: ArticleDocuments,
    private readonly schemas: SchemaLookup,
    private readonly index: WorkspaceValueIndex,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
    context: vscode.CompletionContext,
  ): Promise<vscode.CompletionItem[] | vscode.CompletionList | undefined> {
    const article = this.documents.parse(document);
    const offset = articleOffset(document, article, position);
    const idSite = engine().ruleIdSiteAt(article, offset);
    if (idSite) return this.ruleIdItems(document, article, idSite);
    const site = engine().completionSiteAt(article, offset);
    if (!site) return undefined;
    const trigger = context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined;

    if (site.kind === 'body') {
      if (trigger !== undefined && trigger !== '*') return undefined;
      return this.keywordItems(document, article, site, trigger);
    }
    if (trigger === '*') return undefined;
    const schema = await this.schemas.forDocument(document);
    if (token.isCancellationRequested) return undefined;
    if (site.kind === 'key') {
      if (trigger !== undefined) return undefined;
      return this.keyItems(document, article, site, schema.fields, schema.sourceLabel);
    }
    return this.valueItems(document, article, site, schema.fields);
  }

  /** In a disable comment: every rule id it does not name yet, with what the rule finds. */
  private ruleIdItems(document: vscode.TextDocument, article: ParsedArticle, site: RuleIdSite): vscode.CompletionItem[] {
    const range = documentRange(document, article, site.start, site.end);
    return engine()
      .allRules.filter((rule) => !site.present.includes(rule.id))
      .map((rule) => {
        const item = new vscode.CompletionItem(rule.id, vscode.CompletionItemKind.EnumMember);
        item.detail = `default: ${rule.defaultSeverity}`;
        item.documentation = new vscode.MarkdownString(rule.description);
        item.range = range;
        return item;
      });
  }

  private keyItems(
    document: vscode.TextDocument,
    article: ParsedArticle,
    site: KeySite,
    fields: readonly SchemaField[],
    sourceLabel: string,
  ): vscode.CompletionItem[] {
    const today = engine().isoToday();
    const range = documentRange(document, article, site.start, site.end);
    return fields
      .filter((field) => !site.presentKeys.has(field.name))
      .map((field, order) => {
        const item = new vscode.CompletionItem(field.name, vscode.CompletionItemKind.Property);
        item.detail = `${typeLabel(field)}${field.required ? ' · required' : ''}`;
        item.documentation = fieldDocumentation(field, sourceLabel);
        item.range = range;
        // Required keys first, then the schema's order.
        item.sortText = `${field.required ? 0 : 1}${String(order).padStart(4, '0')}`;
        if (field.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
        if (site.hasColon) {
          item.insertText = field.name;
        } else {
          item.insertText = new vscode.SnippetString(engine().keySnippet(field, today, article.frontmatter?.format));
          // After `category: "` or `tags: [`, suggest the values in use straight away.
          if (!field.enum && (engine().INDEXED_FIELDS as readonly string[]).includes(field.name)) {
            item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
          }
        }
        return item;
      });
  }

  private valueItems(
    document: vscode.TextDocument,
    article: ParsedArticle,
    site: ValueSite,
    fields: readonly SchemaField[],
  ): vscode.CompletionItem[] | vscode.CompletionList {
    const field = fields.find((candidate) => candidate.name === site.key);
    const range = documentRange(document, article, site.start, site.end);
    const taken = new Set(site.listItems);
    const items: vscode.CompletionItem[] = [];
    const add = (value: string | number | boolean, kind: vscode.CompletionItemKind, detail: string, sortText: string) => {
      const raw = String(value);
      if (taken.has(raw) || items.some((item) => item.label === raw)) return;
      const item = new vscode.CompletionItem(raw, kind);
      item.detail = detail;
      item.range = range;
      item.insertText = engine().valueInsertText(site, engine().yamlValueText(value), raw);
      item.filterText = raw;
      item.sortText = sortText;
      items.push(item);
    };

    const allowed = site.inList ? field?.itemEnum ?? (field?.types.includes('array') ? undefined : field?.enum) : field?.enum;
    allowed?.forEach((value, order) => add(value, vscode.CompletionItemKind.EnumMember, 'allowed value', `0${String(order).padStart(4, '0')}`));
    if (!site.inList && field && !field.enum) {
      if (field.types.length > 0 && field.types.every((type) => type === 'boolean' || type === 'null')) {
        add(false, vscode.CompletionItemKind.Value, 'boolean', '00');
        add(true, vscode.CompletionItemKind.Value, 'boolean', '01');
      }
      if (field.types.includes('date')) add(engine().isoToday(), vscode.CompletionItemKind.Value, 'today', '00');
    }

    let incomplete = false;
    if ((engine().INDEXED_FIELDS as readonly string[]).includes(site.key)) {
      const key = site.key as IndexedField;
      const used = this.index.values(key, { except: document.uri, folder: vscode.workspace.getWorkspaceFolder(document.uri) });
      used.forEach(({ value, count }, order) =>
        add(value, vscode.CompletionItemKind.Value, `used in ${count} article${count === 1 ? '' : 's'}`, `1${String(order).padStart(5, '0')}`),
      );
      // Until the index is complete, VS Code asks again as the author types.
      incomplete = !this.index.isComplete;
    }
    return incomplete ? new vscode.CompletionList(items, true) : items;
  }

  private keywordItems(
    document: vscode.TextDocument,
    article: ParsedArticle,
    site: BodySite,
    trigger: string | undefined,
  ): vscode.CompletionItem[] | undefined {
    // A `*` that starts a bullet list is not a bold keyword.
    if (trigger === '*' && site.stars === 1 && site.prefix === '') {
      const lineStart = article.lines.lineStart(article.lines.lineOf(site.start));
      if (article.text.slice(lineStart, site.start).trim() === '') return undefined;
    }
    const keywords = engine().frontmatterKeywords(article);
    if (keywords.length === 0) return undefined;
    const usages = engine().keywordUsages(article, keywords);
    const sortTexts = engine().keywordSortTexts(usages);
    const range = documentRange(document, article, site.start, site.end);
    const stars = '*'.repeat(site.stars);
    const firstUnused = usages.find((usage) => usage.count === 0)?.keyword;
    return usages.map(({ keyword, count }) => {
      const item = new vscode.CompletionItem(
        { label: keyword, description: count === 0 ? 'unused' : `used ${count}×` },
        vscode.CompletionItemKind.Keyword,
      );
      item.detail = count === 0 ? 'Keyword not used in the text yet' : `Keyword used ${count} time${count === 1 ? '' : 's'}`;
      item.documentation = new vscode.MarkdownString(`Inserts \`**${keyword.replace(/`/g, '')}**\`: the keyword in bold.`);
      item.insertText = `**${keyword}**`;
      item.filterText = `${stars}${keyword}`;
      item.range = range;
      item.sortText = sortTexts.get(keyword);
      item.preselect = keyword === firstUnused;
      return item;
    });
  }
}
