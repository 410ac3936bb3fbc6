import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, leadToVCard, toVCards } from '@/utils/export/vcard';
import { makeLead } from './helpers';

/** Unfolds a vCard and reads its content lines as [name;params, raw value]. */
function contentLines(vcf: string): Array<[string, string]> {
  return vcf
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => {
      const at = l.indexOf(':');
      return [l.slice(0, at), l.slice(at + 1)];
    });
}
const unescape = (v: string) => v.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('vCard export', () => {
  it('writes a vCard 3.0 with every field of a lead', () => {
    const lead = makeLead({
      name: 'Jane Doe',
      title: 'VP of Sales',
      company: 'Acme, Inc; West',
      emails: ['jane@acme.example', 'jd@acme.example'],
      phones: ['+14155550132'],
      website: 'https://janedoe.example/',
      location: 'San Francisco, CA',
      profiles: { linkedin: 'https://www.linkedin.com/in/jane', x: 'https://x.com/jane', github: '', other: ['https://mastodon.example/@jane'] },
      sourceUrl: 'https://acme.example/team',
      tags: ['webinar', 'q4, hot'],
      note: 'Met at booth',
    });
    const vcf = leadToVCard(lead);
    expect(vcf.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(vcf.endsWith('END:VCARD\r\n')).toBe(true);
    expect(vcf.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const props = contentLines(vcf);
    const get = (name: string) => props.filter(([n]) => n === name).map(([, v]) => v);
    expect(get('FN')).toEqual(['Jane Doe']);
    expect(get('N')).toEqual(['Doe;Jane;;;']);
    expect(get('ORG')).toEqual(['Acme\\, Inc\\; West']);
    expect(get('TITLE')).toEqual(['VP of Sales']);
    expect(get('EMAIL;TYPE=INTERNET,PREF')).toEqual(['jane@acme.example']);
    expect(get('EMAIL;TYPE=INTERNET')).toEqual(['jd@acme.example']);
    expect(get('TEL;TYPE=VOICE,PREF')).toEqual(['+14155550132']);
    expect(get('X-SOCIALPROFILE;TYPE=linkedin')).toEqual(['https://www.linkedin.com/in/jane']);
    expect(get('X-SOCIALPROFILE;TYPE=twitter')).toEqual(['https://x.com/jane']);
    expect(get('URL')).toEqual(['https://janedoe.example/', 'https://mastodon.example/@jane']);
    expect(get('ADR;TYPE=WORK')).toEqual([';;;San Francisco\\, CA;;;']);
    expect(get('CATEGORIES')).toEqual(['webinar,q4\\, hot']);
    expect(unescape(get('NOTE')[0]!)).toBe('Met at booth\nSource: https://acme.example/team');
    expect(get('UID')).toEqual([lead.id]);
    expect(get('REV')).toEqual([lead.updatedAt]);
  });

  it('cannot be broken out of by hostile text', () => {
    const evil = 'x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Evil;\\';
    const vcf = toVCards([makeLead({ name: 'Mallory Bad', note: evil, title: evil.replace(/\r\n/g, '\n') })]);
    expect(vcf.match(/^BEGIN:VCARD$/gm)).toHaveLength(1);
    const note = contentLines(vcf).find(([n]) => n === 'NOTE')![1];
    expect(unescape(note)).toBe(evil.replace(/\r\n/g, '\n'));
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = `NOTE:${'é'.repeat(100)}🙂${'x'.repeat(50)}`;
    const folded = foldLine(long);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(foldLine('short')).toBe('short');
  });

  it('folds exactly as an octet-by-octet reference does, at every boundary', () => {
    const reference = (line: string, max = 75) => {
      const out: string[] = [];
      let cur = '';
      let n = 0;
      for (const ch of line) {
        const size = new TextEncoder().encode(ch).length;
        if (n + size > (out.length ? max - 1 : max)) {
          out.push(cur);
          cur = '';
          n = 0;
        }
        cur += ch;
        n += size;
      }
      out.push(cur);
      return out.join('\r\n ');
    };
    const alphabet = ['a', 'é', '€', '🙂', ';', ' '];
    for (let len = 0; len < 260; len += 7) {
      for (let seed = 0; seed < alphabet.length; seed++) {
        const line = Array.from({ length: len }, (_, i) => alphabet[(i * (seed + 3) + seed) % alphabet.length]).join('');
        expect(foldLine(line)).toBe(reference(line));
      }
    }
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('names a lead that has no name by its email, and writes one card per lead', () => {
    const vcf = toVCards([makeLead({ emails: ['anon@x.example'] }), makeLead({ name: 'Émile Zola' })]);
    expect(vcf.match(/^BEGIN:VCARD$/gm)).toHaveLength(2);
    expect(vcf).toContain('FN:anon@x.example\r\n');
    expect(vcf).toContain('FN:Émile Zola\r\nN:Zola;Émile;;;\r\n');
  });
});
