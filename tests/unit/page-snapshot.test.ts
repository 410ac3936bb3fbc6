import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '@/utils/extract/cli';
import { extractProspects } from '@/utils/extract/page';
import { documentFromSnapshot, SNAPSHOT_LIMITS, snapshotPage, type SnapshotLimits } from '@/utils/extract/page-snapshot';
import { FIXTURES } from './helpers';

const URL_ = 'https://example.test/page';
const snap = (html: string, limits: Partial<SnapshotLimits> = {}) => snapshotPage({ ...SNAPSHOT_LIMITS, ...limits }, parseHtml(html, URL_));
const reparse = (html: string, limits: Partial<SnapshotLimits> = {}) => documentFromSnapshot(snap(html, limits));

describe('snapshotPage', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.html')))('extraction from the snapshot of %s equals extraction from the page', (name) => {
    const html = readFileSync(join(FIXTURES, name), 'utf8');
    const url = `https://example.test/${name}`;
    const direct = extractProspects(parseHtml(html, url), url);
    const snapshot = snapshotPage(SNAPSHOT_LIMITS, parseHtml(html, url));
    expect(snapshot.url).toBe(url);
    expect(snapshot.warnings).toEqual([]);
    expect(extractProspects(documentFromSnapshot(snapshot), url)).toEqual(direct);
  });

  it('keeps what extraction reads and drops scripts, styles, hidden parts and handlers', () => {
    const page = parseHtml(`<html lang="fr-FR" prefix="og: x"><head><title>Ada – Acme</title><meta property="og:title" content="Ada">
      <script>var secret = 1</script><style>.trap{display:none}</style><script type="application/ld+json"></script></head>
      <body itemscope itemtype="https://schema.org/ProfilePage">
      <div class="h-card" onclick="steal()" style="color:red" data-testid="card" aria-label="Ada"><a href="/in/ada" rel="me" title="t">Ada</a>
      <span itemprop="name">Ada</span><meta itemprop="email" content="ada@acme.example"><time datetime="2020-01-01">then</time>
      <span class="__cf_email__" data-cfemail="abcdef">[email protected]</span><input value="v"></div>
      <div class="trap">honeypot@trap.example</div><p style="visibility:hidden">invisible</p><template><p>tpl</p></template><noscript>ns</noscript><svg><text>svg</text></svg>
      <img src="data:image/png;base64,${'A'.repeat(5000)}" alt="Ada's photo"></body></html>`, URL_);
    // Set by a script on a live page: the parser would have ended the block at "</script>".
    page.querySelector('script[type="application/ld+json"]')!.textContent = '{"name":"A</script><script>B"}';
    const doc = documentFromSnapshot(snapshotPage(SNAPSHOT_LIMITS, page));
    expect(doc.documentElement.getAttribute('lang')).toBe('fr-FR');
    expect(doc.documentElement.getAttribute('prefix')).toBe('og: x');
    expect(doc.title).toBe('Ada – Acme');
    expect(doc.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe('Ada');
    expect(doc.baseURI).toBe(URL_);
    expect(doc.body.getAttribute('itemtype')).toBe('https://schema.org/ProfilePage');
    const card = doc.querySelector('.h-card')!;
    expect([...card.attributes].map((a) => a.name).sort()).toEqual(['aria-label', 'class', 'data-testid']);
    expect(card.querySelector('a')!.getAttribute('href')).toBe('/in/ada');
    expect(card.querySelector('a')!.getAttribute('rel')).toBe('me');
    expect(card.querySelector('meta[itemprop="email"]')!.getAttribute('content')).toBe('ada@acme.example');
    expect(card.querySelector('time')!.getAttribute('datetime')).toBe('2020-01-01');
    expect(card.querySelector('[data-cfemail]')!.getAttribute('data-cfemail')).toBe('abcdef');
    expect(card.querySelector('input')!.getAttribute('value')).toBe('v');
    const jsonLd = doc.querySelectorAll('script');
    expect(jsonLd).toHaveLength(1);
    expect(JSON.parse(jsonLd[0]!.textContent!)).toEqual({ name: 'A</script><script>B' });
    const text = doc.body.textContent!;
    for (const gone of ['secret', 'honeypot', 'invisible', 'tpl', 'ns', 'svg']) expect(text).not.toContain(gone);
    expect(doc.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('img')!.getAttribute('alt')).toBe("Ada's photo");
  });

  it('escapes text and attributes so the page cannot inject markup into the snapshot', () => {
    const doc = parseHtml('<p title="a&quot;><b>x</b>">1 &lt;b&gt;bold&lt;/b&gt; &amp;amp;</p>', URL_);
    const back = documentFromSnapshot(snapshotPage(SNAPSHOT_LIMITS, doc));
    expect(back.querySelector('b')).toBeNull();
    expect(back.querySelector('p')!.getAttribute('title')).toBe('a"><b>x</b>');
    expect(back.querySelector('p')!.textContent).toBe('1 <b>bold</b> &amp;');
  });

  it('bounds a huge text node, deep nesting, many elements and many JSON-LD blocks, with a warning for each', () => {
    const long = snap(`<p>${'9'.repeat(300)}</p>`, { maxTextNode: 100 });
    expect(documentFromSnapshot(long).querySelector('p')!.textContent).toHaveLength(100);
    expect(long.warnings).toEqual(['1 very long text block(s) were cut to their first 100 characters.']);

    const deep = snap(`${'<div>'.repeat(30)}deep${'</div>'.repeat(30)}<p>after</p>`, { maxDepth: 10 });
    expect(deep.html).not.toContain('deep');
    expect(deep.html).toContain('after');
    expect(deep.warnings).toEqual(['1 part(s) of this page nested over 10 levels deep were not read.']);

    const many = snap('<p>x</p>'.repeat(50), { maxElements: 20 });
    expect(documentFromSnapshot(many).querySelectorAll('p').length).toBe(20);
    expect(many.warnings[0]).toMatch(/only its first 20 elements were read/);

    const blocks = snap('<script type="application/ld+json">{</script>'.repeat(30), { maxJsonLdBlocks: 5 });
    expect(documentFromSnapshot(blocks).querySelectorAll('script')).toHaveLength(5);
    expect(blocks.warnings[0]).toMatch(/^25 structured-data \(JSON-LD\) block\(s\) were not read/);

    const big = snap(`<p>${'word '.repeat(1000)}</p>`.repeat(100), { maxChars: 20_000 });
    expect(big.html.length).toBeLessThan(30_000);
    expect(big.warnings[0]).toMatch(/only its first 0.02 MB were read/);
  });

  it('is self-contained, so executeScript can inject it on its own, and small', () => {
    const source = snapshotPage.toString();
    const isolated = new Function(`return (${source})`)() as typeof snapshotPage;
    const doc = parseHtml('<h1>Ada Lovelace</h1><a href="mailto:ada@acme.example">mail</a>', URL_);
    expect(extractProspects(documentFromSnapshot(isolated(SNAPSHOT_LIMITS, doc)), URL_).prospects[0]).toMatchObject({
      name: 'Ada Lovelace',
      emails: ['ada@acme.example'],
    });
    // The whole injected code: issue 5 asks for at most 40 KiB gzip (it was 70 KiB with the extractor inside).
    expect(gzipSync(source).length).toBeLessThan(40 * 1024);
  });
});
