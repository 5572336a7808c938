/**
 * The web suite's entry point (`extensionTestsPath` of the web run, bundled for the browser's web
 * worker by scripts/test.mjs): mocha's browser build, the suites of ./webSuites, and a JSON summary
 * written through `vscode.workspace.fs` beside the workspace folder (the runner reads it from there:
 * the worker has no `fs` and no environment).
 */
import * as vscode from 'vscode';
import 'mocha/mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

declare const mocha: BrowserMocha;
interface MochaTest {
  fullTitle(): string;
  duration?: number;
}
interface BrowserMocha {
  setup(options: { ui: string; reporter?: unknown; timeout?: number; color?: boolean }): void;
  run(done: (failures: number) => void): { on(event: string, listener: (test: MochaTest, error?: unknown) => void): void };
}

export async function run(): Promise<void> {
  console.log(`VS Code ${vscode.version}, web worker extension host (process is ${typeof process})`);
  // Mocha's default reporter in a browser draws into a page's DOM, which a worker does not have: this suite reports itself (below).
  mocha.setup({ ui: 'tdd', timeout: 90_000, color: false, reporter: class SelfReported {} });
  // After setup: the suites call suite() and test(), which setup defines.
  require('./webSuites');
  const tests: TestResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      console.log(`  ✔ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error) => {
      const message = String((error as Error | undefined)?.message ?? error);
      tests.push({ title: test.fullTitle(), state: 'failed', durationMs: test.duration, error: message });
      console.log(`  ✘ ${test.fullTitle()}: ${message}`);
    });
  });
  const passes = tests.filter((test) => test.state === 'passed').length;
  console.log(`  ${passes} passing (web)${failures ? `\n  ${failures} failing` : ''}`);
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const summary = { suite: 'web', passes, failures, pending: 0, tests };
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '..', 'integration.json'), new TextEncoder().encode(JSON.stringify(summary, null, 2)));
  }
  if (failures > 0) throw new Error(`${failures} web test(s) failed`);
}
