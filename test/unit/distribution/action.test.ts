/**
 * The GitHub Action (action.yml): valid against the action metadata schema, and its steps run as a
 * runner runs a composite action — each `run:` script by `bash --noprofile --norc -eo pipefail`, with
 * its `${{ … }}` expressions replaced by the test's values, GITHUB_OUTPUT read back into the step's
 * outputs, and a step that fails ending the action. `uses:` steps (setup-node, upload-sarif) are not
 * run; their condition and inputs are worked out and checked. The action installs the packed tarball
 * (its `package` input), offline.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { EXAMPLES, FIXTURES, REPO_ROOT, sarifSchemaErrors, tempDir, writeTree } from '../helpers/cli';
import { packedTarball, runCommand } from '../helpers/distribution';

interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION_FILE = path.join(REPO_ROOT, 'action.yml');
const action = parse(fs.readFileSync(ACTION_FILE, 'utf8')) as ActionMetadata;

/** What `${{ … }}` can read: the contexts a composite action's steps see. */
interface Contexts {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  github: { action_path: string; workspace: string };
  runner: { temp: string };
}

/**
 * Evaluates the expressions the action uses: context paths, 'string' literals, == and != (strings
 * compared ignoring case, as GitHub does), && and ||. Anything else throws, so the action cannot
 * grow an expression this test would get wrong.
 */
function evaluate(expression: string, contexts: Contexts): string | boolean {
  const text = expression.trim();
  for (const operator of ['||', '&&'] as const) {
    const parts = text.split(operator);
    if (parts.length > 1) {
      const values = parts.map((part) => truthy(evaluate(part, contexts)));
      return operator === '||' ? values.some(Boolean) : values.every(Boolean);
    }
  }
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(text);
  if (comparison) {
    const equal = String(evaluate(comparison[1], contexts)).toLowerCase() === String(evaluate(comparison[3], contexts)).toLowerCase();
    return comparison[2] === '==' ? equal : !equal;
  }
  const literal = /^'((?:[^']|'')*)'$/.exec(text);
  if (literal) return literal[1].replace(/''/g, "'");
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/.test(text)) throw new Error(`expression the test does not evaluate: ${text}`);
  const [context, ...keys] = text.split('.');
  if (!(context in contexts)) throw new Error(`unknown context in ${text}`);
  let value: unknown = contexts[context as keyof Contexts];
  for (const key of keys) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined || value === null ? '' : String(value);
}

function truthy(value: string | boolean): boolean {
  return value !== false && value !== '';
}

/** A string with each `${{ expression }}` replaced by its value. */
function substitute(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(evaluate(expression, contexts)));
}

/** GITHUB_OUTPUT's `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2], index + 1);
      outputs[block[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

interface StepRun {
  step: Step;
  ran: boolean;
  /** For `uses:` steps whose condition held: their inputs, as the runner would give them. */
  with?: Record<string, string>;
  code?: number;
  stdout?: string;
  stderr?: string;
}

interface ActionRun {
  steps: StepRun[];
  /** The exit code of the step that failed, 0 when none did. */
  code: number;
  outputs: Record<string, string>;
  step(name: string): StepRun;
}

/** Runs the action's steps in the workspace as a runner would, with these inputs (the rest take their defaults). */
function runAction(workspace: string, given: Record<string, string>): ActionRun {
  for (const name of Object.keys(given)) assert.ok(name in action.inputs, `action.yml has no input ${name}`);
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? String(input.default ?? '')]));
  const runnerTemp = tempDir('article-lint-runner-temp-');
  const contexts: Contexts = { inputs, steps: {}, github: { action_path: REPO_ROOT, workspace }, runner: { temp: runnerTemp } };
  const steps: StepRun[] = [];
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    // A step runs while no earlier one failed, and when its condition holds.
    const condition = step.if === undefined ? true : typeof step.if === 'boolean' ? step.if : truthy(evaluate(String(step.if), contexts));
    if (code !== 0 || !condition) {
      steps.push({ step, ran: false });
      continue;
    }
    if (step.uses) {
      const inputsOfStep = Object.fromEntries(Object.entries(step.with ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]));
      steps.push({ step, ran: false, with: inputsOfStep });
      continue;
    }
    assert.equal(step.shell, 'bash', `step ${step.name}: the test runs bash steps`);
    const script = path.join(runnerTemp, `step-${index}.sh`);
    const outputFile = path.join(runnerTemp, `output-${index}`);
    fs.writeFileSync(script, step.run ?? '');
    fs.writeFileSync(outputFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(String(value), contexts)]));
    const run = runCommand('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      env: {
        PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: process.env.HOME,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: REPO_ROOT,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: runnerTemp,
        // Not the runner's: this test installs the packed tarball, and needs nothing from the registry.
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
        ...stepEnv,
      },
    });
    if (step.id) contexts.steps[step.id] = { outputs: readOutputs(outputFile) };
    steps.push({ step, ran: true, code: run.code, stdout: run.stdout, stderr: run.stderr });
    code = run.code;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, contexts)]));
  return {
    steps,
    code,
    outputs,
    step: (name) => {
      const found = steps.find((run) => run.step.name === name);
      assert.ok(found, `action.yml has no step "${name}"`);
      return found;
    },
  };
}

function describeRun(run: ActionRun): string {
  return run.steps.map((step) => `${step.step.name}: ${step.ran ? `exit ${step.code}\n${step.stdout}${step.stderr}` : 'not run'}`).join('\n');
}

describe('the GitHub Action (action.yml)', function () {
  this.timeout(120_000);

  describe('its metadata', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'github-action', 'action-metadata.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);
    const errors = (metadata: unknown) => (validate(metadata) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

    it('is valid against the action metadata schema', () => {
      assert.deepEqual(errors(action), []);
      assert.equal(action.runs.using, 'composite');
    });

    it('would fail the schema with a step that both runs and uses, a run without shell, or an output without value', () => {
      const copy = () => structuredClone(action) as ActionMetadata;
      const both = copy();
      both.runs.steps[1].uses = 'actions/checkout@v4';
      assert.notDeepEqual(errors(both), []);
      const noShell = copy();
      delete noShell.runs.steps[1].shell;
      assert.notDeepEqual(errors(noShell), []);
      const noValue = copy() as unknown as { outputs: Record<string, { value?: string }> };
      delete noValue.outputs['exit-code'].value;
      assert.notDeepEqual(errors(noValue), []);
      assert.notDeepEqual(errors({ ...action, name: undefined }), []);
    });

    it('passes inputs to scripts through env only, never as ${{ }} in a script', () => {
      for (const step of action.runs.steps) if (step.run) assert.doesNotMatch(step.run, /\$\{\{/, step.name);
    });
  });

  describe('its steps, run as a runner would', () => {
    it('annotates the findings, writes and uploads the SARIF log, and fails on errors', () => {
      const workspace = tempDir('article-lint-workspace-');
      fs.copyFileSync(path.join(EXAMPLES, 'flawed-article.md'), path.join(workspace, 'flawed-article.md'));
      fs.copyFileSync(path.join(EXAMPLES, 'sample-article.md'), path.join(workspace, 'sample-article.md'));
      fs.cpSync(path.join(EXAMPLES, 'public'), path.join(workspace, 'public'), { recursive: true });
      const run = runAction(workspace, { package: packedTarball(), 'upload-sarif': 'true' });

      assert.deepEqual(run.step('Set up Node.js').with, { 'node-version': '20' });
      assert.equal(run.step('Install article-lint').code, 0, describeRun(run));
      const lint = run.step('Run article-lint');
      assert.equal(lint.code, 0, describeRun(run));
      assert.match(
        lint.stdout ?? '',
        /^::error file=flawed-article\.md,line=6,col=10,endLine=6,endColumn=25,title=article-lint \(frontmatter-schema\)::pubDate: 'sometime soon' is not a date/m,
      );
      assert.match(lint.stdout ?? '', /^::warning file=flawed-article\.md,line=2,col=1,.*title=article-lint \(title-length\)::/m);
      assert.match(lint.stdout ?? '', /^::notice file=/m);
      assert.deepEqual(run.outputs, { 'exit-code': '1', 'sarif-file': 'article-lint.sarif' });

      const upload = run.step('Upload SARIF to code scanning');
      assert.deepEqual(upload.with, { sarif_file: 'article-lint.sarif', category: 'article-lint' });
      const log = JSON.parse(fs.readFileSync(path.join(workspace, 'article-lint.sarif'), 'utf8'));
      assert.deepEqual(sarifSchemaErrors(log), []);
      const annotations = (lint.stdout ?? '').split('\n').filter((line) => line.startsWith('::')).length;
      assert.equal(log.runs[0].results.length, annotations, 'the SARIF log and the annotations hold the same findings');

      const last = run.step("Fail on article-lint's findings");
      assert.equal(last.code, 1);
      assert.match(last.stdout ?? '', /article-lint exited with 1/);
      assert.equal(run.code, 1);
    });

    it('passes a site without errors or warnings, with paths and options as given, and uploads nothing unless asked', () => {
      const workspace = tempDir('article-lint-workspace-');
      const sample = fs.readFileSync(path.join(EXAMPLES, 'sample-article.md'), 'utf8');
      const second = sample
        .replace(/^title: .*$/m, 'title: "Starter Care at Altitude: Feeding It Above 2,000 m"')
        .replace(/^slug: .*$/m, 'slug: "starter-care-at-altitude"')
        .replace(/^description: .*$/m, 'description: "How a sourdough starter behaves in the mountains, and the feeding schedule that keeps it strong when the air is thin and dry."');
      writeTree(workspace, {
        '.article-lint.json': '{ "publicDir": "public" }\n',
        'blog/sourdough-at-altitude.md': sample,
        'blog/drafts/starter-care.md': second,
      });
      fs.cpSync(path.join(EXAMPLES, 'public'), path.join(workspace, 'public'), { recursive: true });
      // article-lint's glob, which bash (without globstar) would expand to blog/drafts/starter-care.md alone.
      const run = runAction(workspace, { package: packedTarball(), paths: 'blog/**/*.md', args: '--max-warnings 0', 'node-version': '' });

      assert.equal(run.step('Set up Node.js').with, undefined, 'no Node set up when node-version is empty');
      const lint = run.step('Run article-lint');
      assert.equal(lint.code, 0, describeRun(run));
      assert.ok((lint.stdout ?? '').split('\n').filter(Boolean).every((line) => line.startsWith('::notice ')), lint.stdout);
      assert.deepEqual(run.outputs, { 'exit-code': '0', 'sarif-file': 'article-lint.sarif' });
      const log = JSON.parse(fs.readFileSync(path.join(workspace, 'article-lint.sarif'), 'utf8'));
      assert.deepEqual(
        log.runs[0].artifacts.map((artifact: { location: { uri: string } }) => artifact.location.uri),
        ['blog/drafts/starter-care.md', 'blog/sourdough-at-altitude.md'],
      );
      assert.equal(run.step('Upload SARIF to code scanning').with, undefined);
      assert.equal(run.step("Fail on article-lint's findings").code, 0);
      assert.equal(run.code, 0);
    });

    it('fails with exit code 2 on a bad configuration, and uploads no SARIF log then', () => {
      const workspace = tempDir('article-lint-workspace-');
      writeTree(workspace, {
        '.article-lint.json': '{ "rules": { "no-such-rule": "error" } }\n',
        'post.md': fs.readFileSync(path.join(EXAMPLES, 'sample-article.md')),
      });
      const run = runAction(workspace, { package: packedTarball(), 'upload-sarif': 'true' });
      const lint = run.step('Run article-lint');
      assert.match(lint.stderr ?? '', /^article-lint: .*no-such-rule/m, describeRun(run));
      assert.equal(run.outputs['exit-code'], '2');
      assert.equal(run.step('Upload SARIF to code scanning').with, undefined);
      assert.equal(run.code, 2);
    });
  });
});
