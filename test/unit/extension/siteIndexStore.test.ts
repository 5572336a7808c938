/**
 * The stored site index (src/extension/siteIndexStore.ts), without VS Code: what is stored comes back
 * as the same model, with the same site-wide findings; a corrupt, cut-short or foreign file is
 * ignored whole; a file changed since is left to be read again (a same-size edit caught by its hash),
 * a deleted one dropped, and a folder whose configuration changed dropped whole.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { allRules, checkSiteArticle, loadConfig, readSiteArticle, SiteDirectory, SiteModel, type SiteArticle, type SiteFolderCache } from '../../../src/core';
import {
  contentHash,
  encodeSiteIndex,
  fileRecord,
  fingerprintOf,
  restoreSiteIndex,
  SITE_INDEX_FORMAT,
  type FileRecord,
  type FileStamp,
  type RestoreOutcome,
  type StoredFolder,
  type StoreFileSystem,
} from '../../../src/extension/siteIndexStore';
import { FIXTURES, nodeFs } from '../helpers/engine';

const VERSION = '1.2.3';
const HUGO = path.join(FIXTURES, 'sites', 'hugo');
const JEKYLL = path.join(FIXTURES, 'sites', 'jekyll');
/** Long past: records made now are not within the racy window of these mtimes. */
const MTIME = Date.UTC(2025, 0, 1);

function markdownBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.mdx?$/.test(file) && !/(^|[\\/])(archetypes|themes|node_modules)[\\/]/.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}

/** An in-memory disk: each file's bytes and mtime, changed by the tests. */
class MemoryDisk implements StoreFileSystem {
  readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  reads = 0;

  write(file: string, text: string, mtime = MTIME): void {
    this.files.set(file, { bytes: new TextEncoder().encode(text), mtime });
  }

  async stamp(file: string): Promise<FileStamp | undefined> {
    const found = this.files.get(file);
    return found && { size: found.bytes.length, mtime: found.mtime };
  }

  async readBytes(file: string): Promise<Uint8Array | undefined> {
    this.reads++;
    return this.files.get(file)?.bytes;
  }
}

interface Indexed {
  disk: MemoryDisk;
  model: SiteModel;
  records: Map<string, FileRecord>;
  folders: StoredFolder[];
}

/** Reads the articles of the fixture sites as the editor's index does: an entry (or none) and a record per file. */
async function indexSites(roots: readonly string[]): Promise<Indexed> {
  const disk = new MemoryDisk();
  const model = new SiteModel();
  const records = new Map<string, FileRecord>();
  const sites = new SiteDirectory(nodeFs);
  const siteFolders: SiteFolderCache = new Map();
  for (const root of roots) {
    for (const file of markdownBelow(root)) {
      const text = fs.readFileSync(file, 'utf8');
      disk.write(file, text);
      const { config } = await loadConfig({ rules: allRules, fs: nodeFs, forPath: file, defaultBaseDir: root });
      const entry = await readSiteArticle({ text, filePath: file, config, fs: nodeFs, sites, siteFolders });
      if (entry) model.set(entry);
      const stored = disk.files.get(file)!;
      records.set(file, fileRecord({ size: stored.bytes.length, mtime: stored.mtime }, stored.bytes, Date.now()));
    }
  }
  return { disk, model, records, folders: roots.map((root) => ({ path: root, fingerprint: fingerprintOf([root]) })) };
}

function encode(indexed: Indexed, extensionVersion = VERSION): Promise<Uint8Array> {
  return encodeSiteIndex({ extensionVersion, folders: indexed.folders, records: indexed.records, packedOf: (file) => indexed.model.packedOf(file) });
}

async function restore(bytes: Uint8Array, indexed: Indexed, folders = indexed.folders): Promise<{ model: SiteModel; outcome: RestoreOutcome }> {
  const model = new SiteModel();
  const isCurrent = async (stored: StoredFolder) => folders.some((folder) => folder.path === stored.path && folder.fingerprint === stored.fingerprint);
  const outcome = await restoreSiteIndex({ bytes, extensionVersion: VERSION, isCurrent, fs: indexed.disk, insert: (packed) => model.insertPacked(packed) });
  return { model, outcome };
}

function encodeWithLookups(indexed: Indexed): Promise<Uint8Array> {
  return encodeSiteIndex({ extensionVersion: VERSION, folders: indexed.folders, records: indexed.records, packedOf: (file) => indexed.model.packedOf(file), model: indexed.model });
}

/** A restore that makes the model again from the stored lookups; `shown` is the model as first handed over (every stored entry in it). */
async function restoreWithLookups(bytes: Uint8Array, indexed: Indexed, folders = indexed.folders): Promise<{ model: SiteModel | undefined; shownSize: number; removed: string[]; outcome: RestoreOutcome }> {
  let model: SiteModel | undefined;
  let shownSize = -1;
  const removed: string[] = [];
  const isCurrent = async (stored: StoredFolder) => folders.some((folder) => folder.path === stored.path && folder.fingerprint === stored.fingerprint);
  const outcome = await restoreSiteIndex({
    bytes,
    extensionVersion: VERSION,
    isCurrent,
    fs: indexed.disk,
    insert: () => assert.fail('a file with lookups is restored from them, not entry by entry'),
    restoring: (names) => SiteModel.restoring(names),
    onModel: (made) => {
      model = made;
      shownSize = made.size;
    },
    remove: (file) => {
      removed.push(file);
      model!.delete(file);
    },
  });
  return { model, shownSize, removed, outcome };
}

function sorted(model: SiteModel): SiteArticle[] {
  return [...model.all()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe('stored site index (extension/siteIndexStore.ts)', () => {
  let indexed: Indexed;
  before(async () => {
    indexed = await indexSites([HUGO, JEKYLL]);
    assert.ok(indexed.model.size >= 10, `${indexed.model.size} entries`);
    assert.ok(indexed.records.size > indexed.model.size, 'some files are not articles or pages (their records say so)');
  });

  it('gives back the same model, with the same site-wide findings, from the stored bytes alone', async () => {
    const { model, outcome } = await restore(await encode(indexed), indexed);
    assert.equal(outcome.ignored, undefined);
    assert.deepEqual({ changed: outcome.changed, deleted: outcome.deleted, badLines: outcome.badLines, dropped: outcome.droppedFolders }, { changed: 0, deleted: 0, badLines: 0, dropped: [] });
    assert.deepEqual([...outcome.trusted.keys()].sort(), [...indexed.records.keys()].sort());
    assert.deepEqual(sorted(model), sorted(indexed.model));
    assert.equal(indexed.disk.reads, 0, 'unchanged files are trusted on their size and mtime, not read');
    let findings = 0;
    for (const file of indexed.model.paths()) {
      const fresh = await checkSiteArticle(indexed.model, file);
      assert.deepEqual(await checkSiteArticle(model, file), fresh, file);
      findings += fresh.length;
    }
    assert.ok(findings > 0, 'the fixtures have site-wide findings to compare');
  });

  it('keeps any text an entry holds: new lines, quotes, lone surrogates, other scripts (property)', async () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('a\nb', '"\\', '\ud800', '日本語', '\u2028'));
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(text, { maxLength: 3 }), async (title, description, headings) => {
        const file = path.join(HUGO, 'content', 'posts', 'yaml-post.md');
        const model = new SiteModel();
        const base = indexed.model.get(file)!;
        model.set({ ...base, title, description, anchors: headings.map((heading, index) => ({ id: `h${index}`, text: heading, level: 2, range: base.firstLine })) });
        const single: Indexed = { ...indexed, model, records: new Map([[file, indexed.records.get(file)!]]) };
        const { model: back, outcome } = await restore(await encode(single), single);
        assert.equal(outcome.badLines, 0);
        assert.deepEqual(back.get(file), model.get(file));
      }),
      { numRuns: 100 },
    );
  });

  it('ignores a corrupt, cut-short or foreign stored file whole, without throwing', async () => {
    const bytes = await encode(indexed);
    const cases: [string, Uint8Array][] = [
      ['empty', new Uint8Array()],
      ['garbage', new TextEncoder().encode('not json at all\n{]\n')],
      ['cut short', bytes.subarray(0, Math.floor(bytes.length / 2))],
      ['last line cut', bytes.subarray(0, bytes.length - 3)],
      ['another extension version', await encode(indexed, '0.0.1')],
      ['another format', new TextEncoder().encode(new TextDecoder().decode(bytes).replace(`"format":${SITE_INDEX_FORMAT}`, '"format":999'))],
      ['invalid UTF-8', Uint8Array.from([...bytes.subarray(0, 5), 0xff, 0xfe, ...bytes.subarray(5)])],
    ];
    for (const [what, corrupt] of cases) {
      const { model, outcome } = await restore(corrupt, indexed);
      assert.ok(outcome.ignored, what);
      assert.equal(model.size, 0, what);
      assert.equal(outcome.trusted.size, 0, what);
    }
  });

  it('leaves a damaged line to be read again and trusts the rest', async () => {
    const lines = new TextDecoder().decode(await encode(indexed)).split('\n');
    const at = lines.findIndex((line) => line.startsWith('["f"') && line.endsWith(']]'));
    const damagedPath = JSON.parse(lines[at])[2] as string;
    lines[at] = lines[at].slice(0, 40);
    const { model, outcome } = await restore(new TextEncoder().encode(lines.join('\n')), indexed);
    assert.equal(outcome.ignored, undefined);
    assert.ok(outcome.badLines >= 1);
    assert.equal(outcome.trusted.has(damagedPath), false);
    assert.equal(outcome.trusted.size, indexed.records.size - 1);
    assert.equal(model.size, indexed.model.size - 1);
  });

  it('reads again a file whose size changed, or whose bytes changed under a new mtime; trusts a touched file with the same bytes', async () => {
    const articles = [...indexed.model.paths()].sort();
    const [grown, touched, rewritten] = articles;
    const disk = new MemoryDisk();
    for (const [file, stored] of indexed.disk.files) disk.files.set(file, stored);
    const textOf = (file: string) => new TextDecoder().decode(indexed.disk.files.get(file)!.bytes);
    disk.write(grown, `${textOf(grown)}\nOne more line.\n`);
    disk.write(touched, textOf(touched), MTIME + 60_000);
    // Same length, other bytes, new mtime: only the hash tells.
    const original = textOf(rewritten);
    const swapped = original.replace(/[a-z]/, (letter) => (letter === 'a' ? 'b' : 'a'));
    assert.equal(swapped.length, original.length);
    assert.notEqual(swapped, original);
    disk.write(rewritten, swapped, MTIME + 60_000);
    const { model, outcome } = await restore(await encode(indexed), { ...indexed, disk });
    assert.equal(outcome.changed, 2);
    assert.equal(outcome.trusted.has(grown), false);
    assert.equal(outcome.trusted.has(rewritten), false);
    assert.equal(model.get(grown), undefined);
    assert.equal(model.get(rewritten), undefined);
    assert.deepEqual(model.get(touched), indexed.model.get(touched));
    assert.equal(outcome.trusted.get(touched)?.mtime, MTIME + 60_000, 'the touched file is trusted at its new mtime');
    assert.equal(outcome.touched, 1);
    assert.equal(disk.reads, 2, 'only the two files of the same size and a new mtime were read');
  });

  it('hashes a file read within the racy window again, even when its size and mtime are unchanged', async () => {
    const file = [...indexed.model.paths()].sort()[0];
    const stored = indexed.disk.files.get(file)!;
    const racy = fileRecord({ size: stored.bytes.length, mtime: stored.mtime }, stored.bytes, stored.mtime + 500);
    const single: Indexed = { ...indexed, records: new Map([[file, racy]]) };
    const disk = new MemoryDisk();
    const edited = new TextDecoder().decode(stored.bytes).replace(/[a-z]/, (letter) => (letter === 'a' ? 'b' : 'a'));
    disk.write(file, edited, stored.mtime);
    const { outcome } = await restore(await encode(single), { ...single, disk });
    assert.equal(outcome.changed, 1, 'same size and mtime, other bytes: read again');
    disk.write(file, new TextDecoder().decode(stored.bytes), stored.mtime);
    const { outcome: same } = await restore(await encode(single), { ...single, disk });
    assert.equal(same.trusted.size, 1);
  });

  it('drops the entries of deleted files', async () => {
    const gone = [...indexed.model.paths()].sort()[1];
    const disk = new MemoryDisk();
    for (const [file, stored] of indexed.disk.files) if (file !== gone) disk.files.set(file, stored);
    const { model, outcome } = await restore(await encode(indexed), { ...indexed, disk });
    assert.equal(outcome.deleted, 1);
    assert.equal(model.get(gone), undefined);
    assert.equal(model.size, indexed.model.size - 1);
  });

  it('drops a folder whose configuration fingerprint changed, or that left the workspace, and keeps the others', async () => {
    const bytes = await encode(indexed);
    const hugoEntries = [...indexed.model.paths()].filter((file) => file.startsWith(HUGO + path.sep));
    assert.ok(hugoEntries.length > 0);
    const changedConfig = [{ path: HUGO, fingerprint: fingerprintOf([HUGO, 'hugo.toml 120 1700000000000']) }, indexed.folders[1]];
    for (const folders of [changedConfig, [indexed.folders[1]]]) {
      const { model, outcome } = await restore(bytes, indexed, folders);
      assert.deepEqual(outcome.droppedFolders, [HUGO]);
      assert.equal(model.size, indexed.model.size - hugoEntries.length);
      for (const file of hugoEntries) assert.equal(model.get(file), undefined);
      for (const file of outcome.trusted.keys()) assert.ok(file.startsWith(JEKYLL + path.sep), file);
    }
  });

  it('tells apart bytes that differ anywhere (content hash)', () => {
    const text = new TextEncoder().encode('---\ntitle: A\n---\nBody text.\n');
    const other = Uint8Array.from(text);
    other[other.length - 2] = 0x21;
    assert.notEqual(contentHash(text), contentHash(other));
    assert.equal(contentHash(text), contentHash(Uint8Array.from(text)));
    assert.ok(Number.isSafeInteger(contentHash(text)));
  });

  describe('with the model’s lookups stored', () => {
    it('makes the same model again at once, with the same site-wide findings, and then trusts the unchanged files', async () => {
      const bytes = await encodeWithLookups(indexed);
      assert.match(new TextDecoder().decode(bytes), /"snapshot":true/);
      const { model, shownSize, removed, outcome } = await restoreWithLookups(bytes, indexed);
      assert.equal(outcome.ignored, undefined);
      assert.equal(shownSize, indexed.model.size);
      assert.deepEqual(removed, []);
      assert.deepEqual([...outcome.trusted.keys()].sort(), [...indexed.records.keys()].sort());
      assert.deepEqual(sorted(model!), sorted(indexed.model));
      for (const file of indexed.model.paths()) assert.deepEqual(await checkSiteArticle(model!, file), await checkSiteArticle(indexed.model, file), file);
      // Updates of the restored model give what they give in the model it was stored from.
      const [first] = [...indexed.model.paths()].sort();
      const entry = indexed.model.get(first)!;
      assert.deepEqual([...model!.set({ ...entry, title: 'A title nobody else has' })].sort(), [...indexed.model.set({ ...entry, title: 'A title nobody else has' })].sort());
      indexed.model.set(entry);
    });

    it('takes out of the shown model the files changed or deleted since, and those of a folder whose configuration changed', async () => {
      const copy = await indexSites([HUGO, JEKYLL]);
      const bytes = await encodeWithLookups(copy);
      const articles = [...copy.model.paths()].sort();
      const changed = articles[0];
      const deleted = articles[1];
      copy.disk.write(changed, 'changed text', MTIME + 5000);
      copy.disk.files.delete(deleted);
      const { model, removed, outcome } = await restoreWithLookups(bytes, copy);
      assert.deepEqual(removed.sort(), [changed, deleted].sort());
      assert.equal(model!.has(changed), false);
      assert.equal(outcome.changed, 1);
      assert.equal(outcome.deleted, 1);
      // The model left equals one made from scratch without them.
      copy.model.delete(changed);
      copy.model.delete(deleted);
      for (const file of copy.model.paths()) assert.deepEqual(await checkSiteArticle(model!, file), await checkSiteArticle(copy.model, file), file);
      // A folder whose fingerprint changed: all its files are taken out.
      const dropped = await restoreWithLookups(await encodeWithLookups(indexed), indexed, [indexed.folders[0]]);
      assert.ok(dropped.removed.length > 0 && dropped.removed.every((file) => file.startsWith(JEKYLL)));
      assert.ok([...dropped.model!.paths()].every((file) => file.startsWith(HUGO)));
    });

    it('ignores the whole file when a line is damaged (lookups without their entries would be wrong), or the lookups name no stored file', async () => {
      const lines = new TextDecoder().decode(await encodeWithLookups(indexed)).split('\n');
      const damaged = [...lines];
      const at = damaged.findIndex((line) => line.startsWith('["f"'));
      damaged[at] = damaged[at].slice(0, 30);
      const first = await restoreWithLookups(new TextEncoder().encode(damaged.join('\n')), indexed);
      assert.ok(first.outcome.ignored);
      assert.equal(first.model, undefined, 'nothing shown');
      const wrongPath = lines.map((line) => (line.startsWith('["i"') ? line.replace(/,(\d+)\]/, ',99999]') : line));
      const second = await restoreWithLookups(new TextEncoder().encode(wrongPath.join('\n')), indexed);
      assert.ok(second.outcome.ignored);
    });

    it('stores no lookups when an article of the model has no stored record (its lookups would name it)', async () => {
      const records = new Map(indexed.records);
      records.delete([...indexed.model.paths()][0]);
      const bytes = await encodeSiteIndex({ extensionVersion: VERSION, folders: indexed.folders, records, packedOf: (file) => indexed.model.packedOf(file), model: indexed.model });
      assert.match(new TextDecoder().decode(bytes), /"snapshot":false/);
    });
  });
});
