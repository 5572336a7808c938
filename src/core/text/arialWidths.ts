/**
 * Text widths as a browser lays text out in Arial: each character's advance width from the font's
 * published metrics (the `hmtx` table of Arial Regular, 2048 units per em), times the font size.
 * Search engines cut titles and descriptions by width, not by characters: 60 `W`s do not fit in a
 * desktop result, 70 `i`s do. Characters outside the table count as wide as `M`. Kerning is not
 * applied (browsers do not kern Arial's Latin text by default at these sizes).
 */

const UNITS_PER_EM = 2048;

/** U+0020 (space) to U+007E (`~`). */
const ASCII = [
  569, 569, 727, 1139, 1139, 1821, 1366, 391, 682, 682, 797, 1196, 569, 682, 569, 569, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1139,
  1139, 1139, 569, 569, 1196, 1196, 1196, 1139, 2079, 1366, 1366, 1479, 1479, 1366, 1251, 1593, 1479, 569, 1024, 1366, 1139, 1706, 1479,
  1593, 1366, 1593, 1479, 1366, 1251, 1479, 1366, 1933, 1366, 1366, 1251, 569, 569, 569, 961, 1139, 682, 1139, 1139, 1024, 1139, 1139, 569,
  1139, 1139, 455, 455, 1024, 455, 1706, 1139, 1139, 1139, 1139, 682, 1024, 569, 1139, 1024, 1479, 1024, 1024, 1024, 684, 532, 684, 1196,
];

/** U+00A0 (no-break space) to U+00FF (`ÿ`): Latin-1 punctuation and accented letters. */
const LATIN_1 = [
  569, 682, 1139, 1139, 1139, 1139, 532, 1139, 682, 1509, 758, 1139, 1196, 682, 1509, 1131, 819, 1124, 682, 682, 682, 1180, 1100, 569,
  682, 682, 748, 1139, 1708, 1708, 1708, 1251, 1366, 1366, 1366, 1366, 1366, 1366, 2048, 1479, 1366, 1366, 1366, 1366, 569, 569, 569, 569,
  1479, 1479, 1593, 1593, 1593, 1593, 1593, 1196, 1593, 1479, 1479, 1479, 1479, 1366, 1366, 1251, 1139, 1139, 1139, 1139, 1139, 1139,
  1821, 1024, 1139, 1139, 1139, 1139, 569, 569, 569, 569, 1139, 1139, 1139, 1139, 1139, 1139, 1139, 1124, 1251, 1139, 1139, 1139, 1139,
  1024, 1139, 1024,
];

/** U+0100 (`Ā`) to U+017F (`ſ`): Latin Extended-A (Central European letters: ć, ł, ő, š, ž…). */
const LATIN_EXTENDED_A = [
  1366, 1139, 1366, 1139, 1366, 1139, 1479, 1024, 1479, 1024, 1479, 1024, 1479, 1024, 1479, 1259, 1479, 1139, 1366, 1139, 1366, 1139,
  1366, 1139, 1366, 1139, 1366, 1139, 1593, 1139, 1593, 1139, 1593, 1139, 1593, 1139, 1479, 1139, 1479, 1139, 569, 569, 569, 569, 569,
  569, 569, 455, 569, 569, 1505, 909, 1024, 455, 1366, 1024, 1024, 1139, 455, 1139, 455, 1139, 597, 1139, 684, 1139, 455, 1479, 1139,
  1479, 1139, 1479, 1139, 1237, 1481, 1139, 1593, 1139, 1593, 1139, 1593, 1139, 2048, 1933, 1479, 682, 1479, 682, 1479, 682, 1366, 1024,
  1366, 1024, 1366, 1024, 1366, 1024, 1251, 569, 1251, 768, 1251, 569, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479, 1139, 1479,
  1139, 1933, 1479, 1366, 1024, 1366, 1251, 1024, 1251, 1024, 1251, 1024, 455,
];

/** General punctuation and a few symbols that titles use. */
const OTHERS: ReadonlyArray<readonly [number, number]> = [
  [0x2010, 682], // hyphen
  [0x2011, 682], // non-breaking hyphen
  [0x2013, 1139], // en dash
  [0x2014, 2048], // em dash
  [0x2015, 2048], // horizontal bar
  [0x2017, 1131], // double low line
  [0x2018, 455], // ‘
  [0x2019, 455], // ’
  [0x201a, 455], // ‚
  [0x201b, 455], // ‛
  [0x201c, 682], // “
  [0x201d, 682], // ”
  [0x201e, 682], // „
  [0x2020, 1139], // †
  [0x2021, 1139], // ‡
  [0x2022, 717], // •
  [0x2026, 2048], // …
  [0x2030, 2048], // ‰
  [0x2032, 384], // ′
  [0x2033, 725], // ″
  [0x2039, 682], // ‹
  [0x203a, 682], // ›
  [0x20ac, 1139], // €
  [0x2122, 2048], // ™
  [0x2190, 2048], // ←
  [0x2192, 2048], // →
  [0x2212, 1196], // minus
];

const table = new Map<number, number>();
ASCII.forEach((width, index) => table.set(0x20 + index, width));
LATIN_1.forEach((width, index) => table.set(0xa0 + index, width));
LATIN_EXTENDED_A.forEach((width, index) => table.set(0x100 + index, width));
for (const [code, width] of OTHERS) table.set(code, width);

const M_WIDTH = ASCII[0x4d - 0x20];

/** A character's advance width in font units (2048 per em); characters outside the table as `M`. */
export function advanceUnits(codePoint: number): number {
  // Line breaks and tabs lay out as a space in a one-line title or description.
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return ASCII[0];
  return table.get(codePoint) ?? M_WIDTH;
}

/** The width of a text in Arial at `fontPx` pixels, unrounded. */
export function textWidth(text: string, fontPx: number): number {
  let units = 0;
  for (const character of text) units += advanceUnits(character.codePointAt(0)!);
  return (units * fontPx) / UNITS_PER_EM;
}

/** A place where search results show text: its font size and the width they show of it. */
export interface SerpBox {
  fontPx: number;
  maxWidth: number;
}

/** Desktop results: titles in Arial 20 px, about 600 px of them; descriptions in Arial 14 px, about 920 px. */
export const DESKTOP_TITLE: SerpBox = { fontPx: 20, maxWidth: 600 };
export const DESKTOP_DESCRIPTION: SerpBox = { fontPx: 14, maxWidth: 920 };
/** Mobile results wrap the title over two lines (about 920 px of it) and show about 680 px of description. */
export const MOBILE_TITLE: SerpBox = { fontPx: 20, maxWidth: 920 };
export const MOBILE_DESCRIPTION: SerpBox = { fontPx: 14, maxWidth: 680 };

export interface WidthCut {
  /** The text as shown: whole when it fits, else cut on a word and ended with "…". */
  text: string;
  truncated: boolean;
  /** The whole text's width, in px (rounded to a tenth). */
  width: number;
  maxWidth: number;
  /** Where the shown text stops in the input (in UTF-16 units, white space collapsed): its length when it fits. */
  cutAt: number;
}

/**
 * Cuts a text where a search result would: the longest run of whole words that fits in `maxWidth`
 * together with the "…" that follows it (a single word wider than the box is cut inside the word).
 * White space runs are collapsed to one space first, as HTML shows them.
 */
export function cutToWidth(input: string, box: SerpBox): WidthCut {
  const text = input.replace(/\s+/g, ' ').trim();
  const width = Math.round(textWidth(text, box.fontPx) * 10) / 10;
  if (textWidth(text, box.fontPx) <= box.maxWidth) return { text, truncated: false, width, maxWidth: box.maxWidth, cutAt: text.length };
  const budget = box.maxWidth - textWidth('…', box.fontPx);
  // The longest prefix (in whole characters) that fits with the ellipsis.
  let units = 0;
  let fits = 0;
  const unitBudget = (budget * UNITS_PER_EM) / box.fontPx;
  for (const character of text) {
    units += advanceUnits(character.codePointAt(0)!);
    if (units > unitBudget) break;
    fits += character.length;
  }
  let cut = text.slice(0, fits);
  if (text[fits] !== ' ') {
    const lastSpace = cut.lastIndexOf(' ');
    // A word longer than a third of the box is cut inside, as search engines do.
    if (lastSpace > fits / 3) cut = cut.slice(0, lastSpace);
  }
  cut = cut.replace(/[\s,;:.\-–—(]+$/u, '');
  return { text: `${cut}…`, truncated: true, width, maxWidth: box.maxWidth, cutAt: cut.length };
}

/** A width for messages: "612 px". */
export function formatPx(width: number): string {
  return `${Math.round(width)} px`;
}

/** Chinese, Japanese and Korean letters (Han, kana, Hangul): text with them is measured by its width, not its characters. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/**
 * The average advance of a character of English text in Arial, in em (spaces and capitals included;
 * 0.46 over typical titles): a band in characters times this is the same band in width.
 */
export const LATIN_CHARACTER_EM = 0.46;

