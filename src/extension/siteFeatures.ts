/**
 * Editor features over the workspace's site model (src/core/site): completion of internal links
 * (after `](` the site's articles by title, in the form being typed: a relative file or a route; after
 * `#` the target's headings), Go to Definition on an internal link (the target at its heading), Find
 * All References on an article's title (the links that reach it), the quick fixes of `link-broken`
 * (the closest existing targets) and the command Article: Show Site Report.
 */
import * as vscode from 'vscode';
import type { Finding, ResolvedConfig, SiteArticle, SiteLink } from '../core';
import type { ArticleAnalyzer } from './analyzer';
import { isMarkdownDocument } from './articles';
import { DIAGNOSTIC_SOURCE, ruleIdOf } from './diagnostics';
import { engine } from './engine';
import type { WorkspaceSiteIndex } from './workspaceIndex';

/** `](target` just before the cursor: the target typed so far. */
const LINK_BEFORE_CURSOR = /\]\(\s*<?([^()\s<>]*)$/;

function siteRange(range: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(range.line - 1, range.column - 1, range.endLine - 1, range.endColumn - 1);
}

function linkAt(target: string): SiteLink {
  const range = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { kind: 'markdown', target, range };
}

export class SiteFeatures implements vscode.CompletionItemProvider, vscode.DefinitionProvider, vscode.ReferenceProvider, vscode.CodeActionProvider {
  /** `](` starts a link's target, `/` a route, `#` a heading. */
  static readonly triggerCharacters = ['(', '/', '#'];
  static readonly codeActionMetadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(
    private readonly analyzer: ArticleAnalyzer,
    private readonly site: WorkspaceSiteIndex,
  ) {}

  /** The model's entry of the document (its last analysis), once the index is built. */
  private async entryOf(document: vscode.TextDocument): Promise<SiteArticle | undefined> {
    if (document.uri.scheme !== 'file' || !isMarkdownDocument(document)) return undefined;
    await this.site.whenComplete();
    const path = document.uri.fsPath;
    let entry = this.site.model.get(path);
    if (!entry) {
      const analysis = await this.analyzer.analyzeDocument(document);
      if (analysis.siteArticle) this.site.updateFromDocument(path, analysis.siteArticle);
      entry = this.site.model.get(path);
    }
    return entry;
  }

  /** The article a link target reaches, from `source`. */
  private targetOf(source: SiteArticle, target: string): { article?: SiteArticle; fragment?: string } {
    const plan = engine().planLink(source, linkAt(target));
    const found = this.site.model.resolveInModel(source, plan);
    return { article: found?.target, fragment: plan.fragment };
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const match = LINK_BEFORE_CURSOR.exec(before);
    if (!match) return undefined;
    const source = await this.entryOf(document);
    if (!source) return undefined;
    const typed = match[1];
    const hash = typed.indexOf('#');
    if (hash !== -1) {
      const target = hash === 0 ? { article: source } : this.targetOf(source, typed.slice(0, hash));
      if (!target.article) return undefined;
      const range = new vscode.Range(position.line, position.character - (typed.length - hash - 1), position.line, position.character);
      return target.article.anchors.map((anchor, index) => {
        const item = new vscode.CompletionItem({ label: anchor.id, description: `${'#'.repeat(anchor.level)} ${anchor.text}` }, vscode.CompletionItemKind.Reference);
        item.range = range;
        item.filterText = anchor.id;
        item.sortText = String(index).padStart(5, '0');
        item.detail = anchor.text;
        return item;
      });
    }
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    const asRoute = typed.startsWith('/') || (typed === '' && this.siteUsesRoutes(source));
    const plan = engine().planLink(source, linkAt(asRoute ? '/' : './x.md'));
    for (const article of this.site.model.articlesOf(source.root)) {
      if (article.path === source.path) continue;
      const form = engine().linkFormFor(source, plan, article);
      if (form === undefined) continue;
      const title = article.title ?? article.relativePath;
      const item = new vscode.CompletionItem({ label: title, description: form }, vscode.CompletionItemKind.File);
      item.insertText = form;
      item.filterText = `${form} ${title}`;
      item.range = range;
      item.detail = vscode.workspace.asRelativePath(vscode.Uri.file(article.path), false);
      items.push(item);
    }
    return items;
  }

  /**
   * Whether the site links to its articles by route rather than by relative file: what most of the
   * article's own links do, else most links of the site (a sample), else relative files.
   */
  private siteUsesRoutes(source: SiteArticle): boolean {
    const count = (article: SiteArticle) => {
      let routes = 0;
      let files = 0;
      for (const link of article.links) {
        if (link.kind !== 'markdown' && link.kind !== 'html') continue;
        const target = link.target.trim();
        if (target.startsWith('/') && !target.startsWith('//')) routes++;
        else if (/^[^:#?]+\.(md|mdx|markdown)([#?]|$)/i.test(target)) files++;
      }
      return { routes, files };
    };
    const own = count(source);
    if (own.routes !== own.files) return own.routes > own.files;
    let routes = 0;
    let files = 0;
    let seen = 0;
    for (const article of this.site.model.articlesOf(source.root)) {
      const found = count(article);
      routes += found.routes;
      files += found.files;
      if (++seen >= 200) break;
    }
    return routes > files;
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location | undefined> {
    const source = await this.entryOf(document);
    if (!source) return undefined;
    const parsed = engine().parseArticle(document.getText(), undefined, { kind: document.languageId === 'mdx' || /\.mdx$/i.test(document.uri.path) ? 'mdx' : 'md' });
    const offset = document.offsetAt(position) - (parsed.hadBom ? 1 : 0);
    const link = engine()
      .linksOf(parsed)
      .find((candidate) => offset >= candidate.start && offset <= candidate.end);
    if (!link) return undefined;
    const plan = engine().planLink(source, { kind: link.kind, target: link.target, range: linkAt('').range });
    if (plan.kind === 'external') return undefined;
    const found = this.site.model.resolveInModel(source, plan);
    if (!found) return undefined;
    const target = found.target;
    const anchor = plan.fragment ? target.anchors.find((candidate) => candidate.id === plan.fragment || candidate.id === plan.fragment?.toLowerCase()) : undefined;
    const position0 = anchor ? new vscode.Position(anchor.range.line - 1, anchor.range.column - 1) : new vscode.Position(0, 0);
    return new vscode.Location(vscode.Uri.file(target.path), position0);
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const entry = await this.entryOf(document);
    if (!entry?.titleRange) return undefined;
    const range = siteRange(entry.titleRange);
    const firstHeading = entry.anchors.find((anchor) => anchor.level === 1);
    const onTitle = range.contains(position) || position.line === range.start.line || (firstHeading && siteRange(firstHeading.range).contains(position));
    if (!onTitle) return undefined;
    const locations: vscode.Location[] = [];
    for (const linker of this.site.model.linkersOf(entry)) {
      for (const plan of this.site.model.plansOf(linker)) {
        if (plan.kind !== 'internal') continue;
        if (this.site.model.resolveInModel(linker, plan)?.target.path === entry.path) locations.push(new vscode.Location(vscode.Uri.file(linker.path), siteRange(plan.link.range)));
      }
    }
    return locations;
  }

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const broken = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && ruleIdOf(diagnostic) === 'link-broken');
    if (broken.length === 0) return [];
    const entry = await this.entryOf(document);
    if (!entry) return [];
    const findings = await engine().checkSiteArticle(this.site.model, entry.path, { fs: this.analyzer.fs, withFixes: true });
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of broken) {
      const finding = findings.find(
        (candidate) => candidate.ruleId === 'link-broken' && candidate.line - 1 === diagnostic.range.start.line && candidate.column - 1 === diagnostic.range.start.character,
      );
      if (!finding) continue;
      const fixes = [finding.fix, ...(finding.alternatives ?? [])].filter((fix): fix is NonNullable<Finding['fix']> => !!fix);
      fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        const edit = new vscode.WorkspaceEdit();
        const shift = document.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
        for (const change of fix.edits) {
          edit.replace(document.uri, new vscode.Range(document.positionAt(change.start + shift), document.positionAt(change.end + shift)), change.newText);
        }
        action.edit = edit;
        actions.push(action);
      });
    }
    return actions;
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
        const uri = vscode.Uri.file(article.path);
        const workspaceFolder = vscode.workspace.getWorkspaceFolder(uri);
        config = engine()
          .loadConfig({ rules: engine().allRules, fs: this.analyzer.fs, forPath: article.path, defaultBaseDir: workspaceFolder?.uri.fsPath })
          .then((loaded) => loaded.config);
        configs.set(folder, config);
      }
      result.push({ article, findings: await engine().checkSiteArticle(this.site.model, article.path, { config: await config, fs: this.analyzer.fs, displayPath: relative }) });
    }
    return result;
  }
}

export function relative(path: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.file(path), false);
}
