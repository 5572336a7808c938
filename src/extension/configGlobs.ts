// No vscode import: a unit test checks these globs, with core's site files, against what reading a site looks for.

/**
 * The tool's own files whose change can change any article's findings: its configuration and the
 * schemas it names. A site's own files (its generator's configuration, layouts, archetypes, content
 * configuration) come from core's site profiles (siteWatchGlobs), once the engine is loaded.
 */
export const CONFIG_GLOBS: readonly string[] = ['**/.article-lint.json', '**/*.schema.json'];

/** At most this many files are watched by their own path (see ConfigurationWatcher.fileLookedUp). */
export const MAX_FILES_WATCHED_BY_PATH = 256;
