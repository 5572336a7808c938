/**
 * The benchmark's `extensionTestsPath` for the `editor` section (npm run bench -- --only editor, see
 * bench/extension.ts measureEditor): the extension in the real VS Code extension host, measured the
 * way bench/server.ts measures the language server. The workspace is a copy of the bench's generated
 * site; the two articles to type in (seed.md and large.md, written by the bench) are copied into it
 * before anything activates the extension, so that the site index finds them like any other file.
 *
 * 1. Memory: the host's `process.memoryUsage()` once the other extensions an article activates are
 *    active, then one article of the site opened (which activates ours) and both workspace indexes
 *    built, after a full garbage collection each time. The growth is the extension's share of the
 *    host (the language server's figure is a whole process).
 * 2. Typing: each article opened, then a character typed at the start of a body line and taken away
 *    again, `edits` times, with `TextEditor.edit`, each timed from the change reaching the extension
 *    host until the extension has set that version's diagnostics (see waitForNewDiagnostics).
 *
 * Writes the figures as JSON to the file named by ARTICLE_AUTHORING_BENCH_EDITOR. Not a test: the
 * integration suite never loads it.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { EDITOR_ARTICLES_ENV, EDITOR_EDITS_ENV, EDITOR_OUT_ENV, EDITOR_PROFILE_ENV } from './editorEnv';

/** The site's article opened first: one in 50 has a broken link (bench/generate.ts siteArticle). */
const ACTIVATING_ARTICLE = 'posts/000/article-50.md';
/** Where the typed articles go in the workspace. */
const TYPING_FOLDER = 'bench-typing';
const DIAGNOSTIC_SOURCE = 'article-lint';
const INDEX_TIMEOUT_MS = 15 * 60_000;
const EDIT_TIMEOUT_MS = 60_000;

export interface HostMemory {
  rssMB: number;
  heapUsedMB: number;
  /** What V8 keeps for its heap: the resident set holds this, not only what is used. */
  heapTotalMB: number;
  externalMB: number;
}

export interface EditorFigures {
  vscode: string;
  extensionHostNode: string;
  debounceMs: number;
  /** How the heap was collected before each memory reading ('none': the figures as they were). */
  gc: 'global.gc' | 'v8 flag' | 'none';
  /** Extensions activated before the baseline, as opening a Markdown file would have. */
  activatedFirst: string[];
  /** Before our extension activates, and after both of its workspace indexes are built. */
  memoryBefore: HostMemory;
  memoryAfterIndex: HostMemory;
  /** Article opened → `link-broken` among its diagnostics (the site index complete) (s). */
  siteIndexSeconds: number;
  /** Article opened → the value index complete (completion no longer incomplete) (s). */
  valueIndexSeconds: number;
  markdownFiles: number;
  /** Change seen by the host → that version's diagnostics set (ms), the typing pause included. */
  seed: Samples;
  large: Samples;
  measuredAt: string;
}

export interface Samples {
  samples: number[];
  /** Diagnostics sets seen before the pause was over (an earlier version's): ignored. */
  staleSets: number;
  /** onDidChangeDiagnostics for the document after its set (VS Code delivers it up to 50 ms later) (ms after the set). */
  eventLagMs: number[];
}

/** Called by the extension host as an extension test runner would be. */
export async function run(): Promise<void> {
  const outFile = process.env[EDITOR_OUT_ENV];
  if (!outFile) throw new Error(`${EDITOR_OUT_ENV} names no file to write the figures to`);
  let figures: EditorFigures | { error: string };
  try {
    figures = await measure();
  } catch (error) {
    figures = { error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  fs.writeFileSync(outFile, JSON.stringify(figures));
}

const MB = 1024 * 1024;

/**
 * A full collection before a memory reading: the host has no `global.gc`; V8 gives a context made
 * after `--expose-gc` is set a `gc` of its own.
 */
function collector(): { collect: () => void; kind: EditorFigures['gc'] } {
  const global = (globalThis as { gc?: () => void }).gc;
  if (global) return { collect: global, kind: 'global.gc' };
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (() => void) | undefined;
    if (typeof gc === 'function') return { collect: gc, kind: 'v8 flag' };
  } catch {
    // Not allowed here: the figures as they are.
  }
  return { collect: () => undefined, kind: 'none' };
}

function hostMemory(collect: () => void): HostMemory {
  collect();
  collect();
  const usage = process.memoryUsage();
  return { rssMB: usage.rss / MB, heapUsedMB: usage.heapUsed / MB, heapTotalMB: usage.heapTotal / MB, externalMB: usage.external / MB };
}

function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the bench opens its generated site');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number, pollMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}

/** The extension host's CPU profile over some work, when EDITOR_PROFILE_ENV names where to write it. */
async function profiled<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const prefix = process.env[EDITOR_PROFILE_ENV];
  if (!prefix) return work();
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(`${prefix}-${phase}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

async function measure(): Promise<EditorFigures> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { publisher: string; name: string };
  const id = `${manifest.publisher}.${manifest.name}`;
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  if (extension.isActive) throw new Error('the extension was already active: not a fresh host');
  const articles = process.env[EDITOR_ARTICLES_ENV];
  if (!articles) throw new Error(`${EDITOR_ARTICLES_ENV} names no folder with the articles to type in`);
  const edits = Number(process.env[EDITOR_EDITS_ENV] ?? 100);
  const debounceMs = vscode.workspace.getConfiguration('articleAuthoring').get<number>('debounceMs', 150);

  // The articles to type in become files of the workspace before the extension is there to see them written.
  const typingFolder = workspaceUri(TYPING_FOLDER).fsPath;
  fs.mkdirSync(typingFolder, { recursive: true });
  for (const name of ['seed.md', 'large.md']) fs.copyFileSync(path.join(articles, name), path.join(typingFolder, name));

  // Opening a Markdown file activates every extension that waits for the language (VS Code's own
  // Markdown support among them): those go first, so that the growth measured is ours.
  const others = vscode.extensions.all.filter(
    (candidate) => candidate.id !== id && !candidate.isActive && ((candidate.packageJSON as { activationEvents?: string[] }).activationEvents ?? []).includes('onLanguage:markdown'),
  );
  for (const other of others) await other.activate();
  const { collect, kind } = collector();
  const memoryBefore = hostMemory(collect);

  // Activation: one article of the site opened. Its broken link is reported only once the workspace's
  // site model is complete (site-wide findings are never shown before), which is the signal.
  const { siteIndexSeconds, valueIndexSeconds } = await profiled('index', async () => {
    const opened = performance.now();
    const activating = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(ACTIVATING_ARTICLE)), { preview: false });
    await until(() => extension.isActive, 'the extension to activate', 60_000);
    await until(() => ours(activating.document.uri).some((diagnostic) => ruleOf(diagnostic) === 'link-broken'), 'link-broken in the opened article (the site index complete)', INDEX_TIMEOUT_MS, 100);
    const siteIndexSeconds = (performance.now() - opened) / 1000;
    // The value index (frontmatter values offered by completion) says its list is incomplete until it is built.
    const tagsLine = activating.document.getText().split('\n').findIndex((line) => line.startsWith('tags: ['));
    if (tagsLine === -1) throw new Error(`${ACTIVATING_ARTICLE} has no tags line`);
    const inTags = new vscode.Position(tagsLine, 'tags: ['.length);
    await until(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', activating.document.uri, inTags, '[');
        return !list.isIncomplete;
      },
      'the value index to be complete',
      INDEX_TIMEOUT_MS,
      500,
    );
    return { activating, siteIndexSeconds, valueIndexSeconds: (performance.now() - opened) / 1000 };
  });
  const memoryAfterIndex = hostMemory(collect);
  const markdownFiles = (await vscode.workspace.findFiles('**/*.md')).length;

  const { seed, large } = await profiled('typing', async () => ({
    seed: await typeIn(`${TYPING_FOLDER}/seed.md`, edits, debounceMs),
    large: await typeIn(`${TYPING_FOLDER}/large.md`, edits, debounceMs),
  }));
  return {
    vscode: vscode.version,
    extensionHostNode: process.version,
    debounceMs,
    gc: kind,
    activatedFirst: others.map((other) => other.id),
    memoryBefore,
    memoryAfterIndex,
    siteIndexSeconds,
    valueIndexSeconds,
    markdownFiles,
    seed,
    large,
    measuredAt: new Date().toISOString(),
  };
}

/**
 * Types in one article as bench/server.ts does: the same lines, a character typed and taken away.
 * Each version's time runs from the change event (where the extension, too, learns of the edit and
 * starts its typing pause) to the moment its diagnostics are set.
 */
async function typeIn(relative: string, edits: number, debounceMs: number): Promise<Samples> {
  const uri = workspaceUri(relative);
  const key = uri.toString();
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const document = editor.document;
  const changedAt = new Map<number, number>();
  const changes = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document === document && event.contentChanges.length > 0) changedAt.set(document.version, performance.now());
  });
  const eventTimes: number[] = [];
  const diagnosticsEvents = vscode.languages.onDidChangeDiagnostics((event) => {
    if (event.uris.some((changed) => changed.toString() === key)) eventTimes.push(performance.now());
  });
  try {
    // The opened version's diagnostics, with the site-wide ones (the site is complete by now), and
    // its events past (VS Code holds them back up to 50 ms).
    await until(() => ours(uri).length > 0, `the diagnostics of ${relative}`, EDIT_TIMEOUT_MS);
    await sleep(500);
    const lines = document.getText().split('\n');
    const bodyStart = lines.findIndex((line, index) => index > 0 && line === '---') + 2;
    const samples: number[] = [];
    const eventLagMs: number[] = [];
    let staleSets = 0;
    for (let edit = 0; edit < edits; edit++) {
      const line = bodyStart + ((edit * 7919) % Math.max(1, lines.length - bodyStart));
      for (const typed of [true, false]) {
        const shown = ours(uri);
        if (shown.length === 0) throw new Error(`${relative} shows no diagnostics: a new set could not be told from the last`);
        const applied = await editor.edit(
          (builder) => (typed ? builder.insert(new vscode.Position(line, 0), 'x') : builder.delete(new vscode.Range(line, 0, line, 1))),
          { undoStopBefore: false, undoStopAfter: false },
        );
        if (!applied) throw new Error(`the edit of ${relative} at line ${line + 1} was not applied`);
        const version = document.version;
        await until(() => changedAt.has(version), `the change event of version ${version}`, EDIT_TIMEOUT_MS, 1);
        const start = changedAt.get(version)!;
        const { setAt, stale } = await waitForNewDiagnostics(uri, shown, start + debounceMs);
        staleSets += stale;
        samples.push(setAt - start);
        // Its onDidChangeDiagnostics is awaited too, so that none is pending when the next edit begins.
        await until(() => eventTimes.some((time) => time >= setAt), `onDidChangeDiagnostics for version ${version}`, EDIT_TIMEOUT_MS, 1);
        eventLagMs.push(eventTimes.find((time) => time >= setAt)! - setAt);
        eventTimes.length = 0;
        changedAt.delete(version);
      }
    }
    return { samples, staleSets, eventLagMs };
  } finally {
    changes.dispose();
    diagnosticsEvents.dispose();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/**
 * The moment the extension sets new diagnostics for the document: `getDiagnostics` answers from the
 * host's own copy, updated the moment the extension's collection is set, while onDidChangeDiagnostics
 * is held back by VS Code for up to 50 ms. Each publish makes new Diagnostic objects, so a set shows
 * as other objects than those shown before the edit (the document must have some). Checked every
 * millisecond from the end of the typing pause: no check of this version can have begun before it,
 * so a set seen earlier would be an earlier version's (counted as stale, and waited past).
 */
async function waitForNewDiagnostics(uri: vscode.Uri, before: readonly vscode.Diagnostic[], pauseEnd: number): Promise<{ setAt: number; stale: number }> {
  const previous = new Set(before);
  let last = before;
  let stale = 0;
  const isNew = (now: readonly vscode.Diagnostic[]) => now.length !== last.length || now.some((diagnostic) => !previous.has(diagnostic));
  const deadline = performance.now() + EDIT_TIMEOUT_MS;
  for (;;) {
    const current = ours(uri);
    const at = performance.now();
    if (isNew(current)) {
      if (at >= pauseEnd) return { setAt: at, stale };
      stale++;
      last = current;
      for (const diagnostic of current) previous.add(diagnostic);
    }
    if (at > deadline) throw new Error(`no new diagnostics for ${uri.toString(true)} within ${EDIT_TIMEOUT_MS} ms`);
    await sleep(at < pauseEnd - 2 ? pauseEnd - 2 - at : 1);
  }
}
