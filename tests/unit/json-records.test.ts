import { describe, expect, it } from 'vitest';
import { JsonRecordScanner } from '@/utils/leads/json-records';

/** Feeds `text` in pieces of `size` characters and returns the records parsed and the scanner. */
function scan(text: string, size: number) {
  const scanner = new JsonRecordScanner();
  const records: unknown[] = [];
  for (let i = 0; i < text.length; i += size) scanner.push(text.slice(i, i + size), (t) => records.push(JSON.parse(t!)));
  return { records, scanner };
}

const leads = [
  { id: 'a', name: 'Zoë "Z" Ångström', note: 'line\nbreak, {braces} [brackets] \\ backslash \\" quote', tags: ['x', 'y'] },
  'nonsense',
  42,
  null,
  { id: 'b', nested: { deep: [[{ '}': ']' }]] }, emoji: '👩‍💼' },
  [],
];

describe('JsonRecordScanner', () => {
  const backup = JSON.stringify({ app: 'prospect-scout', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', leads, extra: { a: [1, 2] } }, null, 2);

  it.each([1, 2, 3, 7, 64, 100_000])('finds every record of a backup and its header, in pieces of %i characters', (size) => {
    const { records, scanner } = scan(`\uFEFF${backup}\n`, size);
    expect(records).toEqual(leads);
    expect(scanner.header).toEqual({ app: 'prospect-scout', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', extra: { a: [1, 2] } });
    expect(scanner.root).toBe('{');
    expect(scanner.sawLeads).toBe(true);
    expect(scanner.complete).toBe(true);
  });

  it('reads a bare list of leads (the extraction CLI output), compact or indented', () => {
    for (const text of [JSON.stringify(leads), JSON.stringify(leads, null, 4)]) {
      const { records, scanner } = scan(text, 5);
      expect(records).toEqual(leads);
      expect(scanner.root).toBe('[');
    }
  });

  it('reads the header wherever it is, and empty lists', () => {
    const { records, scanner } = scan('{"leads":[],"version":2,"app":"prospect-scout"}', 4);
    expect(records).toEqual([]);
    expect(scanner.header).toEqual({ version: 2, app: 'prospect-scout' });
    expect(scan('{"leads": [{"id":"x"}], "app": "other"}', 3).scanner.header).toEqual({ app: 'other' });
  });

  it('leaves a cut-off file incomplete, with the records read before the cut', () => {
    const { records, scanner } = scan(backup.slice(0, backup.indexOf('nonsense') + 3), 10);
    expect(records).toEqual([leads[0]]);
    expect(scanner.complete).toBe(false);
  });

  it('hands a broken record to the caller (whose JSON.parse rejects it) and goes on', () => {
    const scanner = new JsonRecordScanner();
    const texts: string[] = [];
    scanner.push('[{"id":"a"}, {"id": tru}, {"id":"c"}]', (t) => texts.push(t!));
    expect(texts.map((t) => t.trim())).toEqual(['{"id":"a"}', '{"id": tru}', '{"id":"c"}']);
    expect(() => JSON.parse(texts[1]!)).toThrow();
  });

  it('does not keep a record over the size limit, and refuses a huge header value', () => {
    const scanner = new JsonRecordScanner({ recordChars: 50, headerChars: 50 });
    const got: Array<string | undefined> = [];
    const text = JSON.stringify({ app: 'prospect-scout', leads: [{ id: 'a' }, { id: 'b', note: 'x'.repeat(500) }, { id: 'c' }] });
    for (let i = 0; i < text.length; i += 20) scanner.push(text.slice(i, i + 20), (t) => got.push(t));
    expect(got.map((t) => (t === undefined ? undefined : JSON.parse(t).id))).toEqual(['a', undefined, 'c']);
    const big = new JsonRecordScanner({ headerChars: 50 });
    const huge = JSON.stringify({ blob: 'y'.repeat(500), leads: [] });
    expect(() => {
      for (let i = 0; i < huge.length; i += 20) big.push(huge.slice(i, i + 20), () => {});
    }).toThrow(/"blob" value is over 50 characters/);
  });

  it('refuses what is not a JSON object or array', () => {
    expect(() => new JsonRecordScanner().push('hello', () => {})).toThrow(/does not start/);
    expect(() => new JsonRecordScanner().push('{"app": nope}', () => {})).toThrow();
    expect(() => new JsonRecordScanner().push('[1] [2]', () => {})).toThrow(/after the end/);
  });
});
