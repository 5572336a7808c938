/**
 * The file system for one build of the site index: a folder is listed once, and whether a path is
 * there is answered from its folder's listing (a path below a folder that is not there is not there
 * either). Finding each article's site and configuration asks for dozens of names in every folder
 * above it (each generator's configuration files, Hugo's `config/_default/`, `.article-lint.json`),
 * nearly all absent; in the browser every call to `vscode.workspace.fs` is a message to the workbench
 * and on to the repository's file system. Kept for one build only: files created meanwhile are
 * caught by the watchers, which read the site again. No vscode import: unit-tested alone.
 */
import type { DirectoryEntry, FileSystemHost } from '../core';

type Kind = 'file' | 'directory';

interface Listing {
  entries: DirectoryEntry[];
  /** Each entry's kind by its exact name. */
  exact: Map<string, Kind>;
  /** The names lower-cased: on a case-insensitive disk a stat of `Hugo.toml` finds `hugo.toml`. */
  folded: Set<string>;
}

/** A folder that is not there (or is a file): nothing is below it. */
const ABSENT = 'absent';

export class ListedFileSystem implements FileSystemHost {
  private readonly listings = new Map<string, Promise<Listing | typeof ABSENT | undefined>>();
  private readonly stats = new Map<string, Promise<Kind | undefined>>();
  /** The host's, when it has one (without it the engine reads the whole text). */
  readonly readStart?: (path: string, bytes: number) => Promise<string | undefined>;

  constructor(private readonly host: FileSystemHost & { readDirectory(path: string): Promise<DirectoryEntry[] | undefined> }) {
    const readStart = host.readStart;
    if (readStart) this.readStart = async (path, bytes) => ((await this.stat(path)) === undefined ? undefined : readStart.call(host, path, bytes));
  }

  stat(path: string): Promise<Kind | undefined> {
    let kind = this.stats.get(path);
    if (!kind) {
      kind = this.statOf(path);
      this.stats.set(path, kind);
    }
    return kind;
  }

  async readText(path: string): Promise<string | undefined> {
    return (await this.stat(path)) === undefined ? undefined : this.host.readText(path);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    const listing = await this.listingOf(path);
    if (listing === ABSENT) return undefined;
    return listing ? listing.entries.map(([name, kind]) => [name, kind]) : this.host.readDirectory(path);
  }

  private async statOf(path: string): Promise<Kind | undefined> {
    const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    // A root and its own entries (`/x`, `C:\x`) are asked for directly: listing a drive or `/` is no saving.
    if (slash <= 0 || path[slash - 1] === ':' || slash === path.length - 1) return this.host.stat(path);
    const listing = await this.listingOf(path.slice(0, slash));
    if (listing === ABSENT) return undefined;
    if (!listing) return this.host.stat(path);
    const name = path.slice(slash + 1);
    const kind = listing.exact.get(name);
    if (kind) return kind;
    // Only a name spelt otherwise may still be there; anything else is not.
    return listing.folded.has(name.toLowerCase()) ? this.host.stat(path) : undefined;
  }

  /** The folder's listing; ABSENT when its parent's says it is not there; undefined when it cannot be listed. */
  private listingOf(folder: string): Promise<Listing | typeof ABSENT | undefined> {
    let listing = this.listings.get(folder);
    if (!listing) {
      listing = this.stat(folder).then(async (kind) => {
        if (kind !== 'directory') return ABSENT;
        const entries = await this.host.readDirectory(folder).catch(() => undefined);
        return entries && { entries, exact: new Map(entries), folded: new Set(entries.map(([name]) => name.toLowerCase())) };
      });
      this.listings.set(folder, listing);
    }
    return listing;
  }
}
