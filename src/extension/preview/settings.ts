/** The `articleAuthoring.preview.*` settings, read as one immutable snapshot per render. */
import * as vscode from 'vscode';

export const PREVIEW_SETTINGS_SECTION = 'articleAuthoring.preview';

export interface PreviewSettings {
  readonly siteUrl: string;
  readonly allowHtml: boolean;
  readonly dedupeHeroImage: boolean;
}

export function readPreviewSettings(scope?: vscode.ConfigurationScope): PreviewSettings {
  const config = vscode.workspace.getConfiguration(PREVIEW_SETTINGS_SECTION, scope);
  return Object.freeze({
    siteUrl: (config.get<string>('siteUrl', '') ?? '').trim(),
    allowHtml: config.get<boolean>('allowHtml', true) !== false,
    dedupeHeroImage: config.get<boolean>('dedupeHeroImage', true) !== false,
  });
}

/** Equal keys: the settings did not change (the render can be skipped). */
export function previewSettingsKey(settings: PreviewSettings): string {
  return JSON.stringify(settings);
}
