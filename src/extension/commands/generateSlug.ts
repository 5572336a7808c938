/** Article: Generate Slug from Title — writes `slug` from `title`, as one minimal frontmatter edit. */
import * as vscode from 'vscode';
import type { ArticleAnalyzer } from '../analyzer';
import { articleTarget, onCurrentVersion, STALE, type TargetArgs } from './articleTarget';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';
import { engine } from '../engine';

const TITLE = 'Generate Slug from Title';

export class GenerateSlugCommand implements Command {
  readonly id = COMMANDS.generateSlug.id;

  constructor(private readonly analyzer: ArticleAnalyzer) {}

  /** Returns the slug written (or already there), or undefined when none could be. */
  execute(args?: TargetArgs): Promise<string | undefined> {
    return onCurrentVersion(TITLE, () => this.attempt(args), undefined);
  }

  private async attempt(args: TargetArgs | undefined): Promise<string | undefined | typeof STALE> {
    const target = await articleTarget(this.analyzer, TITLE, args);
    if (!target) return undefined;
    const { document, analysis } = target;
    // The title and slug by the site's roles (its first title key present; the site's slug key).
    const profile = analysis.site.profile;
    const titleRole = engine().roleValue(profile, analysis.article.frontmatter?.data, 'title');
    const title = titleRole?.value;
    const slugKey = profile.keys.slug;
    if (typeof title !== 'string' || title.trim() === '') {
      void vscode.window.showWarningMessage(`${TITLE}: the frontmatter has no title to make a slug from.`);
      return undefined;
    }
    const slug = engine().slugFromTitle(title);
    if (!slug) {
      void vscode.window.showWarningMessage(`${TITLE}: the title "${title}" has no letters or digits to make a slug from.`);
      return undefined;
    }
    if (analysis.article.frontmatter?.data?.[slugKey] === slug) return slug;
    const edit = engine().setFrontmatterScalar(analysis.article, slugKey, slug, titleRole ? [String(titleRole.path[0])] : []);
    if (!edit) {
      void vscode.window.showWarningMessage(`${TITLE}: the frontmatter has errors; fix them first.`);
      return undefined;
    }
    if (document.version !== analysis.version) return STALE;
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
    return (await vscode.workspace.applyEdit(workspaceEdit)) ? slug : undefined;
  }
}
