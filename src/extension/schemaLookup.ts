/**
 * The schema fields that apply to a document, for completion and hover: resolved by the engine per
 * file path (the team's schema from `.article-lint.json`, Astro's generated
 * `.astro/collections/<name>.schema.json` for `src/content/<name>/`, else the built-in schema), so a
 * new article in a collection gets its collection's fields at once. Results are kept for a moment
 * only (typing asks many times a second), and all of them are forgotten on the configuration-changed
 * event (a configuration or schema file saved, trust granted).
 */
import * as vscode from 'vscode';
import type { FrontmatterSchema, SchemaField, SiteFolderCache } from '../core';
import { documentPath } from './articles';
import { Disposable } from './dispose';
import { WorkspaceFileSystem, pathToUri, workspacePath } from './fs';
import { engine } from './engine';

/** The schema's fields and where it comes from, for display: "built-in schema" or a workspace-relative path. */
export type DocumentSchema = FrontmatterSchema;

/** How long a resolution is reused (ms): long enough for a burst of keystrokes, short enough to feel live. */
const REUSE_MS = 1500;

export class SchemaLookup extends Disposable {
  private readonly fs: WorkspaceFileSystem;
  private readonly recent = new Map<string, { at: number; result: Promise<DocumentSchema> }>();
  private readonly fieldsBySchema = new WeakMap<object, SchemaField[]>();
  /** What each folder's site files say (markers, archetypes, templates), until a configuration or site file changes. */
  private readonly siteFolders: SiteFolderCache = new Map();

  constructor(onDidChangeConfiguration?: vscode.Event<unknown>, fs = new WorkspaceFileSystem()) {
    super();
    this.fs = fs;
    if (onDidChangeConfiguration) this._register(onDidChangeConfiguration(() => this.clear()));
    this._register({ dispose: () => this.clear() });
  }

  forDocument(document: vscode.TextDocument): Promise<DocumentSchema> {
    const key = `${document.uri.toString()}|${vscode.workspace.isTrusted}`;
    const now = Date.now();
    const cached = this.recent.get(key);
    if (cached && now - cached.at < REUSE_MS) return cached.result;
    const result = this.resolve(document);
    if (this.recent.size > 64) this.recent.clear();
    this.recent.set(key, { at: now, result });
    result.catch(() => this.recent.delete(key));
    return result;
  }

  /** Forget everything (a configuration or schema file changed). */
  clear(): void {
    this.recent.clear();
    this.siteFolders.clear();
  }

  private async resolve(document: vscode.TextDocument): Promise<DocumentSchema> {
    const filePath = documentPath(document);
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(document.uri);
    const folder = workspaceFolder && workspacePath(workspaceFolder.uri);
    // In an untrusted workspace, the team's schema files are not loaded: the built-in schema is used.
    const trusted = vscode.workspace.isTrusted;
    const { config } = filePath && trusted
      ? await engine().loadConfig({ rules: engine().allRules, fs: this.fs, forPath: filePath, defaultBaseDir: folder })
      : { config: undefined };
    return engine().articleSchema(filePath, {
      fs: this.fs,
      config,
      trusted,
      siteFolders: this.siteFolders,
      fieldsCache: this.fieldsBySchema,
      displayPath: (path) => vscode.workspace.asRelativePath(pathToUri(path), true),
    });
  }
}
