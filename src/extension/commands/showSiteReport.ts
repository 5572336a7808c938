/** Article: Show Site Report: every site-wide finding of the workspace in one webview (see ../siteReport.ts). */
import type * as vscode from 'vscode';
import type { SiteFeatures } from '../siteFeatures';
import { showSiteReport } from '../siteReport';
import type { WorkspaceSiteIndex } from '../workspaceIndex';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';

export class ShowSiteReportCommand implements Command {
  readonly id = COMMANDS.showSiteReport.id;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly features: SiteFeatures,
    private readonly site: WorkspaceSiteIndex,
  ) {}

  execute(): Promise<vscode.WebviewPanel> {
    return showSiteReport(this.extensionUri, this.features, this.site);
  }
}
