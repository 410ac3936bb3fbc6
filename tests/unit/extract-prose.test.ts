import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';
import { peopleInSentence } from '@/utils/extract/prose-people';

const people = (html: string, url = 'https://www.example.test/page') =>
  extractHtml(html, url).prospects.map((p) => ({ name: p.name, title: p.title, company: p.company, emails: p.emails, phones: p.phones, linkedin: p.profiles.linkedin }));

describe('people named in running text', () => {
  it('reads "Name, Title at Company" in a sentence, with the link in its paragraph', () => {
    const got = people(`<html><head><title>Spring night | Events</title></head><body><main><h1>Spring product night</h1>
      <p>First up: Priya Venkataraman, Director of Data at Osprey Freight, on forecasting with little data. <a href="https://www.linkedin.com/in/priya-v-data">Her profile</a></p>
      <p>Then Marcus Lindqvist, Principal Designer at Hollowell Studio. Marcus redesigned their checkout twice.</p>
      <p>Thanks to Juniper Hall for the room and to Greenfield Kitchens for the snacks.</p></main>
      <aside><div class="venue"><a href="https://www.google.com/maps/search/?api=1&amp;query=53.48">Juniper Hall</a><div>14 Mill Street</div></div></aside></body></html>`);
    expect(got).toEqual([
      { name: 'Priya Venkataraman', title: 'Director of Data', company: 'Osprey Freight', emails: [], phones: [], linkedin: 'https://www.linkedin.com/in/priya-v-data' },
      { name: 'Marcus Lindqvist', title: 'Principal Designer', company: 'Hollowell Studio', emails: [], phones: [], linkedin: '' },
    ]);
  });

  it('reads "Name (Title, Company)" and a possessive "their Title, Name"', () => {
    expect(peopleInSentence('Hosted by Ines Carvalho (Engineering Manager, Brightpath) and Tom Okoye (freelance product coach).')).toEqual([
      expect.objectContaining({ name: 'Ines Carvalho', title: 'Engineering Manager', company: 'Brightpath' }),
      expect.objectContaining({ name: 'Tom Okoye', title: 'Freelance product coach', company: '' }),
    ]);
    expect(peopleInSentence("Acme's CFO, Helen Marsh, signed off the budget.")).toEqual([expect.objectContaining({ name: 'Helen Marsh', title: 'CFO', company: 'Acme' })]);
  });

  it('never reads a capitalised pair without a job beside it as a person', () => {
    expect(peopleInSentence('We met at Union Square, Central Station and the New Museum on Friday.')).toEqual([]);
    expect(peopleInSentence('Thanks to Maria Lopez, who brought the cake, and to Sam Hill.')).toEqual([]);
    expect(peopleInSentence('Farid Haddad, Ex Officio (Executive Director)').map((p) => p.name)).not.toContain('Ex Officio');
  });

  it('keeps a department after the title and splits "Title of Company" only when the page names that company', () => {
    expect(peopleInSentence('Media: Lars Holm, Director, Group Communications · +1 555 0100')[0]).toMatchObject({ name: 'Lars Holm', title: 'Director, Group Communications' });
    expect(peopleInSentence('Ada Byrne, Chief Executive of Norland Power, said: “We are pleased.”', 'norland power acquires a wind portfolio')[0]).toMatchObject({
      title: 'Chief Executive',
      company: 'Norland Power',
    });
    expect(peopleInSentence('Ada Byrne, Head of Product, said so.', 'norland power')[0]).toMatchObject({ title: 'Head of Product', company: '' });
  });
});

describe('quoted people', () => {
  const story = (h1: string) => `<html><head><title>${h1} | Ledgerly</title></head><body><main><article><h1>${h1}</h1>
    <p>By <a rel="author" href="/authors/kim">Kim Osei</a></p>
    <blockquote><p>“We close in five days now.”</p><footer>— <strong>Rosa Delgado</strong>, Head of Accounting, Pinecrest Dairy</footer></blockquote>
    <p>Pinecrest's COO, Aaron Whitfield, now signs off payables weekly.</p></article></main></body></html>`;

  it('takes the customer people a story about their company quotes and names', () => {
    const got = people(story('How Pinecrest Dairy closes the month in five days'), 'https://www.ledgerly.test/customers/pinecrest');
    expect(got).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Rosa Delgado', title: 'Head of Accounting', company: 'Pinecrest Dairy' }),
        expect.objectContaining({ name: 'Aaron Whitfield', title: 'COO', company: 'Pinecrest Dairy' }),
      ]),
    );
  });

  it('leaves out a testimonial whose company the page is not about', () => {
    const got = people(story('Five habits of fast closers'), 'https://www.ledgerly.test/blog/five-habits');
    expect(got.map((p) => p.name)).not.toContain('Rosa Delgado');
  });
});

describe('job postings', () => {
  it('gives people the posting names the hiring company from JobPosting markup, and the recruiter their contacts', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'JobPosting', title: 'Data Engineer', hiringOrganization: { '@type': 'Organization', name: 'Tidewell Analytics' } };
    const got = people(
      `<html><head><title>Job Application for Data Engineer</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main>
      <h1>Data Engineer</h1><p>You'll report to <strong>Nadia Ferris, Head of Data Platform</strong>, and pair with our VP of Analytics, Owen Brady.</p>
      <p>Your recruiter is <strong>Grace Mwangi</strong>, Talent Partner. Email <a href="mailto:grace.mwangi@tidewell.test">grace.mwangi@tidewell.test</a>.</p>
      </main></body></html>`,
      'https://boards.jobs.test/tidewell/jobs/123',
    );
    expect(got).toEqual([
      expect.objectContaining({ name: 'Grace Mwangi', title: 'Talent Partner', company: 'Tidewell Analytics', emails: ['grace.mwangi@tidewell.test'] }),
      expect.objectContaining({ name: 'Nadia Ferris', title: 'Head of Data Platform', company: 'Tidewell Analytics', emails: [] }),
      expect.objectContaining({ name: 'Owen Brady', title: 'VP of Analytics', company: 'Tidewell Analytics', emails: [] }),
    ]);
  });
});

describe('structured data listing only some of the people shown', () => {
  it('adds the cards the Corporation markup leaves out, once each', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'Corporation',
      name: 'Kestrel Motion Corporation',
      employee: [
        { '@type': 'Person', name: 'Ruth Calder', jobTitle: 'Chief Executive Officer' },
        { '@type': 'Person', name: 'Omar Haddad', jobTitle: 'Chief Financial Officer' },
      ],
    };
    const card = (name: string, title: string) => `<div class="leader"><h3 class="leader__name">${name}</h3><p class="leader__title">${title}</p><p>Before joining, ${name.split(' ')[0]} spent ten years at Vantor Aerospace.</p></div>`;
    const got = people(
      `<html><head><title>Leadership | Kestrel Motion</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main><h1>Leadership</h1>
      ${card('Ruth Calder', 'Chief Executive Officer')}${card('Omar Haddad', 'Chief Financial Officer')}${card('Lena Voss', 'Chief Technology Officer')}
      <p><strong>Media inquiries:</strong> Paul Ng, Director, Corporate Communications · <a href="mailto:paul.ng@kestrel.test">paul.ng@kestrel.test</a></p>
      </main></body></html>`,
      'https://www.kestrel.test/about/leadership',
    );
    expect(got.map((p) => p.name)).toEqual(['Ruth Calder', 'Omar Haddad', 'Lena Voss', 'Paul Ng']);
    expect(got.find((p) => p.name === 'Lena Voss')).toMatchObject({ title: 'Chief Technology Officer', company: 'Kestrel Motion Corporation' });
    expect(got.find((p) => p.name === 'Paul Ng')).toMatchObject({ title: 'Director, Corporate Communications', emails: ['paul.ng@kestrel.test'] });
  });
});

describe('plain-text email signatures', () => {
  const archive = `<html><head><title>[ops-list] Re: disk alerts</title></head><body><h1>[ops-list] Re: disk alerts</h1>
    <b>Tobias Lindgren</b> <a href="mailto:ops-list%40lists.example.test">tobias.lindgren at fjordhost.se</a><br><i>Mon Jun 2 10:00:00 UTC 2025</i>
    <pre>Hi Mira,

the alert fires because of the 5% reserve (see ticket #4471).

On Sun, Jun 1, 2025 Mira Costa &lt;mira.costa at pelago.pt&gt; wrote:
&gt; Anyone seen this?
&gt;
&gt; --
&gt; Mira Costa
&gt; Platform Engineer
&gt; Pelago Cloud | Lisbon
&gt; +351 912 345 678

-- 
Tobias (Tobbe) Lindgren
Site Reliability Lead
Fjordhost AB | Uppsala, Sweden
M: +46 70 123 45 67
GitHub: https://github.com/tlindgren-ops | X: @tobbe_ops
Fjordhost AB, org.nr 556123-4567
</pre></body></html>`;

  it("reads the sender's signature with the address spelled out in the header, and the quoted author's own", () => {
    const got = extractHtml(archive, 'https://lists.example.test/pipermail/ops-list/2025-June/000123.html').prospects;
    const tobias = got.find((p) => p.name === 'Tobias Lindgren');
    expect(tobias).toMatchObject({
      title: 'Site Reliability Lead',
      company: 'Fjordhost AB',
      location: 'Uppsala, Sweden',
      emails: ['tobias.lindgren@fjordhost.se'],
      phones: ['+46701234567'],
      profiles: expect.objectContaining({ github: 'https://github.com/tlindgren-ops', x: 'https://x.com/tobbe_ops' }),
    });
    expect(got.find((p) => p.name === 'Mira Costa')).toMatchObject({ title: 'Platform Engineer', company: 'Pelago Cloud', emails: ['mira.costa@pelago.pt'], phones: ['+351912345678'] });
    expect(got).toHaveLength(2);
  });

  it('reads no signature from code after a "--" comment line', () => {
    const sql = `<html><body><h1>Query tips</h1><pre>--
SELECT Name, Title FROM staff;
Head Office Manager</pre></body></html>`;
    expect(extractHtml(sql).prospects).toEqual([]);
  });
});

describe('a structured author without a company', () => {
  it('takes the company the author box writes after the same title', () => {
    const ld = { '@context': 'https://schema.org', '@type': 'Article', headline: 'Notes', author: { '@type': 'Person', name: 'Jonas Albrecht', jobTitle: 'Product Marketing Lead' } };
    const got = extractHtml(
      `<html><head><title>Notes | Brightdesk</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main><article><h1>Release notes, explained</h1>
      <p>Short post.</p><section class="author-box"><p>Jonas Albrecht</p><p>Product Marketing Lead at Brightdesk. Writes about onboarding.</p></section></article></main></body></html>`,
      'https://www.brightdesk.test/blog/notes',
    ).prospects;
    expect(got[0]).toMatchObject({ name: 'Jonas Albrecht', title: 'Product Marketing Lead', company: 'Brightdesk' });
  });
});

describe('press releases: people quoted in prose and contact blocks', () => {
  const release = `<html><head><title>Halvern Clinics Deploys Tessaly Platform Across 9 Hospitals | Newswire</title><meta property="og:site_name" content="Newswire"></head><body><main><article>
    <h1>Halvern Clinics Deploys Tessaly Platform Across 9 Hospitals</h1>
    <p>“We built this for systems like Halvern,” said Mara Ellison, co-founder and chief executive officer of Tessaly. “It shows.”</p>
    <p>“Our nurses see results sooner,” said Dr. Owen Pike, senior vice president and chief nursing officer at Halvern Clinics.</p>
    <p>According to Ruth Achebe, principal analyst at Kestrel &amp; Pine Research, “this is fast.”</p>
    <p>The rollout was led by Sam Oduya, who leads sales in the region.</p>
    <div class="contacts"><h2>Contacts</h2>
    <p><b>Media Contact:</b><br>Lena Brook<br>Fairlight &amp; Moss Communications for Tessaly<br>+1 (415) 555-0162<br><a href="mailto:lbrook@fairlightmoss.com">lbrook@fairlightmoss.com</a></p>
    <p><b>Halvern Clinics Media Relations:</b><br>Pat Quill<br>Director, External Communications<br>614-555-0188</p>
    <p><b>Investor Contact:</b><br>Noor Haddad<br>Vice President, Investor Relations<br>Tessaly Inc.<br>(617) 555-0119</p></div>
  </article></main></body></html>`;

  it('reads a lower-case job after a quoted name, with the company after "of" or "at"', () => {
    expect(people(release).filter((p) => !p.phones.length)).toEqual([
      { name: 'Mara Ellison', title: 'co-founder and chief executive officer', company: 'Tessaly', emails: [], phones: [], linkedin: '' },
      { name: 'Owen Pike', title: 'senior vice president and chief nursing officer', company: 'Halvern Clinics', emails: [], phones: [], linkedin: '' },
      { name: 'Ruth Achebe', title: 'principal analyst', company: 'Kestrel & Pine Research', emails: [], phones: [], linkedin: '' },
    ]);
  });

  it('never reads a clause after a name ("who leads sales") as a job, and keeps a field after "of" in the job', () => {
    expect(peopleInSentence('The rollout was led by Sam Oduya, who leads sales in the region.')).toEqual([]);
    expect(peopleInSentence('Said Ines Moreau, professor of Computer Science.')[0]).toMatchObject({ name: 'Ines Moreau', title: 'professor of Computer Science', company: '' });
  });

  it('reads the agency of a media contact, the desk a label names, and a company line under a job with a comma', () => {
    const got = people(release).filter((p) => p.phones.length);
    expect(got).toEqual([
      { name: 'Lena Brook', title: '', company: 'Fairlight & Moss Communications', emails: ['lbrook@fairlightmoss.com'], phones: ['+14155550162'], linkedin: '' },
      { name: 'Pat Quill', title: 'Director, External Communications', company: 'Halvern Clinics', emails: [], phones: ['+16145550188'], linkedin: '' },
      { name: 'Noor Haddad', title: 'Vice President, Investor Relations', company: 'Tessaly Inc.', emails: [], phones: ['+16175550119'], linkedin: '' },
    ]);
  });

  it('reads "Name, Agency PR" as where the person works, not their job', () => {
    expect(peopleInSentence('Nadia Brook, Saffron Lane PR')).toEqual([expect.objectContaining({ name: 'Nadia Brook', title: '', company: 'Saffron Lane PR' })]);
    expect(peopleInSentence('Lars Holm, Director, Group Communications')[0]).toMatchObject({ title: 'Director, Group Communications' });
  });
});
