/**
 * docs/ci.md stays copy-paste ready: every YAML block parses, the pre-commit and workflow snippets
 * name this repository's hook and action inputs, the inputs table is action.yml's, and every version
 * it names is package.json's.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/cli';

const REPOSITORY = 'https://github.com/article-authoring/article-authoring';
const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'ci.md'), 'utf8');
const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const action = parse(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string; entry: string }[];
// Workflow fragments are steps, indented as they sit in a job: dedented by their first line's indent.
const yamlBlocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => {
  const indent = /^ */.exec(match[1])?.[0].length ?? 0;
  return match[1].replace(new RegExp(`^ {${indent}}`, 'gm'), '');
});

describe('docs/ci.md', () => {
  it('has YAML blocks that parse, and is linked from the README', () => {
    assert.ok(yamlBlocks.length >= 4);
    for (const block of yamlBlocks) assert.doesNotThrow(() => parse(block), block);
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), /\]\(docs\/ci\.md\)/);
  });

  it('adds the hook of .pre-commit-hooks.yaml at this version', () => {
    const config = yamlBlocks.map((block) => parse(block)).find((value) => value?.repos);
    assert.ok(config, 'a .pre-commit-config.yaml block');
    assert.deepEqual(config.repos, [{ repo: REPOSITORY, rev: `v${version}`, hooks: [{ id: 'article-lint' }] }]);
    assert.deepEqual(hooks.map((hook) => [hook.id, hook.language, hook.entry]), [['article-lint', 'node', 'article-lint']]);
  });

  it('uses the action at this version with inputs it has, and lists every input with its default', () => {
    const workflow = yamlBlocks.map((block) => parse(block)).find((value) => value?.jobs);
    assert.ok(workflow, 'a workflow block');
    const steps: { uses?: string; with?: Record<string, unknown> }[] = Object.values(workflow.jobs as Record<string, { steps: [] }>).flatMap((job) => job.steps);
    const step = steps.find((candidate) => candidate.uses?.startsWith('article-authoring/article-authoring@'));
    assert.equal(step?.uses, `article-authoring/article-authoring@v${version}`);
    for (const input of Object.keys(step?.with ?? {})) assert.ok(input in action.inputs, `action.yml has no input ${input}`);

    const table = [...docs.matchAll(/^\| `([\w-]+)` \| ([^|]+) \|/gm)].map((match) => [match[1], match[2].trim()]);
    const expected = Object.entries(action.inputs).map(([name, input]) => [name, input.default ? `\`${input.default}\`` : 'empty']);
    assert.deepEqual(table, expected);
  });

  it('names this version wherever it names one', () => {
    const versions = [...docs.matchAll(/article-authoring@v?(\d+\.\d+\.\d+)|rev: v(\d+\.\d+\.\d+)|article-lint-(\d+\.\d+\.\d+)/g)].map(
      (match) => match[1] ?? match[2] ?? match[3],
    );
    assert.ok(versions.length >= 5);
    assert.deepEqual([...new Set(versions)], [version]);
  });
});
