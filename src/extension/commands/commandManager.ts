/** One command, one small class; the manager registers them and owns the registrations. */
import * as vscode from 'vscode';

export interface Command {
  readonly id: string;
  execute(...args: any[]): unknown;
}

export class CommandManager implements vscode.Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    if (this.registrations.has(command.id)) throw new Error(`Command ${command.id} is already registered`);
    this.registrations.set(command.id, vscode.commands.registerCommand(command.id, command.execute, command));
    return command;
  }

  dispose(): void {
    for (const registration of this.registrations.values()) registration.dispose();
    this.registrations.clear();
  }
}
