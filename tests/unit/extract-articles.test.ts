// Journal articles, startup cards, launch pages and forum threads: authors, founders, makers and posters as extraction reads them.
import { describe, expect, it } from 'vitest';
import { institutionOf } from '@/utils/extract/citation-meta';
import { isPersonName } from '@/utils/extract/names';
import { extractHtml } from './helpers';

const meta = (name: string, content: string) => `<meta name="${name}" content="${content}">`;

describe('journal articles: citation_* meta tags (Highwire / Google Scholar)', () => {
  it('reads each citation_author with the institution and email tags that follow it', () => {
    const html =
      '<html><head>' +
      meta('citation_title', 'Low-Power Mesh Monitoring') +
      meta('citation_author', 'Solberg-Aas, Henrik') +
      meta('citation_author_institution', 'Department of Agricultural Engineering, Trondvik University, 5003 Bergen, Norway') +
      meta('citation_author', 'Mariana Cortés-Vidal') +
      meta('citation_author_institution', 'Agrosense Labs S.L., Parc Científic, 46980 Paterna, Spain') +
      meta('citation_author_email', 'm.cortes@agrosenselabs.es') +
      meta('citation_author', 'Kenji Morimoto') +
      '</head><body><h1>Low-Power Mesh Monitoring</h1><p>by Henrik Solberg-Aas, Mariana Cortés-Vidal and Kenji Morimoto</p></body></html>';
    const people = extractHtml(html, 'https://press.example/journal/8/3/412').prospects;
    expect(people.map((p) => [p.name, p.company, p.emails])).toEqual([
      ['Henrik Solberg-Aas', 'Trondvik University', []],
      ['Mariana Cortés-Vidal', 'Agrosense Labs S.L.', ['m.cortes@agrosenselabs.es']],
      ['Kenji Morimoto', '', []],
    ]);
  });

  it('takes the institution of an affiliation line, not its department or address', () => {
    expect(institutionOf('Department of Electrical Engineering, Ogunmola Institute of Technology, Ibadan 200284, Nigeria')).toBe('Ogunmola Institute of Technology');
    expect(institutionOf('Eastern Cape Department of Rural Development, Cradock, South Africa')).toBe('Eastern Cape Department of Rural Development');
    expect(institutionOf('Faculty of Science; Lakeside University; Ontario')).toBe('Lakeside University');
    expect(institutionOf('Agrosense Labs S.L., Parc Científic, Paterna')).toBe('Agrosense Labs S.L.');
  });

  it("does not read an article's back-matter headings as names", () => {
    expect(isPersonName('Data Availability Statement')).toBe(false);
    expect(isPersonName('Author Biographies')).toBe(false);
    expect(isPersonName('Henrik Solberg-Aas')).toBe(true);
  });
});

describe("an author pop-up's links", () => {
  it('takes no search on another site as the author\'s homepage, even when its text is that site\'s domain', () => {
    const html =
      '<h2>Team</h2><div class="card"><h3>Henrik Solberg</h3><p>Research Engineer</p><a href="https://www.preprints.org/search?search1=Henrik%20Solberg">Preprints.org</a><a href="https://henriksolberg.no/">henriksolberg.no</a></div>' +
      '<div class="card"><h3>Kenji Morimoto</h3><p>Professor</p><a href="https://www.preprints.org/search?search1=Kenji%20Morimoto">Preprints.org</a></div>';
    const people = extractHtml(html, 'https://lab.example/team').prospects;
    expect(people.map((p) => [p.name, p.website])).toEqual([
      ['Henrik Solberg', 'https://henriksolberg.no/'],
      ['Kenji Morimoto', ''],
    ]);
  });
});

describe('startup cards holding their founders (demo days, portfolios)', () => {
  const founder = (name: string, role: string, extra = '') =>
    `<div role="listitem" class="founder w-dyn-item"><img src="/f.jpg" alt=""><div class="founder-name">${name}</div><div class="founder-role">${role}</div>${extra}</div>`;
  const startup = (name: string, founders: string, contact = '') =>
    `<div role="listitem" class="startup-item w-dyn-item"><div class="startup-card"><div class="startup-card-head"><img src="/cdn/${name.toLowerCase().replace(/\s/g, '')}-logo.png" alt="${name}" class="startup-logo"><div><h3 class="startup-name">${name}</h3></div></div><p>Marketplace for farm storage with IoT monitoring.</p><div class="founders-grid"><div role="list">${founders}</div></div><div class="startup-contact">${contact}</div></div></div>`;
  const page = (cards: string) =>
    `<html><head><title>Demo Day | Pampa Lab</title></head><body><header><img src="/pampa-logo.svg" alt="Pampa Lab" class="logo"></header><h1>Demo Day</h1><div role="list">${cards}</div></body></html>`;

  it("gives each founder the startup whose logo heads their card, and never takes the startup's name for a founder's", () => {
    const html = page(
      startup('Granero', founder('Lucía Fernández Paz', 'CEO & Cofundadora') + founder('Matías Bianchi', 'CTO & Cofundador')) +
        startup('Cobranzas Ya', founder('Santiago Oyarzábal', 'CEO & Fundador'), '<a href="https://cobranzasya.com.ar">cobranzasya.com.ar</a><a href="mailto:santiago@cobranzasya.com.ar">santiago@cobranzasya.com.ar</a><a href="https://wa.me/5491155550123">WhatsApp 11 15-5555-0123</a>') +
        startup('Cuyo Cellar', founder('Valentina Gómez Aráoz', 'Fundadora y CEO · sommelier'), '<a href="mailto:vale@cuyocellar.com">vale@cuyocellar.com</a>'),
    );
    const people = extractHtml(html, 'https://www.pampalab.example/demo-day').prospects;
    expect(people.map((p) => [p.name, p.title, p.company]).sort()).toEqual([
      ['Lucía Fernández Paz', 'CEO & Cofundadora', 'Granero'],
      ['Matías Bianchi', 'CTO & Cofundador', 'Granero'],
      ['Santiago Oyarzábal', 'CEO & Fundador', 'Cobranzas Ya'],
      ['Valentina Gómez Aráoz', 'Fundadora y CEO', 'Cuyo Cellar'],
    ]);
    // Links written side by side without a space are not read as one address ("cobranzasya.com.arsantiago@…whatsapp").
    expect(people.find((p) => p.name === 'Santiago Oyarzábal')!.emails).toEqual(['santiago@cobranzasya.com.ar']);
  });

  it('reads a Spanish "Nombre, Cargo de Empresa" in a sentence', () => {
    const html =
      '<html><head><title>Demo Day | Pampa Lab</title></head><body><h1>Demo Day</h1><p>¿Querés invertir? Escribile a <strong>Carolina Sosa</strong>, Directora de Programa de Pampa Lab: <a href="mailto:carolina@pampalab.example">carolina@pampalab.example</a></p></body></html>';
    const [p] = extractHtml(html, 'https://www.pampalab.example/demo-day').prospects;
    expect(p).toMatchObject({ name: 'Carolina Sosa', title: 'Directora de Programa de Pampa Lab', emails: ['carolina@pampalab.example'] });
  });
});

describe('launch pages: makers in JSON-LD and in cards', () => {
  it("completes each structured maker from their own card even when another maker's card reads as no card", () => {
    const ld = {
      '@context': 'http://schema.org',
      '@type': 'WebApplication',
      name: 'Ledgerline',
      author: [
        { '@type': 'Person', name: 'Amara Okoli', url: 'https://launch.example/@amaraokoli' },
        { '@type': 'Person', name: 'Jonas Virtanen', url: 'https://launch.example/@jvirtanen' },
        { '@type': 'Person', name: 'Wen-Li Chao', url: 'https://launch.example/@wenli' },
      ],
    };
    const card = (slug: string, name: string, headline: string) =>
      `<li data-test="maker-card"><a href="/@${slug}"><img src="/a.jpg" alt="${name}"><span><span class="font-semibold">${name}</span><span class="text-gray-500">${headline}</span></span></a></li>`;
    const html =
      `<script type="application/ld+json">${JSON.stringify(ld)}</script><h1>Ledgerline</h1><ul>` +
      card('amaraokoli', 'Amara Okoli', 'Co-founder &amp; CEO @ Ledgerline') +
      card('jvirtanen', 'Jonas Virtanen', 'CTO @ Ledgerline') +
      card('wenli', 'Wen-Li Chao', 'Design at Ledgerline') +
      `</ul><div class="comment"><p>Hey everyone! I'm Amara, co-founder of Ledgerline.</p></div>`;
    const people = extractHtml(html, 'https://launch.example/posts/ledgerline').prospects;
    expect(people.map((p) => [p.name, p.title, p.company])).toEqual([
      ['Amara Okoli', 'Co-founder & CEO', 'Ledgerline'],
      ['Jonas Virtanen', 'CTO', 'Ledgerline'],
      ['Wen-Li Chao', '', ''],
    ]);
  });
});

describe('forum threads (Discourse): posters shown by full name and username', () => {
  it("reads each poster with a user title once by full name, and takes the post author's handle in JSON-LD for nobody", () => {
    const ld = { '@context': 'http://schema.org', '@type': 'DiscussionForumPosting', headline: 'Polling stalls after 3.8.2', author: { '@type': 'Person', name: 'dwhitaker_ops', url: 'https://forum.example/u/dwhitaker_ops' } };
    const post = (user: string, name: string, title = '') =>
      `<div class="topic-post"><article><div class="topic-meta-data"><div class="names trigger-user-card"><span class="first full-name"><a href="/u/${user}">${name}</a></span><span class="second username"><a href="/u/${user}">${user}</a></span>${title ? `<span class="user-title">${title}</span>` : ''}</div></div><div class="cooked"><p>Thanks, this is a longer reply about firmware and polling.</p></div></article></div>`;
    const html = `<html><head><title>Polling stalls after 3.8.2 - Vendor Community</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>Polling stalls after 3.8.2</h1>${post('dwhitaker_ops', 'Darnell Whitaker')}${post('maeve.h', 'Maeve Halloran', 'Community Manager')}${post('kenta.i', 'Kenta Ishikawa', 'Senior Support Engineer, Ferrolink')}</body></html>`;
    const people = extractHtml(html, 'https://forum.example/t/polling-stalls/5501').prospects;
    expect(people.map((p) => [p.name, p.title, p.company]).sort()).toEqual([
      ['Kenta Ishikawa', 'Senior Support Engineer', 'Ferrolink'],
      ['Maeve Halloran', 'Community Manager', 'Vendor Community'],
    ]);
  });
});

describe("an address written as family name and initial ('dlaminin@')", () => {
  it("is the listed author's whose name it spells, even outside the author list", () => {
    const html =
      '<html><head><meta name="citation_author" content="Nomvula P. Dlamini"><meta name="citation_author" content="Thandeka Mokoena"></head><body><h1>Heat stress in goats</h1>' +
      '<section><h2>Correspondence</h2><p>Dr N. P. Dlamini, Highveld University. E-mail: <a href="mailto:dlaminin@hut.example">dlaminin@hut.example</a></p></section></body></html>';
    const people = extractHtml(html, 'https://journals.example/article/view/2187').prospects;
    expect(people.map((p) => [p.name, p.emails])).toEqual([
      ['Nomvula P. Dlamini', ['dlaminin@hut.example']],
      ['Thandeka Mokoena', []],
    ]);
  });
});
