import * as assert from 'node:assert/strict';
import { compareDates, parseDate, parseLenientDate } from '../../../src/core/facts/dates';

describe('dates', () => {
  const accepted: [string, string][] = [
    ['2026-03-03', '2026-3-3'],
    ['2026-03-03T10:00:00Z', '2026-3-3'],
    ['2026-03-03T23:30:00-05:00', '2026-3-3'],
    ['2026-03-03 10:00', '2026-3-3'],
    ['Nov 22 2025', '2025-11-22'],
    ['November 22, 2025', '2025-11-22'],
    ['22 Nov 2025', '2025-11-22'],
    ['Mar 03 2026', '2026-3-3'],
    ['sept 9 2024', '2024-9-9'],
    ['2024-02-29', '2024-2-29'],
  ];
  for (const [text, date] of accepted) {
    it(`reads "${text}"`, () => {
      const parsed = parseDate(text);
      assert.ok(parsed, text);
      assert.equal(`${parsed.year}-${parsed.month}-${parsed.day}`, date.replace(/-0/g, '-'));
    });
  }

  for (const junk of ['sometime soon', 'soon 1', '1', '2026', '2026-13-01', '2025-02-29', 'Nov 31 2025', 'Foo 3 2026', '03/03/2026', '', 'Mar 3', 'x'.repeat(10000)]) {
    it(`rejects ${JSON.stringify(junk.slice(0, 20))} (Date.parse would accept some)`, () => {
      assert.equal(parseDate(junk), undefined);
    });
  }

  describe('as Ruby’s Time.parse reads them (Jekyll)', () => {
    const lenient: [string, string][] = [
      ['2023-01-29 18:30:22 2023 -0800', '2023-1-29'],
      ['2023-01-29 18:30:22 -0800', '2023-1-29'],
      ['2023-01-29 18:30 PST', '2023-1-29'],
      ['2023/01/29 6:30 pm', '2023-1-29'],
      ['2023-1-9', '2023-1-9'],
      ['Sun, 29 Jan 2023 18:30:22 +0000', '2023-1-29'],
      ['January 29, 2023 at', ''],
      ['2023-01-29T18:30:22.123+01:00', '2023-1-29'],
      ['Nov 22 2025', '2025-11-22'],
    ];
    for (const [text, date] of lenient) {
      it(`${date ? 'reads' : 'rejects'} "${text}"`, () => {
        const parsed = parseLenientDate(text);
        assert.equal(parsed ? `${parsed.year}-${parsed.month}-${parsed.day}` : '', date);
      });
    }
    for (const junk of ['not a date', '2023-01-29 soon', '2023-02-30 10:00', '2023-01-29 25:00', 'sometime 2023', '29/01/2023', '']) {
      it(`rejects ${JSON.stringify(junk)}`, () => assert.equal(parseLenientDate(junk), undefined));
    }
    it('is never slower than linear: a long run of digits and blanks', () => {
      assert.equal(parseLenientDate(`2023-01-29 ${'1 '.repeat(5000)}x`), undefined);
    });
  });

  it('compares calendar dates without time zones', () => {
    assert.equal(compareDates(parseDate('2025-11-21T23:00:00-05:00')!, parseDate('Nov 22 2025')!) < 0, true);
    assert.equal(compareDates(parseDate('22 Nov 2025')!, parseDate('November 22, 2025')!), 0);
  });
});
