import * as assert from 'node:assert/strict';
import { compareDates, parseDate } from '../../../src/core/facts/dates';

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

  it('compares calendar dates without time zones', () => {
    assert.equal(compareDates(parseDate('2025-11-21T23:00:00-05:00')!, parseDate('Nov 22 2025')!) < 0, true);
    assert.equal(compareDates(parseDate('22 Nov 2025')!, parseDate('November 22, 2025')!), 0);
  });
});
