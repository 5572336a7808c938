/**
 * The commands of the extension, without VS Code: package.json's `contributes.commands` and Command
 * Palette entries against the ids declared in src/extension/commands/ids.ts, the one list the
 * CommandManager registers from (it throws at activation when a declared command is not registered,
 * and a command class can only have a declared id: Command.id is typed CommandId).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_IDS, COMMANDS, PALETTE_WHEN } from '../../../src/extension/commands/ids';
import { REPO_ROOT } from '../helpers/cli';

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    keybindings: Array<{ command: string }>;
    walkthroughs: Array<{ steps: Array<{ description: string }> }>;
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const contributed = manifest.contributes.commands.map((command) => command.command);

/** Every TypeScript file under a folder. */
function sources(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

describe('commands and wiring (package.json and src/extension)', () => {
  it('package.json contributes exactly the declared commands, each once', () => {
    assert.equal(new Set(contributed).size, contributed.length, `duplicates in ${contributed.join(', ')}`);
    assert.deepEqual([...contributed].sort(), [...COMMAND_IDS].sort());
  });

  it('every command is titled in the "Article" category', () => {
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Article', command.command);
      assert.ok(command.title.trim().length > 0, command.command);
    }
  });

  it('the Command Palette offers editor-only commands only in a Markdown or MDX editor, and never the internal ones', () => {
    const palette = new Map(manifest.contributes.menus.commandPalette.map((entry) => [entry.command, entry.when]));
    for (const { id, palette: scope } of Object.values(COMMANDS)) {
      if (scope === 'always') assert.equal(palette.get(id), undefined, `${id} is offered everywhere: no when clause`);
      else assert.equal(palette.get(id), PALETTE_WHEN[scope], `${id} (${scope})`);
    }
    for (const command of palette.keys()) assert.ok(contributed.includes(command), `the palette names ${command}, which is not contributed`);
  });

  it('menus, keybindings and walkthrough links name only contributed commands', () => {
    const named = [
      ...Object.values(manifest.contributes.menus).flat().map((entry) => entry.command),
      ...manifest.contributes.keybindings.map((binding) => binding.command),
      ...manifest.contributes.walkthroughs.flatMap((walkthrough) =>
        walkthrough.steps.flatMap((step) => [...step.description.matchAll(/\(command:(articleAuthoring\.[\w.]+)\)/g)].map((match) => match[1])),
      ),
    ].filter((command) => command.startsWith('articleAuthoring.'));
    assert.ok(named.length > 0);
    for (const command of named) assert.ok(contributed.includes(command), command);
  });

  it('commands are registered only through the CommandManager, each by a class in src/extension/commands', () => {
    const extension = path.join(REPO_ROOT, 'src', 'extension');
    const registering = sources(extension)
      .filter((file) => /\bregisterCommand\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(extension, file).split(path.sep).join('/'));
    assert.deepEqual(registering, ['commands/commandManager.ts']);
    // Each declared id is the id of one command class.
    const classIds = sources(path.join(extension, 'commands')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/readonly id = COMMANDS\.(\w+)\.id;/g)].map((match) => match[1]),
    );
    assert.deepEqual([...classIds].sort(), Object.keys(COMMANDS).sort());
  });

  it('the extension logs through its "Article Authoring" log channel, never the console', () => {
    const extension = path.join(REPO_ROOT, 'src', 'extension');
    const consoleUsers = sources(extension).filter((file) => /\bconsole\.\w+\(/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(consoleUsers.map((file) => path.relative(REPO_ROOT, file)), []);
    assert.match(fs.readFileSync(path.join(extension, 'log.ts'), 'utf8'), /createOutputChannel\(LOG_CHANNEL_NAME, \{ log: true \}\)/);
  });
});
