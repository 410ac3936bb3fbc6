import { describe, expect, it } from 'vitest';
import { NOTHING_IN_SELECTION, parseSelection } from '@/utils/extract/selection';

const URL = 'https://acme.example/team';
const ok = (text: string, country?: Parameters<typeof parseSelection>[2]) => {
  const r = parseSelection(text, URL, country);
  if (!r.ok) throw new Error(r.error);
  return r.prospect;
};

describe('parseSelection', () => {
  it('reads a signature block with line breaks', () => {
    const p = ok('José García Márquez\nHead of Sales, Acme Inc.\njose.garcia@acme.example\nTel: +34 912 345 678');
    expect(p).toMatchObject({ name: 'José García Márquez', firstName: 'José', lastName: 'García Márquez', title: 'Head of Sales', company: 'Acme Inc.' });
    expect(p.emails).toEqual(['jose.garcia@acme.example']);
    expect(p.phones).toEqual(['+34912345678']);
    expect(p.sourceUrl).toBe(URL);
    expect(p.provenance.name).toBe('text');
  });

  it('reads the same block flattened to one line (as Chrome passes selectionText)', () => {
    const p = ok('Marie-Claire Dubois Directrice commerciale chez Lumière SA marie-claire.dubois@lumiere.example Mobile: +33 6 12 34 56 78');
    expect(p.name).toBe('Marie-Claire Dubois');
    expect(p.emails).toEqual(['marie-claire.dubois@lumiere.example']);
    expect(p.phones).toEqual(['+33612345678']);
  });

  it('takes the name before an email in brackets', () => {
    expect(ok('From: Liam O’Neil <liam.oneil@acme.example>')).toMatchObject({ name: 'Liam O’Neil', emails: ['liam.oneil@acme.example'] });
    expect(ok('Søren Kierkegaard (soren@philosophy.example)')).toMatchObject({ name: 'Søren Kierkegaard', emails: ['soren@philosophy.example'] });
  });

  it('reads labelled phones in the national format of the given country, and leaves fax numbers out', () => {
    const p = ok('Dr. Anna Schmidt | Telefon: 030 1234567 | Fax: 030 1234568', 'DE');
    expect(p.name).toBe('Dr. Anna Schmidt');
    expect(p.phones).toEqual(['+49301234567']);
  });

  it('reads obfuscated emails and profile links', () => {
    const p = ok('Pieter van der Berg — pieter [at] berg-consulting [dot] nl — https://www.linkedin.com/in/pvdberg');
    expect(p.name).toBe('Pieter van der Berg');
    expect(p.emails).toEqual(['pieter@berg-consulting.nl']);
    expect(p.profiles.linkedin).toContain('linkedin.com/in/pvdberg');
  });

  it('saves an email alone, and refuses text with nothing to save', () => {
    expect(ok('write to jane@acme.example')).toMatchObject({ name: '', emails: ['jane@acme.example'] });
    expect(parseSelection('the quick brown fox jumps over the lazy dog', URL)).toEqual({ ok: false, error: NOTHING_IN_SELECTION });
    expect(parseSelection('   ', URL)).toEqual({ ok: false, error: NOTHING_IN_SELECTION });
    // A heading made of capitalised common words is no name.
    expect(parseSelection('Meet The Team', URL).ok).toBe(false);
  });

  it('bounds the text it reads', () => {
    const r = parseSelection(`${'x '.repeat(10_000)} jane@acme.example`, URL);
    expect(r.ok).toBe(false);
  });
});
