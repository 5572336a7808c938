/**
 * The workspace site index kept between sessions: one file of JSON lines in the extension's
 * workspace storage, so that reopening a large workspace shows site-wide findings from the stored
 * model at once instead of after reading every article again.
 *
 * The file: a header line (format, extension version, and per workspace folder a fingerprint of the
 * configuration and site files its reading depends on), then the site-wide values entries share
 * (`["v", value]`, defined before first use), then one line per file the index read
 * (`["f", folder, path, size, mtime, hash, entry]`, entry 0 for a file that is not an article or
 * page), and a last line `["end", files, values, lookups]`: a file cut short has no such line and is
 * ignored. When the header says `snapshot`, the model's lookups are stored too: its names first
 * (`["n", names]`, before the files) and after the files its lookups (`["i", lookup, [[key, paths]…]]`,
 * each path the number of its file line): reopening makes the model again from them at once, shows
 * its findings, and only then checks each file on disk, taking out those that changed.
 *
 * No vscode import: the editor hands in its file system and model (see WorkspaceSiteIndex), the
 * bench and the unit tests their own.
 */
import { yieldToEventLoop } from './eventLoop';
import type { PackedArticle, SiteModel, SiteModelSnapshot } from '../core';

/** Bump when the lines' layout or PackedArticle's encoding changes. */
export const SITE_INDEX_FORMAT = 2;

/** A file's size and modification time (ms), as the file system reports them. */
export interface FileStamp {
  size: number;
  mtime: number;
}

/** What the store reads of the workspace's files (the editor's: vscode.workspace.fs). */
export interface StoreFileSystem {
  /** The file's stamp; undefined when it is missing or not a file. */
  stamp(path: string): Promise<FileStamp | undefined>;
  readBytes(path: string): Promise<Uint8Array | undefined>;
}

/** What the index knows of the saved file an entry was made from. */
export interface FileRecord {
  size: number;
  /** RACY_MTIME when the file was read so soon after it changed that a later change could keep its mtime. */
  mtime: number;
  /** contentHash of the bytes read; UNKNOWN_HASH when they were not read (a file too large to index). */
  hash: number;
}

export const UNKNOWN_HASH = -1;
const RACY_MTIME = -1;
/**
 * A file read within this long of its mtime may change again without its mtime moving (file systems
 * with coarse timestamps): its record is trusted only after its bytes are hashed again.
 */
const RACY_WINDOW_MS = 2000;

/** The record of a file read at `readAt` (ms since the epoch). */
export function fileRecord(stamp: FileStamp, bytes: Uint8Array | undefined, readAt: number): FileRecord {
  return {
    size: stamp.size,
    mtime: readAt - stamp.mtime < RACY_WINDOW_MS ? RACY_MTIME : stamp.mtime,
    hash: bytes ? contentHash(bytes) : UNKNOWN_HASH,
  };
}

/** A 53-bit hash of bytes (cyrb53): enough to tell an edited file of the same size from its old text. */
export function contentHash(bytes: Uint8Array): number {
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57 ^ bytes.length;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    h1 = Math.imul(h1 ^ byte, 2654435761);
    h2 = Math.imul(h2 ^ byte, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The fingerprint of a list of texts (a folder's configuration files with their stamps, its settings). */
export function fingerprintOf(parts: readonly string[]): string {
  return `${parts.length}:${contentHash(new TextEncoder().encode(parts.join('\n')))}`;
}

/** A workspace folder and the fingerprint of the configuration and site files its reading depended on. */
export interface StoredFolder {
  path: string;
  fingerprint: string;
  /** Files no watched glob names that went into the fingerprint (they are stamped again on reopening). */
  files?: string[];
}

/**
 * Gives the event loop back once work has run for `sliceMs` since it last did, and keeps the longest
 * stretch it ran without doing so.
 */
export class TimeSlicer {
  private sliceStart: number;
  longestSliceMs = 0;
  pauses = 0;

  constructor(
    private readonly sliceMs = 12,
    private readonly pause: () => Promise<void> = yieldToEventLoop,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  async breathe(): Promise<void> {
    const elapsed = this.now() - this.sliceStart;
    if (elapsed < this.sliceMs) return;
    this.longestSliceMs = Math.max(this.longestSliceMs, elapsed);
    this.pauses++;
    await this.pause();
    this.sliceStart = this.now();
  }

  /** Starts a new slice after an await that gave the event loop back anyway. */
  resumed(): void {
    this.sliceStart = this.now();
  }
}

/** What of a site model the store keeps beside its entries, so that reopening need not file them again. */
export interface StorableModel {
  paths(): Iterable<string>;
  snapshotNames(): SnapshotNames;
  snapshotIndexes(): Iterable<[name: string, key: string, paths: string | string[]]>;
}

export type SnapshotNames = Pick<SiteModelSnapshot, 'sites' | 'folders' | 'sizes'>;

export interface EncodeInput {
  extensionVersion: string;
  folders: readonly StoredFolder[];
  /** The files to store; files outside every folder are left out. */
  records: Iterable<[string, FileRecord]>;
  /** The file's entry in the model; undefined when it is not an article or page. */
  packedOf(path: string): PackedArticle | undefined;
  /** The model the entries are, to store its lookups too (only when every one of its articles is among the records). */
  model?: StorableModel;
  slicer?: TimeSlicer;
}

/** Lookup entries per `i` line. */
const LOOKUPS_PER_LINE = 2048;

/** How many lines are encoded to bytes at once. */
const LINES_PER_CHUNK = 512;

/** The stored file's bytes, made a few hundred lines at a time with the event loop let in between. */
export async function encodeSiteIndex(input: EncodeInput): Promise<Uint8Array> {
  const slicer = input.slicer ?? new TimeSlicer();
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const folders = [...input.folders].map((folder, index) => ({ path: folder.path, index })).sort((a, b) => b.path.length - a.path.length);
  // The files to store (those in a folder), each with the number of its line.
  const records: [string, FileRecord, number][] = [];
  const storedPaths = new Map<string, number>();
  for (const [path, record] of input.records) {
    const folder = folderIndexOf(path, folders);
    if (folder !== -1 && !storedPaths.has(path)) {
      storedPaths.set(path, records.length);
      records.push([path, record, folder]);
    }
    await slicer.breathe();
  }
  // The lookups are stored only with every article they name: else reopening reads the files.
  let model = input.model;
  if (model) {
    for (const path of model.paths()) {
      if (!storedPaths.has(path)) {
        model = undefined;
        break;
      }
      await slicer.breathe();
    }
  }
  let lines: string[] = [JSON.stringify({ format: SITE_INDEX_FORMAT, extension: input.extensionVersion, folders: input.folders, snapshot: Boolean(model) })];
  if (model) lines.push(JSON.stringify(['n', model.snapshotNames()]));
  const flush = () => {
    if (lines.length === 0) return;
    lines.push('');
    chunks.push(encoder.encode(lines.join('\n')));
    lines = [];
  };
  const values = new Map<string, number>();
  // The model keeps one copy of each list its articles share: most are found by identity.
  const listsSeen = new Map<readonly string[], number>();
  const valueIndex = (value: string | readonly string[]): number => {
    if (typeof value !== 'string') {
      const seen = listsSeen.get(value);
      if (seen !== undefined) return seen;
    }
    const key = typeof value === 'string' ? `s${value}` : `l${value.join('\0')}`;
    let index = values.get(key);
    if (index === undefined) {
      index = values.size;
      values.set(key, index);
      lines.push(JSON.stringify(['v', value]));
    }
    if (typeof value !== 'string') listsSeen.set(value, index);
    return index;
  };
  const optional = (value: string | readonly string[] | undefined) => (value === undefined ? -1 : valueIndex(value));
  let files = 0;
  for (const [path, record, folder] of records) {
    const packed = input.packedOf(path);
    const entry = packed
      ? [
          valueIndex(packed.root),
          valueIndex(packed.profile),
          valueIndex(packed.group),
          valueIndex(packed.publicDirs),
          optional(packed.siteUrl),
          optional(packed.refDirs),
          optional(packed.routes),
          optional(packed.sourceDirs),
          optional(packed.sourcesElsewhere),
          packed.texts,
          // Latin-1 characters, mostly control characters that JSON would write as \u00XX: base64 is a third of that.
          btoa(packed.numbers),
        ]
      : 0;
    lines.push(JSON.stringify(['f', folder, path, record.size, record.mtime, record.hash, entry]));
    files++;
    if (lines.length >= LINES_PER_CHUNK) flush();
    await slicer.breathe();
  }
  let lookupLines = 0;
  if (model) {
    // Paths as the numbers of their file lines: a lookup names a path many times.
    let name = '';
    let entries: [string, number | number[]][] = [];
    const lookupLine = () => {
      if (entries.length === 0) return;
      lines.push(JSON.stringify(['i', name, entries]));
      lookupLines++;
      entries = [];
      if (lines.length >= LINES_PER_CHUNK / 8) flush();
    };
    for (const [lookup, key, paths] of model.snapshotIndexes()) {
      if (lookup !== name || entries.length >= LOOKUPS_PER_LINE) {
        lookupLine();
        name = lookup;
      }
      entries.push([key, typeof paths === 'string' ? storedPaths.get(paths)! : paths.map((path) => storedPaths.get(path)!)]);
      await slicer.breathe();
    }
    lookupLine();
  }
  lines.push(JSON.stringify(['end', files, values.size, lookupLines]));
  flush();
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
    await slicer.breathe();
  }
  return bytes;
}

/** The index of the innermost folder (sorted longest first) that holds the path, else -1. */
function folderIndexOf(path: string, folders: readonly { path: string; index: number }[]): number {
  for (const folder of folders) {
    if (path.length > folder.path.length && path.startsWith(folder.path) && '/\\'.includes(path[folder.path.length])) return folder.index;
    if (folder.path.endsWith('/') && path.startsWith(folder.path)) return folder.index;
  }
  return -1;
}

export interface RestoreInput {
  bytes: Uint8Array;
  extensionVersion: string;
  /** Whether a stored folder is still in the workspace with the fingerprint it had. */
  isCurrent(folder: StoredFolder): Promise<boolean>;
  fs: StoreFileSystem;
  /** Puts a stored entry into the model (a file that is unchanged since it was stored). */
  insert(packed: PackedArticle): void;
  /**
   * With a file that stores the model's lookups: makes the model again from them (the engine's
   * SiteModel.restoring), hands it to `onModel` with every stored entry (to be shown at once), then
   * checks each file and takes out through `remove` those that changed or were deleted since, and
   * those of folders whose configuration changed. Without them, entries go in through `insert`.
   */
  restoring?(names: SnapshotNames): ReturnType<typeof SiteModel.restoring>;
  onModel?(model: SiteModel): void;
  remove?(path: string): void;
  /** Stops the restore (the index was disposed); what was inserted stays. */
  cancelled?(): boolean;
  slicer?: TimeSlicer;
  /** ms since the epoch (the racy window of the records made again). */
  now?(): number;
}

export interface RestoreOutcome {
  /** Why the stored file was ignored as a whole (corrupt, cut short, another version); undefined when it was read. */
  ignored?: string;
  /** The files taken from the store (their entries inserted), with their records. */
  trusted: Map<string, FileRecord>;
  /** Stored files whose stamp or bytes differ now, and stored files that no longer exist. */
  changed: number;
  deleted: number;
  /** Trusted files whose mtime moved (their bytes are the same): their records changed. */
  touched: number;
  /** Stored folders left out: no longer in the workspace, or their configuration changed. */
  droppedFolders: string[];
  /** Lines that could not be read (their files are read again). */
  badLines: number;
}

type Verdict = 'trusted' | 'changed' | 'deleted';

interface FileLine {
  path: string;
  record: FileRecord;
  packed: PackedArticle | undefined;
}

/** How many files are checked against the disk at once. */
const STAT_BATCH = 128;
/** About how many bytes of lines are decoded at once. */
const DECODE_CHUNK_BYTES = 256 * 1024;

/**
 * Reads a stored file: the entries of files unchanged since (same size and mtime; else same size
 * and bytes of the same hash) go into the model through `insert`, a slice at a time; every other
 * stored file is left to be read again. A corrupt, truncated or foreign file gives `ignored`.
 */
export async function restoreSiteIndex(input: RestoreInput): Promise<RestoreOutcome> {
  const slicer = input.slicer ?? new TimeSlicer();
  const now = input.now ?? Date.now;
  const outcome: RestoreOutcome = { trusted: new Map(), changed: 0, deleted: 0, touched: 0, droppedFolders: [], badLines: 0 };
  const { bytes } = input;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lineAt = (start: number, end: number): unknown => JSON.parse(decoder.decode(bytes.subarray(start, end)));

  const headerEnd = bytes.indexOf(0x0a);
  const body = bytes[bytes.length - 1] === 0x0a ? bytes.length - 1 : -1;
  const trailerStart = body > 0 ? bytes.lastIndexOf(0x0a, body - 1) + 1 : -1;
  let header: { format?: unknown; extension?: unknown; folders?: unknown };
  let trailer: unknown;
  try {
    if (headerEnd === -1 || trailerStart <= headerEnd) throw new Error('cut short');
    header = lineAt(0, headerEnd) as typeof header;
    trailer = lineAt(trailerStart, body);
  } catch {
    return { ...outcome, ignored: 'the stored site index is corrupt or cut short' };
  }
  if (header?.format !== SITE_INDEX_FORMAT || header.extension !== input.extensionVersion) {
    return { ...outcome, ignored: `the stored site index is of another version (format ${String(header?.format)}, extension ${String(header?.extension)})` };
  }
  if (!Array.isArray(trailer) || trailer[0] !== 'end' || !Array.isArray(header.folders)) {
    return { ...outcome, ignored: 'the stored site index is corrupt or cut short' };
  }

  // A folder is trusted when it is still in the workspace with the same configuration.
  const trustedFolders = new Set<number>();
  const stored = header.folders as StoredFolder[];
  const current = await Promise.all(stored.map((folder) => isStoredFolder(folder) && input.isCurrent(folder).catch(() => false)));
  slicer.resumed();
  stored.forEach((folder, index) => {
    if (current[index]) trustedFolders.add(index);
    else outcome.droppedFolders.push(String(folder?.path));
  });

  const values: (string | string[])[] = [];
  let at = headerEnd + 1;
  let filesSeen = 0;
  /** The next batch of file lines of trusted folders (values defined on the way), or undefined at the end. */
  /** Lines decoded a chunk at a time (one decode of many lines is far cheaper than one per line). */
  let lines: string[] = [];
  let lineAtChunk = 0;
  const nextLine = (): string | undefined => {
    if (lineAtChunk < lines.length) return lines[lineAtChunk++];
    if (at >= trailerStart) return undefined;
    // The line before the trailer ends at trailerStart - 1 at the latest.
    let end = bytes.lastIndexOf(0x0a, Math.min(at + DECODE_CHUNK_BYTES, trailerStart - 1));
    if (end < at) end = bytes.indexOf(0x0a, at);
    try {
      lines = decoder.decode(bytes.subarray(at, end)).split('\n');
    } catch {
      // Bytes that are not UTF-8: line by line, so that only the damaged lines are lost.
      lines = [];
      for (let start = at; start <= end; ) {
        const stop = bytes.indexOf(0x0a, start);
        try {
          lines.push(decoder.decode(bytes.subarray(start, stop)));
        } catch {
          lines.push('');
        }
        start = stop + 1;
      }
    }
    at = end + 1;
    lineAtChunk = 0;
    return lines[lineAtChunk++];
  };
  /** The next batch of file lines of trusted folders (values defined on the way), or undefined at the end. */
  const nextBatch = async (): Promise<FileLine[] | undefined> => {
    const batch: FileLine[] = [];
    let text: string | undefined;
    while (batch.length < STAT_BATCH && (text = nextLine()) !== undefined) {
      let line: unknown;
      try {
        line = JSON.parse(text);
      } catch {
        outcome.badLines++;
        continue;
      }
      if (!Array.isArray(line)) {
        outcome.badLines++;
      } else if (line[0] === 'v') {
        values.push(line[1] as string | string[]);
      } else if (line[0] === 'f') {
        filesSeen++;
        if (!trustedFolders.has(line[1] as number)) continue;
        const file = fileLineOf(line, values);
        if (file) batch.push(file);
        else outcome.badLines++;
      } else {
        outcome.badLines++;
      }
      await slicer.breathe();
    }
    return batch.length > 0 || text !== undefined ? batch : undefined;
  };
  const verdictOf = async (file: FileLine): Promise<Verdict> => {
    const stamp = await input.fs.stamp(file.path).catch(() => undefined);
    if (!stamp) return 'deleted';
    if (stamp.size !== file.record.size) return 'changed';
    if (stamp.mtime === file.record.mtime) return 'trusted';
    if (file.record.hash === UNKNOWN_HASH) return 'changed';
    const bytesNow = await input.fs.readBytes(file.path).catch(() => undefined);
    if (!bytesNow || contentHash(bytesNow) !== file.record.hash) return 'changed';
    // The same bytes: the record takes the new mtime (unless that is still within the racy window).
    file.record.mtime = fileRecord(stamp, undefined, now()).mtime;
    outcome.touched++;
    return 'trusted';
  };
  const check = (batch: FileLine[]) => Promise.all(batch.map(verdictOf)).then((verdicts) => ({ batch, verdicts }));

  if ((header as { snapshot?: unknown }).snapshot === true && input.restoring && input.onModel && input.remove) {
    return restoreFromLookups({ input, outcome, slicer, nextLine, values, trustedFolders, verdictOf, trailer });
  }

  // The next batch's files are checked on disk while this one's entries go into the model.
  let batch = await nextBatch();
  let checking = batch && check(batch);
  while (checking) {
    const { batch: done, verdicts } = await checking;
    if (input.cancelled?.()) break;
    slicer.resumed();
    batch = await nextBatch();
    checking = batch && check(batch);
    for (let index = 0; index < done.length; index++) {
      const file = done[index];
      const verdict = verdicts[index];
      if (verdict === 'deleted') outcome.deleted++;
      else if (verdict === 'changed') outcome.changed++;
      else {
        if (file.packed) input.insert(file.packed);
        outcome.trusted.set(file.path, file.record);
      }
      await slicer.breathe();
    }
  }
  if (trailer[1] !== filesSeen || trailer[2] !== values.length) outcome.badLines++;
  return outcome;
}

interface LookupRestore {
  input: RestoreInput;
  outcome: RestoreOutcome;
  slicer: TimeSlicer;
  nextLine(): string | undefined;
  values: (string | string[])[];
  trustedFolders: ReadonlySet<number>;
  verdictOf(file: FileLine): Promise<Verdict>;
  trailer: unknown[];
}

/**
 * The model made again from the stored lookups and every stored entry (any damaged line: the file
 * is ignored, as lookups without their entries would be wrong), handed over to be shown; then each
 * file checked on disk, those changed, deleted or of a folder not trusted taken out again.
 */
async function restoreFromLookups(state: LookupRestore): Promise<RestoreOutcome> {
  const { input, outcome, slicer, values } = state;
  const ignored = (why: string): RestoreOutcome => ({ ...outcome, ignored: `the stored site index is corrupt or cut short (${why})` });
  const files: { file: FileLine; folder: number }[] = [];
  let restoring: ReturnType<typeof SiteModel.restoring>;
  let lookupLines = 0;
  for (let text = state.nextLine(); text !== undefined; text = state.nextLine()) {
    if (input.cancelled?.()) return { ...outcome, ignored: 'the restore was stopped' };
    let line: unknown;
    try {
      line = JSON.parse(text);
    } catch {
      return ignored('a damaged line');
    }
    if (!Array.isArray(line)) return ignored('a damaged line');
    if (line[0] === 'v') values.push(line[1] as string | string[]);
    else if (line[0] === 'n') restoring ??= input.restoring!(line[1] as SnapshotNames);
    else if (line[0] === 'f') {
      const file = fileLineOf(line, values);
      if (!file || !restoring || typeof line[1] !== 'number') return ignored('a damaged file line');
      files.push({ file, folder: line[1] });
      if (file.packed) restoring.article(file.packed);
    } else if (line[0] === 'i') {
      const entries = lookupEntriesOf(line, files);
      if (!entries || !restoring?.index(line[1] as string, entries)) return ignored('a damaged lookup line');
      lookupLines++;
    } else return ignored('an unknown line');
    await slicer.breathe();
  }
  const model = restoring?.done();
  if (!model || state.trailer[1] !== files.length || state.trailer[2] !== values.length || state.trailer[3] !== lookupLines) return ignored('lines missing');
  input.onModel!(model);
  slicer.resumed();
  // Each file on disk now, a batch at a time; what changed leaves the model (it is read again).
  for (let start = 0; start < files.length; start += STAT_BATCH) {
    if (input.cancelled?.()) break;
    const batch = files.slice(start, start + STAT_BATCH);
    const verdicts = await Promise.all(batch.map(({ file, folder }) => (state.trustedFolders.has(folder) ? state.verdictOf(file) : Promise.resolve<Verdict>('changed'))));
    slicer.resumed();
    for (let index = 0; index < batch.length; index++) {
      const { file } = batch[index];
      const verdict = verdicts[index];
      if (verdict === 'trusted') outcome.trusted.set(file.path, file.record);
      else {
        if (verdict === 'deleted') outcome.deleted++;
        else outcome.changed++;
        input.remove!(file.path);
      }
      await slicer.breathe();
    }
  }
  return outcome;
}

/** A lookup line's entries with the paths of their file lines, in place; undefined when one names no file. */
function lookupEntriesOf(line: unknown[], files: readonly { file: FileLine }[]): [string, string | string[]][] | undefined {
  const [, name, entries] = line;
  if (typeof name !== 'string' || !Array.isArray(entries)) return undefined;
  const pathOf = (index: unknown) => (typeof index === 'number' ? files[index]?.file.path : undefined);
  for (const entry of entries as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return undefined;
    const paths = entry[1];
    if (Array.isArray(paths)) {
      for (let at = 0; at < paths.length; at++) {
        const path = pathOf(paths[at]);
        if (path === undefined) return undefined;
        paths[at] = path;
      }
    } else {
      const path = pathOf(paths);
      if (path === undefined) return undefined;
      entry[1] = path;
    }
  }
  return entries as [string, string | string[]][];
}

function isStoredFolder(folder: unknown): folder is StoredFolder {
  const candidate = folder as StoredFolder | undefined;
  return typeof candidate?.path === 'string' && typeof candidate.fingerprint === 'string' && (candidate.files === undefined || (Array.isArray(candidate.files) && candidate.files.every((file) => typeof file === 'string')));
}

function fileLineOf(line: unknown[], values: readonly (string | string[])[]): FileLine | undefined {
  const [, , path, size, mtime, hash, entry] = line;
  if (typeof path !== 'string' || typeof size !== 'number' || typeof mtime !== 'number' || typeof hash !== 'number') return undefined;
  const record: FileRecord = { size, mtime, hash };
  if (entry === 0) return { path, record, packed: undefined };
  if (!Array.isArray(entry) || entry.length !== 11) return undefined;
  const [root, profile, group, publicDirs, siteUrl, refDirs, routes, sourceDirs, sourcesElsewhere, texts, numbers] = entry as unknown[];
  const text = (index: unknown) => (typeof index === 'number' && typeof values[index] === 'string' ? (values[index] as string) : undefined);
  const list = (index: unknown) => (typeof index === 'number' && Array.isArray(values[index]) ? (values[index] as string[]) : undefined);
  const rootText = text(root);
  const profileText = text(profile);
  const groupText = text(group);
  const dirs = list(publicDirs);
  if (rootText === undefined || profileText === undefined || groupText === undefined || !dirs || typeof texts !== 'string' || typeof numbers !== 'string') return undefined;
  let decoded: string;
  try {
    decoded = atob(numbers);
  } catch {
    return undefined;
  }
  // -1: absent; any other index must name a value of the right kind.
  const optionalText = (index: unknown) => (index === -1 ? null : text(index));
  const optionalList = (index: unknown) => (index === -1 ? null : list(index));
  const optionals = { siteUrl: optionalText(siteUrl), refDirs: optionalList(refDirs), routes: optionalList(routes), sourceDirs: optionalList(sourceDirs), sourcesElsewhere: optionalList(sourcesElsewhere) };
  if (Object.values(optionals).includes(undefined)) return undefined;
  const packed: PackedArticle = {
    path,
    root: rootText,
    profile: profileText,
    group: groupText,
    publicDirs: dirs,
    ...(optionals.siteUrl !== null ? { siteUrl: optionals.siteUrl } : {}),
    ...(optionals.refDirs ? { refDirs: optionals.refDirs } : {}),
    ...(optionals.routes ? { routes: optionals.routes } : {}),
    ...(optionals.sourceDirs ? { sourceDirs: optionals.sourceDirs } : {}),
    ...(optionals.sourcesElsewhere ? { sourcesElsewhere: optionals.sourcesElsewhere } : {}),
    texts,
    numbers: decoded,
  };
  return { path, record, packed };
}
