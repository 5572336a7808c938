/** The `articleAuthoring.*` settings this part of the extension reads, as one immutable snapshot. */
import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'articleAuthoring';

export interface AuthoringSettings {
  /** Pause after typing before an article is checked again, in milliseconds. */
  readonly debounceMs: number;
  /** Folder for new articles (relative to the workspace folder); empty: next to the active article. */
  readonly newArticleFolder: string;
}

const DEFAULT_DEBOUNCE_MS = 150;

export function readSettings(scope?: vscode.ConfigurationScope): AuthoringSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const debounce = config.get<number>('debounceMs', DEFAULT_DEBOUNCE_MS);
  return Object.freeze({
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(Math.round(debounce), 0), 10_000) : DEFAULT_DEBOUNCE_MS,
    newArticleFolder: (config.get<string>('newArticleFolder', '') ?? '').trim(),
  });
}

/** `articleAuthoring.preview.siteUrl` for a file or folder; undefined when empty (the site model's URLs then come from the site). */
export function siteUrlSetting(scope: vscode.ConfigurationScope): string | undefined {
  return vscode.workspace.getConfiguration(`${SETTINGS_SECTION}.preview`, scope).get<string>('siteUrl', '')?.trim() || undefined;
}
