import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

// A board page: each office as a heading, the holder's name and occupation in a paragraph, contacts in the next one.
const boardCard = (role: string, name: string, occupation: string, contact: string) => `
  <div class="col"><div class="frame">
    <header><h3>${role}</h3></header>
    <div class="bodytext">
      <p><strong>${name}</strong><br>${occupation}</p>
      ${contact}
      <p>Zuständig für: Finanzen</p>
    </div>
  </div></div>`;

describe('boards listing each office as a heading above its holder', () => {
  const html = `<html lang="de"><body><main><h1>Vorstand</h1><div class="row">
    ${boardCard('1. Vorsitzende', 'Friederike Lanz', 'Stadtökologin, Vorstand seit 2020', '<p>Tel.: 030 23125-401<br>E-Mail: f.lanz(at)garten-berlin.de</p>')}
    ${boardCard('Schatzmeister', 'Klaus Wendland', 'Dipl.-Kaufmann i. R.', '<p>Tel.: 030 23125-403 (Di + Do, 16–18 Uhr)</p>')}
    ${boardCard('Schriftführerin', 'Annika Brückner', 'Lehrerin', '<p>E-Mail: <img src="/mail.png" alt="annika.brueckner@garten-berlin.de"></p>')}
  </div></main></body></html>`;
  const { prospects } = extractHtml(html, 'https://www.garten-berlin.de/vorstand');

  it('finds each holder, with the office as title and the contacts of the whole box', () => {
    expect(prospects.map((p) => [p.name, p.title])).toEqual([
      ['Friederike Lanz', '1. Vorsitzende'],
      ['Klaus Wendland', 'Schatzmeister'],
      ['Annika Brückner', 'Schriftführerin'],
    ]);
    expect(prospects[0]).toMatchObject({ emails: ['f.lanz@garten-berlin.de'], phones: ['+493023125401'] });
  });

  it('reads an address drawn as an image from its alt text, and office hours after a number are no phone', () => {
    expect(prospects[2]!.emails).toEqual(['annika.brueckner@garten-berlin.de']);
    expect(prospects[1]!.phones).toEqual(['+493023125403']);
  });

  it('keeps a paragraph that holds the person and their contacts as their whole block', () => {
    const section = (h: string, body: string) => `<div class="block"><div class="inner"><h3>${h}</h3>${body}</div></div>`;
    const page = `<main><h1>Contact</h1><div class="grid">
      ${section('Private Events', '<p>Buyouts for up to 140 guests.</p><p><strong>Claudia Reyes</strong><br>Private Events Manager<br><a href="mailto:claudia@ember.example">claudia@ember.example</a></p><p>Or write to <a href="mailto:events@ember.example">events@ember.example</a>.</p>')}
      ${section('Kitchen', '<p><strong>Anton Brekke</strong> — Executive Chef<br><a href="mailto:anton@ember.example">anton@ember.example</a></p>')}
    </div></main>`;
    const found = extractHtml(page, 'https://ember.example/contact').prospects;
    expect(found.find((p) => p.name === 'Claudia Reyes')!.emails).toEqual(['claudia@ember.example']);
  });
});

describe('names listed under the office they hold', () => {
  it('makes each name of a list under a role heading a person, the bracket being their remit', () => {
    const { prospects } = extractHtml(
      `<main><h1>Vorstand</h1><div><header><h3>Beisitzerinnen und Beisitzer</h3></header>
        <ul><li>Jonas Ebert (Kompostnetz)</li><li>Leyla Haddad (Öffentlichkeitsarbeit)</li></ul></div>
        <h3>Unsere Gärten</h3><ul><li>Rübezahl</li><li>Wilde Möhre</li></ul></main>`,
      'https://www.garten-berlin.de/vorstand',
    );
    expect(prospects.map((p) => p.name)).toEqual(['Jonas Ebert', 'Leyla Haddad']);
  });

  it('does not read a list of names under a heading that is no role', () => {
    const { prospects } = extractHtml(`<main><h1>Thanks</h1><h3>Our donors</h3><ul><li>Jonas Ebert</li><li>Leyla Haddad</li></ul></main>`);
    expect(prospects).toEqual([]);
  });
});
