/**
 * The status bar item that says which site profile the active file is checked with and whether it
 * is an article or a page ("Hugo article"), with the reasons on hover ("hugo.toml found in …"); clicking it runs Article: Show Site Profile.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from './analyzer';
import type { DocumentAnalysis } from './articleDocuments';
import { AnalysisStatusItem } from './analysisStatus';
import { COMMANDS } from './commands/ids';
import { engine } from './engine';

export const SITE_STATUS_ID = 'articleAuthoring.siteProfile';

export function formatSiteStatus(label: string, kind: 'article' | 'page'): string {
  return `$(globe) ${label} ${kind}`;
}

export class SiteProfileStatus extends AnalysisStatusItem {
  constructor(analyzer: ArticleAnalyzer) {
    // Right of the keyword coverage item (priority 99).
    super(analyzer, { id: SITE_STATUS_ID, name: 'Article Site Profile', command: COMMANDS.showSiteProfile.id, priority: 98, followsEdits: false });
    // Saving may create or change a marker file (hugo.toml, _config.yml, package.json): look again.
    this._register(vscode.workspace.onDidSaveTextDocument(() => void this.refresh()));
  }

  protected render(analysis: DocumentAnalysis): boolean {
    const { profile, reason } = analysis.site;
    const isArticle = analysis.kind === 'article';
    this.item.text = formatSiteStatus(profile.label, isArticle ? 'article' : 'page');
    this.item.tooltip =
      `Checked as ${engine().siteWording(profile).site}: ${reason}. ` +
      (isArticle ? `An article: ${analysis.kindReason}.` : `A page, not an article: ${analysis.kindReason}. The article rules (FAQ, keywords, lengths, reading time, orphans) do not run on pages.`) +
      ' Click for details.';
    return true;
  }
}
