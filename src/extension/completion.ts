/**
 * Completion in articles: frontmatter keys from the active schema, their values (allowed, and used
 * across the workspace), keywords in the body, and rule ids in a disable comment. The list is
 * computed by the engine (src/core/editor/completion.ts); this file only turns it into VS Code items.
 */
import * as vscode from 'vscode';
import type { CompletionEntry, CompletionKind, IndexedField } from '../core';
import type { ArticleDocuments } from './articleDocuments';
import { articleOffset, documentRange, markdownOf } from './editorText';
import type { SchemaLookup } from './schemaLookup';
import type { WorkspaceValueIndex } from './workspaceIndex';
import { engine } from './engine';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  property: vscode.CompletionItemKind.Property,
  enumMember: vscode.CompletionItemKind.EnumMember,
  value: vscode.CompletionItemKind.Value,
  keyword: vscode.CompletionItemKind.Keyword,
  file: vscode.CompletionItemKind.File,
  reference: vscode.CompletionItemKind.Reference,
};

/** An engine completion item as a VS Code one, its range given. */
export function completionItem(entry: CompletionEntry, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(entry.description === undefined ? entry.label : { label: entry.label, description: entry.description }, KINDS[entry.kind]);
  item.range = range;
  if (entry.detail !== undefined) item.detail = entry.detail;
  if (entry.documentation) item.documentation = markdownOf(entry.documentation);
  if (entry.insertText !== undefined) item.insertText = entry.snippet ? new vscode.SnippetString(entry.insertText) : entry.insertText;
  if (entry.filterText !== undefined) item.filterText = entry.filterText;
  if (entry.sortText !== undefined) item.sortText = entry.sortText;
  if (entry.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
  if (entry.preselect !== undefined) item.preselect = entry.preselect;
  if (entry.suggestAgain) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
  return item;
}

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
    const result = await engine().articleCompletions(article, articleOffset(document, article, position), {
      trigger: context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined,
      schema: () => this.schemas.forDocument(document),
      isCancelled: () => token.isCancellationRequested,
      usedValues: (field: IndexedField) => ({
        values: this.index.values(field, { except: document.uri, folder: vscode.workspace.getWorkspaceFolder(document.uri) }),
        complete: this.index.isComplete,
      }),
    });
    if (!result) return undefined;
    const items = result.items.map((entry) => completionItem(entry, documentRange(document, article, entry.start, entry.end)));
    // Until the value index is complete, VS Code asks again as the author types.
    return result.incomplete ? new vscode.CompletionList(items, true) : items;
  }
}
