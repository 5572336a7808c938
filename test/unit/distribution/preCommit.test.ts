/**
 * The pre-commit hook, run by the pre-commit framework itself: `pre-commit try-repo` installs this
 * checkout as a site would (an npm package built by its prepare script, run by the system's Node)
 * and runs the hook in a temporary git repository holding a small site. A clean article passes, a
 * flawed one fails, and the hook's partial run still reports a link into an article it was not given.
 * Needs `pre-commit` on the PATH (Debian's package; .ci/run installs it): skipped with a message
 * where it is missing, except in CI, where that is a failure.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLES, REPO_ROOT, tempDir } from '../helpers/cli';
import { runOrFail, type CommandRun } from '../helpers/distribution';

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const preCommitMissing = preCommitVersion.error !== undefined || preCommitVersion.status !== 0;

/** Node and npm of this test run first on the PATH: pre-commit then installs the hook with them ("system"). */
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
  GIT_AUTHOR_NAME: 'Article Authoring tests',
  GIT_AUTHOR_EMAIL: 'tests@example.com',
  GIT_COMMITTER_NAME: 'Article Authoring tests',
  GIT_COMMITTER_EMAIL: 'tests@example.com',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** Runs a command without blocking the test's process (mocha keeps its timeout). */
function runAsync(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the pre-commit hook (pre-commit try-repo)', function () {
  this.timeout(600_000);

  before(function () {
    if (!preCommitMissing) return;
    if (process.env.CI) assert.fail('pre-commit is not on the PATH: .ci/run installs it (apt-get install pre-commit)');
    console.log('    (skipped: pre-commit is not installed; apt-get install pre-commit, or pip install pre-commit)');
    this.skip();
  });

  it('passes a clean article and fails a flawed one, reading the rest of the site', async () => {
    // The site: a configuration file makes its folder the site's root, as a generator's marker would.
    const site = tempDir('article-lint-pre-commit-site-');
    fs.writeFileSync(path.join(site, '.article-lint.json'), '{}\n');
    fs.copyFileSync(path.join(EXAMPLES, 'sample-article.md'), path.join(site, 'sourdough-at-altitude.md'));
    fs.cpSync(path.join(EXAMPLES, 'public'), path.join(site, 'public'), { recursive: true });
    const flawed = fs.readFileSync(path.join(EXAMPLES, 'flawed-article.md'), 'utf8');
    fs.writeFileSync(path.join(site, 'winter-tyres.md'), `${flawed}\nBaking on the way? See [the loaf](./sourdough-at-altitude.md#no-such-heading).\n`);
    runOrFail('git', ['init', '--quiet'], { cwd: site, env });
    runOrFail('git', ['add', '--all'], { cwd: site, env });
    runOrFail('git', ['commit', '--quiet', '--message', 'A site'], { cwd: site, env });

    const tryRepo = (file: string) =>
      runAsync('pre-commit', ['try-repo', REPO_ROOT, 'article-lint', '--verbose', '--files', file], {
        cwd: site,
        env: { ...env, PRE_COMMIT_HOME: tempDir('article-lint-pre-commit-home-') },
      });
    // try-repo installs the hook afresh every time, about half a minute (npm install, the build, npm
    // pack): one run after the other, on a machine that may have two cores.
    const clean = await tryRepo('sourdough-at-altitude.md');
    const flawedRun = await tryRepo('winter-tyres.md');

    const show = (run: CommandRun) => `exit ${run.code}\n${run.stdout}\n${run.stderr}`;
    assert.equal(clean.code, 0, show(clean));
    assert.match(clean.stdout, /^article-lint\.+Passed$/m, show(clean));
    assert.match(clean.stdout, /No problems \(1 file checked\)/, show(clean));

    assert.equal(flawedRun.code, 1, show(flawedRun));
    assert.match(flawedRun.stdout, /^article-lint\.+Failed$/m, show(flawedRun));
    assert.match(flawedRun.stdout, /^winter-tyres\.md$/m, show(flawedRun));
    assert.match(flawedRun.stdout, /error +pubDate: 'sometime soon' is not a date.* frontmatter-schema$/m, show(flawedRun));
    // Only the flawed article was passed: finding that the other one has no such heading took reading it.
    assert.match(flawedRun.stdout, /sourdough-at-altitude\.md has no heading with the anchor #no-such-heading\. +link-broken$/m, show(flawedRun));

    // The hook leaves the site's tracked files alone; its cache is ignored by git.
    const status = runOrFail('git', ['status', '--porcelain'], { cwd: site, env });
    assert.equal(status.stdout, '');
  });
});
