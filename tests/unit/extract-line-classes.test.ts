import { describe, expect, it } from 'vitest';
import { parseJobLine } from '@/utils/extract/contacts';
import { talkSpeakers } from '@/utils/extract/cards';
import { cleanText } from '@/utils/extract/visible-text';
import { parseHtml } from '@/utils/extract/cli';
import { extractHtml } from './helpers';

const people = (html: string, url = 'https://example.test/team') =>
  extractHtml(html, url).prospects.map((p) => ({ name: p.name, title: p.title, company: p.company }));

describe('a role after the title is no company', () => {
  it('reads "Title · X Specialist" as two roles, the company coming from elsewhere', () => {
    expect(parseJobLine('REALTOR® · Coastal Homes Specialist')).toEqual({ title: 'REALTOR®', company: '' });
    expect(parseJobLine('Partner | Senior Tax Consultant')).toEqual({ title: 'Partner', company: '' });
    // A company named with a field word stays a company.
    expect(parseJobLine('Account Director · Ridgeway Communications')).toEqual({ title: 'Account Director', company: 'Ridgeway Communications' });
    expect(parseJobLine('Senior Engineer, Globex')).toEqual({ title: 'Senior Engineer', company: 'Globex' });
  });
});

describe('German titles', () => {
  it('knows compound job nouns (Energieberaterin, Bauleiter, Vertriebsingenieurin)', () => {
    for (const t of ['Energieberaterin', 'Bauleiter', 'Vertriebsingenieurin', 'Projektmanagerin', 'Elektromeister']) expect(parseJobLine(t).title, t).toBe(t);
    expect(parseJobLine('Energieberatung').title).toBe('');
  });
  it('keeps a capitalised topic after a German title in the title, not as the company', () => {
    expect(parseJobLine('Bauleiterin, Sanierung')).toEqual({ title: 'Bauleiterin, Sanierung', company: '' });
    expect(parseJobLine('Vertriebsleiter, Nordwind GmbH')).toEqual({ title: 'Vertriebsleiter', company: 'Nordwind GmbH' });
  });
  it('finds a card whose name sits in a wrapper repeated like the card’s other parts, with text contacts only', () => {
    const part = (inner: string) => `<div class="widget w-el"><div class="w-inner">${inner}</div></div>`;
    const card = (name: string, job: string, tel: string) =>
      `<div class="card">${part('<img src="x.jpg" alt="">')}${part(`<h3>${name}</h3>`)}${part(`<ul><li><strong>Funktion:</strong> ${job}</li><li><strong>Telefon:</strong> ${tel}</li></ul>`)}</div>`;
    const html = `<html lang="de"><title>Team | Lindner Haustechnik GmbH</title><body><main><h1>Unser Team</h1><div class="grid">${card('Jonas Eckert', 'Bauleiter', '030 1234567-10')}${card('Petra Lindner', 'Energieberaterin', '030 1234567-20')}</div></main></body></html>`;
    expect(people(html, 'https://www.lindner-haustechnik.de/team/').map((p) => [p.name, p.title])).toEqual([
      ['Jonas Eckert', 'Bauleiter'],
      ['Petra Lindner', 'Energieberaterin'],
    ]);
  });
});

describe('job words of more languages', () => {
  it.each(['Oprichter', 'Projectleider', 'Accountmanager corporaties', 'VD', 'Försäljningschef', 'Projektledare, region Norr', 'Ekonomiansvarig', 'Ägare', 'Amministratrice delegata', 'Direttore tecnico', 'Diretor Comercial', 'Coordenadora de Operações'])('%s is a job', (t) => {
    expect(parseJobLine(t).title).toBe(t);
  });
  it.each(['Vdeo', 'Presidential Suite', 'Chefs Table'])('%s is not', (t) => {
    expect(parseJobLine(t).title).toBe('');
  });
});

describe('Japanese officer titles', () => {
  it('reads 監査役, 執行役員, 顧問 as jobs', () => {
    for (const t of ['常勤監査役', '社外監査役', '執行役員 CFO', '顧問', '専務取締役']) expect(parseJobLine(t).title, t).toBe(t);
  });
  it('finds every officer of a 役員紹介 page, auditors included', () => {
    const officer = (title: string, name: string, kana: string) =>
      `<section class="officer"><div class="head"><p class="position">${title}</p><h2 class="name">${name}<span>（${kana}）</span></h2></div><dl class="career"><dt>2010年4月</dt><dd>当社入社</dd></dl></section>`;
    const html = `<html lang="ja"><title>役員紹介｜株式会社サンプル</title><body><main><h1>役員紹介</h1>${officer('代表取締役社長', '小林 大輔', 'こばやし だいすけ')}${officer('社外監査役', '森 由美', 'もり ゆみ')}</main></body></html>`;
    expect(people(html, 'https://www.sample.co.jp/company/officers/').map((p) => [p.name, p.title])).toEqual([
      ['小林 大輔', '代表取締役社長'],
      ['森 由美', '社外監査役'],
    ]);
  });
});

describe('job lines in cards', () => {
  it('leaves a badge beside the job line out of it', () => {
    const card = (name: string, badge: string) =>
      `<article class="agent"><h2 class="text-lg">${name}</h2><p class="text-sm">Listing Agent ${badge}</p><a href="mailto:${name.split(' ')[0]!.toLowerCase()}@harborhomes.example">Email</a></article>`;
    const html = `<main><h1>Agents</h1><div class="grid">${card('Rosa Delgado', '<span class="ml-1 rounded bg-amber-100 px-1 uppercase">Habla español</span>')}${card('Tom Reyes', '<span class="badge badge-new">New</span>')}</div></main>`;
    expect(people(html, 'https://harborhomes.example/agents').map((p) => p.title)).toEqual(['Listing Agent', 'Listing Agent']);
  });
  it('reads a job in brackets after a name without the brackets', () => {
    const html = `<main><h1>Workshops</h1><div class="session"><h3>Data contracts</h3><p class="speakers"><a href="/speakers/ana-lopes">Ana Lopes</a> (independent consultant)</p></div><div class="session"><h3>Lakehouse 101</h3><p class="speakers"><a href="/speakers/kai-berg">Kai Berg</a> (data engineer)</p></div></main>`;
    expect(people(html, 'https://datafest.example/2026/workshops').map((p) => [p.name, p.title])).toEqual([
      ['Ana Lopes', 'independent consultant'],
      ['Kai Berg', 'data engineer'],
    ]);
  });
  it('drops soft hyphens and zero-width spaces from text', () => {
    expect(cleanText(parseHtml('<p>Experten&shy;liste Zero\u200bWidth</p>', 'https://x.test/').querySelector('p'))).toBe('Expertenliste ZeroWidth');
  });
});

describe('programme lines: “Talk title” — Name (Company)', () => {
  it('reads the speakers beside a quoted talk title', () => {
    expect(talkSpeakers('“Why your CDC pipeline drifts” — Mia Kovač (TU Delft)')).toEqual({ names: ['Mia Kovač'], title: '', company: 'TU Delft' });
    expect(talkSpeakers('"Small files" by Dev Malhotra, Kestrel Data')).toEqual({ names: ['Dev Malhotra'], title: '', company: 'Kestrel Data' });
    expect(talkSpeakers('Sofie Lindgren & Omar Haddad (Fika Payments): “Cron is enough”')).toEqual({ names: ['Sofie Lindgren', 'Omar Haddad'], title: '', company: 'Fika Payments' });
    expect(talkSpeakers('“Dashboards for all” — Ngozi Eze (independent consultant)')).toEqual({ names: ['Ngozi Eze'], title: 'independent consultant', company: '' });
    expect(talkSpeakers('“Schema evolution” — Room B')).toBeNull();
    expect(talkSpeakers('“Closing keynote” — Main Stage')).toBeNull();
    expect(talkSpeakers('Schema evolution — Jane Doe (Acme)')).toBeNull();
  });
  it('finds every speaker of a lightning-talk list, with their company', () => {
    const html = `<main><h1>Programme</h1><div class="slot"><span class="badge">Lightning talks</span><ul>
      <li>&ldquo;Your metrics lie&rdquo; &mdash; Hana Novak (Parquetry)</li>
      <li>&ldquo;Streams, not batches&rdquo; &mdash; Luis Ortega (Kestrel Data)</li>
      <li>&ldquo;Cron is enough&rdquo; &mdash; Sofie Lindgren &amp; Omar Haddad (Fika Payments)</li>
      <li>Open mic &mdash; sign up at the desk</li></ul></div></main>`;
    expect(people(html, 'https://datadays.example/2026/schedule')).toEqual([
      { name: 'Hana Novak', title: '', company: 'Parquetry' },
      { name: 'Luis Ortega', title: '', company: 'Kestrel Data' },
      { name: 'Sofie Lindgren', title: '', company: 'Fika Payments' },
      { name: 'Omar Haddad', title: '', company: 'Fika Payments' },
    ]);
  });
  it('ignores a list of quotes that name no speaker', () => {
    const html = `<main><h1>Reviews</h1><ul><li>&ldquo;Great service&rdquo; &mdash; five stars</li><li>&ldquo;Fast delivery&rdquo; &mdash; verified buyer</li></ul></main>`;
    expect(people(html, 'https://shop.example/reviews')).toEqual([]);
  });
});

describe('regions and brackets after a title', () => {
  it('never splits inside brackets, and a region in another language is no company', () => {
    expect(parseJobLine('Gerente de Contas – Sul (PR, SC e RS)')).toEqual({ title: 'Gerente de Contas – Sul (PR, SC e RS)', company: '' });
    expect(parseJobLine('Head – Channel Partnerships')).toEqual({ title: 'Head – Channel Partnerships', company: '' });
    expect(parseJobLine('Projektledare, region Norr')).toEqual({ title: 'Projektledare, region Norr', company: '' });
    expect(parseJobLine('Responsabile vendite – Nord')).toEqual({ title: 'Responsabile vendite – Nord', company: '' });
    expect(parseJobLine('Head of Sales (EMEA, APAC) at Nordwind')).toEqual({ title: 'Head of Sales (EMEA, APAC)', company: 'Nordwind' });
  });
});

describe('Nordic cards', () => {
  it('reads a nickname in Swedish quotes, a compound title with its topic, and leaves the switchboard (växeln) to the company', () => {
    const card = (name: string, job: string, contact: string) => `<div class="person"><h3>${name}</h3><p>${job}</p><p>${contact}</p></div>`;
    const html = `<html lang="sv"><title>Kontakt | Fjällvind Ventilation AB</title><body><main><h1>Kontakta oss</h1><div class="row">${card('Johan ”Jocke” Berg', 'Servicetekniker, OVK-besiktningsman', 'Mobil: 070-174 06 45')}${card('Karin Holm', 'Ekonomiansvarig', 'Nås via växeln, 090-555 01 00')}</div></main></body></html>`;
    const found = extractHtml(html, 'https://www.fjallvind.example/kontakt', { defaultCountry: 'SE' }).prospects;
    expect(found.map((p) => [p.name, p.title, p.company, p.phones])).toEqual([
      ['Johan ”Jocke” Berg', 'Servicetekniker, OVK-besiktningsman', 'Fjällvind Ventilation AB', ['+46701740645']],
      ['Karin Holm', 'Ekonomiansvarig', 'Fjällvind Ventilation AB', []],
    ]);
  });
});
