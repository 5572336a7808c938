/**
 * The authoring features (issue 5): diagnostics while typing, quick fixes, the Article commands and
 * the keyword coverage in the status bar, all over one ArticleAnalyzer. Called once from activate;
 * everything it creates is disposed with the extension. Nothing here scans the workspace at
 * activation.
 */
import * as vscode from 'vscode';
import { ArticleAnalyzer } from './analyzer';
import type { ArticleDocuments } from './articleDocuments';
import { ArticleCodeActions } from './codeActions';
import { CheckAllArticlesCommand } from './commands/checkAllArticles';
import type { CommandManager } from './commands/commandManager';
import { CopyFaqJsonLdCommand } from './commands/copyFaqJsonLd';
import { GenerateSlugCommand } from './commands/generateSlug';
import { InsertFaqSectionCommand } from './commands/insertFaqSection';
import { InsertImageCommand } from './commands/insertImage';
import { InsertKeywordCommand } from './commands/insertKeyword';
import { NewArticleCommand } from './commands/newArticle';
import { ArticleDiagnostics, ruleDocsInExtension } from './diagnostics';
import { KeywordCoverageStatus } from './keywordStatus';
import { registerSiteFeatures } from './siteFeatures';
import { WorkspaceSiteIndex } from './workspaceIndex';

export interface Authoring {
  analyzer: ArticleAnalyzer;
  diagnostics: ArticleDiagnostics;
  site: WorkspaceSiteIndex;
}

export function registerAuthoring(context: vscode.ExtensionContext, commands: CommandManager, articles: ArticleDocuments): Authoring {
  const analyzer = new ArticleAnalyzer(() => vscode.workspace.isTrusted, articles);
  const site = new WorkspaceSiteIndex(analyzer.fs, () => analyzer.sites);
  const diagnostics = new ArticleDiagnostics(analyzer, ruleDocsInExtension(context.extensionUri), site);
  context.subscriptions.push(analyzer, site, diagnostics, new ArticleCodeActions(analyzer, commands), new KeywordCoverageStatus(analyzer));

  commands.register(new NewArticleCommand(analyzer));
  commands.register(new InsertFaqSectionCommand(analyzer));
  commands.register(new InsertImageCommand(analyzer));
  commands.register(new InsertKeywordCommand(analyzer));
  commands.register(new GenerateSlugCommand(analyzer));
  commands.register(new CheckAllArticlesCommand(analyzer, diagnostics));
  commands.register(new CopyFaqJsonLdCommand(analyzer));
  registerSiteFeatures(context, commands, analyzer, site);
  return { analyzer, diagnostics, site };
}
