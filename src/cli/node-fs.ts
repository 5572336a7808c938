/** The engine's FileSystemHost over node's fs, with a per-run cache (many articles share images). */
import { promises as fs } from 'node:fs';
import type { FileSystemHost } from '../core/types';

export class NodeFileSystem implements FileSystemHost {
  private readonly stats = new Map<string, Promise<'file' | 'directory' | undefined>>();

  stat(path: string): Promise<'file' | 'directory' | undefined> {
    let result = this.stats.get(path);
    if (!result) {
      result = fs.stat(path).then(
        (stat) => (stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : undefined),
        () => undefined,
      );
      this.stats.set(path, result);
    }
    return result;
  }

  async readText(path: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }
}
