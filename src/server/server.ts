/**
 * article-language-server: the engine's editor features over the Language Server Protocol, for any
 * editor with an LSP client. A thin adapter: every feature is computed by src/core/editor (as the
 * VS Code extension's are) and only converted here to the protocol's shapes.
 *
 * Robust against any client: a request for a document that is not open, or not Markdown, answers
 * nothing; a failing request answers its own error; a cancelled one answers RequestCancelled; nothing
 * waits for `initialized`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Connection,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  articleCodeActions,
  articleCompletions,
  articleHover,
  brokenLinkFixes,
  checkSiteArticle,
  CONFIG_FILE_NAME,
  globMatcher,
  siteWatchGlobs,
  COMPLETION_TRIGGER_CHARACTERS,
  documentationMarkdown,
  documentLinks,
  LINK_TRIGGER_CHARACTERS,
  linkCompletions,
  linkDefinition,
  readingTimeEdit,
  titleReferences,
  typedLinkTarget,
  type CompletionEntry,
  type CompletionKind,
  type EditorLocation,
  type Finding,
  type Severity,
  type SiteArticle,
  type TextEdit,
} from '../core';
import { ServerAnalyzer, type Analysis } from './analysis';

/** The files whose change changes what articles say: configurations, schemas, and the site files each generator reads. */
const SETTINGS_GLOBS = [`**/${CONFIG_FILE_NAME}`, '**/*.schema.json', ...siteWatchGlobs()];
const isSettingsFile = (path: string) => globMatcher(SETTINGS_GLOBS, { dot: true })(path.replace(/\\/g, '/'));
import { DocumentStore, type OpenArticle } from './documents';
import { pathOfUri } from './uris';
import { NodeFileSystem } from './nodeFileSystem';
import { ServerSiteIndex } from './siteIndex';
import { WorkspaceFolders } from './workspaceFolders';

/** The `source` of every diagnostic; code actions look only at diagnostics with this source. */
export const DIAGNOSTIC_SOURCE = 'article-lint';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.articleLint`;
export const COMMANDS = { updateReadingTime: 'articleAuthoring.updateReadingTime' } as const;
/** The pause after typing before a document is checked again, as the extension's default. */
export const DEFAULT_DEBOUNCE_MS = 150;

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enumMember: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  file: CompletionItemKind.File,
  reference: CompletionItemKind.Reference,
};

/** The folder holding docs/rules/: the package's root, from the bundle (dist/) or the compiled sources (out/src/server/). */
function packageRoot(): string {
  for (let folder = __dirname, depth = 0; depth < 4; folder = dirname(folder), depth++) {
    if (existsSync(join(folder, 'docs', 'rules'))) return folder;
  }
  return dirname(__dirname);
}

export interface ServerOptions {
  debounceMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const fs = new NodeFileSystem();
  const folders = new WorkspaceFolders();
  const documents = new DocumentStore();
  const analyzer = new ServerAnalyzer(fs, folders);
  const rulesFolder = join(packageRoot(), 'docs', 'rules');
  let clientProgress = false;
  let watchRegistration = false;
  let shuttingDown = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      // The connection is gone: nothing to tell.
    }
  };

  const site = new ServerSiteIndex(fs, analyzer, folders, {
    log,
    progress: async (total) => {
      if (!clientProgress) return undefined;
      const reporter = await connection.window.createWorkDoneProgress();
      reporter.begin('Indexing articles', 0, `0/${total}`, false);
      return {
        report: (done, all) => reporter.report(Math.round((done / all) * 100), `${done}/${all}`),
        done: () => reporter.done(),
      };
    },
    changed: (paths) => {
      for (const open of documents.all()) if (open.filePath && paths.has(open.filePath)) void check(open);
    },
  });

  const analyze = (open: OpenArticle) => open.analysis((article) => analyzer.analyze(article));

  /** Runs a request's work; a request for a document not open (or not Markdown) answers nothing, a cancelled one RequestCancelled. */
  function request<T>(uri: string, token: CancellationToken | undefined, work: (open: OpenArticle) => Promise<T | null>): Promise<T | null> {
    const open = documents.get(uri);
    if (!open?.isMarkdown) return Promise.resolve(null);
    const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!token) return work(open);
    // Answered as soon as the client cancels, even while the work waits (for the site index, say).
    let stopWaiting: { dispose(): void } | undefined;
    const onCancel = new Promise<never>((_resolve, reject) => {
      stopWaiting = token.onCancellationRequested(() => reject(cancelled()));
    });
    return Promise.race([work(open), onCancel])
      .then((result) => {
        if (token.isCancellationRequested) throw cancelled();
        return result;
      })
      .finally(() => stopWaiting?.dispose());
  }

  // --- diagnostics -------------------------------------------------------------------------------

  function toDiagnostic(open: OpenArticle, finding: Finding): Diagnostic {
    return {
      range: open.documentRange(finding.start, finding.end),
      message: finding.message,
      severity: SEVERITIES[finding.severity],
      source: DIAGNOSTIC_SOURCE,
      code: finding.ruleId,
      codeDescription: { href: pathToFileURL(join(rulesFolder, `${finding.ruleId}.md`)).href },
    };
  }

  /** The site-wide findings of an article, once the site model is complete (before that: none, not guesses). */
  async function siteFindings(analysis: Analysis, filePath: string | undefined): Promise<Finding[]> {
    if (!site.isComplete || !filePath || !site.model.get(filePath)) return [];
    return checkSiteArticle(site.model, filePath, { config: analysis.config, fs, displayPath: (path) => folders.displayPath(path) });
  }

  /** Checks a document's current version and publishes its diagnostics, unless a newer check was asked for meanwhile. */
  async function check(open: OpenArticle): Promise<void> {
    if (!open.isMarkdown || shuttingDown) return;
    const generation = open.generation;
    try {
      const analysis = await analyze(open);
      if (documents.get(open.uri) !== open || open.generation !== generation) return;
      // Each version once: the model's update reports the open articles it affects, which are checked again.
      if (open.filePath && open.versionInSite !== analysis.version) {
        open.versionInSite = analysis.version;
        site.updateFromDocument(open.filePath, analysis.siteArticle, analysis.article.text);
      }
      const findings = analysis.isContent ? [...analysis.findings, ...(await siteFindings(analysis, open.filePath))] : [];
      if (documents.get(open.uri) !== open || open.generation !== generation) return;
      void connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: findings.map((finding) => toDiagnostic(open, finding)) });
    } catch (error) {
      log(`Checking ${open.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  function checkSoon(open: OpenArticle): void {
    clearTimeout(timers.get(open.uri));
    timers.set(
      open.uri,
      setTimeout(() => {
        timers.delete(open.uri);
        void check(open);
      }, debounceMs),
    );
  }

  function recheckAll(): void {
    analyzer.invalidate();
    for (const open of documents.all()) {
      open.forgetAnalysis();
      void check(open);
    }
  }

  // --- lifecycle ---------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientProgress = params.capabilities?.window?.workDoneProgress === true;
    watchRegistration = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    const named = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    folders.set(named);
    // Indexing starts once the answer is out, whether or not the client ever sends `initialized`.
    setTimeout(() => site.ensureStarted(), 0);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        completionProvider: { triggerCharacters: [...new Set([...COMPLETION_TRIGGER_CHARACTERS, ...LINK_TRIGGER_CHARACTERS])] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [COMMANDS.updateReadingTime] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'article-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.{md,mdx,markdown}' }, ...SETTINGS_GLOBS.map((globPattern) => ({ globPattern }))],
        })
        .catch((error: unknown) => log(`Watching files failed: ${String(error)}`));
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) folders.remove(removed);
        for (const added of event.added) folders.add(added);
        site.rebuild();
      });
    } catch {
      // The client does not announce folder changes.
    }
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  // --- documents ---------------------------------------------------------------------------------

  connection.onDidOpenTextDocument((params) => {
    const open = documents.opened(params);
    void check(open);
  });

  connection.onDidChangeTextDocument((params) => {
    const open = documents.changed(params);
    if (open) checkSoon(open);
  });

  connection.onDidCloseTextDocument((params) => {
    const open = documents.closed(params.textDocument.uri);
    if (!open) return;
    clearTimeout(timers.get(open.uri));
    timers.delete(open.uri);
    if (open.isMarkdown) void connection.sendDiagnostics({ uri: open.uri, diagnostics: [] });
    if (open.filePath) site.documentClosed(open.filePath);
  });

  connection.onDidChangeWatchedFiles((params) => {
    let configurationChanged = false;
    for (const change of params.changes ?? []) {
      const path = pathOfUri(change.uri);
      // Installed packages' files are no site's (npm install touches thousands of package.json).
      if (!path || /[\\/]node_modules[\\/]/.test(path)) continue;
      // A configuration, a schema or a site's own file (hugo.toml, a layout, an archetype…): what every article says may change.
      if (isSettingsFile(path)) configurationChanged = true;
      else if (change.type === FileChangeType.Deleted) site.fileDeleted(path);
      else void site.fileChanged(path);
    }
    if (configurationChanged) {
      recheckAll();
      site.rebuild();
    }
  });

  // --- features ----------------------------------------------------------------------------------

  function toCompletionItem(open: OpenArticle, entry: CompletionEntry, shift: (offset: number) => number): CompletionItem {
    const range = { start: open.document.positionAt(shift(entry.start)), end: open.document.positionAt(shift(entry.end)) };
    const item: CompletionItem = {
      label: entry.label,
      kind: KINDS[entry.kind],
      textEdit: { range, newText: entry.insertText ?? entry.label },
      insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (entry.description !== undefined) item.labelDetails = { description: entry.description };
    if (entry.detail !== undefined) item.detail = entry.detail;
    if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: documentationMarkdown(entry.documentation) };
    if (entry.filterText !== undefined) item.filterText = entry.filterText;
    if (entry.sortText !== undefined) item.sortText = entry.sortText;
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    if (entry.preselect) item.preselect = true;
    return item;
  }

  /** The document's entry in the site model, once the model is complete. */
  async function entryOf(open: OpenArticle, token?: CancellationToken): Promise<SiteArticle | undefined> {
    if (!open.filePath) return undefined;
    await site.whenComplete();
    if (token?.isCancellationRequested) return undefined;
    let entry = site.model.get(open.filePath);
    if (!entry) {
      const analysis = await analyze(open);
      if (analysis.siteArticle) site.updateFromDocument(open.filePath, analysis.siteArticle, analysis.article.text);
      entry = site.model.get(open.filePath);
    }
    return entry;
  }

  function toLocation(found: EditorLocation): Location {
    return { uri: pathToFileURL(found.path).href, range: found.range };
  }

  connection.onCompletion((params, token) =>
    request<CompletionItem[] | CompletionList>(params.textDocument.uri, token, async (open) => {
      const position = params.position;
      const lineStart = open.document.offsetAt({ line: position.line, character: 0 });
      const cursor = open.document.offsetAt(position);
      const before = open.document.getText().slice(lineStart, cursor);
      if (typedLinkTarget(before) !== undefined) {
        const source = await entryOf(open, token);
        if (!source) return null;
        const entries = linkCompletions(site.model, source, before, cursor, (path) => folders.displayPath(path));
        return entries?.map((entry) => toCompletionItem(open, entry, (offset) => offset)) ?? null;
      }
      const article = open.parse();
      const trigger = params.context?.triggerKind === 2 ? params.context.triggerCharacter : undefined;
      const result = await articleCompletions(article, open.articleOffset(position), {
        trigger,
        schema: () => analyzer.schemaOf(open),
        isCancelled: () => token.isCancellationRequested,
        usedValues: (field) => ({ values: site.usedValues(field, open.filePath), complete: site.isComplete }),
      });
      if (!result) return null;
      const shift = article.hadBom ? 1 : 0;
      const items = result.items.map((entry) => toCompletionItem(open, entry, (offset) => offset + shift));
      return result.incomplete ? { isIncomplete: true, items } : items;
    }),
  );

  connection.onHover((params, token) =>
    request<Hover>(params.textDocument.uri, token, async (open) => {
      const hover = await articleHover(open.parse(), open.articleOffset(params.position), () => analyzer.schemaOf(open));
      if (!hover) return null;
      return { contents: { kind: MarkupKind.Markdown, value: documentationMarkdown(hover.contents) }, range: open.documentRange(hover.start, hover.end) };
    }),
  );

  connection.onDefinition((params, token) =>
    request<Location>(params.textDocument.uri, token, async (open) => {
      const source = await entryOf(open, token);
      if (!source) return null;
      const found = linkDefinition(site.model, source, open.parse(), open.articleOffset(params.position));
      return found ? toLocation(found) : null;
    }),
  );

  connection.onReferences((params, token) =>
    request<Location[]>(params.textDocument.uri, token, async (open) => {
      const entry = await entryOf(open, token);
      if (!entry) return null;
      return titleReferences(site.model, entry, params.position)?.map(toLocation) ?? null;
    }),
  );

  connection.onDocumentLinks((params, token) =>
    request<DocumentLink[]>(params.textDocument.uri, token, async (open) => {
      const source = await entryOf(open, token);
      if (!source) return [];
      return documentLinks(site.model, source, open.parse()).map((link) => {
        const line = link.target.range.start.line;
        const target = pathToFileURL(link.target.path).href + (line > 0 ? `#L${line + 1}` : '');
        return { range: open.documentRange(link.start, link.end), target };
      });
    }),
  );

  /** Edits of the analyzed version of a document, as one versioned workspace edit (a client refuses it once the text moved on). */
  function workspaceEdit(open: OpenArticle, version: number, edits: readonly TextEdit[]): WorkspaceEdit {
    const changes: LspTextEdit[] = edits.map((edit) => ({ range: open.documentRange(edit.start, edit.end), newText: edit.newText }));
    return { documentChanges: [{ textDocument: { uri: open.uri, version }, edits: changes }] };
  }

  connection.onCodeAction((params, token) =>
    request<CodeAction[]>(params.textDocument.uri, token, async (open) => {
      const only = params.context?.only;
      const wants = (kind: string) => !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
      const ours = (params.context?.diagnostics ?? []).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code !== undefined);
      const wantsQuickFixes = wants(CodeActionKind.QuickFix) && ours.length > 0;
      const wantsFixAll = wants(FIX_ALL_KIND);
      if (!wantsQuickFixes && !wantsFixAll) return [];
      const version = open.version;
      const analysis = await analyze(open);
      if (open.version !== version || !analysis.isContent) return [];
      const actions: CodeAction[] = articleCodeActions({
        article: analysis.article,
        findings: analysis.findings,
        diagnostics: ours.map((diagnostic) => ({
          ruleId: String(diagnostic.code),
          start: open.articleOffset(diagnostic.range.start),
          end: open.articleOffset(diagnostic.range.end),
        })),
        wantsQuickFixes,
        wantsFixAll,
      }).map((found) => ({
        title: found.title,
        kind: found.kind === 'fixAll' ? FIX_ALL_KIND : CodeActionKind.QuickFix,
        ...(found.diagnostic === undefined ? {} : { diagnostics: [ours[found.diagnostic]] }),
        ...(found.preferred ? { isPreferred: true } : {}),
        edit: workspaceEdit(open, version, found.edits),
      }));
      const broken = ours.filter((diagnostic) => diagnostic.code === 'link-broken');
      if (wantsQuickFixes && broken.length > 0 && open.filePath && site.isComplete) {
        for (const fix of await brokenLinkFixes(site.model, open.filePath, fs, broken.map((diagnostic) => diagnostic.range.start))) {
          actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [broken[fix.diagnostic]], isPreferred: fix.preferred, edit: workspaceEdit(open, version, fix.edits) });
        }
      }
      return actions;
    }),
  );

  connection.onExecuteCommand(async (params) => {
    if (params.command !== COMMANDS.updateReadingTime) throw new ResponseError(-32602, `Unknown command: ${params.command}`);
    const uri = params.arguments?.[0];
    const open = typeof uri === 'string' ? documents.get(uri) : undefined;
    const article = open?.isMarkdown ? open.parse() : undefined;
    if (!open || !article?.frontmatter) return 'not-an-article';
    const edit = readingTimeEdit(article);
    if (!edit) return article.frontmatter.data ? 'unchanged' : 'not-editable';
    const applied = await connection.workspace.applyEdit({ label: 'Update Reading Time', edit: workspaceEdit(open, open.version, [edit]) });
    return applied.applied ? 'updated' : 'not-editable';
  });
}
