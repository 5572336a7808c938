/**
 * The one "configuration changed" event: a `.article-lint.json`, a schema, or a file a site's reading
 * depends on (its generator's configuration and marker files, layouts, archetypes, content
 * configuration: core's site profiles say which, see siteWatchGlobs) created, changed or deleted on
 * disk, an `articleAuthoring.*` setting changed, or workspace trust granted (the team's schema files
 * may then be used). The analyzer and the schema lookup forget what they resolved (each site's
 * folders, conventions and URL settings), the preview looks up its site again, and the diagnostics
 * check the open articles again.
 */
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { CONFIG_GLOBS, MAX_FILES_WATCHED_BY_PATH } from './configGlobs';
import { engine, whenEngineLoaded } from './engine';
import { SETTINGS_SECTION } from './settings';
import { pathToUri } from './fs';

export type ConfigurationChange =
  /** A configuration, schema or site file was created, changed or deleted. */
  | { kind: 'file'; uri: vscode.Uri; deleted: boolean }
  /** An `articleAuthoring.*` setting changed. */
  | { kind: 'settings'; event: vscode.ConfigurationChangeEvent }
  /** The workspace was trusted. */
  | { kind: 'trust' };

export class ConfigurationWatcher extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<ConfigurationChange>());
  readonly onDidChange = this.emitter.event;
  private globs: readonly string[] = CONFIG_GLOBS;
  /** Files looked up by the engine, each considered once (see fileLookedUp). */
  private readonly lookedUp = new Set<string>();
  /** Files watched by their own path (no glob names them). */
  private readonly byPath = new Set<string>();

  constructor() {
    super();
    for (const glob of CONFIG_GLOBS) this.watch(glob);
    // The site files' globs are the profiles' (in the engine): nothing is read from a site before the engine is loaded.
    whenEngineLoaded((loaded) => {
      if (this.isDisposed) return;
      const siteGlobs = loaded.siteWatchGlobs();
      this.globs = [...CONFIG_GLOBS, ...siteGlobs];
      for (const glob of siteGlobs) this.watch(glob);
    });
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.emitter.fire({ kind: 'settings', event });
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire({ kind: 'trust' })));
  }

  /**
   * A file the engine read while reading a configuration or a site (the workspace file system
   * reports each it found). One that no glob covers (a module the site's configuration imports,
   * a layouts folder it names, a folder's data file) is watched by its own path, so that a change to
   * it reads the site again too.
   */
  fileLookedUp(file: string): void {
    if (this.isDisposed || this.lookedUp.has(file) || this.byPath.size >= MAX_FILES_WATCHED_BY_PATH) return;
    this.lookedUp.add(file);
    if (engine().globMatcher(this.globs, { dot: true })(file.replace(/\\/g, '/'))) return;
    this.byPath.add(file);
    const uri = pathToUri(file);
    this.watch(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  }

  /** The files watched by their own path: the site index's fingerprint of a folder stamps them with the globs' files. */
  get filesWatchedByPath(): ReadonlySet<string> {
    return this.byPath;
  }

  private watch(pattern: vscode.GlobPattern): void {
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(pattern));
    this._register(watcher.onDidCreate((uri) => this.emitter.fire({ kind: 'file', uri, deleted: false })));
    this._register(watcher.onDidChange((uri) => this.emitter.fire({ kind: 'file', uri, deleted: false })));
    this._register(watcher.onDidDelete((uri) => this.emitter.fire({ kind: 'file', uri, deleted: true })));
  }
}
