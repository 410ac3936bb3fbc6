import { describe, expect, it } from 'vitest';
import { parseJobLine } from '@/utils/extract/contacts';
import { guessCountry } from '@/utils/extract/page';
import { parseHtml } from '@/utils/extract/cli';
import { ProspectSchema } from '@/utils/leads/schema';
import { extractFixture, extractHtml } from './helpers';

describe('extractProspects on fixture pages', () => {
  it('reads a JSON-LD Person and completes it from the page links', () => {
    const { prospects, warnings } = extractFixture('person-jsonld.html');
    expect(warnings).toEqual([]);
    expect(prospects).toHaveLength(1);
    const p = prospects[0]!;
    expect(p).toMatchObject({
      name: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
      title: 'VP of Sales',
      company: 'Acme Corp',
      website: 'https://janedoe.example/',
      location: 'San Francisco, CA, US',
      profiles: {
        linkedin: 'https://www.linkedin.com/in/jane-doe-acme',
        x: 'https://x.com/janedoe',
        github: 'https://github.com/janedoe',
        other: [],
      },
    });
    expect(p.emails).toEqual(['jane.doe@acme.example', 'jane@acme.example']);
    expect(p.phones).toEqual(['+14155550132', '+14155550199']);
    expect(p.provenance).toMatchObject({
      name: 'json-ld',
      title: 'json-ld',
      'emails:jane.doe@acme.example': 'json-ld',
      'emails:jane@acme.example': 'mailto',
      'phones:+14155550199': 'tel',
      'profiles.x': 'json-ld',
    });
    expect(ProspectSchema.safeParse(p).success).toBe(true);
  });

  it('reads a plain page: heading, job line, mailto, text emails, tel, text phones, profile links', () => {
    const { prospects, organizations } = extractFixture('plain-contact.html');
    expect(prospects).toHaveLength(1);
    const p = prospects[0]!;
    expect(p.name).toBe('Carlos Mendes');
    expect(p.provenance.name).toBe('heading');
    expect(p.title).toBe('Head of Partnerships');
    expect(p.company).toBe('Globex Ltd');
    // script text, hidden elements and "logo@2x.png" are not addresses
    expect(p.emails).toEqual(['carlos.mendes@globex.example']);
    // a role address is the company's, not the person's
    expect(organizations).toMatchObject([{ emails: ['press@globex.example'], name: 'Globex' }]);
    // lang="en-GB" makes national numbers British; the invoice number and date are not phones
    expect(p.phones).toEqual(['+442079460958', '+447911123456']);
    expect(p.provenance['phones:+447911123456']).toBe('text');
    expect(p.profiles.linkedin).toBe('https://www.linkedin.com/in/carlosmendes');
    expect(p.profiles.x).toBe('https://x.com/carlos_m');
    // a repository link is not a profile; the profile link is
    expect(p.profiles.github).toBe('https://github.com/cmendes');
    expect(p.website).toBe('https://carlos.example/');
  });

  it('returns every person of a team page and merges one person described twice', () => {
    const { prospects } = extractFixture('team-page.html');
    expect(prospects.map((p) => p.name)).toEqual(['Peter Gibbons', 'Samir Nagheenanajar', 'Michael Bolton', 'Bill Lumbergh']);
    const [peter, samir, michael, bill] = prospects;
    // @id reference to the Organization resolved to its name
    expect(peter!.company).toBe('Initech');
    // JSON-LD and microdata records of Peter merged
    expect(peter!.emails).toEqual(['peter@initech.example']);
    expect(peter!.profiles.github).toBe('https://github.com/pgibbons');
    expect(peter!.provenance['profiles.github']).toBe('microdata');
    expect(samir!.profiles.linkedin).toBe('https://www.linkedin.com/in/samir-n');
    expect(michael).toMatchObject({ title: 'Senior Developer', company: 'Initech', emails: ['michael@initech.example'], phones: ['+15125550147'] });
    expect(bill).toMatchObject({ title: 'Division Vice President', company: 'Initech', location: 'Austin, TX', website: 'https://bill.example/' });
    expect(bill!.provenance.name).toBe('h-card');
    // the page-wide address belongs to nobody on a multi-person page
    expect(prospects.flatMap((p) => p.emails)).not.toContain('info@initech.example');
  });

  it('survives malformed JSON-LD: warns about the broken block and reads the rest', () => {
    const { prospects, warnings } = extractFixture('malformed-jsonld.html');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/JSON-LD block 1 is malformed/);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({ name: 'Dana Scully', title: 'Special Agent', emails: ['dana@fbi.example', 'dscully@fbi.example'] });
  });

  it('decodes Cloudflare-protected and [at]/[dot] obfuscated emails', () => {
    const { prospects } = extractFixture('obfuscated-emails.html');
    const p = prospects[0]!;
    expect(p.emails).toEqual(['j.mueller@mueller-soehne.de', 'juergen@mueller-soehne.de']);
    expect(p.provenance['emails:j.mueller@mueller-soehne.de']).toBe('cloudflare');
    expect(p.name).toBe('Jürgen Müller');
    expect(p.title).toBe('Geschäftsführer');
    expect(p.company).toBe('Müller & Söhne GmbH');
    expect(p.phones).toEqual(['+4930901820']);
  });

  it('finds nobody on a page without a person', () => {
    expect(extractFixture('no-prospect.html').prospects).toEqual([]);
  });

  it('takes the profile from the page URL itself', () => {
    const { prospects } = extractHtml('<h1>octocat</h1><p>Builds things</p>', 'https://github.com/octocat');
    expect(prospects[0]?.profiles.github).toBe('https://github.com/octocat');
    expect(prospects[0]?.provenance['profiles.github']).toBe('link');
  });

  it('reads name, title and company from a "Name - Title - Company" document title', () => {
    const { prospects } = extractHtml(
      '<title>Ada Lovelace - Chief Analyst at Engines Ltd - Engines Ltd | LinkedIn</title><a href="mailto:ada@engines.example">mail</a>',
    );
    expect(prospects[0]).toMatchObject({ name: 'Ada Lovelace', title: 'Chief Analyst', company: 'Engines Ltd' });
  });
});

describe('hostile pages', () => {
  it('bounds what a page full of addresses can produce and stays schema-valid', () => {
    const links = Array.from({ length: 3000 }, (_, i) => `<a href="mailto:person${i}@spam.example">x</a>`).join('');
    const longName = 'A'.repeat(10_000);
    const html = `<script type="application/ld+json">{"@type":"Person","name":"${longName}","jobTitle":"${'B'.repeat(5000)}"}</script>${links}`;
    const { prospects } = extractHtml(html);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]!.emails.length).toBe(50);
    expect(prospects[0]!.name.length).toBe(300);
    expect(ProspectSchema.safeParse(prospects[0]).success).toBe(true);
    // Big hostile page in happy-dom on a shared CI machine: generous limit; speed is the bench's job.
  }, 60_000);

  it('does not blow the stack on deeply nested markup or JSON-LD', () => {
    const deepHtml = '<div>'.repeat(3000) + 'deep@nest.example' + '</div>'.repeat(3000);
    const deepJson = '['.repeat(2000) + '{"@type":"Person","name":"Too Deep"}' + ']'.repeat(2000);
    const html = `<script type="application/ld+json">${deepJson}</script><h1>Surface Person</h1>${deepHtml}`;
    expect(() => extractHtml(html)).not.toThrow();
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => p.name)).not.toContain('Too Deep');
    // Big hostile page in happy-dom on a shared CI machine: generous limit; speed is the bench's job.
  }, 60_000);

  it('ignores non-person JSON-LD values and javascript: URLs', () => {
    const html = `<script type="application/ld+json">{"@type":"Person","name":"Eve Hacker","url":"javascript:alert(1)","sameAs":[{"x":1},null,7],"email":{"bad":true}}</script>`;
    const { prospects } = extractHtml(html);
    expect(prospects[0]).toMatchObject({ name: 'Eve Hacker', website: '', emails: [] });
    expect(prospects[0]!.profiles.other).toEqual([]);
  });
});

describe('helpers', () => {
  it('guesses the phone country from lang, then TLD, then US', () => {
    expect(guessCountry(parseHtml('<html lang="fr-FR"></html>', 'https://a.example'), 'https://a.example')).toBe('FR');
    expect(guessCountry(parseHtml('<html lang="en"></html>', 'https://a.co.uk'), 'https://a.co.uk')).toBe('GB');
    expect(guessCountry(parseHtml('<html></html>', 'https://a.de'), 'https://a.de')).toBe('DE');
    expect(guessCountry(parseHtml('<html></html>', 'https://a.com'), 'https://a.com')).toBe('US');
  });

  it('splits job lines into title and company', () => {
    expect(parseJobLine('VP of Sales at Acme Corp')).toEqual({ title: 'VP of Sales', company: 'Acme Corp' });
    expect(parseJobLine('Founder @ Tiny Co')).toEqual({ title: 'Founder', company: 'Tiny Co' });
    expect(parseJobLine('Senior Engineer, Globex')).toEqual({ title: 'Senior Engineer', company: 'Globex' });
    expect(parseJobLine('Product Manager')).toEqual({ title: 'Product Manager', company: '' });
    expect(parseJobLine('Read our latest blog post')).toEqual({ title: '', company: '' });
  });
});
