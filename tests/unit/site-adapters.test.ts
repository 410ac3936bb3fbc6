import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/eval/corpus';
import { scorePage } from '../../scripts/eval/score';
import { parseHtml } from '@/utils/extract/cli';
import { extractProspects } from '@/utils/extract/page';
import { extractWithSiteAdapter, findSiteAdapter, SITE_ADAPTERS, type SiteAdapter } from '@/utils/extract/sites/index';
import { prospectToLead } from '@/utils/leads/schema';

const SITES_DIR = join(__dirname, '..', '..', 'utils', 'extract', 'sites');
/** Files of utils/extract/sites/ that are shared helpers, not adapters. */
const HELPERS = ['index.ts', 'types.ts', 'dom.ts', 'headline.ts'];
const corpus = loadCorpus();

function extract(html: string, url: string) {
  return extractProspects(parseHtml(html, url), url);
}

describe('site adapter registry', () => {
  it.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))('%s matches its own test URLs and no other adapter matches them', (_id, adapter) => {
    expect(adapter.testUrls.length).toBeGreaterThan(0);
    for (const u of adapter.testUrls) {
      expect(adapter.matches(new URL(u)), u).toBe(true);
      for (const other of SITE_ADAPTERS) if (other !== adapter) expect(other.matches(new URL(u)), `${other.id} on ${u}`).toBe(false);
    }
  });

  it('ids are unique', () => {
    expect(new Set(SITE_ADAPTERS.map((a) => a.id)).size).toBe(SITE_ADAPTERS.length);
  });

  it('every adapter file is listed in index.ts and has at least one fixture page', async () => {
    const files = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !HELPERS.includes(f));
    expect(files.length).toBe(SITE_ADAPTERS.length);
    for (const f of files) {
      const mod = (await import(`@/utils/extract/sites/${f.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is SiteAdapter => !!v && typeof v === 'object' && 'matches' in v && 'extract' in v);
      expect(exported, `${f} exports one adapter`).toHaveLength(1);
      expect(SITE_ADAPTERS, `${f} is listed in SITE_ADAPTERS`).toContain(exported[0]);
      expect(corpus.filter((p) => p.meta.adapter === exported[0]!.id).map((p) => p.slug), `fixture pages for ${exported[0]!.id}`).not.toEqual([]);
    }
  });

  it('chooses the adapter each fixture page names, and none for the others', () => {
    for (const page of corpus) expect(findSiteAdapter(page.meta.url)?.id, page.slug).toBe(page.meta.adapter);
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/tessellate-health/',
    'https://www.linkedin.com/jobs/view/3812345/',
    'https://github.com/lumenforge/pg-span',
    'https://github.com/features/actions',
    'https://github.com/orgs/lumenforge/repositories',
    'https://x.com/home',
    'https://x.com/leilani_builds/status/1862001',
    'https://x.com/search?q=payments',
    'https://example.com/in/someone',
    'not a url',
  ])('no adapter claims %s', (u) => {
    expect(findSiteAdapter(u)).toBeUndefined();
  });
});

describe.each(corpus.filter((p) => p.meta.adapter).map((p) => [p.slug, p] as const))('fixture %s', (_slug, page) => {
  const html = readFileSync(page.html, 'utf8');

  it(`is read by the ${page.meta.adapter} adapter and gives exactly the expected people`, () => {
    const site = extractWithSiteAdapter(parseHtml(html, page.meta.url), page.meta.url, { country: 'US' });
    expect(site.adapter).toBe(page.meta.adapter);
    expect(site.prospects).not.toBeNull();
    const { prospects } = extract(html, page.meta.url);
    const score = scorePage(page.expected, prospects.map((p) => prospectToLead(p)));
    expect(score.differences).toEqual([]);
    expect(prospects.every((p) => p.provenance.name === 'site' || !p.name)).toBe(true);
  });

  it('keeps the people and their profile links when every class name is renamed', () => {
    const doc = parseHtml(html, page.meta.url);
    for (const el of Array.from(doc.querySelectorAll('[class]'))) el.setAttribute('class', 'x' + Math.abs(hash(el.getAttribute('class')!)).toString(36));
    const { prospects } = extractProspects(doc, page.meta.url);
    const score = scorePage(page.expected, prospects.map((p) => prospectToLead(p)));
    expect(score.missing, JSON.stringify(score.differences)).toBe(0);
    expect(score.unexpected, JSON.stringify(score.differences)).toBe(0);
    for (const f of ['name', 'linkedin', 'x', 'github'] as const) expect(score.fields[f].fp + score.fields[f].fn, `${f}: ${JSON.stringify(score.differences)}`).toBe(0);
  });
});

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

describe('fallback to the generic extractor', () => {
  it('a page the adapter does not recognise is read with generic rules', () => {
    const html = '<html><head><title>Redirecting…</title></head><body><p>Write to <a href="mailto:ana@lima.example">Ana Lima</a></p></body></html>';
    const url = 'https://github.com/orgs/lumenforge/people';
    expect(extractWithSiteAdapter(parseHtml('<main><h1>Lumenforge</h1></main>', 'https://github.com/lumenforge'), 'https://github.com/lumenforge', { country: 'US' }).prospects).toBeNull();
    expect(extract(html, 'https://www.linkedin.com/in/nobody-here').prospects.map((p) => p.emails)).toEqual([['ana@lima.example']]);
    expect(extract(html, url).prospects).toEqual([]);
  });

  it('an adapter that throws on an unexpected DOM falls back, with a warning', () => {
    const doc = parseHtml('<main><p>Call <a href="tel:+14155550123">us</a></p></main>', 'https://x.com/someone');
    const broken = new Proxy(doc, {
      get(target, key) {
        if (key === 'querySelector') return () => {
          throw new Error('boom');
        };
        const v = Reflect.get(target, key, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const site = extractWithSiteAdapter(broken, 'https://x.com/someone', { country: 'US' });
    expect(site).toMatchObject({ adapter: 'x', prospects: null });
    expect(site.warnings[0]).toMatch(/x page reader failed \(boom\)/);
    expect(extractProspects(doc, 'https://x.com/someone').prospects[0]?.phones).toEqual(['+14155550123']);
  });
});

describe('LinkedIn lists', () => {
  it('takes the name from "View <name>’s profile" when nothing else names the person, and skips "LinkedIn Member"', () => {
    const html = `<main><ul>
      <li><a href="/in/ana-lima-1" aria-label="View Ana Lima’s profile"><img src="a.jpg" alt=""></a><div><div>Head of Growth at Pellbrook Foods</div><div>Porto, Portugal</div></div></li>
      <li><a href="/search/results/people/headless"><span>LinkedIn Member</span></a><div>Manager at a company</div></li>
      <li><a href="/in/bo-chen"><span aria-hidden="true">Bo Chen</span><span class="visually-hidden">View Bo Chen’s profile</span></a><span>• 2nd</span><div>Staff Engineer @ Kestrel Payments | Go, Kafka</div><div>Greater Seattle Area</div><button>Connect</button></li>
    </ul></main>`;
    const { prospects } = extract(html, 'https://www.linkedin.com/search/results/people/?keywords=x');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.location, p.profiles.linkedin])).toEqual([
      ['Ana Lima', 'Head of Growth', 'Pellbrook Foods', 'Porto, Portugal', 'https://www.linkedin.com/in/ana-lima-1'],
      ['Bo Chen', 'Staff Engineer', 'Kestrel Payments', 'Greater Seattle Area', 'https://www.linkedin.com/in/bo-chen'],
    ]);
  });

  it('reads a Sales Navigator result list by its data-anonymize fields', () => {
    const html = `<main><ol>
      <li><a href="/sales/lead/ACwAA1,NAME_SEARCH,a"><span data-anonymize="person-name">Lucía Moreno</span></a><span data-anonymize="title">Controller</span><a data-anonymize="company-name" href="/sales/company/1">Ostrava Bank</a><span data-anonymize="location">Madrid, Spain</span></li>
      <li><a href="/sales/lead/ACwAA2,NAME_SEARCH,b"><span data-anonymize="person-name">Pavel Novák</span></a><span data-anonymize="title">Head of Payments</span><a data-anonymize="company-name" href="/sales/company/2">Vltava Pay</a></li>
    </ol></main>`;
    const { prospects } = extract(html, 'https://www.linkedin.com/sales/search/people?query=x');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.location])).toEqual([
      ['Lucía Moreno', 'Controller', 'Ostrava Bank', 'Madrid, Spain'],
      ['Pavel Novák', 'Head of Payments', 'Vltava Pay', ''],
    ]);
  });
});

describe('saved pages', () => {
  it('a page saved to a file is read by the adapter of the address it declares (canonical, else og:url)', () => {
    const page = corpus.find((p) => p.slug === 'x-profile-shell')!;
    const html = readFileSync(page.html, 'utf8');
    const { prospects } = extract(html, 'file:///home/me/Downloads/profile.html');
    expect(prospects.map((p) => [p.name, p.title, p.company, p.profiles.x])).toEqual([['Anders Holmgren', 'CFO', 'Fjordline Energy', 'https://x.com/aholmgren_cfo']]);
  });

  it('a live page is judged by its own address, whatever it declares', () => {
    const html = '<html><head><link rel="canonical" href="https://x.com/aholmgren_cfo"><meta property="og:title" content="Anders Holmgren (@aholmgren_cfo) / X"></head><body></body></html>';
    expect(extractWithSiteAdapter(parseHtml(html, 'https://mirror.example/p'), 'https://mirror.example/p', { country: 'US' }).adapter).toBeNull();
  });
});
