/**
 * `npm run test:electron`: the same integration suite in desktop VS Code, downloaded by
 * @vscode/test-electron (machines that can reach update.code.visualstudio.com). Here the
 * workbench-DOM observations are skipped; `npm test` runs them through Chromium.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'article-authoring-workspace-'));
  fs.cpSync(path.join(REPO, 'test/integration/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO,
      extensionTestsPath: path.join(REPO, 'out/test/integration'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
