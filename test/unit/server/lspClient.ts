/**
 * A language client for the tests: the server compiled by tsc (out/src/server/main.js) run as a
 * child process over stdio, spoken to through vscode-jsonrpc's message connection. It records every
 * publishDiagnostics and answers the server's requests (progress, registrations, applyEdit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';

/** The repository (tests run from out/test/unit/server). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const SERVER_MAIN = path.join(REPO_ROOT, 'out', 'src', 'server', 'main.js');

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** A temporary copy of a fixture folder (tests never write into the repository). */
export function tempCopy(source: string): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'article-lsp-'));
  fs.cpSync(source, target, { recursive: true });
  return target;
}

export interface ServerRun {
  connection: MessageConnection;
  process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** Workspace edits the server asked the client to apply. */
  applied: WorkspaceEdit[];
  /** What the server wrote to stderr and its log messages. */
  log: string[];
  stop(): Promise<void>;
}

export function startServerProcess(options: { args?: string[] } = {}): ServerRun {
  const child = spawn(process.execPath, [SERVER_MAIN, ...(options.args ?? ['--stdio'])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => log.push(chunk.toString('utf8')));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const applied: WorkspaceEdit[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    log.push(params.message);
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
    applied.push(params.edit);
    return { applied: true };
  });
  connection.onError(() => undefined);
  connection.listen();
  return {
    connection,
    process: child,
    published,
    applied,
    log,
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), delay(2000)]);
        await connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
      connection.dispose();
      if (child.exitCode === null) {
        await Promise.race([new Promise((resolve) => child.once('exit', resolve)), delay(2000)]);
        if (child.exitCode === null) child.kill();
      }
    },
  };
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function initialize(run: ServerRun, folders: string[], capabilities: object = {}): Promise<InitializeResult> {
  const result = await run.connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: folders[0] ? uriOf(folders[0]) : null,
    workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
    capabilities: { window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, ...capabilities },
  });
  await run.connection.sendNotification('initialized', {});
  return result;
}

export async function openFile(run: ServerRun, file: string, languageId = 'markdown', text = fs.readFileSync(file, 'utf8'), version = 1): Promise<string> {
  const uri = uriOf(file);
  await run.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  return uri;
}

/** Waits until a publish for `uri` satisfies `accept` (the latest such publish), or fails after `timeoutMs`. */
export async function diagnosticsFor(
  run: ServerRun,
  uri: string,
  accept: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true,
  timeoutMs = 15000,
): Promise<Diagnostic[]> {
  const started = Date.now();
  for (;;) {
    const latest = [...run.published].reverse().find((params) => params.uri === uri);
    if (latest && accept(latest.diagnostics, latest)) return latest.diagnostics;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`no accepted diagnostics for ${uri} within ${timeoutMs} ms; latest: ${JSON.stringify(latest?.diagnostics.map(brief))}; log: ${run.log.join('')}`);
    }
    await delay(20);
  }
}

/** Waits until no diagnostics for `uri` have been published for `quietMs`, then returns the latest. */
export async function settledDiagnostics(run: ServerRun, uri: string, quietMs = 600, timeoutMs = 20000): Promise<Diagnostic[]> {
  const started = Date.now();
  let count = -1;
  let since = Date.now();
  for (;;) {
    const mine = run.published.filter((params) => params.uri === uri);
    if (mine.length !== count) {
      count = mine.length;
      since = Date.now();
    } else if (count > 0 && Date.now() - since >= quietMs) return mine[mine.length - 1].diagnostics;
    if (Date.now() - started > timeoutMs) throw new Error(`diagnostics for ${uri} did not settle; log: ${run.log.join('')}`);
    await delay(20);
  }
}

/** `rule-id line` (1-based) of each diagnostic, sorted. */
export function brief(diagnostic: Diagnostic): string {
  return `${String(diagnostic.code)} ${diagnostic.range.start.line + 1}`;
}

/** Applies LSP text edits to a text (as a client does: all against the original text). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines.push(at + 1);
  const offset = (position: { line: number; character: number }) => Math.min(text.length, (lines[position.line] ?? text.length) + position.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** The text edits of a workspace edit for one document. */
export function editsOf(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  const fromChanges = edit?.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? (change.edits as TextEdit[]) : []));
  return [...fromChanges, ...fromDocumentChanges];
}
