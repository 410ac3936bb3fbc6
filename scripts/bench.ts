/**
 * Speed and size benchmarks (`npm run bench`). Prints measurements against
 * targets; exits 1 if a target is missed, so a regression is visible, but
 * it is not part of `npm test` (timings vary between machines).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { crmPanelBench, crmSyncBench, salesforceSyncBench } from './bench/crm-sync';
import { hostileStructuredBench } from './bench/hostile-structured';
import { filesBench } from './bench/files';
import { popupBench } from './bench/popup';
import { workspaceBench } from './bench/workspace';
import { toCsv } from '../utils/export/csv';
import { toVCards } from '../utils/export/vcard';
import { parseHtml } from '../utils/extract/cli';
import { extractProspects } from '../utils/extract/page';
import { snapshotPage } from '../utils/extract/page-snapshot';
import { benchCapture, type BenchRow } from './bench/capture';
import { LIMITS, prospectToLead, ProspectSchema } from '../utils/leads/schema';

const rows: BenchRow[] = [];

// `npm run bench -- --only files` (or popup, workspace, capture, crm, node) runs one part; no flag runs them all.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const PARTS = ['node', 'crm', 'popup', 'workspace', 'files', 'capture'];
if (onlyAt >= 0 && !PARTS.includes(only ?? '')) throw new Error(`--only takes one of ${PARTS.join(', ')}`);
const wanted = (part: string) => !only || only === part;

function time(name: string, target: number, fn: () => void, runs = 5) {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  rows.push({ name, value: samples[Math.floor(samples.length / 2)]!, unit: 'ms (median)', target });
}

if (wanted('node')) {
  const fixtures = ['person-jsonld.html', 'plain-contact.html', 'team-page.html', 'team-cards.html'];
  for (const f of fixtures) {
    const html = readFileSync(join('tests/fixtures', f), 'utf8');
    const doc = parseHtml(html, `https://bench.example/${f}`);
    time(`extract ${f}`, 50, () => extractProspects(doc, `https://bench.example/${f}`));
  }

  // Names without digits, so they read as names.
  const letters = (i: number) => 'Q' + [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
  // A large team page: 500 people in JSON-LD and as cards, plus 1 MB of text.
  const people = Array.from({ length: 500 }, (_, i) => ({ '@type': 'Person', name: `Person ${letters(i)}`, jobTitle: 'Engineer', email: `p${i}@big.example` }));
  const cards = people.map((p, i) => `<div class="card"><h3>${p.name}</h3><p>Engineer at Big Co</p><a href="mailto:${p.email}">${p.email}</a> <a href="tel:+1650253${String(i).padStart(4, '0')}">call</a></div>`).join('');
  const filler = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18_000)}</p>`;
  const bigHtml = `<script type="application/ld+json">${JSON.stringify({ '@graph': people })}</script>${cards}${filler}`;
  const bigDoc = parseHtml(bigHtml, 'https://bench.example/big');
  time(`extract 500-person page (${(bigHtml.length / 1e6).toFixed(1)} MB)`, 1500, () => extractProspects(bigDoc, 'https://bench.example/big'), 3);

  // The same 500 people as plain cards only: the card finder has to do the work.
  const plainHtml = `<main><section>${cards}</section></main>${filler}`;
  const plainDoc = parseHtml(plainHtml, 'https://bench.example/cards');
  time('extract 500 plain person cards', 1500, () => extractProspects(plainDoc, 'https://bench.example/cards'), 3);
  const found = extractProspects(plainDoc, 'https://bench.example/cards').prospects.length;
  if (found !== LIMITS.prospectsPerPage) throw new Error(`card benchmark found ${found} prospects, expected ${LIMITS.prospectsPerPage}: it no longer measures the card finder`);

  const leads = Array.from({ length: 10_000 }, (_, i) =>
    prospectToLead(ProspectSchema.parse({ name: `Lead ${i}`, company: 'Acme, Inc', emails: [`l${i}@acme.example`], phones: ['+16502530000'], title: i % 10 ? 'VP' : '=cmd()' })),
  );
  time('CSV of 10,000 leads', 500, () => toCsv(leads), 3);
  time('vCard of 10,000 leads (Node)', 2000, () => toVCards(leads), 3);

  // Hostile structured data (JSON-LD cycles and depth, nested microdata, thousands of broken blocks); BENCH_NO_HOSTILE=1 skips.
  if (!process.env.BENCH_NO_HOSTILE) rows.push(...hostileStructuredBench());

  // What a click injects: one self-contained function (its source is what executeScript sends).
  rows.push({ name: 'injected snapshot function (gzip)', value: gzipSync(snapshotPage.toString()).length / 1024, unit: 'KiB', target: 40 });
}

// CRM sync: 1,000 leads to the fake HubSpot through the real drain and client.
if (wanted('crm')) rows.push(...(await crmSyncBench()));
// The options page's CRM panel refresh at 50,000 outbox entries (index counts, not a full read).
if (wanted('crm')) rows.push(...(await crmPanelBench()));
// Salesforce: 500 leads created, then updated, through sObject Collections (API requests count against the org's daily allocation).
if (wanted('crm')) rows.push(...(await salesforceSyncBench()));

if (only === 'node' || only === 'crm') {
  // no browser part asked for
} else if (process.env.BENCH_NO_BROWSER) {
  console.log('(BENCH_NO_BROWSER set: no in-browser rows)');
} else if (existsSync('.output/chrome-mv3/popup.html')) {
  // Real Chromium with the built extension; skip with BENCH_NO_BROWSER=1.
  if (wanted('popup')) rows.push(...(await popupBench()));
  if (wanted('workspace')) rows.push(...(await workspaceBench()));
  // Import/export of 50,000 leads through the options page; BENCH_NO_FILES=1 skips (it takes a few minutes).
  if (wanted('files') && !process.env.BENCH_NO_FILES) rows.push(...(await filesBench()));
  if (wanted('capture')) rows.push(...(await benchCapture()));
} else {
  console.log('(no build at .output/chrome-mv3: run `npm run build` for the popup and capture rows)');
}

let missed = 0;
for (const r of rows) {
  const ok = r.target === undefined || r.value <= r.target;
  if (!ok) missed++;
  const goal = r.target === undefined ? '' : `target ≤ ${r.target}`;
  console.log(`${r.target === undefined ? '    ' : ok ? 'ok  ' : 'MISS'} ${r.name.padEnd(58)} ${r.value.toFixed(1).padStart(8)} ${r.unit.padEnd(12)} ${goal}`);
}
process.exit(missed ? 1 : 0);
