/** Article: Insert Keyword — pick one of the frontmatter's keywords (used/unused shown), insert `**keyword**`. */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { articleTarget, insertAtSelection, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Insert Keyword';

export interface InsertKeywordArgs extends TargetArgs {
  /** The keyword to insert; picked from the frontmatter's keywords when absent. */
  keyword?: string;
}

export class InsertKeywordCommand implements Command {
  readonly id = COMMANDS.insertKeyword.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the text inserted, or undefined. */
  async execute(args?: InsertKeywordArgs): Promise<string | undefined> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    let keyword = args?.keyword;
    if (keyword === undefined) {
      const keywords = engine().frontmatterKeywords(target.analysis.article);
      if (keywords.length === 0) {
        void vscode.window.showWarningMessage(`${TITLE}: the frontmatter lists no keywords. Add them as keywords: [first, second].`);
        return undefined;
      }
      const usages = engine().keywordUsages(target.analysis.article, keywords);
      // Unused first: those are the ones the article still needs.
      const items = usages
        .map((usage, index) => ({ ...usage, index }))
        .sort((a, b) => Number(a.count > 0) - Number(b.count > 0) || a.index - b.index)
        .map((usage) => ({
          label: usage.keyword,
          description: usage.count === 0 ? 'unused' : `used ${usage.count} ${usage.count === 1 ? 'time' : 'times'}`,
        }));
      const used = usages.filter((usage) => usage.count > 0).length;
      const picked = await vscode.window.showQuickPick(items, {
        title: `${TITLE} (${used} of ${usages.length} used)`,
        placeHolder: 'The keyword to insert as **keyword** at the cursor',
        matchOnDescription: true,
      });
      keyword = picked?.label;
    }
    if (!keyword) return undefined;
    const text = engine().boldKeyword(keyword);
    return (await insertAtSelection(target.editor, text)) ? text : undefined;
  }
}
