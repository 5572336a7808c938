/** Article: Open Preview to the Side — the preview of the given or active article, beside the editor. */
import * as vscode from 'vscode';
import type { ArticlePreviewManager } from '../preview';
import type { Command } from './commandManager';
import { COMMANDS } from './ids';

export class OpenPreviewCommand implements Command {
  readonly id = COMMANDS.openPreviewToSide.id;

  constructor(private readonly previews: ArticlePreviewManager) {}

  /** `uri`: the article (from the editor title button or an explorer menu); else the active editor's. */
  execute(uri?: unknown): Promise<void> {
    return this.previews.openToSide(uri instanceof vscode.Uri ? uri : undefined);
  }
}
