/**
 * The one "configuration changed" event: a `.article-lint.json`, a schema (`*.schema.json`, Astro's
 * `.astro/collections/*.json`) or a site generator's marker file (./configGlobs) created, changed or
 * deleted on disk, an `articleAuthoring.*` setting changed, or workspace trust granted (the team's
 * schema files may then be used). The analyzer and the schema lookup forget what they resolved, the
 * preview looks up its public folder again, and the diagnostics check the open articles again.
 */
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { CONFIG_GLOBS } from './configGlobs';
import { SETTINGS_SECTION } from './settings';

export type ConfigurationChange =
  /** A configuration or schema file was created, changed or deleted. */
  | { kind: 'file'; uri: vscode.Uri; deleted: boolean }
  /** An `articleAuthoring.*` setting changed. */
  | { kind: 'settings'; event: vscode.ConfigurationChangeEvent }
  /** The workspace was trusted. */
  | { kind: 'trust' };

export class ConfigurationWatcher extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<ConfigurationChange>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    for (const glob of CONFIG_GLOBS) {
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(glob));
      this._register(watcher.onDidCreate((uri) => this.emitter.fire({ kind: 'file', uri, deleted: false })));
      this._register(watcher.onDidChange((uri) => this.emitter.fire({ kind: 'file', uri, deleted: false })));
      this._register(watcher.onDidDelete((uri) => this.emitter.fire({ kind: 'file', uri, deleted: true })));
    }
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.emitter.fire({ kind: 'settings', event });
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.emitter.fire({ kind: 'trust' })));
  }
}
