/**
 * The status bar item "K/N keywords" beside the reading time: how many of the frontmatter's distinct
 * keywords the body uses (the engine's stats, from the same analysis as the diagnostics). Clicking it
 * lists every keyword as used or unused (Article: Insert Keyword), to insert one at the cursor.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from './analyzer';
import { isMarkdownDocument } from './articles';
import { COMMANDS } from './commands/ids';
import { Debouncer } from './debounce';
import { Disposable } from './dispose';
import { readSettings } from './settings';

export const KEYWORD_STATUS_ID = 'articleAuthoring.keywordCoverage';

export function formatKeywordStatus(used: number, total: number): string {
  return `${used}/${total} keywords`;
}

export class KeywordCoverageStatus extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly typing = this._register(new Debouncer(() => void this.refresh(), () => readSettings().debounceMs));

  constructor(private readonly analyzer: ArticleAnalyzer) {
    super();
    // Just right of the reading-time item (priority 100).
    this.item = this._register(vscode.window.createStatusBarItem(KEYWORD_STATUS_ID, vscode.StatusBarAlignment.Right, 99));
    this.item.name = 'Article Keyword Coverage';
    this.item.command = COMMANDS.insertKeyword.id;
    this._register(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document !== vscode.window.activeTextEditor?.document) return;
        this.typing.trigger();
      }),
    );
    this.afterActivation(() => void this.refresh());
  }

  private async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isMarkdownDocument(document)) {
      this.item.hide();
      return;
    }
    const version = document.version;
    const analysis = await this.analyzer.analyzeDocument(document).catch(() => undefined);
    // Another editor or a newer version took over meanwhile: its own refresh decides.
    if (this.isDisposed || vscode.window.activeTextEditor?.document !== document || document.version !== version) return;
    const { keywordsUsed, keywordsTotal } = analysis?.stats ?? { keywordsUsed: 0, keywordsTotal: 0 };
    if (!analysis?.isArticle || keywordsTotal === 0) {
      this.item.hide();
      return;
    }
    this.item.text = formatKeywordStatus(keywordsUsed, keywordsTotal);
    const unused = keywordsTotal - keywordsUsed;
    this.item.tooltip = `${keywordsUsed} of ${keywordsTotal} frontmatter keywords occur in the body${
      unused > 0 ? ` (${unused} unused)` : ''
    }. Click to see which, and insert one at the cursor.`;
    this.item.show();
  }
}
