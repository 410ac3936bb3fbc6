import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

const people = (html: string, url = 'https://www.example.test/page') =>
  extractHtml(html, url).prospects.map((p) => ({ name: p.name, title: p.title, company: p.company, phones: p.phones, linkedin: p.profiles.linkedin }));

describe('presenters listed both in structured data and as cards', () => {
  it('merges each Event performer with their card (title, company, profile link)', () => {
    const html = `<html><head><title>Forecasting webinar 2027</title>
      <script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Forecasting 2027","performer":[{"@type":"Person","name":"Ada Okoro"},{"@type":"Person","name":"Ben Frost"}]}</script></head>
      <body><main><h1>Forecasting in 2027</h1><section class="speakers"><h2>Your presenters</h2>
      <div class="speaker-card"><h3 class="speaker-card__name">Ada Okoro</h3><p class="speaker-card__title">Director of Product Marketing at Quillby</p>
        <a href="https://www.linkedin.com/in/ada-okoro" aria-label="Ada on LinkedIn"><svg></svg></a></div>
      <div class="speaker-card"><h3 class="speaker-card__name">Ben Frost</h3><p class="speaker-card__title">Principal Analyst at Northwold Research</p>
        <a href="https://www.linkedin.com/in/benfrost" aria-label="Ben on LinkedIn"><svg></svg></a></div>
      </section></main></body></html>`;
    expect(people(html, 'https://www.quillby.com/webinars/forecasting')).toEqual([
      { name: 'Ada Okoro', title: 'Director of Product Marketing', company: 'Quillby', phones: [], linkedin: 'https://www.linkedin.com/in/ada-okoro' },
      { name: 'Ben Frost', title: 'Principal Analyst', company: 'Northwold Research', phones: [], linkedin: 'https://www.linkedin.com/in/benfrost' },
    ]);
  });
});

describe('places that look like people', () => {
  it('never reads a venue or office block (address and opening hours, no job) as a person', () => {
    const html = `<html lang="en-US"><head><title>Contact | Ember Hospitality</title></head><body>
      <header><nav><a href="/little-fern">Little Fern</a><a href="/contact">Contact</a></nav></header><main><h1>Get in touch</h1>
      <div class="grid">
        <div class="block"><p><strong>Clara Wynn</strong><br>Private Events Manager<br><a href="tel:+13125550158">312.555.0158</a></p></div>
        <div class="block"><p><strong>Theo Lind</strong><br>Beverage Director<br><a href="tel:+13125550159">312.555.0159</a></p></div>
      </div>
      <div class="venues">
        <div class="venue"><h4>Little Fern</h4><p>2816 N Milwaukee Ave<br>Chicago, IL 60618<br><a href="tel:7735550124">(773) 555-0124</a></p><p>Wed–Sun 5:30–10:00pm</p></div>
        <div class="venue"><h4>Harbor Salt</h4><p>5311 N Clark St<br>Chicago, IL 60640<br><a href="tel:7735550137">(773) 555-0137</a></p><p>Daily 3:00–11:00pm</p></div>
      </div></main></body></html>`;
    expect(people(html, 'https://www.emberhospitality.com/contact').map((p) => p.name)).toEqual(['Clara Wynn', 'Theo Lind']);
  });

  it('keeps a person card with an address and no job (an agent in a locator)', () => {
    const html = `<html lang="en-US"><head><title>Find an agent</title></head><body><main><h1>Agents near you</h1><ul class="results">
      <li class="agent"><h3>Maria Ortiz</h3><p>Ortiz Insurance Agency</p><p>120 Main St, Fresno, CA 93721</p><a href="tel:+15595550101">(559) 555-0101</a></li>
      <li class="agent"><h3>Dan Whitley</h3><p>Whitley &amp; Sons Insurance</p><p>44 Elm Ave, Fresno, CA 93722</p><a href="tel:+15595550102">(559) 555-0102</a></li>
      </ul></main></body></html>`;
    expect(people(html, 'https://www.insurer.example/agents').map((p) => p.name)).toEqual(['Maria Ortiz', 'Dan Whitley']);
  });
});

describe('contacts that spell a listed person\'s name', () => {
  const about = `<html lang="en"><head><title>About - Pricing Notes</title></head><body><main><h1>About Pricing Notes</h1>
    <div class="profiles">
      <div class="profile"><a class="profile-name" href="https://substack.com/@claravh">Clara Vasquez-Hale</a><div class="profile-bio">Head of Pricing @ Ledgerly</div></div>
      <div class="profile"><a class="profile-name" href="https://substack.com/@tobiasr">Tobias Renner</a><div class="profile-bio">CFO at Quaystone</div></div>
    </div>
    <p>Recent guest authors include <strong>Tobias Renner</strong> (CFO at Quaystone) on billing, and <strong>Mei-Lin Hsu</strong>, an independent pricing consultant (<a href="https://meilinhsu.com">meilinhsu.com</a>), on discounting.</p>
    <p>Sponsorship enquiries to <a href="mailto:sponsors@pricingnotes.pub">sponsors@pricingnotes.pub</a>. Hit reply to reach me, or write to <a href="mailto:clara@pricingnotes.pub">clara@pricingnotes.pub</a>.</p>
    </main></body></html>`;

  it('gives a first-name address in the page text to the one person of that name, and a site spelling a name to that person', () => {
    const got = extractHtml(about, 'https://www.pricingnotes.pub/about').prospects.map((p) => ({ name: p.name, emails: p.emails, website: p.website }));
    expect(got).toEqual(
      expect.arrayContaining([
        { name: 'Clara Vasquez-Hale', emails: ['clara@pricingnotes.pub'], website: '' },
        { name: 'Tobias Renner', emails: [], website: '' },
        { name: 'Mei-Lin Hsu', emails: [], website: 'https://meilinhsu.com/' },
      ]),
    );
  });

  it('never gives a role mailbox or a shared first name by spelling', () => {
    const html = `<html><body><main><ul class="team">
      <li class="m"><h3>Anna Berg</h3><p>Sales Director</p></li><li class="m"><h3>Anna Kowalski</h3><p>Account Manager</p></li></ul>
      <p>Write to <a href="mailto:anna@firm.example">anna@firm.example</a> or <a href="mailto:sales@firm.example">sales@firm.example</a>, or to <a href="mailto:akowalski@firm.example">akowalski@firm.example</a>.</p></main></body></html>`;
    const got = extractHtml(html, 'https://firm.example/team').prospects.map((p) => ({ name: p.name, emails: p.emails }));
    expect(got).toEqual([
      { name: 'Anna Berg', emails: [] },
      { name: 'Anna Kowalski', emails: ['akowalski@firm.example'] },
    ]);
  });
});
