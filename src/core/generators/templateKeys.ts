/**
 * The frontmatter keys a site's templates read (Hugo's `.Params.x` in `layouts/`, Jekyll's `page.x`
 * in `_layouts/` and `_includes/`, Eleventy's bare `{{ x }}` in its includes and layouts): a page's
 * key that a template reads is one the site uses, not an
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

/** Words of Nunjucks and Liquid expressions that are not variables. */
const TEMPLATE_KEYWORDS = new Set([
  'true', 'false', 'null', 'none', 'True', 'False', 'None', 'nil', 'empty', 'blank', 'and', 'or', 'not', 'in', 'is', 'if', 'else',
  'contains', 'reversed', 'with', 'as', 'for', 'only', 'ignore', 'missing', 'loop', 'forloop', 'tablerowloop', 'super', 'caller', 'undefined',
]);

/** Template text that is not read: `{% raw %}` and `{% verbatim %}` blocks (code samples), comments. */
const UNREAD_BLOCKS = /\{%-?\s*(raw|verbatim|comment)\s*-?%\}[\s\S]*?\{%-?\s*end\1\s*-?%\}|\{#[\s\S]*?#\}/g;

/** An output `{{ … }}` (group 1) or a tag `{% name … %}` (groups 2 and 3). */
const NUNJUCKS_TAG = /\{\{-?([\s\S]*?)-?\}\}|\{%-?\s*([A-Za-z_]\w*)([\s\S]*?)-?%\}/g;

/** Tags whose first argument is a template's name, the rest its parameters (`{% render "card", item: x %}`). */
const TEMPLATE_NAME_TAGS = new Set(['include', 'render', 'includeFile', 'extends', 'layout']);
/** Tags whose argument is a name, never a variable read (`{% block main %}`, `{% filter upper %}`). */
const NAME_TAGS = new Set(['block', 'endblock', 'filter', 'endfilter']);
/** Tags that bind their variables over a list: `{% for key, value in list %}`. */
const LOOP_TAGS = new Set(['for', 'asyncEach', 'asyncAll', 'tablerow']);
/** Tags that assign a name: `{% set x = … %}`, `{% set x %}…{% endset %}`, `{% capture x %}`. */
const ASSIGN_TAGS = new Set(['set', 'assign', 'capture', 'increment', 'decrement', 'setAsync']);

/** A name (Nunjucks and Liquid names have no `$`: `${x}` in a JavaScript template makes no read). */
const IDENTIFIER = /(?<![\w$])[A-Za-z_]\w*/g;

/** An expression with its strings' contents blanked, so that words in them are not read. */
function withoutStrings(expression: string): string {
  return expression.replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, (literal) => `"${' '.repeat(Math.max(0, literal.length - 2))}"`);
}

/**
 * The variables a Nunjucks or Liquid expression reads: each name that starts a value (`x` of
 * `x.y`, `x or y`, `not x`, `a == x`, `f(x)`, `list[x]`, `| filter(x)`), not a filter's or a test's
 * name (`| safe`, `is defined`), not a function called (`range(3)`), not a keyword argument or an
 * object's key (`f(a=1)`, `{ a: 1 }`, `limit: 3`).
 */
function expressionReads(expression: string, found: string[]): void {
  const text = withoutStrings(expression);
  IDENTIFIER.lastIndex = 0;
  let previousWord = '';
  for (let match = IDENTIFIER.exec(text); match; match = IDENTIFIER.exec(text)) {
    const word = match[0];
    const before = text.slice(0, match.index).trimEnd();
    const after = text.slice(match.index + word.length).trimStart();
    const member = before.endsWith('.');
    const isTest = previousWord === 'is' || (previousWord === 'not' && /\bis\s+not$/.test(before));
    previousWord = word;
    if (member || before.endsWith('|') || isTest || TEMPLATE_KEYWORDS.has(word)) continue;
    if (after.startsWith('(') || /^=(?!=)/.test(after) || /^:(?!:)/.test(after)) continue;
    found.push(word);
  }
}

/** The names a binding lists: `a, b` of `{% for a, b in … %}`, `(a, b)`, `a` of `{% set a = … %}`. */
function boundNames(text: string): string[] {
  return text.replace(/[()]/g, ' ').split(',').map((name) => name.trim()).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/**
 * What reads a page's data in JavaScript front matter and `.11ty.js` templates (`data.x`), WebC
 * (`$data.x`) and of a collection item in any template (`post.data.x`).
 */
const DATA_READ = /(?<![\w$])\$?data\s*\.\s*([A-Za-z_]\w*)/g;

/**
 * Eleventy (Nunjucks and Liquid layouts and includes): the variables its templates read bare
 * (`{{ newstitle }}`, `{% if hideToc %}`, `{% for link in relatedLinks %}`), less the names the
 * template itself binds before (`{% set %}`, `{% for x in %}`, a macro's parameters, imports) and
 * the data Eleventy supplies (`page`, `collections`, the global data files: `supplied`); a
 * collection item's `item.data.x`, and `data.x` in JavaScript (front matter, `.11ty.js`).
 */
export function eleventyTemplateKeys(supplied: readonly string[]): TemplateKeyReader {
  const notKeys = new Set(supplied);
  return {
    id: `eleventy:${[...notKeys].sort().join(',')}`,
    read(text) {
      const found: string[] = [];
      const bound = new Set<string>();
      const reads = (expression: string) => {
        const names: string[] = [];
        expressionReads(expression, names);
        for (const name of names) if (!bound.has(name)) found.push(name);
      };
      const template = text.replace(UNREAD_BLOCKS, '');
      DATA_READ.lastIndex = 0;
      for (let match = DATA_READ.exec(template); match; match = DATA_READ.exec(template)) found.push(match[1]);
      NUNJUCKS_TAG.lastIndex = 0;
      for (let match = NUNJUCKS_TAG.exec(template); match; match = NUNJUCKS_TAG.exec(template)) {
        const [, output, tag, rawArguments] = match;
        if (output !== undefined) {
          reads(output);
          continue;
        }
        const args = rawArguments.trim();
        if (NAME_TAGS.has(tag)) continue;
        if (TEMPLATE_NAME_TAGS.has(tag)) {
          reads(withoutStrings(args).replace(/^\S+/, ''));
          continue;
        }
        if (LOOP_TAGS.has(tag)) {
          const loop = /^([\s\S]*?)\s+in\s+([\s\S]*)$/.exec(args);
          if (loop) {
            reads(loop[2]);
            for (const name of boundNames(loop[1])) bound.add(name);
          } else reads(args);
          continue;
        }
        if (ASSIGN_TAGS.has(tag)) {
          const assignment = /^([^=]*?)\s*=(?!=)([\s\S]*)$/.exec(args);
          if (assignment) reads(assignment[2]);
          for (const name of boundNames(assignment ? assignment[1] : args)) bound.add(name);
          continue;
        }
        if (tag === 'macro') {
          // `{% macro field(name, value='', type='text') %}`: the macro and its parameters.
          const macro = /^([A-Za-z_$][\w$]*)\s*\(([\s\S]*)\)/.exec(args);
          if (macro) for (const name of [macro[1], ...macro[2].split(',').map((parameter) => parameter.split('=')[0])]) bound.add(name.trim());
          continue;
        }
        if (tag === 'import' || tag === 'from') {
          // `{% import "forms.njk" as forms %}`, `{% from "forms.njk" import field, label as caption %}`.
          const names = /\bimport\s+([\s\S]*?)(?:\s+with(?:out)?\s+context)?$/.exec(`${tag} ${args}`)?.[1] ?? '';
          const as = /\bas\s+([A-Za-z_$][\w$]*)/.exec(args);
          if (tag === 'import' && as) bound.add(as[1]);
          if (tag === 'from') for (const name of names.split(',')) bound.add(name.trim().split(/\s+as\s+/).pop()!.trim());
          continue;
        }
        if (tag === 'call') {
          // `{% call(item) list(items) %}`: the caller's parameters are bound.
          const parameters = /^\(([^)]*)\)/.exec(args);
          if (parameters) for (const name of boundNames(parameters[1])) bound.add(name);
          reads(parameters ? args.slice(parameters[0].length) : args);
          continue;
        }
        // `if`, `elif`, `unless`, `case`, `when`, `echo`, and a shortcode's arguments (`{% addedin version %}`).
        reads(args);
      }
      return [...new Set(found)].filter((name) => !notKeys.has(name));
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
