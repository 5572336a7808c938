/**
 * Where the extension reports what went wrong (a check that threw, a file it could not read): the
 * "Article Authoring" log channel in the Output panel, at the level the author picked there. Made
 * once in extension.ts and handed to what logs.
 */
import * as vscode from 'vscode';

export const LOG_CHANNEL_NAME = 'Article Authoring';

/** What a feature needs of the log (tests hand in a recorder). */
export type Log = Pick<vscode.LogOutputChannel, 'error' | 'warn' | 'info' | 'debug'>;

export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
}
