/** The status bar item "N words · M min read" for the article in the active editor. */
import * as vscode from 'vscode';
import type { Readability, ReadingStats } from '../core';
import type { ArticleDocuments } from './articleDocuments';
import { COMMANDS } from './commands/ids';
import { Debouncer } from './debounce';
import { Disposable } from './dispose';
import { engine } from './engine';
import { readSettings } from './settings';

export const READING_TIME_STATUS_ID = 'articleAuthoring.readingTime';

export function formatReadingStatus({ words, minutes }: ReadingStats): string {
  return `${words.toLocaleString('en-US')} ${words === 1 ? 'word' : 'words'} · ${minutes} min read`;
}

const TOOLTIP_ACTION = 'Click to write readingTime into the frontmatter.';

/** The hover: words and reading time, and the body's reading ease (English articles). */
export function readingStatusTooltip(stats: ReadingStats, readability: Readability | undefined, label: (score: number) => string): string {
  const lines = [`${formatReadingStatus(stats)} (reading-time, on the article body).`];
  if (readability) {
    lines.push(`Reading ease ${readability.score} (Flesch: ${label(readability.score)}), ${readability.sentences} ${readability.sentences === 1 ? 'sentence' : 'sentences'}.`);
  } else {
    lines.push('Reading ease: not scored (no English prose).');
  }
  lines.push(TOOLTIP_ACTION);
  return lines.join('\n');
}

export class ReadingTimeStatus extends Disposable {
  private readonly item: vscode.StatusBarItem;
  /** Typing recomputes after the pause, so a long article is not re-parsed on every keystroke. */
  private readonly typing = this._register(new Debouncer(() => this.refresh(), () => readSettings().debounceMs));

  constructor(private readonly articles: ArticleDocuments) {
    super();
    this.item = this._register(
      vscode.window.createStatusBarItem(READING_TIME_STATUS_ID, vscode.StatusBarAlignment.Right, 100),
    );
    this.item.name = 'Article Reading Time';
    this.item.command = COMMANDS.updateReadingTime.id;
    this.item.tooltip = `Words and reading time of the article body (reading-time). ${TOOLTIP_ACTION}`;

    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.typing.trigger();
      }),
    );
    // A language change (e.g. plaintext -> markdown) can turn a document into an article.
    this._register(vscode.workspace.onDidOpenTextDocument(() => this.refresh()));
    this.afterActivation(() => this.refresh());
  }

  private refresh(): void {
    this.typing.cancel();
    if (this.isDisposed) return;
    const document = vscode.window.activeTextEditor?.document;
    const article = document && this.articles.article(document);
    if (!article) {
      this.item.hide();
      return;
    }
    const core = engine();
    const stats = core.readingStats(article);
    this.item.text = formatReadingStatus(stats);
    this.item.tooltip = readingStatusTooltip(stats, core.readabilityOf(article), core.readingEaseLabel);
    this.item.show();
  }
}
