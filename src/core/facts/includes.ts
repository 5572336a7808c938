/**
 * Whether a page's body brings in content from other files, whose headings this parse cannot see:
 * a Liquid or Nunjucks `{% include %}` (`include_relative`, `render`, Eleventy's `renderFile`), or in
 * MDX a component the file imports and uses (`import Intro from './_intro.mdx'` … `<Intro />`).
 * Computed once per parse.
 */
import type { ParsedArticle } from '../parse/parse';
import { CacheKey } from '../parse/cache';

const INCLUDE_TAGS = new Set(['include', 'include_relative', 'include_cached', 'render', 'renderFile', 'renderTemplate']);

const IMPORTS_CONTENT = new CacheKey<boolean>('importsContent');

export function importsContent(article: ParsedArticle): boolean {
  return article.cache.ensure(IMPORTS_CONTENT, () => findsIncludes(article));
}

function findsIncludes(article: ParsedArticle): boolean {
  const imported: string[] = [];
  for (const token of article.tokens) {
    if (token.type === 'mdx_esm') imported.push(...importedNames(token.content));
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (child.type !== 'liquid') continue;
      const name = /^\{%-?\s*([\w-]+)/.exec(child.content)?.[1];
      if (name && INCLUDE_TAGS.has(name)) return true;
    }
  }
  if (imported.length === 0) return false;
  const used = new RegExp(`<(?:${imported.join('|')})[\\s/>.]`);
  return used.test(article.body);
}

/** The names an `import` statement binds that may be components (capitalised, as JSX requires). */
function importedNames(esm: string): string[] {
  const names: string[] = [];
  for (const statement of esm.matchAll(/\bimport\s+([^'";]*?)\s+from\s*['"]/g)) {
    for (const name of statement[1].matchAll(/(?:\bas\s+)?\b([A-Z][\w$]*)\b/g)) names.push(name[1].replace(/\$/g, '\\$'));
  }
  return names;
}
