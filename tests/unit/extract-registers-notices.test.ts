// Company registers (officer lists), Central-European contact pages, German legal notices and marketplace shops: what extraction reads from them.
import { describe, expect, it } from 'vitest';
import { cleanPersonName } from '@/utils/extract/names';
import { extractHtml } from './helpers';

describe('company registers listing officers', () => {
  const officer = (n: number, name: string, role: string, status = 'ACTIVE', residence = '') => `
    <div class="appointment-${n}">
      <h2><span id="officer-name-${n}"><a href="/officers/x${n}/appointments">${name}</a></span></h2>
      <dl><dt>Correspondence address</dt><dd>Unit 4, Tanyard Court, Chesterfield, England, S41 7AB</dd></dl>
      <dl class="column-quarter"><dt>Role <span class="status-tag govuk-tag">${status}</span></dt><dd class="data">${role}</dd></dl>
      <dl class="column-quarter"><dt>Date of birth</dt><dd class="data">March 1974</dd></dl>
      ${residence ? `<dl class="column-quarter"><dt>Country of residence</dt><dd class="data">${residence}</dd></dl>` : ''}
      <p><a href="/officers/x${n}/appointments">View appointments<span class="govuk-visually-hidden"> for ${name}</span></a></p>
    </div>`;
  const page = `<title>ACME KILNS LTD officers - Find and update company information - GOV.UK</title>
    <main><div class="appointments-list">
      ${officer(1, 'HALVERSON, Margaret Anne', 'Director', 'ACTIVE', 'England')}
      ${officer(2, 'DE SOUSA, João Miguel', 'Director')}
      ${officer(3, 'FITZWILLIAM-CHO, Grace', 'Secretary', 'RESIGNED')}
    </div></main>`;

  it('reads each numbered record as one officer, named forenames first, with the labelled role as title', () => {
    const { prospects } = extractHtml(page, 'https://find-and-update.company-information.service.gov.uk/company/1/officers');
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Margaret Anne Halverson', 'Director'],
      ['João Miguel De Sousa', 'Director'],
      ['Grace Fitzwilliam-Cho', 'Secretary'],
    ]);
    // The field label with its status tag ("Role ACTIVE") is nobody; the screen-reader "View appointments for …" is no place.
    expect(prospects.map((p) => p.location)).not.toContain('View appointments for FITZWILLIAM-CHO, Grace');
    // The register's page title names the company in capitals before what the page shows of it.
    expect(prospects.every((p) => p.company === 'ACME KILNS LTD')).toBe(true);
  });

  it('turns "SURNAME, Forenames" around, the capitals of the family name and its particles made readable', () => {
    expect(cleanPersonName('HALVERSON, Margaret Anne')).toBe('Margaret Anne Halverson');
    expect(cleanPersonName('OYELARAN-BRIGGS, Tobi')).toBe('Tobi Oyelaran-Briggs');
    expect(cleanPersonName('DE SOUSA, João Miguel')).toBe('João Miguel De Sousa');
    expect(cleanPersonName('de Vries, Jan')).toBe('Jan de Vries');
    expect(cleanPersonName('Sorensen, Helena')).toBe('Helena Sorensen');
    // A name with credentials keeps its order; a lower-case "forename" is not one.
    expect(cleanPersonName('Jane Doe, PhD')).toBe('Jane Doe');
    expect(cleanPersonName('MÜLLER, hans')).toBe('MÜLLER, hans');
    // A job line with a comma is no inverted name.
    expect(cleanPersonName('PhD Student, Electrical Engineering')).toBe('PhD Student, Electrical Engineering');
  });
});

describe('Central-European contact pages', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const hidden = (user: string, domain: string) =>
    `<joomla-hidden-mail is-link="1" is-email="1" first="${b64(user)}" last="${b64(domain)}" text="${b64(`${user}@${domain}`)}" base="">Tato e-mailová adresa je chráněna před spamboty.</joomla-hidden-mail>`;
  const table = (rows: string) =>
    `<table><thead><tr><th>Jméno</th><th>Funkce</th><th>Telefon</th><th>Mobil</th><th>E-mail</th></tr></thead><tbody>${rows}</tbody></table>`;

  it('reads a one-row department table by its Czech headers, and the address Joomla cloaks in base64 attributes', () => {
    const html = `<html lang="cs"><head><title>Kontakty | KOVOTLAK Hradec s.r.o.</title></head><body><main><h2>Obchod</h2>${table(`<tr><td>Petr Šimek</td><td>obchodní zástupce – Německo, Rakousko</td><td>—</td><td>608 555 093</td><td>${hidden('petr.simek', 'kovotlak.cz')}</td></tr>`)}
      <h2>Nákup</h2>${table(`<tr><td>Markéta Horáková</td><td>nákupčí – materiál, plechy</td><td>495 555 000, kl. 214</td><td>—</td><td>${hidden('marketa.horakova', 'kovotlak.cz')}</td></tr>`)}</main></body></html>`;
    const { prospects } = extractHtml(html, 'https://www.kovotlak.cz/kontakty');
    // A region or remit after the dash stays in the title, with all its parts; the page's company is the company.
    expect(prospects.map((p) => [p.name, p.title, p.company, p.emails])).toEqual([
      ['Petr Šimek', 'obchodní zástupce – Německo, Rakousko', 'KOVOTLAK Hradec s.r.o.', ['petr.simek@kovotlak.cz']],
      ['Markéta Horáková', 'nákupčí – materiál, plechy', 'KOVOTLAK Hradec s.r.o.', ['marketa.horakova@kovotlak.cz']],
    ]);
  });

  const rep = (name: string, post: string, props: string, extra = '') => `
    <div class="item col-md-4"><div class="item-wrap staff-item">${extra}
      <div class="title"><span class="dark-color">${name}</span></div>
      <div class="post">${post}</div>
      <div class="regions"><span class="label-region">Jihomoravský kraj</span><span class="label-region">Zlínský kraj</span></div>
      <div class="middle-props">${props}</div>
    </div></div>`;
  const prop = (label: string, value: string) => `<div class="prop phone"><span class="title-prop">${label}</span> <span class="value">${value}</span></div>`;

  it('reads Czech job lines, a labelled branch line as the branch, and a partner logo as the company', () => {
    const html = `<html lang="cs"><head><meta property="og:site_name" content="Vltavská armatura s.r.o."></head><body><main><div class="items row">
      ${rep('Jana Horáková', 'Regionální obchodní zástupce', prop('Mobil:', '<a href="tel:+420605555219">+420 605 555 219</a>') + prop('Pobočka Ostrava:', '<a href="tel:+420596555110">596 555 110</a>'))}
      ${rep('Radek Dvořák', 'Obchodní ředitel', prop('Mobil:', '<a href="tel:+420777555341">777 555 341</a>') + prop('E-mail:', '<a href="#" data-user="radek.dvorak" data-domain="vltavska-armatura.cz">napsat e-mail</a>'))}
      ${rep('Martin Hudák', 'Výhradní zastoupení pro SR', prop('Mobil:', '<a href="tel:+421905555214">+421 905 555 214</a>'), '<div class="partner-logo"><img src="/l.png" alt="TECHNOFLOW s.r.o."></div>')}
    </div></main></body></html>`;
    const { prospects } = extractHtml(html, 'https://www.vltavska-armatura.cz/obchodni-zastupci/');
    expect(prospects.map((p) => p.name)).toEqual(['Jana Horáková', 'Radek Dvořák', 'Martin Hudák']);
    const [jana, radek, martin] = prospects;
    expect(jana).toMatchObject({ title: 'Regionální obchodní zástupce', company: 'Vltavská armatura s.r.o.', phones: ['+420605555219'] });
    // The address the "napsat e-mail" script would build from the link's data attributes.
    expect(radek).toMatchObject({ title: 'Obchodní ředitel', emails: ['radek.dvorak@vltavska-armatura.cz'] });
    expect(martin!.company).toBe('TECHNOFLOW s.r.o.');
    // The regions a rep covers, listed one after another, are a territory, not where they are.
    expect(prospects.map((p) => p.location)).toEqual(['', '', '']);
  });
});

describe('German legal notices (Impressum)', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: 'Lindqvist & Haberland Messtechnik GmbH',
    founder: [{ '@type': 'Person', name: 'Annika Haberland' }, { '@type': 'Person', name: 'Malte Lindqvist' }],
  });
  const page = `<html lang="de"><head><title>Impressum | Lindqvist & Haberland Messtechnik GmbH</title><script type="application/ld+json">${ld}</script></head><body><main>
    <h1>Impressum</h1><p>Lindqvist &amp; Haberland Messtechnik GmbH<br>Gustav-Meyer-Allee 25<br>13355 Berlin</p>
    <h3>Vertreten durch</h3>
    <p>die Geschäftsführer:<br><strong>Dr.-Ing. Annika Haberland</strong> (Vorsitzende der Geschäftsführung)<br><strong>Malte Lindqvist</strong> (Technik &amp; Produktion)</p>
    <h3>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h3>
    <p>Jana Okonkwo-Stein<br>Leiterin Marketing &amp; Kommunikation<br>Anschrift wie oben<br>Telefon: 030 23125-141<br>E-Mail: <a href="mailto:j.okonkwo-stein@lh-messtechnik.de">j.okonkwo-stein@lh-messtechnik.de</a></p>
    <h3>Presseanfragen</h3>
    <p>Sven-Ole Petersen, Pressesprecher<br>Tel.: 030 23125-160 · Mobil: 0176 5550 1423</p>
  </main></body></html>`;

  it('reads the managing directors under an article-led label, the person responsible for content and the press spokesman', () => {
    const { prospects } = extractHtml(page, 'https://www.lh-messtechnik.de/impressum.html');
    const by = (n: string) => prospects.find((p) => p.name === n);
    expect(prospects.map((p) => p.name).sort()).toEqual(['Annika Haberland', 'Jana Okonkwo-Stein', 'Malte Lindqvist', 'Sven-Ole Petersen']);
    // The founders the JSON-LD lists are completed by what the imprint says of them; "&" inside the bracket joins no two people.
    expect(by('Annika Haberland')!.title).toBe('Vorsitzende der Geschäftsführung');
    expect(by('Malte Lindqvist')!.title).toBe('Technik & Produktion');
    // "Anschrift wie oben" is no company: the imprint's company is.
    expect(by('Jana Okonkwo-Stein')).toMatchObject({
      title: 'Leiterin Marketing & Kommunikation',
      company: 'Lindqvist & Haberland Messtechnik GmbH',
      emails: ['j.okonkwo-stein@lh-messtechnik.de'],
      phones: ['+493023125141'],
    });
    expect(by('Sven-Ole Petersen')).toMatchObject({ title: 'Pressesprecher', phones: ['+493023125160', '+4917655501423'] });
  });
});

describe('marketplace shop pages', () => {
  const member = (name: string, roles: string) =>
    `<li class="wt-grid__item-xs-12 wt-mb-xs-4"><img src="/a.jpg" alt="${name}" class="wt-circle"><div class="wt-ml-xs-2"><p class="wt-text-title-01">${name}</p><p class="wt-text-caption">${roles}</p></div></li>`;
  const page = `<html lang="en-GB"><head><title>About HollinsLoomworks | Handwoven throws by HollinsLoomworks | Etsy UK</title><meta property="og:site_name" content="Etsy UK"></head>
    <body><main><h1>HollinsLoomworks</h1><div class="shop-members"><h3>Shop members</h3><ul class="wt-grid">
      ${member('Rhiannon Hollins', 'Owner, Maker, Designer')}${member('Owain Pryce', 'Photographer, Finishing, Shipper')}
    </ul></div></main></body></html>`;

  it("lists the shop's members, their roles as one title, and the shop as their company", () => {
    const { prospects } = extractHtml(page, 'https://www.etsy.com/uk/shop/HollinsLoomworks#about');
    expect(prospects.map((p) => p.name)).toEqual(['Rhiannon Hollins', 'Owain Pryce']);
    // "Maker" after "Owner," is one more role, not a company.
    expect(prospects.slice(0, 2).map((p) => p.title)).toEqual(['Owner, Maker, Designer', 'Photographer, Finishing, Shipper']);
    expect(prospects.every((p) => p.company === 'HollinsLoomworks')).toBe(true);
  });
});
