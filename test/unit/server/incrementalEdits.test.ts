/**
 * Property: whatever incremental edits a client sends (several per notification, ranges anywhere,
 * line breaks of every kind, surrogate pairs, frontmatter fences appearing and going), the
 * diagnostics the server publishes for each version are those a fresh analysis of the same text
 * gives. The server keeps each open document's incremental parse state; this is what checks it
 * against starting over.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver/node';
import { allRules, analyzeArticle, loadConfig, siteRuleRegistry } from '../../../src/core';
import { NodeFileSystem } from '../../../src/server/nodeFileSystem';
import { diagnosticsFor, FIXTURES, initialize, startServerProcess, tempCopy, uriOf, type ServerRun } from './lspClient';

const SITE_RULES = new Set(siteRuleRegistry.map((rule) => rule.id));
/** Edit sequences tried (each a few versions); FUZZ_RUNS raises it. */
const RUNS = Math.max(8, Math.round(Number(process.env.FUZZ_RUNS ?? 0) / 20) || 8);

const FRAGMENTS = [
  '\n',
  '\r\n',
  '\r',
  '---\n',
  '+++\n',
  'title: "A title that is long enough to pass"\n',
  'description: x\n',
  'keywords: [lake trail, winter tyres]\n',
  '# Heading\n',
  '## Frequently Asked Questions\n\n### Why?\nBecause.\n',
  '**lake trail**',
  '![](missing.png)',
  '[a link](other.md#part)',
  '```\ncode\n',
  '<!-- article-lint-disable title-length -->\n',
  '😀',
  'é',
  'word ',
  '',
];

const editArbitrary = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })),
});

/** Each version: one to three edits sent in one notification. */
const stepsArbitrary = fc.array(fc.array(editArbitrary, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 });

function described(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => !SITE_RULES.has(String(diagnostic.code)))
    .map((diagnostic) => `${String(diagnostic.code)} ${JSON.stringify(diagnostic.range)} ${diagnostic.severity} ${diagnostic.message}`)
    .sort();
}

describe('language server: incremental edits (property)', function () {
  this.timeout(300_000);
  let run: ServerRun;
  let folder: string;
  const fileSystem = new NodeFileSystem();

  before(async () => {
    folder = tempCopy(path.join(FIXTURES, 'examples'));
    fs.rmSync(path.join(folder, 'astro-site'), { recursive: true });
    run = startServerProcess();
    await initialize(run, [folder]);
  });

  after(async () => {
    await run?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** What a fresh analysis of `text` at `file` publishes, as the server would show it. */
  async function freshDiagnostics(file: string, text: string): Promise<string[]> {
    const { config } = await loadConfig({ rules: allRules, fs: fileSystem, forPath: file, defaultBaseDir: folder });
    const result = await analyzeArticle(text, { filePath: file, config, fs: fileSystem });
    const document = TextDocument.create('fresh:', 'markdown', 1, text);
    const shift = result.article.hadBom ? 1 : 0;
    const severities = { error: 1, warning: 2, info: 3 } as const;
    const diagnostics: Diagnostic[] = (result.isContent ? result.findings : []).map((finding) => ({
      range: { start: document.positionAt(finding.start + shift), end: document.positionAt(finding.end + shift) },
      severity: severities[finding.severity],
      code: finding.ruleId,
      message: finding.message,
    }));
    return described(diagnostics);
  }

  it('publishes for each version the diagnostics of a fresh analysis of its text', async () => {
    const seeds = ['flawed-article.md', 'sample-article.md'].map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
    let documentCount = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), stepsArbitrary, async (seed, steps) => {
        const file = path.join(folder, `edited-${documentCount++}.md`);
        const uri = uriOf(file);
        let model = TextDocument.create(uri, 'markdown', 1, seed);
        await run.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: seed } });
        try {
          for (const [index, edits] of steps.entries()) {
            const version = index + 2;
            const changes: { range: Range; text: string }[] = [];
            for (const edit of edits) {
              const text = model.getText();
              const start = Math.floor(edit.from * text.length);
              const range = { start: model.positionAt(start), end: model.positionAt(Math.min(text.length, start + edit.length)) };
              changes.push({ range, text: edit.text });
              // The client's copy moves on with each change, as the protocol applies them in order.
              model = TextDocument.update(model, [{ range, text: edit.text }], version);
            }
            await run.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
            const published = await diagnosticsFor(run, uri, (_found, params) => params.version === version, 30_000);
            assert.deepEqual(described(published), await freshDiagnostics(file, model.getText()), `after version ${version}: ${JSON.stringify(model.getText())}`);
          }
        } finally {
          await run.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});
