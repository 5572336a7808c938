/** Article: Copy FAQ as JSON-LD — the engine's schema.org FAQPage for the article, to the clipboard. */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { articleTarget, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Copy FAQ as JSON-LD';

export class CopyFaqJsonLdCommand implements Command {
  readonly id = COMMANDS.copyFaqJsonLd.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the JSON copied, or undefined when the article has no answered FAQ question. */
  async execute(args?: TargetArgs): Promise<string | undefined> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    const jsonLd = engine().faqJsonLd(target.analysis.article);
    if (!jsonLd) {
      void vscode.window.showWarningMessage(
        `${TITLE}: the article has no FAQ section with answered questions (a "Frequently Asked Questions" heading with question headings one level below it).`,
      );
      return undefined;
    }
    const json = JSON.stringify(jsonLd, null, 2);
    await vscode.env.clipboard.writeText(json);
    const count = (jsonLd.mainEntity as unknown[]).length;
    void vscode.window.showInformationMessage(
      `FAQPage JSON-LD with ${count} ${count === 1 ? 'question' : 'questions'} copied. Paste it into a <script type="application/ld+json"> element.`,
    );
    return json;
  }
}
