// Workspace benchmarks in real Chromium with the built extension: open → table interactive, filter changes, and the sync-state re-read, at 10,000 and 50,000 seeded leads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionIdOf, launchBrowser } from '../../tests/e2e/fixtures';
import type { BenchRow } from './popup';
import { pauseBetweenOpens, seedInOwnTab, watchLongTasks } from './conditions';
import { seedOutbox, seedScript } from './seed-bundle';
import { SYNC_CHANGES_CHANNEL } from '../../utils/sync/changes';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Time from navigation start to a performance mark of the page, waiting for it. */
async function markTime(page: Page, mark: string): Promise<number> {
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000 });
  return page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
}

/**
 * Runs in the workspace: applies each filter change as the user would (a
 * select's change, a checkbox click, a typed company) and times until the
 * status line shows the new count.
 */
type FilterStep = { kind: 'tag' | 'company' | 'email'; value: string };

async function measureFilters(steps: FilterStep[]): Promise<number[]> {
  const status = document.querySelector('.ws-bar .summary')!;
  const tag = [...document.querySelectorAll<HTMLSelectElement>('select')].find((s) => [...s.options].some((o) => o.value === 'tag-0'))!;
  const labelled = (text: string) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)!;
    return (label.htmlFor ? document.getElementById(label.htmlFor) : label.querySelector('input')) as HTMLInputElement;
  };
  const company = labelled('Company');
  const email = labelled('Has email');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const out: number[] = [];
  for (const step of steps) {
    await new Promise((ok) => setTimeout(ok, 30));
    const before = status.textContent;
    const changed = new Promise<void>((ok) => {
      const mo = new MutationObserver(() => {
        if (status.textContent !== before) {
          mo.disconnect();
          ok();
        }
      });
      mo.observe(status, { childList: true, subtree: true, characterData: true });
    });
    const t = performance.now();
    if (step.kind === 'tag') {
      tag.value = step.value;
      tag.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (step.kind === 'company') {
      setter.call(company, step.value);
      company.dispatchEvent(new Event('input', { bubbles: true }));
    } else email.click();
    await changed;
    out.push(performance.now() - t);
  }
  return out;
}

async function workspaceTimes(context: BrowserContext, extensionId: string, runs: number) {
  const open: number[] = [];
  const complete: number[] = [];
  let filters: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/workspace.html`);
    open.push(await markTime(page, 'ps:workspace-rows-shown'));
    complete.push(await markTime(page, 'ps:workspace-complete'));
    if (i === runs - 1) {
      // tsx compiles these functions with esbuild's keepNames, whose helper the page lacks.
      await page.evaluate('globalThis.__name = (f) => f');
      // The tag filter's options arrive after the rows (listTags): measuring before they are there read an empty select.
      await page.waitForFunction(() => [...document.querySelectorAll('select')].some((s) => [...s.options].some((o) => o.value === 'tag-0')), undefined, { timeout: 60_000 });
      filters = await page.evaluate(measureFilters, <FilterStep[]>[
        { kind: 'tag', value: 'tag-0' },
        { kind: 'tag', value: '' },
        { kind: 'company', value: 'acme' },
        { kind: 'company', value: '' },
        { kind: 'tag', value: 'tag-3' },
        { kind: 'tag', value: '' },
        { kind: 'company', value: 'glob' },
        { kind: 'company', value: '' },
      ]);
    }
    await page.close();
    await pauseBetweenOpens();
  }
  return { open: median(open), complete: median(complete), filter: median(filters) };
}

const SYNC_MEASURE = 'ps:workspace-sync-states';

/**
 * The workspace with a CRM connected and an outbox entry per lead: open →
 * table interactive and → all indexed (the first sync-state read runs
 * meanwhile), that first read's duration (medians of `runs` opens), then on
 * the last page the sync-state re-read after a change notice, as when the
 * background finishes a batch: its duration (a performance measure the page
 * records; median of `runs`) and the longest main-thread task overlapping
 * any of them (0: none over 50 ms).
 */
async function syncStateTimes(context: BrowserContext, extensionId: string, runs: number) {
  const open: number[] = [];
  const complete: number[] = [];
  const first: number[] = [];
  const reads: number[] = [];
  let longest = 0;
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage();
    try {
      await page.goto(`chrome-extension://${extensionId}/workspace.html`);
      const measures = () => page.evaluate((name) => performance.getEntriesByName(name).map((e) => ({ start: e.startTime, duration: e.duration })), SYNC_MEASURE);
      open.push(await markTime(page, 'ps:workspace-rows-shown'));
      complete.push(await markTime(page, 'ps:workspace-complete'));
      await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, SYNC_MEASURE, { timeout: 60_000 });
      first.push((await measures())[0]!.duration);
      if (run < runs - 1) continue;
      await watchLongTasks(page);
      for (let i = 0; i < runs; i++) {
        await pauseBetweenOpens();
        const before = (await measures()).length;
        // What the background does after writing the outbox (announceSyncChange).
        await page.evaluate((name) => {
          const channel = new BroadcastChannel(name);
          channel.postMessage('changed');
          channel.close();
        }, SYNC_CHANGES_CHANNEL);
        await page.waitForFunction(([name, n]) => performance.getEntriesByName(name as string).length > (n as number), [SYNC_MEASURE, before], { timeout: 60_000 });
        const m = (await measures())[before]!;
        reads.push(m.duration);
        // Tasks that overlap the read (a task running when it started counts too).
        await page.waitForTimeout(100);
        const tasks = await page.evaluate(() => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks);
        for (const t of tasks) if (t.start + t.duration >= m.start && t.start <= m.start + m.duration) longest = Math.max(longest, t.duration);
      }
    } finally {
      await page.close();
      await pauseBetweenOpens();
    }
  }
  return { open: median(open), complete: median(complete), first: median(first), read: median(reads), longest };
}

/** Workspace rows at 10,000 and 50,000 leads; needs `npm run build` first. */
export async function workspaceBench(opts: { runs?: number; sizes?: number[] } = {}): Promise<BenchRow[]> {
  const runs = opts.runs ?? 5;
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-bench-ws-'));
  const context = await launchBrowser(dir);
  try {
    const extensionId = await extensionIdOf(context);
    const seed = await seedScript();
    for (const size of opts.sizes ?? [10_000, 50_000]) {
      const n = await seedInOwnTab(context, extensionId, seed, size);
      if (n !== size) throw new Error(`seeded ${n} leads, expected ${size}`);
      const k = `${size / 1000}k`;
      const big = size > 10_000;
      const s = await workspaceTimes(context, extensionId, runs);
      rows.push({ name: `workspace open → table interactive, ${k}`, value: s.open, unit: 'ms (median)', target: big ? 400 : 150 });
      rows.push({ name: `workspace open → all ${k} indexed`, value: s.complete, unit: 'ms (median)', target: big ? 3000 : 1000 });
      rows.push({ name: `workspace filter change → table updated, ${k}`, value: s.filter, unit: 'ms (median)', target: big ? 50 : 16 });
      if (big) {
        // After the rows above (measured with no CRM, as before): a CRM with an outbox entry per lead.
        const seeder = await context.newPage();
        const entries = await seeder
          .goto(`chrome-extension://${extensionId}/popup.html`)
          .then(() => seedOutbox(seeder, size, seed))
          .finally(() => seeder.close());
        if (entries !== size) throw new Error(`seeded ${entries} outbox entries, expected ${size}`);
        await pauseBetweenOpens();
        const sync = await syncStateTimes(context, extensionId, runs);
        rows.push({ name: `workspace open → table interactive, ${k}, CRM + ${k} outbox`, value: sync.open, unit: 'ms (median)', target: 400 });
        rows.push({ name: `workspace open → all ${k} indexed, CRM + ${k} outbox`, value: sync.complete, unit: 'ms (median)', target: 3000 });
        rows.push({ name: `workspace sync states, ${k} outbox entries: first read at open`, value: sync.first, unit: 'ms (median)' });
        rows.push({ name: `workspace sync states, ${k} outbox entries: re-read`, value: sync.read, unit: 'ms (median)' });
        rows.push({ name: `workspace sync states, ${k} outbox entries: longest task`, value: sync.longest, unit: 'ms (max)', target: 200 });
      }
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
