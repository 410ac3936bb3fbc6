import { describe, expect, it } from 'vitest';
import {
  classifyProfileUrl,
  decodeCloudflareEmail,
  findEmailsInText,
  findObfuscatedEmails,
  looksLikePersonName,
  normalizeEmail,
  normalizePhone,
  normalizeWebsite,
  splitName,
  urlKey,
} from '@/utils/leads/normalize';
import { scanPhones } from '@/utils/extract/phone-scan';

describe('emails', () => {
  it('normalises mailto links and rejects non-addresses', () => {
    expect(normalizeEmail('mailto:Jane.Doe@Acme.Example?subject=Hi')).toBe('jane.doe@acme.example');
    expect(normalizeEmail('mailto:jane%2Bsales@acme.example')).toBe('jane+sales@acme.example');
    expect(normalizeEmail('<jane@acme.example>.')).toBe('jane@acme.example');
    expect(normalizeEmail('logo@2x.png')).toBe('');
    expect(normalizeEmail('not an email')).toBe('');
    expect(normalizeEmail('mailto:')).toBe('');
    expect(normalizeEmail('a@b')).toBe('');
  });

  it('finds addresses in text, and obfuscated ones', () => {
    expect(findEmailsInText('Write to Sales@Acme.example, or bob@x.io. Icon: icon@2x.png')).toEqual(['sales@acme.example', 'bob@x.io']);
    expect(findObfuscatedEmails('jane [at] acme [dot] co [dot] uk; bob (at) example.com; no at all')).toEqual(['jane@acme.co.uk', 'bob@example.com']);
  });

  it('decodes Cloudflare email protection and rejects garbage', () => {
    const key = 0x42;
    const hex = key.toString(16) + [...Buffer.from('ceo@firm.example')].map((c) => (c ^ key).toString(16).padStart(2, '0')).join('');
    expect(decodeCloudflareEmail(hex)).toBe('ceo@firm.example');
    expect(decodeCloudflareEmail('zz')).toBe('');
    expect(decodeCloudflareEmail('')).toBe('');
    expect(decodeCloudflareEmail('4243')).toBe('');
  });
});

describe('phones', () => {
  it('normalises to E.164 with a default country', () => {
    expect(normalizePhone('tel:+1-415-555-0100')).toBe('+14155550100');
    expect(normalizePhone('(415) 555-0132', 'US')).toBe('+14155550132');
    expect(normalizePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalizePhone('tel:+44%2020%207946%200958')).toBe('+442079460958');
    expect(normalizePhone('123')).toBe('');
    expect(normalizePhone('hello')).toBe('');
  });

  it('strict mode (free text) accepts only valid numbers', () => {
    expect(normalizePhone('+1 999 555 0100', undefined, true)).toBe('');
    expect(normalizePhone('+1 650 253 0000', undefined, true)).toBe('+16502530000');
  });

  it('finds phones in text but not dates or order numbers', () => {
    expect(scanPhones('Call +1 (650) 253-0000. Order 2024-11-23-000123 of 12/03/2024.', 'US').map((h) => h.number)).toEqual(['+16502530000']);
  });
});

describe('profile URLs', () => {
  it('recognises person profiles and canonicalises them', () => {
    expect(classifyProfileUrl('https://uk.linkedin.com/in/jane-doe/')).toEqual({ kind: 'linkedin', url: 'https://www.linkedin.com/in/jane-doe' });
    expect(classifyProfileUrl('https://twitter.com/JaneDoe?lang=en')).toEqual({ kind: 'x', url: 'https://x.com/JaneDoe' });
    expect(classifyProfileUrl('https://mobile.x.com/jane_d')).toEqual({ kind: 'x', url: 'https://x.com/jane_d' });
    expect(classifyProfileUrl('https://github.com/octocat?tab=repositories')).toEqual({ kind: 'github', url: 'https://github.com/octocat' });
  });

  it('rejects share links, repositories, company pages and reserved paths', () => {
    for (const url of [
      'https://www.linkedin.com/shareArticle?url=x',
      'https://www.linkedin.com/company/acme',
      'https://twitter.com/intent/tweet?text=x',
      'https://x.com/share',
      'https://x.com/janedoe/status/123',
      'https://github.com/octocat/hello-world',
      'https://github.com/features',
      'https://example.com/in/jane',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(classifyProfileUrl(url), url).toBeNull();
    }
  });

  it('builds comparable URL keys and website URLs', () => {
    expect(urlKey('https://www.LinkedIn.com/in/Jane/?x=1')).toBe('linkedin.com/in/jane');
    expect(normalizeWebsite('acme.example')).toBe('https://acme.example/');
    expect(normalizeWebsite('acme.example', 'https://page.example/team')).toBe('https://acme.example/');
    expect(normalizeWebsite('/about', 'https://page.example/team')).toBe('https://page.example/about');
    expect(normalizeWebsite('javascript:alert(1)')).toBe('');
    expect(normalizeWebsite('ftp://files.example')).toBe('');
  });
});

describe('names', () => {
  it('splits names without honorifics, initials or suffixes', () => {
    expect(splitName('Dr. Jane Q. Doe, PhD')).toEqual({ firstName: 'Jane', lastName: 'Doe' });
    expect(splitName('Ludwig van Beethoven')).toEqual({ firstName: 'Ludwig', lastName: 'van Beethoven' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
    expect(splitName('  ')).toEqual({ firstName: '', lastName: '' });
  });

  it('tells person names from page headings', () => {
    expect(looksLikePersonName('Jane Doe')).toBe(true);
    expect(looksLikePersonName('Jürgen Müller')).toBe(true);
    expect(looksLikePersonName('Anne-Marie de la Cruz')).toBe(true);
    expect(looksLikePersonName('Welcome to Acme')).toBe(false);
    expect(looksLikePersonName('Pricing')).toBe(false);
    expect(looksLikePersonName('Top 10 Tools')).toBe(false);
  });
});
