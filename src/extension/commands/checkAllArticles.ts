/**
 * Article: Check All Articles — every article of the workspace into the Problems panel, with
 * progress and cancel. Open documents are checked from the editor's text, others from disk.
 */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { textPositions, type ArticleDiagnostics } from '../diagnostics';
import type { Log } from '../log';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { MARKDOWN_GLOB_ANY_CASE } from '../markdownFiles';
import { uriToPath } from '../fs';


/** Markdown files anywhere but in node_modules and dot-folders (as the CLI searches). */
const EXCLUDE = '{**/node_modules/**,**/.*/**}';
/** Files checked at the same time. */
const PARALLEL = 4;

export interface CheckAllResult {
  files: number;
  articles: number;
  errors: number;
  warnings: number;
  infos: number;
  cancelled: boolean;
}

export class CheckAllArticlesCommand implements Command {
  readonly id = COMMANDS.checkAllArticles.id;

  constructor(
    private readonly analyzer: ArticleAnalyzer,
    private readonly diagnostics: ArticleDiagnostics,
    private readonly log: Log,
  ) {}

  async execute(): Promise<CheckAllResult> {
    const result: CheckAllResult = { files: 0, articles: 0, errors: 0, warnings: 0, infos: 0, cancelled: false };
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showWarningMessage('Check All Articles: open a folder first.');
      return result;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Checking articles', cancellable: true },
      async (progress, token) => {
        const files = await vscode.workspace.findFiles(MARKDOWN_GLOB_ANY_CASE, EXCLUDE, undefined, token);
        const queue = [...files].sort((a, b) => a.toString().localeCompare(b.toString()));
        const step = queue.length > 0 ? 100 / queue.length : 100;
        const worker = async () => {
          for (let uri = queue.shift(); uri && !token.isCancellationRequested; uri = queue.shift()) {
            await this.checkFile(uri, result);
            result.files++;
            progress.report({ increment: step, message: `${result.files}/${files.length} ${vscode.workspace.asRelativePath(uri)}` });
          }
        };
        await Promise.all(Array.from({ length: PARALLEL }, worker));
        result.cancelled = token.isCancellationRequested;
      },
    );
    const summary = `${result.articles} ${result.articles === 1 ? 'article' : 'articles'} checked: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos.`;
    if (result.cancelled) void vscode.window.showInformationMessage(`Check All Articles was cancelled after ${summary}`);
    else if (result.errors + result.warnings + result.infos > 0) {
      void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    } else void vscode.window.showInformationMessage(summary);
    return result;
  }

  private async checkFile(uri: vscode.Uri, result: CheckAllResult): Promise<void> {
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      let analysis;
      if (open) {
        analysis = await this.analyzer.analyzeDocument(open);
        if (open.version === analysis.version) this.diagnostics.publish(uri, open, analysis);
      } else {
        const bytes = await vscode.workspace.fs.readFile(uri);
        if (bytes.subarray(0, 8000).includes(0)) return; // binary, not an article
        const text = new TextDecoder().decode(bytes);
        analysis = await this.analyzer.analyzeText(text, uriToPath(uri), uri);
        this.diagnostics.publish(uri, textPositions(analysis.text), analysis);
      }
      if (!analysis.isContent) return;
      result.articles++;
      for (const finding of analysis.findings) {
        if (finding.severity === 'error') result.errors++;
        else if (finding.severity === 'warning') result.warnings++;
        else result.infos++;
      }
    } catch (error) {
      this.log.error(`Check All Articles: checking ${uri.toString(true)} failed:`, error);
    }
  }
}
