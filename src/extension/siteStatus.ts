/**
 * The status bar item that says which site profile the active article is checked with ("Hugo"),
 * with the reason on hover ("hugo.toml found in …"); clicking it runs Article: Show Site Profile.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from './analyzer';
import { isMarkdownDocument } from './articles';
import { COMMANDS } from './commands/ids';
import { Disposable } from './dispose';

export const SITE_STATUS_ID = 'articleAuthoring.siteProfile';

export function formatSiteStatus(label: string): string {
  return `$(globe) ${label}`;
}

export class SiteProfileStatus extends Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor(private readonly analyzer: ArticleAnalyzer) {
    super();
    // Right of the keyword coverage item (priority 99).
    this.item = this._register(vscode.window.createStatusBarItem(SITE_STATUS_ID, vscode.StatusBarAlignment.Right, 98));
    this.item.name = 'Article Site Profile';
    this.item.command = COMMANDS.showSiteProfile.id;
    this._register(vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()));
    // Saving may create or change a marker file (hugo.toml, _config.yml, package.json): look again.
    this._register(vscode.workspace.onDidSaveTextDocument(() => void this.refresh()));
    this.afterActivation(() => void this.refresh());
  }

  private async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isMarkdownDocument(document)) {
      this.item.hide();
      return;
    }
    const analysis = await this.analyzer.analyzeDocument(document).catch(() => undefined);
    if (this.isDisposed || vscode.window.activeTextEditor?.document !== document) return;
    if (!analysis?.isArticle) {
      this.item.hide();
      return;
    }
    const { profile, reason } = analysis.site;
    this.item.text = formatSiteStatus(profile.label);
    this.item.tooltip = `Checked as ${profile.name === 'generic' ? 'a generic site (the article format’s own keys)' : `a ${profile.label} site`}: ${reason}. Click for details.`;
    this.item.show();
  }
}
