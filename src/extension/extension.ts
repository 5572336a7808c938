/**
 * The one wiring place: the shared services are built here once and handed on through constructors;
 * every command is a class in ./commands registered through the one CommandManager; every provider,
 * status item and service is disposed with the extension (context.subscriptions). The rules, stats
 * and edits live in src/core (no vscode import there), shared with the CLI. Nothing here scans the
 * workspace or analyzes anything: the first analysis runs right after activate() returns.
 */
import * as vscode from 'vscode';
import { ArticleAnalyzer } from './analyzer';
import { ArticleDocuments } from './articleDocuments';
import { MARKDOWN_SELECTOR } from './articles';
import { ArticleCodeActionProvider } from './codeActions';
import { ApplyFixCommand } from './commands/applyFix';
import { CheckAllArticlesCommand } from './commands/checkAllArticles';
import { CommandManager } from './commands/commandManager';
import { CopyFaqJsonLdCommand } from './commands/copyFaqJsonLd';
import { FixAllCommand } from './commands/fixAll';
import { GenerateSlugCommand } from './commands/generateSlug';
import { InsertFaqSectionCommand } from './commands/insertFaqSection';
import { InsertImageCommand } from './commands/insertImage';
import { InsertKeywordCommand } from './commands/insertKeyword';
import { NewArticleCommand } from './commands/newArticle';
import { OpenPreviewCommand } from './commands/openPreview';
import { UpdateReadingTimeCommand } from './commands/updateReadingTime';
import { ArticleCompletionProvider } from './completion';
import { ConfigurationWatcher } from './configuration';
import { ArticleDiagnostics, ruleDocsInExtension } from './diagnostics';
import { ArticleHoverProvider } from './hover';
import { KeywordCoverageStatus } from './keywordStatus';
import { WorkspaceFileSystem } from './fs';
import { createLog } from './log';
import { ArticlePreviewManager } from './preview';
import { ReadingTimeStatus } from './readingTimeStatus';
import { SchemaLookup } from './schemaLookup';
import { ShowSiteProfileCommand } from './commands/showSiteProfile';
import { SiteProfileStatus } from './siteStatus';
import { WorkspaceSiteIndex, WorkspaceValueIndex } from './workspaceIndex';
import { SiteFeatures } from './siteFeatures';
import { SiteIndexStorage } from './siteIndexStorage';
import { COMPLETION_TRIGGER_CHARACTERS, LINK_TRIGGER_CHARACTERS } from './triggerCharacters';
import { ShowSiteReportCommand } from './commands/showSiteReport';

export function activate(context: vscode.ExtensionContext): void {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };

  // Shared services.
  const log = own(createLog());
  const configuration = own(new ConfigurationWatcher());
  // Every file the engine looks up while reading configurations and sites is watched (see fileLookedUp).
  const fs = new WorkspaceFileSystem((file) => configuration.fileLookedUp(file));
  const documents = own(new ArticleDocuments());
  const analyzer = own(new ArticleAnalyzer({ documents, onDidChangeConfiguration: configuration.onDidChange, fs }));
  const schemas = own(new SchemaLookup(configuration.onDidChange, fs));
  const index = own(new WorkspaceValueIndex(log));
  index.scheduleBuild();
  // Without a folder open there is no workspace storage: the site index is then not kept between sessions.
  const storage =
    context.storageUri &&
    new SiteIndexStorage({
      folder: context.storageUri,
      extensionVersion: String((context.extension.packageJSON as { version?: unknown }).version),
      fs: analyzer.fs,
      log,
      filesWatchedByPath: () => configuration.filesWatchedByPath,
    });
  const site = own(new WorkspaceSiteIndex(analyzer.fs, () => analyzer.sites, log, configuration.onDidChange, storage));
  const diagnostics = own(new ArticleDiagnostics(analyzer, ruleDocsInExtension(context.extensionUri), log, configuration.onDidChange, site));
  const previews = own(new ArticlePreviewManager(context.extensionUri, documents, configuration.onDidChange, { fs: analyzer.fs, sites: () => analyzer.sites }));

  // Editor features.
  own(vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new ArticleCodeActionProvider(analyzer), ArticleCodeActionProvider.metadata));
  own(
    vscode.languages.registerCompletionItemProvider(
      MARKDOWN_SELECTOR,
      new ArticleCompletionProvider(documents, schemas, index),
      ...COMPLETION_TRIGGER_CHARACTERS,
    ),
  );
  own(vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, new ArticleHoverProvider(documents, schemas)));
  const siteFeatures = new SiteFeatures(analyzer, site);
  own(vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, siteFeatures, ...LINK_TRIGGER_CHARACTERS));
  own(vscode.languages.registerDefinitionProvider(MARKDOWN_SELECTOR, siteFeatures));
  own(vscode.languages.registerReferenceProvider(MARKDOWN_SELECTOR, siteFeatures));
  own(vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, siteFeatures, SiteFeatures.codeActionMetadata));
  own(new ReadingTimeStatus(documents));
  own(new KeywordCoverageStatus(analyzer));
  own(new SiteProfileStatus(analyzer));

  // Commands.
  const commands = own(new CommandManager());
  commands.register(new UpdateReadingTimeCommand(documents));
  commands.register(new OpenPreviewCommand(previews));
  commands.register(new NewArticleCommand(analyzer));
  commands.register(new InsertFaqSectionCommand(analyzer));
  commands.register(new InsertImageCommand(analyzer));
  commands.register(new InsertKeywordCommand(analyzer));
  commands.register(new GenerateSlugCommand(analyzer));
  commands.register(new CheckAllArticlesCommand(analyzer, diagnostics, log));
  commands.register(new CopyFaqJsonLdCommand(analyzer));
  commands.register(new FixAllCommand(analyzer));
  commands.register(new ApplyFixCommand(analyzer));
  commands.register(new ShowSiteProfileCommand(analyzer));
  commands.register(new ShowSiteReportCommand(context.extensionUri, siteFeatures, site));
  commands.assertAllRegistered();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
