import { addToFrontmatterList, setFrontmatterScalar } from '../frontmatter/edits';
import { frontmatterEntryRange } from '../frontmatter/fields';
import type { TextEdit } from '../types';
import { defineRule } from './rule';

/** The characters of a slug's words: lower-case letters of any script (or letters with no case), marks, digits. */
const WORD = '\\p{Ll}\\p{Lo}\\p{Lm}\\p{M}\\p{N}';
/** Words joined by single hyphens. */
const SLUG = new RegExp(`^[${WORD}]+(?:-[${WORD}]+)*$`, 'u');
const NOT_WORD = new RegExp(`[^${WORD}]+`, 'gu');

/**
 * The nearest valid slug: compatibility forms folded (`𝓐` → `a`), lower case, and every run of
 * anything that is still not a lower-case letter, mark or digit one hyphen, so the result always
 * passes (a capital with no lower case would otherwise be offered again and again).
 */
function validSlug(slug: string): string {
  return slug
    .normalize('NFKC')
    .toLowerCase()
    .replace(NOT_WORD, '-')
    .replace(/^-+|-+$/g, '');
}

/** Where the slug is a path (Docusaurus: `/`, `/guide/intro`), each of its parts is a slug. */
function isValid(slug: string, isPath: boolean): boolean {
  if (!isPath) return SLUG.test(slug);
  const parts = slug.split('/');
  return parts.every((part, index) => (part === '' ? index === 0 || index === parts.length - 1 : SLUG.test(part)));
}

function validPathOrSlug(slug: string, isPath: boolean): string {
  if (!isPath) return validSlug(slug);
  return slug.split('/').map((part) => (part === '' ? part : validSlug(part))).join('/').replace(/\/{2,}/g, '/');
}

/**
 * A slug that is not lower-case words joined by hyphens. Its fix moves the page, so it is never
 * applied without the author (`--fix` and "fix all" leave it); where the generator keeps redirects,
 * it also adds the page's current URL to them.
 */
export default defineRule({
  id: 'slug-format',
  defaultSeverity: 'warning',
  fixable: 'quick-fix',
  description: 'The slug is not lower-case words and digits joined by single hyphens (`winter-tyres-guide`, `café-crème`).',
  defaultOptions: {},
  optionSpecs: {},
  needs: 'frontmatter',
  async check(context) {
    const { analysis, article } = context;
    const key = analysis.key('slug');
    const slug = analysis.data[key];
    const isPath = analysis.site.profile.slugIsPath === true;
    if (!analysis.isValid(key) || typeof slug !== 'string' || isValid(slug, isPath)) return;
    const range = frontmatterEntryRange(article, key);
    if (!range) return;
    const fixed = validPathOrSlug(slug, isPath);
    const edits: TextEdit[] = [];
    const slugEdit = fixed ? setFrontmatterScalar(article, key, fixed) : undefined;
    if (slugEdit) edits.push(slugEdit);
    const redirect = slugEdit ? await analysis.redirect() : undefined;
    const redirectEdit = redirect ? addToFrontmatterList(article, redirect.key, redirect.url, [key]) : undefined;
    if (redirectEdit) edits.push(redirectEdit);
    const title = redirectEdit ? `Change slug to "${fixed}" and redirect from ${redirect!.url} (${redirect!.key})` : `Change slug to "${fixed}"`;
    context.report({
      start: range[0],
      end: range[1],
      message: fixed
        ? `Slug "${slug}" is not lower-case words joined by hyphens; use "${fixed}" (changing a published slug moves the page).`
        : `Slug "${slug}" is not lower-case words joined by hyphens (letters, digits and single hyphens).`,
      fix: slugEdit ? { title, edits, safe: false } : undefined,
    });
  },
});
