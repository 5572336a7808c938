/**
 * Pages a generator publishes from files other than Markdown (Jekyll's HTML pages and feeds, Hugo's
 * HTML content files, Eleventy's templates with a permalink): found by a bounded walk of a folder,
 * each read only as far as its frontmatter. The profiles' readPageRoutes turn them into routes.
 */
import { filesBelow, leadingFrontmatter, type WalkLimits } from '../text/folders';
import { join } from '../text/paths';
import { MARKDOWN_FILE } from '../text/markdownFiles';
import type { FileSystemHost } from '../types';
import { readConfigValues } from './conventions';

/** How far the walk for a site's pages goes: a large site's folders, never the whole disk. */
const PAGE_WALK: WalkLimits = { maxDepth: 8, maxFiles: 20_000 };

/**
 * The files below `folder` (relative paths, `/`) other than Markdown whose name ends in one of
 * `extensions` (`html`, `11ty.js`), the walk leaving out the folders `skipFolder` names.
 */
export async function pageFileCandidates(fs: FileSystemHost, folder: string, extensions: readonly string[], skipFolder?: (relativePath: string) => boolean): Promise<string[]> {
  const files = await filesBelow(fs, folder, { ...PAGE_WALK, skipFolder });
  const endings = extensions.map((extension) => `.${extension.toLowerCase()}`);
  return (files ?? []).filter((file) => !MARKDOWN_FILE.test(file) && endings.some((ending) => file.toLowerCase().endsWith(ending)));
}

/**
 * The values of a file's frontmatter (YAML between `---` lines; TOML between `+++` lines where
 * `fences` allows it): `{}` for an empty block, undefined when the file has none or it does not read
 * as a mapping.
 */
export async function frontmatterOfFile(fs: FileSystemHost, path: string, fences: readonly string[] = ['---']): Promise<Record<string, unknown> | undefined> {
  const block = await leadingFrontmatter(fs, path, fences);
  if (!block) return undefined;
  if (block.text.trim() === '') return {};
  return readConfigValues(block.text, block.fence === '+++' ? 'frontmatter.toml' : 'frontmatter.yml');
}

/** A frontmatter value that is a route or a list of routes (`redirect_from`, `aliases`). */
export function routeList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
}

/** The path of a file below a folder, from its `/`-separated relative path. */
export function fileIn(folder: string, relativePath: string): string {
  return join(folder, ...relativePath.split('/'));
}
