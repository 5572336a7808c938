/**
 * The engine's FileSystemHost over node's fs, with a per-run cache (many articles share images).
 * It can record what each lookup found (a digest per stat, text, listing): the result cache keeps
 * them, and trusts its entries only while every lookup still finds the same.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry, FileSystemHost } from '../core';

const MAX_CACHED_STATS = 20_000;

/** A lookup (`stat`, `text`, `list` or `start:<bytes>`, then the path) and a digest of what it found. */
export type Lookup = [key: string, digest: string];

const MISSING = '-';

export function digestOf(value: string | Buffer): string {
  return createHash('sha1').update(value).digest('base64url');
}

export class NodeFileSystem implements FileSystemHost {
  private readonly stats = new Map<string, Promise<'file' | 'directory' | undefined>>();
  /** Lookups since the last takeLookups(), when recording. */
  private recorded: Map<string, string> | undefined;

  /** Records every lookup from now on (see takeLookups). */
  recordLookups(): void {
    this.recorded ??= new Map();
  }

  /** The lookups recorded since the last call. */
  takeLookups(): Lookup[] {
    if (!this.recorded || this.recorded.size === 0) return [];
    const lookups = [...this.recorded];
    this.recorded.clear();
    return lookups;
  }

  /** What a recorded lookup finds now: the same digest means the same answer. */
  digestNow(key: string): string {
    const colon = key.indexOf(':', key.startsWith('start:') ? 6 : 0);
    const kind = key.slice(0, colon);
    const path = key.slice(colon + 1);
    if (kind === 'stat') return this.statNow(path) ?? MISSING;
    if (kind === 'text') return digestOrMissing(this.readTextSync(path));
    if (kind === 'list') return digestOrMissing(listingText(this.listDirectory(path)));
    if (kind.startsWith('start:')) return digestOrMissing(this.readFileStart(path, Number(kind.slice(6))));
    return MISSING;
  }

  private record(key: string, digest: string): void {
    this.recorded?.set(key, digest);
  }

  stat(path: string): Promise<'file' | 'directory' | undefined> {
    let result = this.stats.get(path);
    if (!result) {
      // Bounded: a run over 100,000 articles stats half a million image paths, most of them once.
      if (this.stats.size >= MAX_CACHED_STATS) this.stats.clear();
      // Synchronous: a stat is a few microseconds, while a promise-based one costs the CLI a tenth of
      // a millisecond of main-thread time (5 images an article: about a tenth of the whole run).
      const kind = this.statNow(path);
      result = Promise.resolve(kind);
      this.stats.set(path, result);
      this.record(`stat:${path}`, kind ?? MISSING);
    }
    return result;
  }

  private statNow(path: string): 'file' | 'directory' | undefined {
    try {
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  readTextSync(path: string): string | undefined {
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    if (this.recorded) this.record(`text:${path}`, digestOrMissing(text));
    return text;
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    // Synchronous, as stat.
    const entries = this.listDirectory(path);
    if (this.recorded) this.record(`list:${path}`, digestOrMissing(listingText(entries)));
    return entries;
  }

  /** Synchronous, as stat: a folder listing costs microseconds, a promise round trip more. */
  private listDirectory(path: string): DirectoryEntry[] | undefined {
    try {
      const entries: DirectoryEntry[] = [];
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        // A symbolic link is listed as what it points to.
        const kind = entry.isSymbolicLink() ? this.statNow(join(path, entry.name)) : entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : undefined;
        if (kind) entries.push([entry.name, kind]);
      }
      return entries;
    } catch {
      return undefined;
    }
  }

  async readStart(path: string, bytes: number): Promise<string | undefined> {
    const start = this.readFileStart(path, bytes);
    if (this.recorded) this.record(`start:${bytes}:${path}`, digestOrMissing(start));
    return start;
  }

  private readFileStart(path: string, bytes: number): string | undefined {
    let descriptor: number | undefined;
    try {
      descriptor = openSync(path, 'r');
      const buffer = Buffer.alloc(bytes);
      const bytesRead = readSync(descriptor, buffer, 0, bytes, 0);
      return buffer.toString('utf8', 0, bytesRead);
    } catch {
      return undefined;
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  }

  async readText(path: string): Promise<string | undefined> {
    return this.readTextSync(path);
  }
}

function digestOrMissing(text: string | undefined): string {
  return text === undefined ? MISSING : digestOf(text);
}

/** A listing as one string (names in the order read, each with its kind), or undefined. */
function listingText(entries: DirectoryEntry[] | undefined): string | undefined {
  return entries?.map(([name, kind]) => `${kind === 'file' ? 'f' : 'd'}${name}`).join('\0');
}
