// Popup benchmarks in real Chromium with the built extension: capture and saved-list timings at 0, 10,000 and 50,000 seeded leads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_PATH, extensionIdOf, launchBrowser, openPopupFor, startServer } from '../../tests/e2e/fixtures';
import { pauseBetweenOpens, seedInOwnTab } from './conditions';
import { seedScript } from './seed-bundle';

/** One benchmark figure with its goal. */
export type BenchRow = { name: string; value: number; unit: string; target?: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Time between two performance marks of a page, waiting for the second. */
async function between(page: Page, from: string | null, to: string): Promise<number> {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, to, { timeout: 120_000 });
  return page.evaluate(
    ([a, b]) => performance.getEntriesByName(b!)[0]!.startTime - (a ? performance.getEntriesByName(a)[0]!.startTime : 0),
    [from, to] as const,
  );
}

/** Marks and measures of one popup open, in ms from navigation start (see entrypoints/popup and utils/extract/capture.ts). */
const BREAKDOWN: Array<[label: string, entry: string, end?: boolean]> = [
  ['entry ran', 'ps:entry'],
  ['page snapshot back', 'prospect-scout:capture:snapshot', true],
  ['UI code loaded', 'ps:ui-loaded'],
  ['extracted', 'prospect-scout:capture:extract', true],
  ['shown', 'ps:capture-shown'],
];

/** Popup open (navigation start) → prospects of a profile page shown; and the median time of each step. */
async function captureTime(context: BrowserContext, extensionId: string, url: string, runs: number): Promise<{ shown: number; steps: string }> {
  const samples: number[] = [];
  const steps: number[][] = BREAKDOWN.map(() => []);
  const page = await context.newPage();
  await page.goto(url);
  for (let i = 0; i < runs; i++) {
    const popup = await openPopupFor(context, extensionId, page);
    await popup.getByRole('form').first().waitFor();
    samples.push(await between(popup, null, 'ps:capture-shown'));
    const at = await popup.evaluate((b) => b.map(([, name, end]) => {
      const e = performance.getEntriesByName(name)[0];
      return e ? e.startTime + (end ? e.duration : 0) : NaN;
    }), BREAKDOWN);
    at.forEach((t, k) => steps[k]!.push(t));
    await popup.close();
    await pauseBetweenOpens();
  }
  await page.close();
  const spread = `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} over ${runs} opens`;
  return { shown: median(samples), steps: `${BREAKDOWN.map(([label], k) => `${label} ${median(steps[k]!).toFixed(0)}`).join(', ')}; shown ${spread}` };
}

/**
 * Popup open → first saved rows on screen (the Saved tab clicked by a script
 * as soon as it exists, as a user's first click would be), saved tab clicked →
 * first rows, and → every lead indexed; then keystroke and tag-filter timings.
 */
async function savedTimes(context: BrowserContext, extensionId: string, runs: number) {
  const fromOpen: number[] = [];
  const open: number[] = [];
  const complete: number[] = [];
  let keys: number[] = [];
  let tagTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await context.newPage();
    await popup.addInitScript(clickSavedTabOnceShown);
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    fromOpen.push(await between(popup, null, 'ps:saved-rows-shown'));
    open.push(await between(popup, 'ps:saved-open', 'ps:saved-rows-shown'));
    complete.push(await between(popup, 'ps:saved-open', 'ps:saved-complete'));
    if (i === runs - 1) {
      // tsx compiles these functions with esbuild's keepNames, whose helper the page lacks.
      await popup.evaluate('globalThis.__name = (f) => f');
      keys = await popup.evaluate(measureKeystrokes, ['a', 'ad', 'ada', 'ada ', 'ada l', 'ada', 'ad', 'a', '', 'z', 'zo', 'zoe', 'zo', 'z', '']);
      tagTimes = await popup.evaluate(measureTagFilter, ['tag-0', '', 'tag-3', '', 'tag-11', '']);
    }
    await popup.close();
    await pauseBetweenOpens();
  }
  return { fromOpen: median(fromOpen), open: median(open), complete: median(complete), key: median(keys), tag: median(tagTimes) };
}

/** Runs in the popup before its scripts: clicks the Saved tab the moment it is rendered. */
const clickSavedTabOnceShown = `(() => {
  const find = () => [...document.querySelectorAll('[role=tab]')].find((t) => /Saved leads/.test(t.textContent || ''));
  const mo = new MutationObserver(() => {
    const tab = find();
    if (tab) {
      mo.disconnect();
      tab.click();
    }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
})()`;

/**
 * Runs in the popup: types each value into the search box as a keystroke
 * would (one input event) and times until React has committed the list
 * (the status line changed or the next task ran).
 */
async function measureKeystrokes(values: string[]): Promise<number[]> {
  const input = document.querySelector<HTMLInputElement>('input[type=search]')!;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const nextTask = () => new Promise<void>((ok) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => ok();
    c.port2.postMessage(0);
  });
  const out: number[] = [];
  for (const v of values) {
    await new Promise((ok) => setTimeout(ok, 30));
    const t = performance.now();
    setter.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextTask();
    out.push(performance.now() - t);
  }
  return out;
}

/** Runs in the popup: picks each tag in the filter and times until the status line shows the new count. */
async function measureTagFilter(values: string[]): Promise<number[]> {
  const select = [...document.querySelectorAll<HTMLSelectElement>('select')].find((s) => [...s.options].some((o) => o.value === 'tag-0'))!;
  const status = document.querySelector('.summary[data-complete]')!;
  const out: number[] = [];
  for (const v of values) {
    await new Promise((ok) => setTimeout(ok, 30));
    const before = status.textContent;
    const t = performance.now();
    const changed = new Promise<void>((ok) => {
      const mo = new MutationObserver(() => {
        if (status.textContent !== before) {
          mo.disconnect();
          ok();
        }
      });
      mo.observe(status, { childList: true, subtree: true, characterData: true });
    });
    select.value = v;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await changed;
    out.push(performance.now() - t);
  }
  return out;
}

/** Chunks `files` import statically (their `from"./x.js"` clauses), transitively, as paths under the build. */
function staticClosure(files: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(EXTENSION_PATH, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(posix.join(posix.dirname(file), m[1]!));
  };
  files.forEach(visit);
  return seen;
}

/**
 * Gzip size of the scripts the popup really loads (every module Chromium
 * parses for the popup page, dynamic chunks included) and of the phone
 * metadata files it fetches, through a capture on a profile page and
 * opening the saved view; and of those, what the capture
 * card needs (the entry and the UI chunk it imports, with their static
 * imports), the rest being the saved view's code, loaded after the capture is shown.
 */
async function popupJsGzip(context: BrowserContext, extensionId: string, url: string): Promise<{ total: number; capture: number; metadata: number; groups: string[] }> {
  const page = await context.newPage();
  await page.goto(url);
  // Grants activeTab on the page (the toolbar click) and tells its tab id; the measured popup is opened after.
  const probe = await openPopupFor(context, extensionId, page);
  const tabId = new URL(probe.url()).searchParams.get('tabId');
  await probe.close();
  const popup = await context.newPage();
  const cdp = await context.newCDPSession(popup);
  const scripts = new Set<string>();
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith(`chrome-extension://${extensionId}/`)) scripts.add(new URL(e.url).pathname.slice(1));
  });
  // (Chromium keeps no resource timing entries for extension files: the requests are read from the network domain.)
  const requested = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.url.startsWith(`chrome-extension://${extensionId}/`)) requested.add(new URL(e.request.url).pathname.slice(1));
  });
  await cdp.send('Network.enable');
  await cdp.send('Debugger.enable');
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('form').first().waitFor();
  const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_PATH, f))).length, 0) / 1024;
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  await popup.waitForFunction(() => performance.getEntriesByName('ps:saved-complete').length > 0, null, { timeout: 60_000 });
  await popup.waitForTimeout(500);
  // Phone metadata arrives as JSON files (phone-metadata/<code>.json, see scripts/phone-metadata.ts), parsed by the popup as
  // much as its scripts are: they count in the total, and in the capture's share, as the capture loads them.
  const metadata = [...requested].filter((f) => f.startsWith('phone-metadata/'));
  await cdp.detach();
  await popup.close();
  await page.close();
  if (![...scripts].some((f) => f.includes('popup'))) throw new Error(`saw no popup script parsed (${[...scripts].join(', ')}): the size rows would be meaningless`);
  const entry = /src="\/?([^"]+\.js)"/.exec(readFileSync(join(EXTENSION_PATH, 'popup.html'), 'utf8'))![1]!;
  // The entry names its UI chunk in its import() (and, when that chunk has dependencies, in their preload list).
  const ui = /["`](?:chunks\/|\.\/)(mount-[\w-]+\.js)["`]/.exec(readFileSync(join(EXTENSION_PATH, entry), 'utf8'))?.[1];
  if (!ui) throw new Error(`the popup entry ${entry} names no UI chunk (chunks/mount-*.js): the capture row would be wrong`);
  const forCapture = staticClosure([entry, posix.join(posix.dirname(entry), ui)]);
  return {
    total: size([...scripts, ...metadata]),
    capture: size([...[...scripts].filter((f) => forCapture.has(f)), ...metadata]),
    metadata: size(metadata),
    groups: metadata.map((f) => posix.basename(f, '.json')),
  };
}

/** Runs every popup benchmark; needs `npm run build` first. */
export async function popupBench(opts: { runs?: number; sizes?: number[] } = {}): Promise<BenchRow[]> {
  const runs = opts.runs ?? 5;
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-bench-'));
  const { server, origin } = await startServer();
  const context = await launchBrowser(dir);
  try {
    const extensionId = await extensionIdOf(context);
    const profile = `${origin}/person-jsonld.html`;
    const js = await popupJsGzip(context, extensionId, profile);
    rows.push({ name: 'popup JS (gzip), every chunk it loads', value: js.total, unit: 'KiB', target: 150 });
    rows.push({ name: '  of which the capture card needs (the rest: saved view)', value: js.capture, unit: 'KiB' });
    rows.push({ name: `  of which phone metadata (${js.groups.length} calling code${js.groups.length === 1 ? '' : 's'}: ${js.groups.map((g) => `+${g}`).join(' ') || 'none'})`, value: js.metadata, unit: 'KiB' });
    // The capture figure is the one this 2-core machine scatters most (±30 ms between runs): more opens per median.
    const captureRuns = Math.max(runs, 9);
    const empty = await captureTime(context, extensionId, profile, captureRuns);
    console.log(`(popup open, 0 saved, median ms from navigation start: ${empty.steps})`);
    rows.push({ name: 'popup open → capture shown, 0 saved', value: empty.shown, unit: 'ms (median)', target: 150 });
    const seed = await seedScript();
    for (const size of opts.sizes ?? [10_000, 50_000]) {
      const t = performance.now();
      const n = await seedInOwnTab(context, extensionId, seed, size);
      if (n !== size) throw new Error(`seeded ${n} leads, expected ${size}`);
      console.log(`(seeded ${size} leads in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      const k = `${size / 1000}k`;
      const s = await savedTimes(context, extensionId, runs);
      const big = size > 10_000;
      const capture = await captureTime(context, extensionId, profile, captureRuns);
      console.log(`(popup open, ${k} saved, median ms from navigation start: ${capture.steps})`);
      rows.push({ name: `popup open → capture shown, ${k} saved`, value: capture.shown, unit: 'ms (median)', target: 150 });
      rows.push({ name: `popup open → saved list interactive, ${k}`, value: s.fromOpen, unit: 'ms (median)', target: big ? 400 : 150 });
      rows.push({ name: `saved tab click → first rows, ${k}`, value: s.open, unit: 'ms (median)', target: big ? 400 : 150 });
      rows.push({ name: `saved tab → all ${k} indexed (search complete)`, value: s.complete, unit: 'ms (median)', target: big ? 3000 : 1000 });
      rows.push({ name: `search keystroke → list updated, ${k}`, value: s.key, unit: 'ms (median)', target: big ? 50 : 16 });
      rows.push({ name: `tag filter → list updated, ${k}`, value: s.tag, unit: 'ms (median)', target: big ? 50 : 16 });
    }
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
