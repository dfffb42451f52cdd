import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromSqlDate, isoFromSqlTimestamp, toSqlDate } from '../../src/db/sql-dates';
import { DateTime } from '../../src/graphql/date-time';

// Every millisecond from year 1000 to 9999: what TypeORM and our writes store.
const moment = fc.date({
  min: new Date('1000-01-01T00:00:00.000Z'),
  max: new Date('9999-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('timestamps read as SQL text', () => {
  it('are answered as the ISO text Date.toISOString() gives, without making a Date', () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 999 }), (date, micros) => {
        const iso = date.toISOString();
        // SQLite's text, PostgreSQL's through our type parser (microseconds), and ISO itself.
        const forms = [toSqlDate(date), `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`, iso];
        for (const form of forms) {
          expect(isoFromSqlTimestamp(form)).toBe(iso);
          expect(isoFromSqlTimestamp(form)).toBe(fromSqlDate(form)!.toISOString());
          expect(DateTime.serialize(form)).toBe(iso);
        }
        expect(DateTime.serialize(date)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('takes whole seconds and short fractions as Date parsing does', () => {
    for (const text of [
      '2024-02-29 10:11:12',
      '2024-02-29 10:11:12.5',
      '2024-02-29T10:11:12.05Z',
      '2024-02-29 23:59:59.9999',
    ]) {
      expect(isoFromSqlTimestamp(text)).toBe(fromSqlDate(text)!.toISOString());
    }
  });

  it('leaves any other text to graphql-scalars, which refuses what is not a date-time', () => {
    for (const text of [
      '2024-13-01 00:00:00',
      '2024-01-01 24:00:00',
      '2024-01-01',
      'yesterday',
      '2024-01-01T10:00:00+02:00',
    ]) {
      expect(isoFromSqlTimestamp(text)).toBeNull();
    }
    expect(DateTime.serialize('2024-01-01T10:00:00+02:00')).toBe('2024-01-01T08:00:00.000Z');
    expect(() => DateTime.serialize('yesterday')).toThrow();
  });
});
