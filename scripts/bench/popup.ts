// Popup benchmarks in real Chromium with the built extension: capture and saved-list timings at 0, 10,000 and 50,000 seeded leads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_PATH, extensionIdOf, launchBrowser, openPopupFor, startServer } from '../../tests/e2e/fixtures';
import { seedScript } from './seed-bundle';

/** One benchmark figure with its goal. */
export type BenchRow = { name: string; value: number; unit: string; target: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Time between two performance marks of a page, waiting for the second. */
async function between(page: Page, from: string | null, to: string): Promise<number> {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, to, { timeout: 120_000 });
  return page.evaluate(
    ([a, b]) => performance.getEntriesByName(b!)[0]!.startTime - (a ? performance.getEntriesByName(a)[0]!.startTime : 0),
    [from, to] as const,
  );
}

/** Popup open (navigation start) → prospects of a profile page shown. */
async function captureTime(context: BrowserContext, extensionId: string, url: string, runs: number): Promise<number> {
  const samples: number[] = [];
  const page = await context.newPage();
  await page.goto(url);
  for (let i = 0; i < runs; i++) {
    const popup = await openPopupFor(context, extensionId, page);
    await popup.getByRole('form').first().waitFor();
    samples.push(await between(popup, null, 'ps:capture-shown'));
    await popup.close();
  }
  await page.close();
  return median(samples);
}

/** Saved tab clicked → first rows on screen, and → every lead indexed; then keystroke and tag-filter timings. */
async function savedTimes(context: BrowserContext, extensionId: string, runs: number) {
  const open: number[] = [];
  const complete: number[] = [];
  let keys: number[] = [];
  let tagTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.getByRole('tab', { name: /Saved leads/ }).click();
    open.push(await between(popup, 'ps:saved-open', 'ps:saved-rows-shown'));
    complete.push(await between(popup, 'ps:saved-open', 'ps:saved-complete'));
    if (i === runs - 1) {
      // tsx compiles these functions with esbuild's keepNames, whose helper the page lacks.
      await popup.evaluate('globalThis.__name = (f) => f');
      keys = await popup.evaluate(measureKeystrokes, ['a', 'ad', 'ada', 'ada ', 'ada l', 'ada', 'ad', 'a', '', 'z', 'zo', 'zoe', 'zo', 'z', '']);
      tagTimes = await popup.evaluate(measureTagFilter, ['tag-0', '', 'tag-3', '', 'tag-11', '']);
    }
    await popup.close();
  }
  return { open: median(open), complete: median(complete), key: median(keys), tag: median(tagTimes) };
}

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

/** Gzip size of every script the popup page loads. */
function popupJsGzip(): number {
  const html = readFileSync(join(EXTENSION_PATH, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(EXTENSION_PATH, f))).length, 0) / 1024;
}

/** Runs every popup benchmark; needs `npm run build` first. */
export async function popupBench(opts: { runs?: number; sizes?: number[] } = {}): Promise<BenchRow[]> {
  const runs = opts.runs ?? 5;
  const rows: BenchRow[] = [{ name: 'popup JS (gzip, all chunks)', value: popupJsGzip(), unit: 'KiB', target: 150 }];
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-bench-'));
  const { server, origin } = await startServer();
  const context = await launchBrowser(dir);
  try {
    const extensionId = await extensionIdOf(context);
    const profile = `${origin}/person-jsonld.html`;
    rows.push({ name: 'popup open → capture shown, 0 saved', value: await captureTime(context, extensionId, profile, runs), unit: 'ms (median)', target: 150 });
    const seeder = await context.newPage();
    await seeder.goto(`chrome-extension://${extensionId}/popup.html`);
    await seeder.evaluate(await seedScript());
    for (const size of opts.sizes ?? [10_000, 50_000]) {
      const t = performance.now();
      const n = await seeder.evaluate((c) => (globalThis as unknown as { __seedLeads(n: number): Promise<number> }).__seedLeads(c), size);
      if (n !== size) throw new Error(`seeded ${n} leads, expected ${size}`);
      console.log(`(seeded ${size} leads in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      const k = `${size / 1000}k`;
      const s = await savedTimes(context, extensionId, runs);
      const big = size > 10_000;
      rows.push({ name: `popup open → capture shown, ${k} saved`, value: await captureTime(context, extensionId, profile, runs), unit: 'ms (median)', target: 150 });
      rows.push({ name: `saved tab → list interactive, ${k}`, value: s.open, unit: 'ms (median)', target: big ? 400 : 150 });
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
