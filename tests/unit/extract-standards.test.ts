import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/utils/extract/cli';
import { parseMicroformats } from '@/utils/extract/microformats';
import { readMicrodata } from '@/utils/extract/microdata';
import { readRdfa } from '@/utils/extract/rdfa';
import { extractHtml } from './helpers';

const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;
const names = (html: string, url?: string) => extractHtml(html, url).prospects.map((p) => p.name);

describe('microformats2 h-card', () => {
  it('reads <a class="h-card" href>Name</a> as a name and a website', () => {
    const [p] = extractHtml('<a class="h-card" href="/ben">Ben Ward</a>', 'https://site.example/post').prospects;
    expect(p).toMatchObject({ name: 'Ben Ward', website: 'https://site.example/ben' });
    expect(p!.provenance).toMatchObject({ name: 'h-card', website: 'h-card' });
  });

  it('implies the name from an img alt or abbr title, and the url from a lone link', () => {
    const { items } = parseMicroformats(
      parseHtml(
        '<a class="h-card" href="https://r.example/"><img alt="Rohit Khare" src="r.jpg"></a>' +
          '<div class="h-card"><abbr title="Jane Doe">JD</abbr></div>' +
          '<div class="h-card"><a href="jane.html">Jane Doe</a><p></p></div>' +
          '<p class="h-card"><style>p{}</style><span>John</span> <span>Doe</span> <img alt="Jr." src="x.png"></p>',
        'https://example.com/',
      ),
      'https://example.com/',
    );
    expect(items.map((i) => i.properties.get('name'))).toEqual([['Rohit Khare'], ['Jane Doe'], ['Jane Doe'], ['John Doe  Jr.']]);
    expect(items.map((i) => i.properties.get('url'))).toEqual([['https://r.example/'], undefined, ['https://example.com/jane.html'], undefined]);
  });

  it('implies no name when the card has another p-* property or a nested microformat', () => {
    const { items } = parseMicroformats(
      parseHtml('<div class="h-card"> John Doe, <span class="p-org">Mozilla</span></div><div class="h-card"><span class="h-card">Inner Person</span></div>', 'https://x.example/'),
      'https://x.example/',
    );
    expect(items[0]!.properties.has('name')).toBe(false);
    expect(items[1]!.properties.has('name')).toBe(false);
    expect(items[1]!.children[0]!.properties.get('name')).toEqual(['Inner Person']);
  });

  it('reads a full h-card: value-class phone, adr, org card as company, email', () => {
    const html = `<div class="h-card">
      <span class="p-name">Dana Lee</span> <span class="p-job-title">CTO</span>
      <a class="p-org h-card" href="https://acme.example/">Acme Corp</a>
      <span class="p-tel"><span class="value">+1 415</span> <i>ignored</i> <span class="value">555 0134</span></span>
      <a class="u-email" href="mailto:dana@acme.example">write to me</a>
      <span class="p-adr h-adr"><span class="p-locality">Oakland</span>, <span class="p-region">CA</span></span>
    </div>`;
    const { prospects } = extractHtml(html);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({
      name: 'Dana Lee', title: 'CTO', company: 'Acme Corp', phones: ['+14155550134'], emails: ['dana@acme.example'], location: 'Oakland, CA',
    });
  });

  it('finds h-cards nested in h-entry, h-event and h-review, but not organizations and venues', () => {
    const html = `
      <article class="h-entry"><h1 class="p-name">A post</h1><a class="p-author h-card" href="https://tantek.example/">Tantek</a></article>
      <div class="h-event"><span class="p-name">Camp</span>
        <span class="p-location h-card"><span class="p-name">Some Venue</span></span>
        <span class="p-attendee h-card">Ana Silva</span></div>
      <div class="h-review"><span class="p-author h-card"><span class="p-name">Rev Iewer</span></span>
        <p class="p-item h-card"><span class="p-name p-org">Crepes on Cole</span></p></div>
      <div class="h-card"><a class="p-name u-url" href="https://mb.example/">Mitchell Baker</a> (<a class="h-org h-card" href="https://mozilla.example/">Mozilla</a>)</div>
      <div class="h-card"><a class="p-name p-org u-url" href="https://corp.example/">Corp Inc</a></div>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => p.name).sort()).toEqual(['Ana Silva', 'Mitchell Baker', 'Rev Iewer', 'Tantek']);
    expect(prospects.find((p) => p.name === 'Tantek')!.website).toBe('https://tantek.example/');
  });

  it('ignores <template> content', () => {
    const html = '<div class="h-card"><span class="p-name"><span class="value">Jan</span> <abbr>H</abbr><template class="value">Invalid</template></span><template class="p-org">Evil</template></div>';
    expect(extractHtml(html).prospects[0]).toMatchObject({ name: 'Jan', company: '' });
  });
});

describe('classic hCard (microformats 1)', () => {
  it('reads vcard fn, org, title, email, tel (value-class), url, adr', () => {
    const html = `<div class="vcard">
      <span class="fn">Tim Berners-Lee</span>, <span class="title">Director</span> at <span class="org">W3C</span>
      <a class="email" href="mailto:timbl@w3.example">email me</a>
      <span class="tel"><span class="type">Work</span>: <span class="value">+1 617 253 5702</span></span>
      <a class="url" href="https://timbl.example/">home</a>
      <span class="adr"><span class="locality">Cambridge</span>, <abbr class="region" title="Massachusetts">MA</abbr></span>
    </div>`;
    const { prospects } = extractHtml(html);
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({
      name: 'Tim Berners-Lee', title: 'Director', company: 'W3C', emails: ['timbl@w3.example'], phones: ['+16172535702'],
      website: 'https://timbl.example/', location: 'Cambridge, Massachusetts',
    });
  });

  it('reads role as title, n parts without fn, and vcards inside hCalendar, hReview and hResume', () => {
    const html = `
      <div class="vcard"><span class="n"><span class="given-name">John</span> <span class="family-name">Doe</span></span><span class="role">Designer</span></div>
      <div class="vevent"><span class="summary">Summit</span><ul><li class="attendee vcard"><span class="fn">Brian Warner</span></li></ul></div>
      <div class="hreview"><span class="reviewer vcard"><span class="fn">Tantek</span></span><p class="item vcard"><span class="fn org">Crepes</span></p></div>
      <div class="hresume"><div class="contact vcard"><p class="fn">Ada Byron</p><p class="org">Analytical</p></div></div>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => p.name).sort()).toEqual(['Ada Byron', 'Brian Warner', 'John Doe', 'Tantek']);
    expect(prospects.find((p) => p.name === 'John Doe')!.title).toBe('Designer');
    expect(prospects.find((p) => p.name === 'Ada Byron')!.company).toBe('Analytical');
  });

  it('follows the table include pattern (headers) without looping', () => {
    const html = `<table><tr><th id="org"><a class="url org" href="https://opera.example/">Opera</a></th></tr>
      <tr><td class="vcard" headers="org"><span class="fn">Chris Mills</span></td></tr>
      <tr><td class="vcard" headers="org self" id="self"><span class="fn">Erik Möller</span><a class="include" href="#self">x</a></td></tr></table>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => [p.name, p.company, p.website])).toEqual([
      ['Chris Mills', 'Opera', 'https://opera.example/'],
      ['Erik Möller', 'Opera', 'https://opera.example/'],
    ]);
  });

  it('takes the email from the mailto, not the decoy address shown as its text', () => {
    const html = `<div class="vcard"><span class="fn">John Doe</span>
      <a class="email" href="mailto:john@example.com">notthis@example.com</a>
      <span class="email"><a class="value" href="mailto:notthis@example.com">john@example.com</a></span></div>`;
    expect(extractHtml(html).prospects[0]!.emails).toEqual(['john@example.com']);
  });
});

describe('schema.org JSON-LD', () => {
  it('reads givenName/familyName only, url as {"@id"}, worksFor object, contactPoint and address', () => {
    const html = ld({
      '@context': 'https://schema.org',
      '@type': 'Course',
      instructor: {
        '@type': 'Person',
        givenName: 'Douglas',
        familyName: 'Adams',
        url: { '@id': 'https://douglas.example/' },
        worksFor: { '@type': 'Organization', name: 'Megadodo Publications' },
        contactPoint: { '@type': 'ContactPoint', email: 'mailto:douglas@megadodo.example', telephone: '+44 20 7946 0018' },
        address: { '@type': 'PostalAddress', addressLocality: 'Cambridge', addressCountry: 'GB' },
        birthPlace: { '@type': 'Place', address: 'Nowhere' },
      },
    });
    const [p] = extractHtml(html).prospects;
    expect(p).toMatchObject({
      name: 'Douglas Adams', firstName: 'Douglas', lastName: 'Adams', website: 'https://douglas.example/', company: 'Megadodo Publications',
      emails: ['douglas@megadodo.example'], phones: ['+442079460018'], location: 'Cambridge, GB',
    });
  });

  it('reads people in @graph with @id references, and names an employee by their organization', () => {
    const html = ld({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': '#org', name: 'Initech', employee: [{ '@id': '#p' }, { '@type': 'Person', name: 'Milton Waddams' }] },
        { '@type': 'Person', '@id': '#p', name: 'Peter Gibbons', worksFor: { '@id': '#org' } },
      ],
    });
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => [p.name, p.company])).toEqual([
      ['Milton Waddams', 'Initech'],
      ['Peter Gibbons', 'Initech'],
    ]);
  });

  it('is not fooled by organizations, "Family, Given" names and occupations', () => {
    const html = ld([
      { '@context': 'https://schema.org', '@type': 'Organization', name: 'Acme Corp', email: 'info@acme.example' },
      { '@context': 'https://schema.org', '@type': 'Person', name: 'Turner, Caroline B.', givenName: 'Caroline B.', familyName: 'Turner' },
      { '@context': 'https://schema.org', '@type': 'Person', name: 'Albert Einstein', hasOccupation: [{ '@type': 'Role', hasOccupation: { '@type': 'Occupation', name: 'Patent examiner' } }] },
    ]);
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Caroline B. Turner', ''],
      ['Albert Einstein', 'Patent examiner'],
    ]);
  });

  it("gives the page's own profile links to the page's subject when it lists several people", () => {
    const html = `${ld({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Grace Hopper', jobTitle: 'Rear Admiral' },
      relatedLink: [{ '@type': 'Person', name: 'Howard Aiken' }],
    })}<h1>Grace Hopper</h1><a href="https://www.linkedin.com/in/gracehopper">LinkedIn</a><a href="https://github.com/ghopper">GitHub</a>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => p.name)).toEqual(['Grace Hopper', 'Howard Aiken']);
    expect(prospects[0]!.profiles).toMatchObject({ linkedin: 'https://www.linkedin.com/in/gracehopper', github: 'https://github.com/ghopper' });
    expect(prospects[0]!.provenance['profiles.linkedin']).toBe('link');
    expect(prospects[1]!.profiles).toMatchObject({ linkedin: '', github: '' });
  });

  it('gives page links to nobody on a team page about no one person', () => {
    const html = `${ld([
      { '@context': 'https://schema.org', '@type': 'Person', name: 'Ann One' },
      { '@context': 'https://schema.org', '@type': 'Person', name: 'Bob Two' },
    ])}<h1>Our team</h1><a href="https://www.linkedin.com/in/someone">LinkedIn</a>`;
    expect(extractHtml(html).prospects.map((p) => p.profiles.linkedin)).toEqual(['', '']);
  });
});

describe('schema.org microdata', () => {
  it('reads nested items, itemref and the employer of an employee', () => {
    const html = `
      <div itemscope itemtype="https://schema.org/Organization" itemref="addr"><span itemprop="name">Globex</span>
        <div itemprop="employee" itemscope itemtype="https://schema.org/Person">
          <span itemprop="name">Hank Scorpio</span><span itemprop="jobTitle">CEO</span>
          <a itemprop="email" href="mailto:hank@globex.example">mail</a>
          <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">Cypress Creek</span></div>
        </div>
      </div>
      <p id="addr" itemprop="telephone">+1 202 555 0100</p>`;
    const { roots } = readMicrodata(parseHtml(html, 'https://x.example/'), 'https://x.example/');
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ name: 'Globex', telephone: '+1 202 555 0100' });
    const [p] = extractHtml(html).prospects;
    expect(p).toMatchObject({ name: 'Hank Scorpio', title: 'CEO', company: 'Globex', emails: ['hank@globex.example'], location: 'Cypress Creek' });
    expect(p!.provenance.name).toBe('microdata');
  });
});

describe('RDFa Lite', () => {
  it('reads a Person with vocab/typeof/property, its address and email', () => {
    const html = `<div vocab="https://schema.org/" typeof="Person">
      <span property="name">Jane Doe</span> <span property="jobTitle">Professor</span>
      <div property="address" typeof="PostalAddress"><span property="addressLocality">Seattle</span>, <span property="addressRegion">WA</span></div>
      <span property="telephone">(425) 123-4567</span>
      <a href="mailto:jane-doe@xyz.example" property="email">jane-doe@xyz.example</a>
      <a href="http://www.janedoe.example" property="url">janedoe.example</a>
      <a href="http://www.xyz.example/students/alice.html" property="colleague">Alice Jones</a>
    </div>`;
    const { prospects } = extractHtml(html, 'https://example.com/jane');
    expect(prospects).toHaveLength(1);
    expect(prospects[0]).toMatchObject({
      name: 'Jane Doe', title: 'Professor', location: 'Seattle, WA', phones: ['+14251234567'], emails: ['jane-doe@xyz.example'],
      website: 'http://www.janedoe.example/',
    });
    expect(prospects[0]!.provenance.name).toBe('rdfa');
  });

  it('finds people nested through roles and properties, not organizations, and reads only schema.org terms', () => {
    const html = `<div vocab="https://schema.org/" typeof="SportsTeam"><span property="name">49ers</span>
      <div property="member" typeof="OrganizationRole"><div property="member" typeof="https://schema.org/Person"><span property="name">Joe Montana</span></div></div>
      <span property="sponsor" typeof="Organization"><span property="name">Sky</span></span></div>
      <div vocab="http://xmlns.com/foaf/0.1/" typeof="Person"><span property="name">Not Schema</span></div>
      <p prefix="s: https://schema.org/" typeof="schema:Person"><span property="schema:name">Rose Tyler</span></p>`;
    expect(names(html)).toEqual(['Joe Montana', 'Rose Tyler']);
    const { roots } = readRdfa(parseHtml(html, 'https://x.example/'), 'https://x.example/');
    expect(roots[0]!['@type']).toEqual(['SportsTeam']);
  });
});
