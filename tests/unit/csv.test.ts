import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { DEFAULT_COLUMNS, exportFileName, neutraliseFormula, quoteField, toCsv } from '@/utils/export/csv';
import { makeLead } from './helpers';

/** Minimal RFC 4180 reader, so tests check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

const column = (header: string) => DEFAULT_COLUMNS.findIndex((c) => c.header === header);

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, ends rows with CRLF and writes a header', () => {
    const csv = toCsv([makeLead({ name: 'Jane Doe', emails: ['jane@acme.example'] })]);
    expect(csv.startsWith('\uFEFFFull Name,First Name,Last Name,Job Title,Company,Email,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]![column('Email')]).toBe('jane@acme.example');
    expect(rows[1]![column('First Name')]).toBe('Jane');
  });

  it('quotes commas, quotes and line breaks and reads back the same values', () => {
    const lead = makeLead({ name: 'Doe, Jane "JD"', company: 'Acme,\r\nInc', note: 'line1\nline2', tags: ['a,b', 'c'] });
    const rows = parseCsv(toCsv([lead], { bom: false }));
    expect(rows[1]![column('Full Name')]).toBe('Doe, Jane "JD"');
    expect(rows[1]![column('Company')]).toBe('Acme,\r\nInc');
    expect(rows[1]![column('Note')]).toBe('line1\nline2');
    expect(rows[1]![column('Tags')]).toBe('a,b; c');
  });

  it('keeps unicode intact', () => {
    const rows = parseCsv(toCsv([makeLead({ name: 'Jürgen Müller 山田太郎 👩‍💼', company: 'Société Générale' })], { bom: false }));
    expect(rows[1]![column('Full Name')]).toBe('Jürgen Müller 山田太郎 👩‍💼');
    expect(rows[1]![column('Company')]).toBe('Société Générale');
  });

  it('neutralises formulas in every column, including later lines of a multi-line field', () => {
    const lead = makeLead({ name: '=HYPERLINK("http://evil.example","x")', company: '@SUM(A1)', title: '-2+3', note: 'fine\n=cmd|" /C calc"!A0\r\n+1' });
    const rows = parseCsv(toCsv([lead], { bom: false }));
    expect(rows[1]![column('Full Name')]).toBe('\'=HYPERLINK("http://evil.example","x")');
    expect(rows[1]![column('Company')]).toBe("'@SUM(A1)");
    expect(rows[1]![column('Job Title')]).toBe("'-2+3");
    expect(rows[1]![column('Note')]).toBe('fine\n\'=cmd|" /C calc"!A0\r\n\'+1');
    // E.164 phones start with + and are made inert too
    const phoneRows = parseCsv(toCsv([makeLead({ phones: ['+14155550100'] })], { bom: false }));
    expect(phoneRows[1]![column('Phone')]).toBe("'+14155550100");
  });

  it('can turn off BOM and neutralisation and use another delimiter', () => {
    const csv = toCsv([makeLead({ name: '=1+1' })], { bom: false, neutraliseFormulas: false, delimiter: ';', columns: [DEFAULT_COLUMNS[0]!] });
    expect(csv).toBe('Full Name\r\n=1+1\r\n');
  });

  it('writes only the header for no leads', () => {
    expect(parseCsv(toCsv([], { bom: false }))).toEqual([DEFAULT_COLUMNS.map((c) => c.header)]);
  });
});

describe('field helpers', () => {
  it('neutraliseFormula covers = + - @ tab and CR', () => {
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@x')).toBe("'@x");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\r=x')).toBe("'\r'=x");
    expect(neutraliseFormula('a\r@x')).toBe("a\r'@x");
    expect(neutraliseFormula('safe - text')).toBe('safe - text');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quoteField quotes only when needed', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a"b')).toBe('"a""b"');
    // Every separator a spreadsheet might guess is quoted, whatever the file's own.
    for (const v of ['a;b', 'a,b', 'a\tb', 'a\nb', 'a\rb']) expect(quoteField(v)).toBe(`"${v}"`);
  });

  it('names export files by tag and date', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(exportFileName('csv', '', now)).toBe('prospect-scout-2026-11-23.csv');
    expect(exportFileName('csv', 'Web Summit / Día 2', now)).toBe('prospect-scout-web-summit-dia-2-2026-11-23.csv');
  });
});

describe('CSV in ; and tab separated locales (issue 6 item 11), read back with papaparse', () => {
  const hostile = makeLead({
    name: 'Acme;=7*6',
    title: 'CEO,=HYPERLINK("http://evil.example")',
    company: 'Tab\t@SUM(A1)',
    location: '＝1+1',
    note: 'ok; +cmd|calc\n－2; ＠x, ＋y',
    tags: ['a;=b', '-c'],
  });
  const fields = ['Acme;=7*6', 'CEO,=HYPERLINK("http://evil.example")', 'Tab\t@SUM(A1)', '＝1+1', 'ok; +cmd|calc\n－2; ＠x, ＋y'];
  const FORMULA = /^[=+\-@＝＋－＠]/;

  it.each([',', ';'] as const)('with %j every field reads back as one cell, and no cell or piece starts a formula', (delimiter) => {
    const csv = toCsv([hostile], { delimiter, bom: false });
    for (const sep of [',', ';', '\t']) {
      // Opened with the file's separator or a wrong guess, quoting keeps each field one cell.
      const { data, errors } = Papa.parse<string[]>(csv, { delimiter: sep, skipEmptyLines: true });
      // Read with the wrong separator the file may be malformed, but still runs nothing.
      if (sep === delimiter) expect(errors).toEqual([]);
      const cells = data.flat();
      for (const c of cells) expect(c.trimStart()).not.toMatch(FORMULA);
      if (sep === delimiter) {
        expect(data).toHaveLength(2);
        expect(data[1]).toHaveLength(DEFAULT_COLUMNS.length);
        const row = Object.fromEntries(DEFAULT_COLUMNS.map((c, i) => [c.header, data[1]![i]]));
        expect(row['Full Name']).toBe("Acme;'=7*6");
        expect(row['Job Title']).toBe('CEO,\'=HYPERLINK("http://evil.example")');
        expect(row['Company']).toBe("Tab\t'@SUM(A1)");
        expect(row['Location']).toBe("'＝1+1");
        expect(row['Note']).toBe("ok; '+cmd|calc\n'－2; '＠x, '＋y");
        expect(row['Tags']).toBe("a;'=b; '-c");
      }
    }
    // A spreadsheet that ignores quotes still finds no formula in any piece between separators.
    for (const piece of csv.split(/[,;\t\r\n]/)) expect(piece.replace(/^"+/, '').trimStart()).not.toMatch(FORMULA);
  });

  it('without neutralisation the same fields would run (the test can fail)', () => {
    const csv = toCsv([hostile], { delimiter: ';', bom: false, neutraliseFormulas: false });
    const pieces = csv.split(/[,;\t\r\n]/).map((p) => p.replace(/^"+/, '').trimStart());
    expect(pieces.some((p) => FORMULA.test(p))).toBe(true);
    expect(fields.every((f) => csv.includes(f.replace(/"/g, '""')))).toBe(true);
  });
});
