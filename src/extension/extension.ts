/**
 * Entry point, kept thin: builds each feature and hands every disposable to VS Code. The rules,
 * stats and edits live in src/core (no vscode import there), shared with the CLI.
 */
import type * as vscode from 'vscode';
import { ArticleDocuments } from './articleDocuments';
import { CommandManager } from './commands/commandManager';
import { UpdateReadingTimeCommand } from './commands/updateReadingTime';
import { ReadingTimeStatus } from './readingTimeStatus';
import { registerPreview } from './preview';
import { registerCompletionAndHover } from './completion';
import { registerAuthoring } from './authoring';

export function activate(context: vscode.ExtensionContext): void {
  const articles = new ArticleDocuments();
  const commands = new CommandManager();
  context.subscriptions.push(articles, commands);

  commands.register(new UpdateReadingTimeCommand(articles));
  context.subscriptions.push(new ReadingTimeStatus(articles));
  context.subscriptions.push(registerPreview(context, articles));
  registerCompletionAndHover(context);
  registerAuthoring(context, commands, articles);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
