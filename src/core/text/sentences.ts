/**
 * Where sentences start in a paragraph, by Unicode's sentence boundary rules (UAX #29), as the
 * runtime's ICU segmentation (`Intl.Segmenter`) finds them.
 *
 * ICU's segmenter costs a call and an object per sentence, about as much as parsing the Markdown
 * around it. Most English prose uses only Latin-1 and a few typographic marks, where the rules are
 * short: those paragraphs are split here in one scan, and any other paragraph goes to ICU. A property
 * test (test/unit/text/sentences.test.ts) checks the scan against ICU on generated text.
 */

/** UAX #29 Sentence_Break classes of the characters the scan knows. */
const enum SB {
  Other,
  CR,
  LF,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

/** Classes of U+0000–U+00FF; -1: not handled by the scan (controls, NEL, soft hyphen). */
const LATIN1 = new Int8Array(256).fill(SB.Other);
for (let code = 0; code < 0x20; code++) LATIN1[code] = -1;
for (let code = 0x7f; code < 0xa0; code++) LATIN1[code] = -1;
LATIN1[0xad] = -1;
LATIN1[0x09] = SB.Sp;
LATIN1[0x0a] = SB.LF;
LATIN1[0x0d] = SB.CR;
LATIN1[0x20] = SB.Sp;
LATIN1[0xa0] = SB.Sp;
for (let code = 0x30; code <= 0x39; code++) LATIN1[code] = SB.Numeric;
for (let code = 0x41; code <= 0x5a; code++) LATIN1[code] = SB.Upper;
for (let code = 0x61; code <= 0x7a; code++) LATIN1[code] = SB.Lower;
for (let code = 0xc0; code <= 0xde; code++) LATIN1[code] = code === 0xd7 ? SB.Other : SB.Upper;
for (let code = 0xdf; code <= 0xff; code++) LATIN1[code] = code === 0xf7 ? SB.Other : SB.Lower;
for (const code of [0xaa, 0xb5, 0xba]) LATIN1[code] = SB.Lower;
LATIN1[0x2e] = SB.ATerm;
for (const char of '!?') LATIN1[char.charCodeAt(0)] = SB.STerm;
for (const char of '"\'()[]{}\u00ab\u00bb') LATIN1[char.charCodeAt(0)] = SB.Close;
for (const char of ',-:;') LATIN1[char.charCodeAt(0)] = SB.SContinue;

/** The class of a character, or -1 when the scan leaves the paragraph to ICU. */
function classOf(code: number): number {
  if (code < 0x100) return LATIN1[code];
  switch (code) {
    case 0x2018: // ‘ ’ “ ”
    case 0x2019:
    case 0x201c:
    case 0x201d:
      return SB.Close;
    case 0x2013: // – —
    case 0x2014:
      return SB.SContinue;
    case 0x2026: // …
      return SB.Other;
    default:
      return -1;
  }
}

/** A character the scan does not know (classOf gives -1): the complement of what it classifies. */
const OUTSIDE_SCAN = /[^\t\n\r\x20-\x7e\xa0-\xac\xae-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/;
/** Where a sentence may end: a terminator or a line break (everything between is skipped at once). */
const BREAK_CANDIDATE = /[.!?\r\n]/g;

/** The class at an offset of scannable text; -2 past its end. */
function classAt(text: string, index: number): number {
  return index < text.length ? classOf(text.charCodeAt(index)) : -2;
}

const isParaSep = (sb: number): boolean => sb === SB.CR || sb === SB.LF;
const isLetter = (sb: number): boolean => sb === SB.Lower || sb === SB.Upper;

/**
 * Sentence start offsets (the first is 0) by the scan, or undefined when the text has a character
 * the scan leaves to ICU. Empty text has no sentence.
 */
export function scanSentenceStarts(text: string): number[] | undefined {
  if (OUTSIDE_SCAN.test(text)) return undefined;
  const length = text.length;
  const starts: number[] = length > 0 ? [0] : [];
  let index = 0;
  while (index < length) {
    // Only terminators and line breaks can end a sentence: jump to the next one.
    BREAK_CANDIDATE.lastIndex = index;
    if (!BREAK_CANDIDATE.test(text)) break;
    index = BREAK_CANDIDATE.lastIndex - 1;
    const sb = classAt(text, index);
    if (isParaSep(sb)) {
      // SB3, SB4: CR × LF; a paragraph separator ends the sentence.
      index += sb === SB.CR && classAt(text, index + 1) === SB.LF ? 2 : 1;
      if (index < length) starts.push(index);
      continue;
    }
    const next = classAt(text, index + 1);
    if (sb === SB.ATerm) {
      // SB6: "3.5"; SB7: "U.S".
      if (next === SB.Numeric) {
        index++;
        continue;
      }
      if (next === SB.Upper && index > 0 && isLetter(classAt(text, index - 1))) {
        index++;
        continue;
      }
    }
    // SB9, SB10: the terminator takes its closing punctuation, then its spaces.
    let end = index + 1;
    while (end < length && classAt(text, end) === SB.Close) end++;
    while (end < length && classAt(text, end) === SB.Sp) end++;
    if (end >= length) break;
    const after = classAt(text, end);
    if (isParaSep(after)) {
      // SB11 after the separator (and CR LF as one).
      end += after === SB.CR && classAt(text, end + 1) === SB.LF ? 2 : 1;
      if (end < length) starts.push(end);
      index = end;
      continue;
    }
    // SB8a: a comma, colon, dash or another terminator continues the sentence.
    if (after === SB.SContinue || after === SB.ATerm || after === SB.STerm) {
      index = end;
      continue;
    }
    // SB8: after a period, a lower-case letter before any letter, separator or terminator continues it.
    if (sb === SB.ATerm) {
      let look = end;
      while (look < length) {
        const sbLook = classAt(text, look);
        if (isLetter(sbLook) || isParaSep(sbLook) || sbLook === SB.ATerm || sbLook === SB.STerm) break;
        look++;
      }
      if (look < length && classAt(text, look) === SB.Lower) {
        index = end;
        continue;
      }
    }
    starts.push(end);
    index = end;
  }
  return starts;
}

let segmenter: Intl.Segmenter | undefined;

/** Sentence start offsets by ICU. */
export function icuSentenceStarts(text: string): number[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const starts: number[] = [];
  for (const segment of segmenter.segment(text)) starts.push(segment.index);
  return starts;
}

/** Latin-1's letters (`\p{L}`; Latin-1 has no marks): 1, else 0. */
const LETTER = Uint8Array.from(LATIN1, (sb) => (isLetter(sb) ? 1 : 0));

/** Lower case of a Latin-1 letter (A–Z, À–Þ but ×), as toLowerCase gives it; any other code as it is. */
export function latinLower(code: number): number {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7) ? code + 32 : code;
}

/** FNV-1a, 32 bits: the start value and one step (callers fold in each code unit). */
export const FNV_START = 0x811c9dc5;
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * The words of `text[from, to)` as `\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*` finds them, for text the scan
 * accepted (scanSentenceStarts gave starts): `word(start, end, hash)` for each, in order, with the
 * FNV-1a hash of the word lower-cased (latinLower), made in the same pass. The letter test is
 * written out in the loops: as a function call it made the scan twice as slow.
 */
export function forEachScannedWord(text: string, from: number, to: number, word: (start: number, end: number, hash: number) => void): void {
  let index = from;
  while (index < to) {
    let code = text.charCodeAt(index);
    if (code >= 0x100 || LETTER[code] === 0) {
      index++;
      continue;
    }
    const start = index;
    let hash = fnvStep(FNV_START, latinLower(code));
    index++;
    while (index < to) {
      code = text.charCodeAt(index);
      if (code < 0x100 && LETTER[code] === 1) {
        hash = fnvStep(hash, latinLower(code));
        index++;
      } else if ((code === 0x27 || code === 0x2019) && index + 1 < to) {
        // An apostrophe inside a word: "it's", "owner’s".
        const after = text.charCodeAt(index + 1);
        if (after < 0x100 && LETTER[after] === 1) {
          hash = fnvStep(fnvStep(hash, code), latinLower(after));
          index += 2;
        } else break;
      } else break;
    }
    word(start, index, hash);
  }
}
