import { describe, expect, it } from 'vitest';
import { domainLabel, isPlatformHost, registrableDomain } from '@/utils/leads/hosts';
import { companyDomains } from '@/utils/leads/email-pattern';
import { extractHtml } from './helpers';

describe('registrableDomain', () => {
  it.each([
    ['www.ateliermorvan.com', 'ateliermorvan.com'],
    ['team.acme.com', 'acme.com'],
    ['a.b.acme.com', 'acme.com'],
    ['www.fenwickhale.co.uk', 'fenwickhale.co.uk'],
    ['shop.acme.com.au', 'acme.com.au'],
    ['www.minatotech.co.jp', 'minatotech.co.jp'],
    ['www.stadt.gv.at', 'stadt.gv.at'],
    ['acme.co', 'acme.co'],
    ['blog.acme.co', 'acme.co'],
    ['Acme.COM.', 'acme.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
  it('gives the name part for page titles to spell', () => {
    expect(domainLabel('www.fenwickhale.co.uk')).toBe('fenwickhale');
    expect(domainLabel('www.ateliermorvan.com')).toBe('ateliermorvan');
  });
});

describe('isPlatformHost', () => {
  it.each(['www.linkedin.com', 'de.linkedin.com', 'github.com', 'x.com', 'jane.substack.com', 'about.me', 'dev.to', 'lu.ma', 'sessionize.com', 'www.google.de', 'scholar.google.com', 'www.eventbrite.co.uk', 'apollo.io'])('%s is a platform', (host) => {
    expect(isPlatformHost(host)).toBe(true);
  });
  // The old pattern took any host starting with a platform word for the platform.
  it.each(['about.acme.com', 'dev.acme.com', 'lu.acme.com', 'x.acme.com', 'medium.acme.com', 'www.apollo-dental.de', 'apollo.de', 'www.acme.com'])('%s is not', (host) => {
    expect(isPlatformHost(host)).toBe(false);
  });
});

describe('one platform list and one domain rule for extraction and email patterns', () => {
  it('names the company of a team page on an about. or dev. subdomain', () => {
    const page = `<title>Jane Doe – Partner | Fenwick Hale Solicitors</title><body><main><h1>Jane Doe</h1><p>Partner</p><a href="mailto:jane@fenwickhale.com">jane@fenwickhale.com</a></main></body>`;
    for (const url of ['https://about.fenwickhale.com/people/jane-doe', 'https://dev.fenwickhale.com/people/jane-doe']) {
      expect(extractHtml(page, url).prospects[0]?.company, url).toBe('Fenwick Hale Solicitors');
    }
    expect(extractHtml(page, 'https://www.crunchbase.com/person/jane-doe').prospects[0]?.company).toBe('');
  });
  it('suggests the registered domain of a deep subdomain, never a platform subdomain', () => {
    const base = { emails: [] as string[], website: '' };
    expect(companyDomains({ ...base, sourceUrl: 'https://people.eu.acme.example/x' })).toEqual(['people.eu.acme.example', 'acme.example']);
    expect(companyDomains({ ...base, sourceUrl: 'https://www.fenwickhale.co.uk/people' })).toEqual(['fenwickhale.co.uk']);
    expect(companyDomains({ ...base, sourceUrl: 'https://jane.substack.com/about' })).toEqual([]);
    expect(companyDomains({ ...base, sourceUrl: 'https://about.acme.example/team' })).toEqual(['about.acme.example', 'acme.example']);
  });
});
