/**
 * How the bench hands the `editor` section's work to bench/vscode/typing.ts in the VS Code extension
 * host: environment variables, which the host inherits from the VS Code server. No vscode import:
 * the bench process reads these too.
 */
/** The file the figures are written to (JSON). */
export const EDITOR_OUT_ENV = 'ARTICLE_AUTHORING_BENCH_EDITOR';
/** The folder holding seed.md and large.md, the articles typed in. */
export const EDITOR_ARTICLES_ENV = 'ARTICLE_AUTHORING_BENCH_EDITOR_ARTICLES';
/** Edits per article (each a typed character and its removal: two versions timed). */
export const EDITOR_EDITS_ENV = 'ARTICLE_AUTHORING_BENCH_EDITOR_EDITS';
/** Optional: a path prefix; the host's CPU profile while indexing and while typing is written to <prefix>-index.cpuprofile and <prefix>-typing.cpuprofile. */
export const EDITOR_PROFILE_ENV = 'ARTICLE_AUTHORING_BENCH_EDITOR_PROFILE';
