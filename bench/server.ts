/**
 * The language server as an editor meets it: dist/server.js run over stdio, a client that sends one
 * single-character edit after another and times each until the diagnostics of that version arrive
 * (the server's 150 ms typing pause included; the figure beyond it is what the extension's typing
 * figures compare with), and the server's resident memory once it has indexed a large site.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import type { GeneratedArticle } from './generate';
import { summarize, type Summary } from './measure';

/** The server's pause after typing (src/server/server.ts DEFAULT_DEBOUNCE_MS). */
export const SERVER_DEBOUNCE_MS = 150;

export interface ServerFigures {
  /** Edit sent → its version's diagnostics received (ms), the typing pause included. */
  seed: Summary;
  large: Summary;
  /** Workspace folder given → `$/progress` end (s). */
  indexSeconds: number;
  indexedFiles: number;
  /** The server process's resident set after indexing (MB). */
  rssAfterIndexMB: number | undefined;
}

function residentMB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

export async function measureServer(repo: string, site: string, indexedFiles: number, seed: GeneratedArticle, large: GeneratedArticle, edits: number): Promise<ServerFigures> {
  const child = spawn(process.execPath, [path.join(repo, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, { version: number; resolve: () => void }>();
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const wanted = waiting.get(params.uri);
    if (wanted && params.version === wanted.version) {
      waiting.delete(params.uri);
      wanted.resolve();
    }
  });
  let indexed: () => void = () => undefined;
  const indexDone = new Promise<void>((resolve) => (indexed = resolve));
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') indexed();
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'article-bench-server-'));
  try {
    const started = performance.now();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(site).href,
      workspaceFolders: [{ uri: pathToFileURL(site).href, name: 'site' }],
      capabilities: { window: { workDoneProgress: true } },
    });
    await connection.sendNotification('initialized', {});
    await indexDone;
    const indexSeconds = (performance.now() - started) / 1000;
    const rssAfterIndexMB = residentMB(child.pid!);

    const typing = async (name: string, article: GeneratedArticle): Promise<Summary> => {
      const uri = pathToFileURL(path.join(scratch, name)).href;
      const published = (version: number) => new Promise<void>((resolve) => waiting.set(uri, { version, resolve }));
      let ready = published(1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: article.text } });
      await ready;
      const lines = article.text.split('\n');
      const bodyStart = lines.findIndex((line, index) => index > 0 && line === '---') + 2;
      const samples: number[] = [];
      let version = 1;
      for (let edit = 0; edit < edits; edit++) {
        // A character typed at the start of a body line, then taken away again.
        const line = bodyStart + ((edit * 7919) % Math.max(1, lines.length - bodyStart));
        const typed = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' };
        const undone = { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
        for (const change of [typed, undone]) {
          version++;
          ready = published(version);
          const sent = performance.now();
          await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
          await ready;
          samples.push(performance.now() - sent);
        }
      }
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      return summarize(samples);
    };
    const seedFigures = await typing('seed.md', seed);
    const largeFigures = await typing('large.md', large);
    return { seed: seedFigures, large: largeFigures, indexSeconds, indexedFiles, rssAfterIndexMB };
  } finally {
    try {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await connection.sendNotification('exit');
    } catch {
      // Gone already.
    }
    connection.dispose();
    child.kill();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
