// Pages the capture benchmark opens in Chromium: a 500-person directory and the hostile pages of issue 6.

/** Names without digits, so they read as names: 0 → "Qa", 25 → "Qz", 26 → "Qba". */
export const letters = (i: number) => 'Q' + [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');

const page = (title: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** A team directory: 500 person cards (name, title, email, phone) and about 1 MB of other text. */
export function fiveHundredPeople(): string {
  const cards = Array.from(
    { length: 500 },
    (_, i) =>
      `<div class="card"><h3>Person ${letters(i)}</h3><p>Engineer at Big Co</p>` +
      `<a href="mailto:p${i}@big.example">p${i}@big.example</a> <a href="tel:+1650253${String(i).padStart(4, '0')}">call</a></div>`,
  ).join('');
  // Paragraphs of 1 KB, as text is on real pages (one 1 MB text node would be cut by the snapshot's per-node cap).
  const filler = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18)}</p>`.repeat(1000);
  return page('Our people – Big Co', `<main><h1>Our people</h1><section>${cards}</section></main><footer>${filler}</footer>`);
}

const jsonLd = (data: string) => `<script type="application/ld+json">${data}</script>`;

/** Issue 6's hostile pages (items 6-9), by name. Each also has a person in plain HTML. */
export function hostilePages(): Record<string, string> {
  const person = '<h1>Hope Hostile</h1><p>Head of Sales at Hostile Inc · <a href="mailto:hope@hostile.example">hope@hostile.example</a></p>';
  const cycle = jsonLd(
    '{"@context":"https://schema.org","@graph":[{"@id":"#a","@type":"Person","name":"Ann Cycle","knows":{"@id":"#b"},"worksFor":{"@id":"#o"}},' +
      '{"@id":"#b","@type":"Person","name":"Bob Cycle","knows":{"@id":"#a"}},{"@id":"#o","@type":"Organization","name":"Loop","employee":{"@id":"#a"}}]}',
  );
  const deepName = jsonLd(`{"@context":"https://schema.org","@type":"Person","name":${'{"name":'.repeat(20_000)}"Deep"${'}'.repeat(20_000)}}`);
  const filler = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(110)}</p>`;
  let nested = '';
  for (let i = 199; i >= 0; i--) {
    nested =
      `<div ${i ? 'itemprop="knows" ' : ''}itemscope itemtype="https://schema.org/Person"><span itemprop="name">Person ${letters(i)}</span>` +
      `<span itemprop="jobTitle">Engineer</span><a itemprop="email" href="mailto:n${i}@nest.example">n${i}@nest.example</a>${filler}${nested}</div>`;
  }
  const malformed = jsonLd('{"@type":"Person","name":"Broken",').repeat(100_000);
  // Built by a script so it is one Text node (the HTML parser would split it into 64 KiB pieces).
  const hugeText = `<script>document.body.append(document.createTextNode('lorem ipsum dolor sit amet '.repeat(2_000_000)))</script>`;
  return {
    'JSON-LD @id cycle': page('Cycle', person + cycle),
    'JSON-LD name nested 20k deep': page('Deep', person + deepName),
    '200 nested microdata Persons': page('Nested', person + nested),
    '100k malformed JSON-LD blocks': page('Malformed', person + malformed),
    '50 MB text node': page('Huge text', person + hugeText),
    '1 MB run of digits': page('Digits', `${person}<p>Order ${'7'.repeat(1_000_000)}</p>`),
  };
}
