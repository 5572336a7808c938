/**
 * Whether a page's body may hold content from elsewhere that the page's own text does not show:
 * a Markdown-notation Hugo shortcode (`{{% include "x" %}}`: its output is read as Markdown, and may
 * hold headings), a Liquid or Nunjucks `{% include %}` / `{% render %}`, or (MDX) an imported
 * component. A `#fragment` that matches none of the page's own headings may then still be there.
 */
import { CacheKey } from '../parse/cache';
import type { ParsedArticle } from '../parse/parse';
import { shortcodeMetaOf } from '../parse/syntax/shortcodes';

const INCLUDE_TAG = /^\{%-?\s*(?:include|include_relative|include_cached|render)\b/;
/** `import Tabs from …`, `import { Note } from …`: a binding that starts with a capital is a component. */
const COMPONENT_IMPORT = /^import\s+(?:type\s+)?(?:[A-Z][\w$]*|\{[^}]*\b[A-Z][\w$]*[^}]*\}|\*\s+as\s+[A-Z][\w$]*)/m;

const IMPORTS_CONTENT = new CacheKey<boolean>('importsContent');

export function importsContent(article: ParsedArticle): boolean {
  return article.cache.ensure(IMPORTS_CONTENT, () => findImports(article));
}

function findImports(article: ParsedArticle): boolean {
  for (const token of article.tokens) {
    if (token.type === 'mdx_esm' && COMPONENT_IMPORT.test(token.content)) return true;
    if (token.type !== 'inline' || !token.children) continue;
    for (const child of token.children) {
      if (child.type === 'shortcode') {
        const meta = shortcodeMetaOf(child);
        if (meta.delimiter === '%' && !meta.closing) return true;
      } else if (child.type === 'liquid' && INCLUDE_TAG.test(child.content)) return true;
    }
  }
  return false;
}
