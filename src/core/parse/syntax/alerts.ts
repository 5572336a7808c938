/**
 * GitHub alerts: a blockquote whose first line is only `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` becomes `alert_open` … `alert_close` (`meta.kind`), its content the
 * rest of the quote. A core rule after the block parse, as GitHub's own renderer works; unlike the
 * published plugins, it moves the first paragraph's line map past the marker line (so every image in
 * the alert keeps its exact position) and pairs each opening with its own closing in nested quotes.
 */
import type MarkdownIt from 'markdown-it';

type MarkdownParser = ReturnType<typeof MarkdownIt>;
type StateCore = MarkdownIt.StateCore;

const ALERT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

function githubAlerts(state: StateCore): void {
  const tokens = state.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const open = tokens[index];
    if (open.type !== 'blockquote_open') continue;
    const paragraph = tokens[index + 1];
    const inline = tokens[index + 2];
    if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const match = MARKER.exec(inline.content);
    if (!match) continue;
    let close = index + 1;
    while (close < tokens.length && !(tokens[close].type === 'blockquote_close' && tokens[close].level === open.level)) close++;
    if (close >= tokens.length) continue;
    open.type = 'alert_open';
    open.tag = 'div';
    open.meta = { kind: match[1].toLowerCase() as AlertKind };
    tokens[close].type = 'alert_close';
    tokens[close].tag = 'div';
    const rest = inline.content.slice(match[0].length);
    if (rest.trim() === '') {
      // The marker was the whole paragraph: it goes.
      tokens.splice(index + 1, 3);
    } else {
      inline.content = rest;
      if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
      if (paragraph.map) paragraph.map = [paragraph.map[0] + 1, paragraph.map[1]];
    }
  }
}

/** The markdown-it plugin. */
export function alerts(md: MarkdownParser): void {
  md.core.ruler.after('block', 'github_alerts', githubAlerts);
}
