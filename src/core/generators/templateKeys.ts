/**
 * The frontmatter keys a site's templates read (Hugo's `.Params.x` in `layouts/`, Jekyll's `page.x`
 * in `_layouts/` and `_includes/`): a page's key that a template reads is one the site uses, not an
 * unknown key. Read with regular expressions over each template's text, never a template engine;
 * a key built at run time (`index .Params $name`) is not seen.
 */
import { filesBelow } from '../text/folders';
import { join } from '../text/paths';
import type { FileSystemHost } from '../types';

/** What reads the keys of a template's text, in order of first appearance; `id` names what it reads, for the cache. */
export interface TemplateKeyReader {
  id: string;
  read(text: string): string[];
}

/** Files in template folders that are not templates (images, fonts, archives). */
const NOT_TEMPLATES = /\.(png|jpe?g|gif|webp|avif|ico|bmp|tiff?|woff2?|ttf|otf|eot|pdf|zip|gz|mp[34]|webm|mov|wasm)$/i;

/** Templates larger than this are not read (a generated or vendored file, not a layout). */
const MAX_TEMPLATE_CHARS = 512 * 1024;

/** A key as a template names it in a string (`index .Params "key"`) or in Liquid (`page.key`): hyphens allowed. */
const KEY = '[A-Za-z_][\\w-]*';
/** A key as a Go template field (`.Params.key`): no hyphen. */
const FIELD = '[A-Za-z_]\\w*';

/**
 * Hugo: `.Params.key` (also `$.Params.key`, `.Page.Params.key`, `$page.Params.key.sub` → `key`),
 * `.Param "key"`, `index .Params "key"` / `isset .Params "key"`, and `"Params.key"` in `where` and
 * `sort`; the site's own parameters (`.Site.Params.x`, `site.Params.x`) are not a page's.
 */
const HUGO_PARAMS_FIELD = new RegExp(`(?<![Ss]ite)\\.Params\\.(${FIELD})`, 'g');
const HUGO_PARAMS_INDEX = new RegExp(`(?<![Ss]ite)\\.Params\\s+["\`](${KEY})`, 'g');
const HUGO_PARAM_METHOD = new RegExp(`(?<![Ss]ite)\\.Param\\s+["\`](${KEY})`, 'g');
/** A page's parameter named in a string: `where .Pages "Params.hidden" "ne" true`, `sort .Pages ".Params.order"`. */
const HUGO_PARAMS_STRING = new RegExp(`["\`]\\.?Params\\.(${FIELD})`, 'g');

export const hugoTemplateKeys: TemplateKeyReader = {
  id: 'hugo',
  read: (text) => keysOf(text, [HUGO_PARAMS_FIELD, HUGO_PARAMS_INDEX, HUGO_PARAM_METHOD, HUGO_PARAMS_STRING]),
};

/** Liquid's `{% for x in list %}` and `{% assign x = list | … %}`: the variable, the list and what follows it. */
const LIQUID_BINDING = /\{%-?\s*(for|assign)\s+([A-Za-z_]\w*)\s+(?:in\b|=)\s*([\w.-]+)([^%]*)/g;

/**
 * Jekyll (Liquid): `page.key`, `page.key.sub` → `key`, `page["key"]`, and the same of a variable that
 * holds a page: `{% for post in site.posts %}…{{ post.version }}` (the site's posts, pages, documents
 * and collections, `site.categories.x`, `paginator.posts`), or `{% assign p = site.docs | where: … | first %}`.
 * Not `paginator.page`, `include.page`, nor the items of `site.data`.
 */
export function jekyllTemplateKeys(collections: readonly string[]): TemplateKeyReader {
  const lists = new Set(['posts', 'pages', 'html_pages', 'documents', 'related_posts', ...collections]);
  const isPageList = (expression: string, listVariables: ReadonlySet<string>) => {
    if (listVariables.has(expression)) return true;
    const [scope, name, sub, ...rest] = expression.split('.');
    if (rest.length) return false;
    if (scope === 'paginator') return name === 'posts' && sub === undefined;
    if (scope !== 'site' || !name) return false;
    return sub === undefined ? lists.has(name) : name === 'categories' || name === 'tags';
  };
  return {
    id: `jekyll:${[...lists].join(',')}`,
    read(text) {
      const pages = new Set(['page']);
      const pageLists = new Set<string>();
      LIQUID_BINDING.lastIndex = 0;
      for (let match = LIQUID_BINDING.exec(text); match; match = LIQUID_BINDING.exec(text)) {
        const [, tag, variable, expression, rest] = match;
        if (!isPageList(expression, pageLists)) continue;
        if (tag === 'for' || /\|\s*(first|last)\b/.test(rest)) pages.add(variable);
        else pageLists.add(variable);
      }
      const names = [...pages].join('|');
      return keysOf(text, [
        new RegExp(`(?<![\\w.$-])(?:${names})\\.(${KEY})`, 'g'),
        new RegExp(`(?<![\\w.$-])(?:${names})\\[\\s*["'](${KEY})["']\\s*\\]`, 'g'),
      ]);
    },
  };
}

function keysOf(text: string, patterns: readonly RegExp[]): string[] {
  const found: { key: string; at: number }[] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push({ key: match[1], at: match.index });
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((entry) => entry.key))];
}

/** Keys by reader and template text, so that an unchanged template is not scanned again (bounded). */
const keysByText = new Map<string, Map<string, string[]>>();

function cachedKeys(reader: TemplateKeyReader, text: string): string[] {
  let byText = keysByText.get(reader.id);
  if (!byText) keysByText.set(reader.id, (byText = new Map()));
  let keys = byText.get(text);
  if (!keys) {
    keys = reader.read(text);
    if (byText.size > 4000) byText.clear();
    byText.set(text, keys);
  }
  return keys;
}

/**
 * The keys the templates below `folders` (relative to the site's root, `/`-separated) read, each
 * with the first template that reads it (relative to the root). Nothing when the host cannot list
 * folders.
 */
export async function readTemplateKeys(root: string, fs: FileSystemHost, folders: readonly string[], reader: TemplateKeyReader): Promise<Map<string, string>> {
  const readBy = new Map<string, string>();
  for (const folder of folders) {
    const files = await filesBelow(fs, join(root, ...folder.split('/')));
    for (const file of files ?? []) {
      if (NOT_TEMPLATES.test(file)) continue;
      const template = `${folder}/${file}`;
      const text = await fs.readText(join(root, ...template.split('/')));
      if (text === undefined || text.length > MAX_TEMPLATE_CHARS) continue;
      for (const key of cachedKeys(reader, text)) if (!readBy.has(key)) readBy.set(key, template);
    }
  }
  return readBy;
}
