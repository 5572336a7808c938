/**
 * The Markdown file extensions as the editor needs them before the engine is loaded (document
 * selectors, file searches and watchers); a unit test checks them against the engine's own list.
 */

/** The extensions some generator reads beyond `.md`, `.mdx` and `.markdown` (Jekyll's). */
export const RARE_MARKDOWN_EXTENSIONS = ['mkdown', 'mkdn', 'mkd'] as const;

export const MARKDOWN_EXTENSIONS = ['md', 'mdx', 'markdown', ...RARE_MARKDOWN_EXTENSIONS] as const;

/** A path with one of the extensions, in any case. */
export const MARKDOWN_FILE = new RegExp(`\\.(${MARKDOWN_EXTENSIONS.join('|')})$`, 'i');

/** Every Markdown file, for the workspace's file searches and watchers. */
export const MARKDOWN_GLOB = `**/*.{${MARKDOWN_EXTENSIONS.join(',')}}`;

/** The same in lower, upper and capitalised case, for a search that must find `POST.MD` too. */
export const MARKDOWN_GLOB_ANY_CASE = `**/*.{${MARKDOWN_EXTENSIONS.flatMap((name) => [name, name.toUpperCase(), name[0].toUpperCase() + name.slice(1)]).join(',')}}`;
