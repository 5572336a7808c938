/**
 * The engine's FileSystemHost over node's fs, for the language server. Nothing is cached: files
 * change under a long-running server, and each analysis asks only for a few of them.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { DirectoryEntry, FileSystemHost } from '../core';

export class NodeFileSystem implements FileSystemHost {
  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    try {
      const stat = await fs.stat(path);
      return stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  async readText(path: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async readDirectory(path: string): Promise<DirectoryEntry[] | undefined> {
    let entries;
    try {
      entries = await fs.readdir(path, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const result: DirectoryEntry[] = [];
    for (const entry of entries) {
      // A symbolic link is listed as what it points to.
      const kind = entry.isSymbolicLink() ? await this.stat(join(path, entry.name)) : entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : undefined;
      if (kind) result.push([entry.name, kind]);
    }
    return result;
  }

  async readStart(path: string, bytes: number): Promise<string | undefined> {
    let handle;
    try {
      handle = await fs.open(path, 'r');
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /** The file's size in bytes, or undefined when it is not a readable file. */
  async size(path: string): Promise<number | undefined> {
    try {
      const stat = await fs.stat(path);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  }
}
