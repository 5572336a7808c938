/**
 * The CLI's result cache: a run with it prints exactly what a run without it prints, whatever
 * changed between runs; a file whose bytes and surroundings are unchanged is not checked again; a
 * broken cache is ignored and rewritten; two runs at once never corrupt it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { COMPILED_CLI, runCli, spawnCli, tempDir, writeTree } from '../helpers/cli';

const CACHE = '.article-lint-cache';

const post = (title: string, body: string, extra = '') =>
  `---\ntitle: "${title}"\ndescription: "A description of ${title.toLowerCase()} that is long enough for search results to show it."\npubDate: 2026-03-03\n${extra}---\n\n${body}\n`;

/** A small Astro site: a marker file, a schema, a public folder, a few linked articles. */
function astroSite(): string {
  const root = tempDir('article-lint-cache-');
  writeTree(root, {
    'astro.config.mjs': 'export default {};\n',
    'public/tread.png': 'png',
    'src/content/blog/first.md': post('Winter tyres for the first frost', 'Winter tyres grip. See [the second](/blog/second/).\n\n![A worn tread](/tread.png)'),
    'src/content/blog/second.md': post('Snow chains and when to fit them', 'Chains help on ice. Back to [the first](/blog/first/).\n\n![A chain](/chain.png)'),
    'src/content/blog/third.md': post('Tyre pressure in the cold months', 'Pressure drops in the cold.', 'readingTime: 9 minutes\n'),
  });
  return root;
}

async function cached(root: string, args: string[] = ['src']) {
  return runCli(['--format', 'json', ...args], { cwd: root, cache: true });
}

async function uncached(root: string, args: string[] = ['src']) {
  return runCli(['--format', 'json', '--no-cache', ...args], { cwd: root, cache: true });
}

/** The cache's entries file (beside it: the journal of later changes, the site-wide findings, the model). */
function cacheFile(root: string): string {
  const files = fs.readdirSync(path.join(root, CACHE)).filter((name) => /^[\w-]+\.json$/.test(name));
  assert.equal(files.length, 1, files.join());
  return path.join(root, CACHE, files[0]);
}

/** The entries as the next run reads them: the entries file with its journal laid over it. */
function storedEntries(root: string): Record<string, unknown> {
  const file = cacheFile(root);
  const entries = JSON.parse(fs.readFileSync(file, 'utf8'));
  const journalFile = file.replace(/\.json$/, '.journal.json');
  if (fs.existsSync(journalFile)) {
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    if (journal.base === entries.id) for (const [key, value] of Object.entries(journal.files)) if (value === null) delete entries.files[key]; else entries.files[key] = value;
  }
  return entries.files;
}

/** Runs with the cache and without it; both must print the same and exit the same. */
async function assertSameAsUncached(root: string, args?: string[]) {
  const withCache = await cached(root, args);
  const without = await uncached(root, args);
  assert.equal(withCache.stdout, without.stdout);
  assert.equal(withCache.code, without.code);
  return withCache;
}

describe('the result cache (article-lint)', () => {
  it('is written in the site’s root, ignored by git, and answers an unchanged file from the store', async () => {
    const root = astroSite();
    const first = await cached(root);
    assert.equal(fs.readFileSync(path.join(root, CACHE, '.gitignore'), 'utf8'), '*\n');
    const file = cacheFile(root);
    // Proof that the second run reads the stored findings rather than checking again: a stored
    // message changed by hand is what it prints.
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    const entry = stored.files[path.join(root, 'src/content/blog/third.md')];
    const index = entry.outcome.diagnostics.findIndex((diagnostic: { ruleId: string }) => diagnostic.ruleId === 'reading-time-mismatch');
    assert.ok(index >= 0, JSON.stringify(entry.outcome.diagnostics));
    entry.outcome.diagnostics[index].message = 'from the cache';
    fs.writeFileSync(file, JSON.stringify(stored));
    const second = await cached(root);
    assert.match(second.stdout, /from the cache/);
    assert.equal(second.stdout.replace('from the cache', ''), first.stdout.replace(/"readingTime says [^"]*"/, '""'));
    // --no-cache neither reads nor writes it.
    assert.doesNotMatch((await uncached(root)).stdout, /from the cache/);
  });

  it('checks again what changed: the file, the configuration, the schema, a marker file, an image', async () => {
    const root = astroSite();
    await assertSameAsUncached(root);
    fs.appendFileSync(path.join(root, 'src/content/blog/first.md'), '\n![](/nowhere.png)\n');
    await assertSameAsUncached(root);
    writeTree(root, { '.article-lint.json': '{ "rules": { "faq-missing": "off", "image-alt-missing": "error" } }\n' });
    const configured = await assertSameAsUncached(root);
    assert.doesNotMatch(configured.stdout, /faq-missing/);
    writeTree(root, { 'src/content/config.ts': "import { defineCollection, z } from 'astro:content';\nexport const collections = { blog: defineCollection({ schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date(), author: z.string() }) }) };\n" });
    await assertSameAsUncached(root);
    writeTree(root, { 'public/chain.png': 'png' });
    const withImage = await assertSameAsUncached(root);
    assert.doesNotMatch(withImage.stdout, /chain\.png/);
    fs.rmSync(path.join(root, 'astro.config.mjs'));
    await assertSameAsUncached(root);
  });

  it('a changed article brings the site-wide findings of the unchanged articles it affects up to date', async () => {
    const root = astroSite();
    const first = path.join(root, 'src/content/blog/first.md');
    const second = path.join(root, 'src/content/blog/second.md');
    await cached(root);
    // Second takes first's title: both are duplicates now, though first did not change.
    fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace('Snow chains and when to fit them', 'Winter tyres for the first frost'));
    const duplicated = await assertSameAsUncached(root);
    const titled = (JSON.parse(duplicated.stdout) as { file: string; diagnostics: { ruleId: string }[] }[]).filter((report) => report.diagnostics.some((diagnostic) => diagnostic.ruleId === 'duplicate-title'));
    assert.deepEqual(titled.map((report) => report.file), ['src/content/blog/first.md', 'src/content/blog/second.md']);
    // And back: first loses the finding again; a deleted link target breaks first's link.
    fs.writeFileSync(second, fs.readFileSync(second, 'utf8').replace('Winter tyres for the first frost', 'Snow chains, fitted in time'));
    assert.doesNotMatch((await assertSameAsUncached(root)).stdout, /duplicate-title/);
    fs.rmSync(second);
    assert.match((await assertSameAsUncached(root)).stdout, /link-broken/);
    assert.ok(fs.existsSync(first));
  });

  it('an edit of prose that moves a broken link reports it where it stands now, without making the site model again', async () => {
    const root = astroSite();
    const first = path.join(root, 'src/content/blog/first.md');
    fs.appendFileSync(first, '\nAlso [gone](/blog/nowhere/).\n');
    await cached(root);
    // The stored model made unreadable: a run that needed it would make the model again and store it anew.
    const [modelFile] = fs.readdirSync(path.join(root, CACHE)).filter((name) => name.endsWith('.model.json')).map((name) => path.join(root, CACHE, name));
    fs.writeFileSync(modelFile, 'not a model');
    fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('Winter tyres grip.', 'Winter tyres grip.\n\nA new paragraph of prose, before the links.\n'));
    const after = await assertSameAsUncached(root);
    assert.match(after.stdout, /"ruleId": "link-broken"/);
    assert.equal(fs.readFileSync(modelFile, 'utf8'), 'not a model', 'the run did without the site model');
    // A title changed: the model is needed (and, unreadable, made again and stored).
    fs.writeFileSync(first, fs.readFileSync(first, 'utf8').replace('Winter tyres for the first frost', 'Winter tyres before the first frost'));
    await assertSameAsUncached(root);
    assert.notEqual(fs.readFileSync(modelFile, 'utf8'), 'not a model');
  });

  it('a run over some files reads the others’ site entries from the store and reports as without it', async () => {
    const root = astroSite();
    await cached(root);
    const one = await assertSameAsUncached(root, ['src/content/blog/second.md']);
    assert.equal((JSON.parse(one.stdout) as unknown[]).length, 1);
  });

  it('--fix writes through it: the fixed file is stored with its new bytes', async () => {
    const root = astroSite();
    const third = path.join(root, 'src/content/blog/third.md');
    await cached(root);
    await runCli(['--fix', 'src'], { cwd: root, cache: true });
    assert.match(fs.readFileSync(third, 'utf8'), /readingTime: 1 minute/);
    const after = await assertSameAsUncached(root);
    assert.doesNotMatch(after.stdout, /reading-time-mismatch/);
  });

  it('ignores and rewrites a cache that is random bytes, truncated, or of another engine', async () => {
    const root = astroSite();
    const expected = (await uncached(root)).stdout;
    await cached(root);
    const file = cacheFile(root);
    const good = fs.readFileSync(file, 'utf8');
    for (const broken of [Buffer.from([0xff, 0x00, 0x13, 0x37, 0x7b]), good.slice(0, Math.floor(good.length / 2)), good.replace(/"engine":"[^"]*"/, '"engine":"0.0.0+other"'), '{"format":1}', 'null']) {
      fs.writeFileSync(file, broken);
      const run = await cached(root);
      assert.equal(run.stdout, expected);
      assert.equal(run.stderr, '');
      const rewritten = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(typeof rewritten.files, 'object');
    }
  });

  it('drops the entry of a deleted file', async () => {
    const root = astroSite();
    await cached(root);
    const gone = path.join(root, 'src/content/blog/second.md');
    assert.ok(storedEntries(root)[gone]);
    fs.rmSync(gone);
    await assertSameAsUncached(root);
    assert.equal(storedEntries(root)[gone], undefined);
  });

  it('where it cannot be written, the run works without it and says so once', async () => {
    const root = astroSite();
    writeTree(root, { blocked: 'a file, so no folder can be made under it' });
    const run = await runCli(['--format', 'json', '--cache-location', 'blocked/cache', 'src'], { cwd: root, cache: true });
    assert.equal(run.stdout, (await uncached(root)).stdout);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^article-lint: cannot write the cache in blocked\/cache \(ENOTDIR\); this run's results are complete/);
  });

  it('two runs at once over the same site both report in full and leave a readable cache', function () {
    this.timeout(60_000);
    const root = astroSite();
    for (let index = 0; index < 40; index++) writeTree(root, { [`src/content/blog/extra-${index}.md`]: post(`Extra article number ${index} about tyres`, `Text ${index}.`) });
    const expected = spawnCli(COMPILED_CLI, ['--format', 'json', 'src'], { cwd: root });
    const script = `const { spawn } = require('node:child_process');
const run = () => new Promise((resolve) => { const child = spawn(process.execPath, [${JSON.stringify(COMPILED_CLI)}, '--format', 'json', 'src'], { cwd: ${JSON.stringify(root)} }); let out = ''; child.stdout.on('data', (d) => (out += d)); child.on('close', (code) => resolve({ code, out })); });
Promise.all([run(), run()]).then((runs) => process.stdout.write(JSON.stringify(runs)));`;
    const both = spawnCli('-e', [script], { cwd: root, cache: true });
    // `node -e script` takes the script as its first argument.
    const runs = JSON.parse(both.stdout) as { code: number; out: string }[];
    for (const run of runs) {
      assert.equal(run.code, expected.code);
      assert.equal(run.out, expected.stdout);
    }
    assert.equal(typeof JSON.parse(fs.readFileSync(cacheFile(root), 'utf8')).files, 'object');
    assert.equal(spawnCli(COMPILED_CLI, ['--format', 'json', 'src'], { cwd: root, cache: true }).stdout, expected.stdout);
  });

  it('property: whatever changes between runs, a run with the cache prints what a run without it prints', async function () {
    this.timeout(120_000);
    const change = fc.oneof(
      fc.record({ kind: fc.constant('article' as const), index: fc.nat(3), text: fc.string({ maxLength: 30 }) }),
      fc.record({ kind: fc.constant('config' as const), rule: fc.constantFrom('faq-missing', 'title-length', 'image-not-found', 'article-orphan'), severity: fc.constantFrom('off', 'info', 'error') }),
      fc.record({ kind: fc.constant('schema' as const), required: fc.boolean() }),
      fc.record({ kind: fc.constant('marker' as const), present: fc.boolean() }),
      fc.record({ kind: fc.constant('image' as const), present: fc.boolean() }),
      fc.record({ kind: fc.constant('engine' as const) }),
      fc.record({ kind: fc.constant('delete' as const), index: fc.nat(3) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 4 }), fc.boolean(), async (changes, partial) => {
        const root = astroSite();
        const article = (index: number) => path.join(root, 'src/content/blog', ['first.md', 'second.md', 'third.md', 'fourth.md'][index]);
        await cached(root);
        for (const step of changes) {
          if (step.kind === 'article') fs.writeFileSync(article(step.index), post(`Title ${step.text}`, `Body ${step.text} [link](/blog/first/) ![](/chain.png)`));
          else if (step.kind === 'config') writeTree(root, { '.article-lint.json': JSON.stringify({ rules: { [step.rule]: step.severity } }) });
          else if (step.kind === 'schema') writeTree(root, { 'src/content/config.ts': `import { defineCollection, z } from 'astro:content';\nexport const collections = { blog: defineCollection({ schema: z.object({ title: z.string(), description: z.string(), pubDate: z.coerce.date(), author: z.string()${step.required ? '' : '.optional()'} }) }) };\n` });
          else if (step.kind === 'marker') step.present ? writeTree(root, { 'astro.config.mjs': 'export default {};\n' }) : fs.rmSync(path.join(root, 'astro.config.mjs'), { force: true });
          else if (step.kind === 'image') step.present ? writeTree(root, { 'public/chain.png': 'png' }) : fs.rmSync(path.join(root, 'public/chain.png'), { force: true });
          else if (step.kind === 'engine') {
            const file = cacheFile(root);
            fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"engine":"[^"]*"/, '"engine":"another"'));
          } else fs.rmSync(article(step.index), { force: true });
          const args = partial && fs.existsSync(article(1)) ? [path.relative(root, article(1))] : ['src'];
          await assertSameAsUncached(root, args);
        }
      }),
      { numRuns: 12 },
    );
  });
});
