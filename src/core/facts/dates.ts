/**
 * Calendar dates as the article format accepts them (docs/rules/frontmatter-schema.md): ISO 8601
 * (`2026-03-03`, `2026-03-03T10:00:00Z`) and English month-name forms (`Nov 22 2025`,
 * `November 22, 2025`, `22 Nov 2025`); for Jekyll, what Ruby's `Time.parse` reads within reason
 * (parseLenientDate). Nothing else: `Date.parse` accepts junk such as "soon 1", so it is never used.
 * Dates are compared as calendar dates, without time zones.
 */
export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

// Every pattern is anchored and has no nested quantifiers: linear time on any input.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?: ?(?:[Zz]|[+-]\d{2}(?::?\d{2})?))?$/;
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)? +([A-Za-z]{3,9})\.?,? +(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return undefined;
  return { year, month, day };
}

/** The calendar date a frontmatter value names, or undefined when it is not a date the format accepts. */
export function parseDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? undefined
      : { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
  }
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const text = value.trim();
  let match = ISO_DATE.exec(text);
  if (match) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = ISO_DATE_TIME.exec(text);
  if (match) {
    const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
    if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
    return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) {
    const month = MONTHS[match[1].toLowerCase()];
    return month ? calendarDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  match = DAY_MONTH_YEAR.exec(text);
  if (match) {
    const month = MONTHS[match[2].toLowerCase()];
    return month ? calendarDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  return undefined;
}

export function isDate(value: unknown): boolean {
  return parseDate(value) !== undefined;
}

const WEEKDAY = '(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?';
// A date first, then the rest (anchored, no nested quantifiers).
const RUBY_NUMERIC_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt]|\s+|$)(.*)$/;
const RUBY_DAY_MONTH = new RegExp(`^(?:${WEEKDAY}\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})(?:\\s+|$)(.*)$`, 'i');
const RUBY_MONTH_DAY = new RegExp(`^(?:${WEEKDAY}\\s+)?([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:\\s+|$)(.*)$`, 'i');
/** What may follow the date: a time (with its zone), a zone, AM/PM, a weekday or a stray number (a repeated year). */
const RUBY_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
/** A zone: `Z`, `UTC`, an offset, or an abbreviation in capitals (`PST`, `CEST`). */
const RUBY_ZONE = /^(?:[Zz]|[Uu][Tt][Cc]|[Gg][Mm][Tt]|[A-Z]{3,5}|[+-]\d{2}(?::?\d{2})?)$/;
const RUBY_OTHER = new RegExp(`^(?:am|pm|a\\.m\\.|p\\.m\\.|\\d{1,4}|${WEEKDAY})$`, 'i');

/**
 * The calendar date of a value as Ruby's `Time.parse` reads it (Jekyll's dates): a date first
 * (`2023-01-29`, `2023/01/29`, `29 Jan 2023`, `Sun, 29 Jan 2023`), then any of a time, a zone,
 * AM/PM, a weekday or a stray number, in any order: `2023-01-29 18:30:22 2023 -0800` is a date.
 * Words it cannot place (`not a date`, `2023-01-29 soon`) make it no date.
 */
export function parseLenientDate(value: unknown): CalendarDate | undefined {
  const strict = parseDate(value);
  if (strict || typeof value !== 'string' || value.length > 64) return strict;
  const text = value.trim();
  let date: CalendarDate | undefined;
  let rest = '';
  let match = RUBY_NUMERIC_DATE.exec(text);
  if (match) {
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    rest = match[4];
  } else if ((match = RUBY_DAY_MONTH.exec(text))) {
    const month = MONTHS[match[2].toLowerCase()];
    date = month ? calendarDate(Number(match[3]), month, Number(match[1])) : undefined;
    rest = match[4];
  } else if ((match = RUBY_MONTH_DAY.exec(text))) {
    const month = MONTHS[match[1].toLowerCase()];
    date = month ? calendarDate(Number(match[3]), month, Number(match[2])) : undefined;
    rest = match[4];
  }
  if (!date) return undefined;
  for (const token of rest.split(/[\s,]+/).filter(Boolean)) {
    const time = RUBY_TIME.exec(token);
    if (time) {
      if (Number(time[1]) > 24 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 60) return undefined;
      continue;
    }
    if (!RUBY_ZONE.test(token) && !RUBY_OTHER.test(token)) return undefined;
  }
  return date;
}

export function isLenientDate(value: unknown): boolean {
  return parseLenientDate(value) !== undefined;
}

/** Negative when a is before b, 0 on the same day, positive after. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
