/** The status bar item "N words · M min read" for the article in the active editor. */
import * as vscode from 'vscode';
import type { Readability, ReadingStats } from '../core';
import type { ArticleDocuments } from './articleDocuments';
import { UPDATE_READING_TIME_COMMAND } from './commands/updateReadingTime';
import { Disposable } from './dispose';
import { engine } from './engine';

/** Typing recomputes after this pause, so a long article is not re-parsed on every keystroke. */
const TYPING_DELAY_MS = 150;

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
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly articles: ArticleDocuments) {
    super();
    this.item = this.register(
      vscode.window.createStatusBarItem(READING_TIME_STATUS_ID, vscode.StatusBarAlignment.Right, 100),
    );
    this.item.name = 'Article Reading Time';
    this.item.command = UPDATE_READING_TIME_COMMAND;
    this.item.tooltip = `Words and reading time of the article body (reading-time). ${TOOLTIP_ACTION}`;

    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.refresh()));
    this.register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
    );
    // A language change (e.g. plaintext -> markdown) can turn a document into an article.
    this.register(vscode.workspace.onDidOpenTextDocument(() => this.refresh()));
    this.register({ dispose: () => clearTimeout(this.typingTimer) });
    this.afterActivation(() => this.refresh());
  }

  private refreshSoon(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.refresh(), TYPING_DELAY_MS);
  }

  private refresh(): void {
    clearTimeout(this.typingTimer);
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
