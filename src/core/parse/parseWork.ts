/**
 * How much parsing work has been done in this process: tests read it to prove what was and was not
 * reused. Counts only; nothing is remembered of any text.
 */
export const parseWork = {
  /** Characters of body text that markdown-it parsed. */
  bodyCharacters: 0,
  /** Frontmatter blocks read (split and parsed). */
  frontmatterBlocks: 0,
  /** Characters whose words were counted. */
  wordCountCharacters: 0,
};
