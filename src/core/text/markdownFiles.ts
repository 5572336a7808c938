/** Which files are Markdown: the extensions the supported generators read, in one place. */

/** The extensions every generator reads. */
export const MARKDOWN_EXTENSIONS = ['.md', '.mdx', '.markdown'] as const;

/** Every extension some generator reads (Jekyll also reads `.mkdown`, `.mkdn` and `.mkd`). */
export const ALL_MARKDOWN_EXTENSIONS = [...MARKDOWN_EXTENSIONS, '.mkdown', '.mkdn', '.mkd'] as const;

/** A path that ends in one of ALL_MARKDOWN_EXTENSIONS, in any case. */
export const MARKDOWN_FILE = /\.(md|mdx|markdown|mkdown|mkdn|mkd)$/i;

export function isMarkdownFile(path: string): boolean {
  return MARKDOWN_FILE.test(path);
}

/**
 * A glob of every Markdown file for file searches, which match case exactly: each extension in
 * lower case, upper case and capitalised (`md`, `MD`, `Md`).
 */
export const MARKDOWN_GLOB_ANY_CASE = `**/*.{${ALL_MARKDOWN_EXTENSIONS.flatMap((extension) => {
  const name = extension.slice(1);
  return [name, name.toUpperCase(), name[0].toUpperCase() + name.slice(1)];
}).join(',')}}`;
