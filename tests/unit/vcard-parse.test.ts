import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { toVCards } from '@/utils/export/vcard';
import { makeLead } from './helpers';

/** Parses a .vcf with ical.js (an independent vCard 3.0/4.0 parser) into its cards. */
function parseCards(vcf: string): ICAL.Component[] {
  const parsed = ICAL.parse(vcf) as unknown[];
  // one card parses to a single jCard, several to a list of them
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((j) => new ICAL.Component(j as never));
}
const values = (card: ICAL.Component, name: string) => card.getAllProperties(name).map((p) => p.getFirstValue());

const longNote = `Notes from the call: ${'Le déjeuner à Zürich, 東京 の 会議 👩‍💼; '.repeat(30)}end`;
const leads = [
  makeLead({
    id: '6f1c1a8e-2b1a-4c39-9d7b-1f3a4b5c6d7e',
    name: 'Zoë Ångström-Lévy',
    title: 'Head of R&D; EMEA, APAC',
    company: 'Société Générale, Inc; Zürich',
    emails: ['zoe@societe.example', 'z.al@home.example'],
    phones: ['+41445551234', '+33 1 23 45 67 89'],
    website: 'https://societe.example/',
    location: 'Zürich, Switzerland',
    profiles: { linkedin: 'https://www.linkedin.com/in/zoe', x: '', github: '', other: [] },
    sourceUrl: 'https://societe.example/team?a=1,b=2;c',
    tags: ['expo, 2026', 'vip;eu', '山田'],
    note: `${longNote}\nsecond line \\ with a backslash`,
  }),
  makeLead({ name: '山田 太郎', emails: ['taro@example.jp'] }),
];

describe.each(['3.0', '4.0'] as const)('vCard %s output read by ical.js', (version) => {
  const vcf = toVCards(leads, version);
  const cards = parseCards(vcf);

  it('parses into one card per lead with the right version', () => {
    expect(cards).toHaveLength(2);
    for (const c of cards) {
      expect(c.name).toBe('vcard');
      expect(c.getFirstPropertyValue('version')).toBe(version);
    }
  });

  it('reads back unicode, commas, semicolons, backslashes and long folded lines unchanged', () => {
    const [zoe, taro] = cards as [ICAL.Component, ICAL.Component];
    expect(zoe.getFirstPropertyValue('fn')).toBe('Zoë Ångström-Lévy');
    expect(zoe.getFirstPropertyValue('title')).toBe('Head of R&D; EMEA, APAC');
    // ORG is a structured value: the escaped ; stays inside the one component
    expect(zoe.getFirstProperty('org')!.getValues().flat()).toEqual(['Société Générale, Inc; Zürich']);
    expect(zoe.getFirstPropertyValue('note')).toBe(`${longNote}\nsecond line \\ with a backslash\nSource: https://societe.example/team?a=1,b=2;c`);
    expect(zoe.getFirstProperty('categories')!.getValues()).toEqual(['expo, 2026', 'vip;eu', '山田']);
    expect(values(zoe, 'email')).toEqual(['zoe@societe.example', 'z.al@home.example']);
    expect(taro.getFirstPropertyValue('fn')).toBe('山田 太郎');
    // every physical line fits in 75 octets
    for (const line of vcf.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('marks the first email and phone preferred, in the version’s own syntax', () => {
    const [zoe] = cards as [ICAL.Component];
    const email = zoe.getAllProperties('email')[0]!;
    const tel = zoe.getAllProperties('tel');
    if (version === '4.0') {
      expect(email.getParameter('pref')).toBe('1');
      expect(tel[0]!.type).toBe('uri');
      expect(tel[0]!.getFirstValue()).toBe('tel:+41445551234');
      // a number with spaces is no valid tel: URI: it stays text
      expect(tel[1]!.getFirstValue()).toBe('+33 1 23 45 67 89');
      expect(zoe.getFirstPropertyValue('uid')).toBe('urn:uuid:6f1c1a8e-2b1a-4c39-9d7b-1f3a4b5c6d7e');
      expect(zoe.getFirstPropertyValue('kind')).toBe('individual');
      expect(String(zoe.getFirstPropertyValue('rev'))).toMatch(/^2026-01-01T00:00:00Z?$/);
    } else {
      expect([email.getParameter('type')].flat()).toEqual(['INTERNET', 'PREF']);
      expect(tel.map((t) => t.getFirstValue())).toEqual(['+41445551234', '+33 1 23 45 67 89']);
      expect(zoe.getFirstPropertyValue('uid')).toBe('6f1c1a8e-2b1a-4c39-9d7b-1f3a4b5c6d7e');
    }
  });
});
