/** Article: Show Site Profile — which generator's conventions the article is checked with, and why. */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { displayName } from '../articles';
import { articleTarget, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Show Site Profile';

export interface SiteProfileReport {
  site: string;
  label: string;
  reason: string;
  root?: string;
  /** An article, a page or a list page, and which rule of the site's table decided. */
  kind?: string;
  kindReason: string;
  /** The message shown. */
  message: string;
}

export class ShowSiteProfileCommand implements Command {
  readonly id = COMMANDS.showSiteProfile.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  async execute(args?: TargetArgs): Promise<SiteProfileReport | undefined> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    const { profile, reason, root } = target.analysis.site;
    const { kind, kindReason } = target.analysis;
    const roles = profile.roles;
    const keys = (paths: readonly (readonly (string | number)[])[]) => paths.map((path) => path.join('.')).join(', ') || '—';
    const message =
      `${displayName(target.document.uri)} is checked as ${engine().siteWording(profile).page} (${reason}), ` +
      (kind === 'article' ? `an article (${kindReason}). ` : `a page, not an article (${kindReason}): the article rules do not run on it. `) +
      `Title: ${keys(roles.title)}; description: ${keys(roles.description)}; date: ${keys(roles.published)}; ` +
      `hero image: ${keys(roles.hero.map((source) => source.image))}. Frontmatter: ${profile.formats.map((format) => format.toUpperCase()).join(', ')}.`;
    void vscode.window.showInformationMessage(message);
    return { site: profile.name, label: profile.label, reason, root, kind, kindReason, message };
  }
}
