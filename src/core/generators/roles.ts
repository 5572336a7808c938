/**
 * Reading the frontmatter by role: for each role the first key path present wins. Hugo matches keys
 * without regard to case. Fallbacks (Jekyll's file-name title and date, Docusaurus's first H1 and path
 * date) are given where the generator makes them.
 */
import type { HeroSource, KeyPath, SiteProfile } from './profile';

export type RoleName = 'title' | 'description' | 'published' | 'updated';

/** The actual key in `object` for `key` (the same key, or the one differing only in case when allowed). */
function actualKey(object: Record<string, unknown>, key: string, caseInsensitive: boolean): string | undefined {
  if (Object.prototype.hasOwnProperty.call(object, key)) return key;
  if (!caseInsensitive) return undefined;
  const lower = key.toLowerCase();
  return Object.keys(object).find((candidate) => candidate.toLowerCase() === lower);
}

/** The value at a key path and the path as written in the article, when present (not null). */
function valueAtPath(
  data: Record<string, unknown> | undefined,
  path: KeyPath,
  caseInsensitive = false,
): { value: unknown; path: (string | number)[] } | undefined {
  let value: unknown = data;
  const actual: (string | number)[] = [];
  for (const part of path) {
    if (typeof part === 'number') {
      if (!Array.isArray(value) || part >= value.length) return undefined;
      value = value[part];
      actual.push(part);
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
      const key = actualKey(value as Record<string, unknown>, part, caseInsensitive);
      if (key === undefined) return undefined;
      value = (value as Record<string, unknown>)[key];
      actual.push(key);
    }
  }
  return value === undefined || value === null ? undefined : { value, path: actual };
}

export interface RoleValue {
  value: unknown;
  /** The key path as written in the article. */
  path: (string | number)[];
}

/** The first key of the role present in the frontmatter. */
export function roleValue(profile: SiteProfile, data: Record<string, unknown> | undefined, role: RoleName): RoleValue | undefined {
  for (const path of profile.roles[role]) {
    const found = valueAtPath(data, path, profile.caseInsensitiveKeys);
    if (found) return found;
  }
  return undefined;
}

export interface HeroValue extends RoleValue {
  source: HeroSource;
  /** The alt text that pairs with this image, when present. */
  alt?: RoleValue;
}

/** The hero image by role: the first source whose value is a non-empty string. */
export function heroValue(profile: SiteProfile, data: Record<string, unknown> | undefined): HeroValue | undefined {
  for (const source of profile.roles.hero) {
    const found = valueAtPath(data, source.image, profile.caseInsensitiveKeys);
    if (!found || typeof found.value !== 'string' || found.value.trim() === '') continue;
    let alt: RoleValue | undefined;
    for (const path of source.alt ?? []) {
      alt = valueAtPath(data, path, profile.caseInsensitiveKeys);
      if (alt) break;
    }
    return { ...found, source, alt };
  }
  return undefined;
}

/** The role's key name for messages: the first listed (`cover.image`, `images[0]`). */
export function pathLabel(path: KeyPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The key paths a role may use, as labels: `title`, `description or summary`. */
export function roleKeysLabel(profile: SiteProfile, role: RoleName): string {
  const labels = profile.roles[role].map(pathLabel);
  return labels.length <= 1 ? labels[0] ?? '' : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** A Jekyll post's date from its file name (`2026-03-03-title.md`), or a `YYYY-MM-DD` / `YYYY/MM/DD` in the path. */
export function pathDate(profile: SiteProfile, relativePath: string | undefined): string | undefined {
  if (!relativePath || !profile.pathDate) return undefined;
  if (profile.pathDate === 'jekyll-post') {
    const name = relativePath.split('/').pop() ?? '';
    const match = /^(\d{4})-(\d{2})-(\d{2})-/.exec(name);
    return match && /(^|\/)_posts\//.test(relativePath) ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
  }
  const match = /(?:^|\/)(\d{4})[-/](\d{2})[-/](\d{2})(?:[-/.]|$)/.exec(relativePath);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The top-level keys of a site's publish date: a new readingTime goes after the first present. */
export function publishDateKeys(profile: SiteProfile): string[] {
  return profile.roles.published.filter((path) => path.length === 1).map((path) => String(path[0]));
}
