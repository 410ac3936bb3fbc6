import { describe, expect, it } from 'vitest';
import type { Lead } from '@/utils/leads/schema';
import { hubspotContact, hubspotUpsertBody } from '@/utils/sync/hubspot-map';
import { companyDomain, escapeHtml, splitLocation, splitPhones, truncate, xHandle } from '@/utils/sync/map-common';
import { makeLead } from './helpers';

describe('lead → CRM field mapping edge cases', () => {
  it('never sends an empty or whitespace-only property', () => {
    const lead = makeLead({ name: 'Ada', emails: ['ada@x.example'], title: '   ', company: '' });
    const { properties } = hubspotContact(lead);
    expect(properties).toEqual({ firstname: 'Ada' });
    expect(Object.values(properties).every((v) => v.trim() !== '')).toBe(true);
  });

  it('a lead with no last name sends only a first name', () => {
    expect(hubspotContact(makeLead({ name: 'Cher', emails: ['cher@x.example'] })).properties).toEqual({ firstname: 'Cher' });
  });

  it('a lead with no email cannot go into an email-keyed batch', () => {
    expect(() => hubspotUpsertBody([makeLead({ name: 'No Mail', profiles: { linkedin: 'https://www.linkedin.com/in/nomail' } })])).toThrow(/email/);
  });

  it('keeps the first of 60 emails as the key (lower-cased) and lists the others in the note', () => {
    const base = makeLead({ name: 'Many Mails', emails: ['First@Many.example'] });
    const lead: Lead = { ...base, emails: Array.from({ length: 60 }, (_, i) => (i ? `m${i}@many.example` : 'First@Many.example')) };
    const body = hubspotUpsertBody([lead]);
    expect(body.inputs[0]!.id).toBe('first@many.example');
    const { noteHtml } = hubspotContact(lead);
    expect(noteHtml).toContain('m59@many.example');
    expect(noteHtml).not.toContain('First@Many.example');
  });

  it('keeps unicode names and text intact', () => {
    const { properties } = hubspotContact(makeLead({ name: 'Zoë Ñúñez-山田', title: 'Directrice générale', emails: ['zoe@x.example'] }));
    expect(properties).toMatchObject({ firstname: 'Zoë', lastname: 'Ñúñez-山田', jobtitle: 'Directrice générale' });
  });

  it('HTML in notes and tags is escaped, not interpreted', () => {
    const { noteHtml } = hubspotContact(makeLead({ name: 'X', emails: ['x@x.example'], note: '<img src=x onerror=alert(1)> & co', tags: ['<b>'] }));
    expect(noteHtml).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
    expect(noteHtml).toContain('Tags: &lt;b&gt;');
    expect(noteHtml).not.toMatch(/<img|<b>/);
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });

  it('no note when there is nothing beyond the mapped fields', () => {
    expect(hubspotContact(makeLead({ name: 'Plain Person', emails: ['p@x.example'], sourceUrl: 'https://x.example' })).noteHtml).toBe('');
  });

  it('truncates long values by characters and keeps the note under HubSpot\'s limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect([...truncate('😀'.repeat(10), 5)]).toHaveLength(5);
    const base = makeLead({ name: 'Long', emails: ['l@x.example'] });
    const lead: Lead = { ...base, note: 'é'.repeat(70_000) };
    expect([...hubspotContact(lead).noteHtml].length).toBeLessThanOrEqual(65_536);
  });

  it('splits phones into main and mobile, extra ones to the note', () => {
    expect(splitPhones(['+442079460958', '+447700900123'])).toEqual({ phone: '+442079460958', mobile: '+447700900123', others: [] });
    expect(splitPhones(['+447911123456', '+442079460958', '+33142685300'])).toEqual({ phone: '+442079460958', mobile: '+447911123456', others: ['+33142685300'] });
    expect(splitPhones([])).toEqual({ phone: '', mobile: '', others: [] });
  });

  it('splits locations only when the last part names a country', () => {
    expect(splitLocation('London, United Kingdom')).toEqual({ city: 'London', state: '', country: 'United Kingdom', raw: '' });
    expect(splitLocation('Austin, Texas, United States')).toEqual({ city: 'Austin', state: 'Texas', country: 'United States', raw: '' });
    expect(splitLocation('Greater Boston Area')).toEqual({ city: '', state: '', country: '', raw: 'Greater Boston Area' });
    expect(splitLocation('')).toEqual({ city: '', state: '', country: '', raw: '' });
  });

  it('reads X handles and company domains', () => {
    expect(xHandle('https://x.com/ada_example')).toBe('ada_example');
    expect(xHandle('https://twitter.com/@jack?lang=en')).toBe('jack');
    expect(xHandle('https://example.com/ada')).toBe('');
    expect(companyDomain(makeLead({ name: 'A', website: 'https://www.acme.example/about', emails: ['a@gmail.com'] }))).toBe('acme.example');
    expect(companyDomain(makeLead({ name: 'A', emails: ['a@gmail.com'] }))).toBe('');
    expect(companyDomain(makeLead({ name: 'A', emails: ['a@Acme.example'] }))).toBe('acme.example');
  });
});
