import { describe, expect, it } from 'vitest';
import { ExtractionResultSchema, LIMITS } from '@/utils/leads/schema';
import { extractFixture, extractHtml } from './helpers';

const card = (name: string, contact: string, extra = '') =>
  `<div class="person"><h4>${name}</h4>${extra}<a href="${contact}">contact</a></div>`;

describe('team pages without structured data', () => {
  it('makes one prospect per person card, each with only its own contacts', () => {
    const { prospects } = extractFixture('team-cards.html', 'https://hooli.example/team');
    expect(prospects.map((p) => p.name)).toEqual(['Gavin Belson', 'Denpok Singh', 'Jack Barker']);
    const [gavin, denpok, jack] = prospects;
    expect(gavin).toMatchObject({
      title: 'Chief Executive Officer',
      company: 'Hooli',
      emails: ['gavin@hooli.example'],
      phones: [],
      profiles: { linkedin: 'https://www.linkedin.com/in/gavinbelson', x: 'https://x.com/gbelson', github: '' },
    });
    expect(denpok).toMatchObject({ title: 'Spiritual Advisor', emails: [], phones: ['+16505550134'], profiles: { github: 'https://github.com/denpok' } });
    // "Head of Sales at Hooli XYZ" names a company that beats the site name.
    expect(jack).toMatchObject({ title: 'Head of Sales', company: 'Hooli XYZ', emails: ['jack.barker@hooli.example'], phones: ['+16505550199'] });
    expect(jack!.provenance).toMatchObject({ name: 'heading', title: 'text', company: 'text', 'phones:+16505550199': 'tel', 'emails:jack.barker@hooli.example': 'text' });
    expect(gavin!.provenance).toMatchObject({ company: 'meta', 'emails:gavin@hooli.example': 'mailto', 'profiles.linkedin': 'link' });
    // Addresses of the site itself (nav, intro, footer) belong to nobody.
    const all = prospects.flatMap((p) => [...p.emails, p.profiles.x, p.profiles.linkedin]);
    expect(all).not.toContain('hello@hooli.example');
    expect(all).not.toContain('press@hooli.example');
    expect(all).not.toContain('https://x.com/hooli');
  });

  it('needs at least two cards with a name and a contact', () => {
    const one = extractHtml(`<h2>Team</h2><div>${card('Ann Lee', 'mailto:ann@x.example')}<div class="person"><h4>Open Role</h4></div></div>`);
    expect(one.prospects).toHaveLength(1);
    expect(one.prospects[0]!.emails).toEqual(['ann@x.example']);

    // Contacts with no person's name belong to the organization, not to a nameless prospect.
    const unnamed = extractHtml(`<ul><li><a href="mailto:a@x.example">a@x.example</a></li><li><a href="mailto:b@x.example">b@x.example</a></li></ul>`);
    expect(unnamed.prospects).toHaveLength(0);
    expect(unnamed.organizations[0]!.emails).toEqual(['a@x.example', 'b@x.example']);
  });

  it('keeps a profile page about one person even if it lists others', () => {
    const html = `<h1>Maria Garcia</h1><p>Sales Director at Umbrella</p><a href="mailto:maria@umbrella.example">mail</a>
      <aside>${card('Ann Lee', 'https://www.linkedin.com/in/annlee')}${card('Bob Stone', 'https://www.linkedin.com/in/bobstone')}</aside>`;
    const { prospects } = extractHtml(html);
    expect(prospects.map((p) => p.name)).toEqual(['Maria Garcia']);

    const team = extractHtml(`<h1>Ann Lee</h1><div>${card('Ann Lee', 'mailto:ann@x.example')}${card('Bob Stone', 'mailto:bob@x.example')}</div>`);
    expect(team.prospects.map((p) => p.name)).toEqual(['Ann Lee', 'Bob Stone']);
  });

  it('leaves pages with structured people to the structured extractors', () => {
    const { prospects } = extractFixture('team-page.html');
    expect(prospects.map((p) => p.name).sort()).toEqual(['Bill Lumbergh', 'Michael Bolton', 'Peter Gibbons', 'Samir Nagheenanajar']);
  });

  it('stays bounded on a page of thousands of cards, and says so', () => {
    // Distinct names, so no two cards are merged as one person.
    const letters = (i: number) => [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const cards = Array.from({ length: 2000 }, (_, i) => card(`Person Q${letters(i)}`, `mailto:p${i}@x.example`)).join('');
    const { prospects, warnings } = extractHtml(`<div>${cards}</div>`);
    expect(prospects).toHaveLength(LIMITS.prospectsPerPage);
    expect(new Set(prospects.map((p) => p.name)).size).toBe(LIMITS.prospectsPerPage);
    expect(warnings).toEqual([`This page lists more than ${LIMITS.prospectsPerPage} people; showing the first ${LIMITS.prospectsPerPage}.`]);
    // What the content script returns must still pass the popup's validation.
    expect(ExtractionResultSchema.safeParse({ ok: true, url: 'https://x.example', prospects, warnings }).success).toBe(true);
    // Big page parsed by happy-dom on a shared CI machine: the time limit is generous, speed is measured by the bench.
  }, 60_000);
});

describe('line breaks inside a card', () => {
  it('ends a job line at <br>: credentials and addresses on the next line are not part of the title', () => {
    const grid = ['Dr Aisha Rahman|Principal Dentist<br>BDS (Bristol) · GDC no. 218834', 'Tom Hale|Dental Hygienist<br>GDC no. 177201', 'Grace Mensah|Practice Manager']
      .map((c) => c.split('|'))
      .map(([n, d]) => `<div class="box"><figure><img alt="${n}"></figure><div class="box-content"><h3 class="box-title">${n}</h3><p class="box-description">${d}</p></div></div>`)
      .join('');
    const { prospects } = extractHtml(`<h2>Our team</h2><section>${grid}</section>`);
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Dr Aisha Rahman', 'Principal Dentist'],
      ['Tom Hale', 'Dental Hygienist'],
      ['Grace Mensah', 'Practice Manager'],
    ]);
  });

  it('reads a signature "Name, Title<br>email" without the email in the title', () => {
    const { prospects } = extractHtml(
      `<p class="sig"><strong>Callum O'Brien</strong>, Founder &amp; Managing Director<br><a href="mailto:callum@kf.example">callum@kf.example</a> · <a href="tel:+61412345678">0412 345 678</a></p>`,
      'https://kf.example/about',
    );
    expect(prospects[0]).toMatchObject({ name: "Callum O'Brien", title: 'Founder & Managing Director', emails: ['callum@kf.example'] });
  });
});
