/**
 * Editor features over the workspace's site model (src/core/site): completion of internal links
 * (after `](` the site's articles by title, in the form being typed: a relative file or a route; after
 * `#` the target's headings), Go to Definition on an internal link (the target at its heading), Find
 * All References on an article's title (the links that reach it), the quick fixes of `link-broken`
 * (the closest existing targets) and the command Article: Show Site Report.
 */
import * as vscode from 'vscode';
import type { EditorLocation, Finding, ResolvedConfig, SiteArticle } from '../core';
import type { ArticleAnalyzer } from './analyzer';
import { isMarkdownDocument } from './articles';
import { completionItem } from './completion';
import { DIAGNOSTIC_SOURCE, ruleIdOf } from './diagnostics';
import { engine } from './engine';
import type { WorkspaceSiteIndex } from './workspaceIndex';
import { pathToUri, uriToPath, workspacePath } from './fs';

function locationOf(found: EditorLocation): vscode.Location {
  const { start, end } = found.range;
  return new vscode.Location(pathToUri(found.path), new vscode.Range(start.line, start.character, end.line, end.character));
}

export class SiteFeatures implements vscode.CompletionItemProvider, vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.CodeActionProvider {
  static readonly codeActionMetadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly analyzer: ArticleAnalyzer,
    private readonly site: WorkspaceSiteIndex,
  ) {}

  /** The model's entry of the document (its last analysis), once the index is built. */
  private async entryOf(document: vscode.TextDocument): Promise<SiteArticle | undefined> {
    if (uriToPath(document.uri) === undefined || !isMarkdownDocument(document)) return undefined;
    await this.site.whenComplete();
    const path = workspacePath(document.uri);
    let entry = this.site.model.get(path);
    if (!entry) {
      const analysis = await this.analyzer.analyzeDocument(document);
      if (analysis.siteArticle) this.site.updateFromDocument(path, analysis.siteArticle);
      entry = this.site.model.get(path);
    }
    return entry;
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    // Only in a link's target is the site model waited for.
    if (engine().typedLinkTarget(before) === undefined) return undefined;
    const source = await this.entryOf(document);
    if (!source) return undefined;
    const cursor = document.offsetAt(position);
    const entries = engine().linkCompletions(this.site.model, source, before, cursor, relative);
    return entries?.map((entry) => completionItem(entry, new vscode.Range(document.positionAt(entry.start), document.positionAt(entry.end))));
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const source = await this.entryOf(document);
    if (!source) return undefined;
    const article = this.analyzer.documents.parse(document);
    const found = engine().linkDefinition(this.site.model, source, article, document.offsetAt(position) - (article.hadBom ? 1 : 0));
    return found && locationOf(found);
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const entry = await this.entryOf(document);
    if (!entry) return undefined;
    return engine().titleReferences(this.site.model, entry, position)?.map(locationOf);
  }

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const broken = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && ruleIdOf(diagnostic) === 'link-broken');
    if (broken.length === 0) return [];
    const entry = await this.entryOf(document);
    if (!entry) return [];
    const fixes = await engine().brokenLinkFixes(this.site.model, entry.path, this.analyzer.fs, broken.map((diagnostic) => diagnostic.range.start));
    const shift = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
    return fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [broken[fix.diagnostic]];
      action.isPreferred = fix.preferred;
      const edit = new vscode.WorkspaceEdit();
      for (const change of fix.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(change.start + shift), document.positionAt(change.end + shift)), change.newText);
      }
      action.edit = edit;
      return action;
    });
  }

  /** Every site-wide finding of the workspace, with each article's own configuration. */
  async allFindings(): Promise<{ article: SiteArticle; findings: Finding[] }[]> {
    await this.site.whenComplete();
    const configs = new Map<string, Promise<ResolvedConfig>>();
    const result: { article: SiteArticle; findings: Finding[] }[] = [];
    const articles = [...this.site.model.all()].sort((a, b) => (a.path < b.path ? -1 : 1));
    for (const article of articles) {
      const folder = article.path.replace(/[\\/][^\\/]*$/, '');
      let config = configs.get(folder);
      if (!config) {
        const uri = pathToUri(article.path);
        const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
        config = engine()
          .loadConfig({ rules: engine().allRules, fs: this.analyzer.fs, forPath: article.path, defaultBaseDir: workspaceFolder && workspacePath(workspaceFolder.uri) })
          .then((loaded) => loaded.config);
        configs.set(folder, config);
      }
      result.push({ article, findings: await engine().checkSiteArticle(this.site.model, article.path, { config: await config, fs: this.analyzer.fs, displayPath: relative }) });
    }
    return result;
  }
}

export function relative(path: string): string {
  return vscode.workspace.asRelativePath(pathToUri(path), false);
}
