import { describe, expect, it } from 'vitest';
import { extractHtml } from './helpers';

const people = (html: string, url: string) => extractHtml(html, url).prospects.map((p) => ({ name: p.name, title: p.title, emails: p.emails, phones: p.phones }));

describe('a team page whose markup names one of its people', () => {
  it('lists every card when an Organization block names its founder, who is one of the cards', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"Dijkstra Web B.V.","telephone":"+31 20 555 0100","founder":{"@type":"Person","name":"Eva Dijkstra"}}</script>`;
    const card = (name: string, role: string, mail: string) => `<li class="member"><h3 class="member__name">${name}</h3><p class="member__role">${role}</p><a href="mailto:${mail}@dijkstraweb.example">${mail}@dijkstraweb.example</a></li>`;
    const html = `<html lang="nl"><head><title>Over ons – Dijkstra Web</title>${ld}</head><body><main><h1>Wij zijn Dijkstra Web</h1><ul class="team">${card('Eva Dijkstra', 'Oprichter', 'eva')}${card('Ruben Smit', 'Lead developer', 'ruben')}${card('Noor Bakker', 'Accountmanager', 'noor')}</ul><p>Kantoor: 020 555 0100</p></main></body></html>`;
    expect(people(html, 'https://dijkstraweb.example/over-ons')).toEqual([
      { name: 'Eva Dijkstra', title: 'Oprichter', emails: ['eva@dijkstraweb.example'], phones: [] },
      { name: 'Ruben Smit', title: 'Lead developer', emails: ['ruben@dijkstraweb.example'], phones: [] },
      { name: 'Noor Bakker', title: 'Accountmanager', emails: ['noor@dijkstraweb.example'], phones: [] },
    ]);
  });
  it('still reads a profile page whose one structured person is not among the cards around it', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Eva Dijkstra","jobTitle":"Partner"}</script>`;
    const card = (name: string) => `<div class="colleague"><h3>${name}</h3><p>Associate</p><a href="mailto:x@firm.example">x@firm.example</a></div>`;
    const html = `<html><head><title>Eva Dijkstra</title>${ld}</head><body><main><h1>Eva Dijkstra</h1><p>Partner</p><a href="mailto:eva@firm.example">eva@firm.example</a></main><aside>${card('Ruben Smit')}${card('Noor Bakker')}</aside></body></html>`;
    expect(people(html, 'https://firm.example/people/eva-dijkstra').map((p) => [p.name, p.emails])).toEqual([['Eva Dijkstra', ['eva@firm.example']]]);
  });
});
