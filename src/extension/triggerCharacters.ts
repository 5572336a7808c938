/**
 * The characters that open completion, registered at activation: before the engine is loaded (it
 * loads lazily, see ./engine), so this adapter keeps its own copy of the engine's lists
 * (COMPLETION_TRIGGER_CHARACTERS, LINK_TRIGGER_CHARACTERS); test/unit/extension/triggerCharacters.test.ts
 * holds them equal.
 */

/** `*` starts bold keywords in the body; `:`, `[`, `,` and `"` start frontmatter values. */
export const COMPLETION_TRIGGER_CHARACTERS: readonly string[] = ['*', ':', '[', ',', '"'];

/** `](` starts a link's target, `/` a route, `#` a heading. */
export const LINK_TRIGGER_CHARACTERS: readonly string[] = ['(', '/', '#'];
