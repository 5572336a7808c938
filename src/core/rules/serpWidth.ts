/** Shared by serp-title-truncated and serp-description-truncated: a field's width against a result's box. */
import type { FieldValue } from '../facts/searchFields';
import { cutToWidth, formatPx, type SerpBox } from '../text/arialWidths';
import type { RuleContext } from './rule';
import { measureLength, numberOption } from './util';

/** The width as shown against a limit: whole pixels, unless rounding would bring it down to the limit (600.3 px is not "600 px"). */
function pxOver(width: number, limit: number): string {
  return Math.round(width) > limit ? formatPx(width) : `${(Math.ceil(width * 10) / 10).toFixed(1)} px`;
}

/**
 * Reports a field cut in a desktop result, unless its character-count rule (`lengthRule`) already
 * reports it as too long: one finding per defect.
 */
export function reportTruncation(context: RuleContext, field: FieldValue | undefined, label: string, box: SerpBox, lengthRule: string): void {
  if (!field) return;
  const maxWidth = numberOption(context, 'maxWidth', box.maxWidth);
  const cut = cutToWidth(field.value, { fontPx: box.fontPx, maxWidth });
  if (!cut.truncated) return;
  const length = context.analysis.config.rules[lengthRule];
  const maxLength = length?.options.max;
  if (length && length.severity !== 'off' && typeof maxLength === 'number') {
    const measure = measureLength(field.value, 0, maxLength, box.fontPx);
    if (measure.size > measure.max) return;
  }
  // The range needs the YAML document: looked up only for a finding.
  const range = field.entry ?? field.range;
  if (!range) return;
  const shown = cut.text.slice(0, -1);
  // The last words shown (at most 4, and 40 characters), so the author sees where the cut falls.
  const lastWords = shown.split(' ').slice(-4).join(' ');
  const tail = lastWords.length > 40 ? `…${lastWords.slice(-40)}` : lastWords.length < shown.length ? `…${lastWords}` : lastWords;
  context.report({
    start: range[0],
    end: range[1],
    message:
      `${label} is ${pxOver(cut.width, maxWidth)} wide in Arial ${box.fontPx} px; desktop results show about ${formatPx(maxWidth)}, ` +
      `so it is cut after "${tail}" (${[...shown].length} characters shown).`,
  });
}
