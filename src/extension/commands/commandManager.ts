/**
 * One command, one small class; the manager registers them and owns the registrations. Every id a
 * command may have is declared in ./ids (no vscode there), and `assertAllRegistered` checks at the
 * end of activation that each declared command was registered, so package.json, the declared ids
 * and the registrations cannot drift apart.
 */
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { COMMAND_IDS, type CommandId } from './ids';

export interface Command {
  readonly id: CommandId;
  execute(...args: any[]): unknown;
}

export class CommandManager extends Disposable {
  private readonly registered = new Set<CommandId>();

  register<T extends Command>(command: T): T {
    if (this.registered.has(command.id)) throw new Error(`Command ${command.id} is already registered`);
    this.registered.add(command.id);
    this._register(vscode.commands.registerCommand(command.id, command.execute, command));
    return command;
  }

  /** The ids registered so far. */
  get ids(): ReadonlySet<CommandId> {
    return this.registered;
  }

  /** Throws when a declared command was not registered (a wiring mistake, found by every test run). */
  assertAllRegistered(): void {
    const missing = COMMAND_IDS.filter((id) => !this.registered.has(id));
    if (missing.length > 0) throw new Error(`Commands declared but not registered: ${missing.join(', ')}`);
  }

  override dispose(): void {
    super.dispose();
    this.registered.clear();
  }
}
