// Capture benchmark in real Chromium with the built extension: click-to-prospects, injected size, hostile pages.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_PATH, extensionIdOf, launchBrowser, openPopupFor } from '../../tests/e2e/fixtures';
import { CAPTURE_MEASURE, INJECTION_TIMEOUT_MS } from '../../utils/extract/page-snapshot';
import { fiveHundredPeople, hostilePages } from './pages';

/** One benchmark figure; `target` undefined means the figure is for information. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target?: number;
}

/** One capture as the popup saw it. */
interface CaptureRun {
  /** Popup navigation start → capture finished and rendered (what the user waits for after the click). */
  shownMs: number;
  /** captureTab: executeScript call → validated result (inject, snapshot, parse, extract). */
  captureMs: number;
  /** Prospect cards on screen. */
  cards: number;
  /** The error shown, if any. */
  error: string;
  /** captureMs by phase: snapshot (executeScript round trip), parse, extract, validate. */
  phases: Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Waits until the popup has finished a capture and rendered it; reads the timings from User Timing. */
async function finishedCapture(popup: Page, timeoutMs: number): Promise<CaptureRun> {
  const handle = await popup.waitForFunction(
    (measure) => {
      const [entry] = performance.getEntriesByName(measure);
      // The cards (or the error) are on screen: the popup marks it once the identity lookups are done and React has
      // rendered them. Counting earlier (the loading text gone, the lookups still running) read 0 cards on some runs.
      if (!entry || !performance.getEntriesByName('ps:capture-shown').length) return null;
      const alert = document.querySelector('[role="alert"]')?.textContent ?? '';
      const phases: Record<string, number> = {};
      for (const p of performance.getEntriesByType('measure')) if (p.name.startsWith(measure + ':')) phases[p.name.slice(measure.length + 1)] = p.duration;
      return { shownMs: performance.now(), captureMs: entry.duration, cards: document.querySelectorAll('form').length, error: alert, phases };
    },
    CAPTURE_MEASURE,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as CaptureRun;
}

/** A bare read of the tab's text from the popup: the floor any capture is compared with. */
async function innerTextRead(popup: Page, tabId: number): Promise<number> {
  // A string, so tsx's function-name helper does not end up inside the injected function.
  return popup.evaluate(`(async () => {
    const t = performance.now();
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => document.body.innerText });
    if (!frame || !frame.result.length) throw new Error('innerText read returned nothing');
    return performance.now() - t;
  })()`);
}

/** Loads a page and waits until it has rendered and gone idle, as it has when a user gets to click the icon. */
async function openIdle(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url, { timeout: 180_000 });
  await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestIdleCallback(ok, { timeout: 30000 })))');
  return page;
}

const tabIdOf = (popup: Page) => Number(new URL(popup.url()).searchParams.get('tabId'));

/** Chromium's processes of this run (the browser and every descendant), from /proc. */
function processTree(userDataDir: string): number[] {
  const parent = new Map<number, number>();
  let root = 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (!root && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${userDataDir}`)) root = pid;
    } catch {
      // the process ended while being listed
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parent) if (tree.has(ppid) && !tree.has(pid)) tree.add(pid), (grew = true);
  }
  return root ? [...tree] : [];
}

const statusKb = (pid: number, field: string) => {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

/**
 * Peak memory growth of Chromium's processes during `fn`: each process's
 * peak RSS is reset (clear_refs 5), then growth = Σ (peak after − RSS
 * before). Processes started meanwhile are left out: that is Chromium's
 * spare renderer (~80 MB, pre-started for the next tab), not the capture;
 * the popup runs in the extension's process, kept alive by the caller.
 */
async function peakGrowthMb(userDataDir: string, fn: () => Promise<void>): Promise<number> {
  const before = new Map<number, number>();
  for (const pid of processTree(userDataDir)) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not ours to reset: its peak may predate fn, which overstates growth
    }
    before.set(pid, statusKb(pid, 'VmRSS'));
  }
  await fn();
  let kb = 0;
  for (const [pid, rss] of before) kb += Math.max(0, statusKb(pid, 'VmHWM') - rss);
  return kb / 1024;
}

/** Collects the source of every script the extension runs in the page's isolated world. */
async function watchInjectedCode(cdp: CDPSession): Promise<() => Promise<string[]>> {
  const contexts = new Set<number>();
  const scripts: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData?.type === 'isolated' && context.name === 'Prospect Scout') contexts.add(context.id);
  });
  cdp.on('Debugger.scriptParsed', (e) => {
    if (contexts.has(e.executionContextId)) scripts.push(e.scriptId);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  return async () => Promise.all(scripts.map(async (scriptId) => (await cdp.send('Debugger.getScriptSource', { scriptId })).scriptSource));
}

/** Serves the fixtures and the generated pages on 127.0.0.1. */
async function serve(pages: Record<string, string>): Promise<{ origin: string; close: () => void }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const body = pages[path] ?? (/^[\w.-]+\.html$/.test(path) && existsSync(join('tests/fixtures', path)) ? readFileSync(join('tests/fixtures', path)) : undefined);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() };
}

/** Click-to-prospects on one page, `runs` times, against a bare innerText read of it. */
async function timePage(context: BrowserContext, extensionId: string, url: string, runs: number) {
  const page = await openIdle(context, url);
  const popup = await openPopupFor(context, extensionId, page);
  const captures: CaptureRun[] = [await finishedCapture(popup, 60_000)];
  for (let i = 1; i < runs; i++) {
    await popup.reload();
    captures.push(await finishedCapture(popup, 60_000));
  }
  const reads: number[] = [];
  for (let i = 0; i < runs; i++) reads.push(await innerTextRead(popup, tabIdOf(popup)));
  await popup.close();
  await page.close();
  if (captures.some((c) => c.error)) throw new Error(`capture of ${url} failed: ${captures.find((c) => c.error)!.error}`);
  return {
    shown: median(captures.map((c) => c.shownMs)),
    capture: median(captures.map((c) => c.captureMs)),
    read: median(reads),
    cards: captures[0]!.cards,
    phases: Object.keys(captures[0]!.phases)
      .map((k) => `${k} ${median(captures.map((c) => c.phases[k] ?? 0)).toFixed(0)}`)
      .join(', '),
  };
}

/** Runs the capture benchmark; returns no rows (and says why) when there is no build to load. */
export async function benchCapture(runs = 5): Promise<BenchRow[]> {
  if (!existsSync(join(EXTENSION_PATH, 'manifest.json'))) throw new Error('no build at .output/chrome-mv3: run `npm run build` first');
  const hostile = hostilePages();
  const pages: Record<string, string> = { 'people-500.html': fiveHundredPeople() };
  const slugs = new Map(Object.keys(hostile).map((name, i) => [name, `hostile-${i}.html`]));
  for (const [name, html] of Object.entries(hostile)) pages[slugs.get(name)!] = html;
  const { origin, close } = await serve(pages);
  const userDataDir = mkdtempSync(join(tmpdir(), 'prospect-scout-bench-'));
  const context = await launchBrowser(userDataDir);
  const rows: BenchRow[] = [];
  try {
    const extensionId = await extensionIdOf(context);
    // Kept open so the extension's renderer process lives throughout: memory rows then count what a
    // capture adds, not a popup process starting from nothing.
    const keepAlive = await context.newPage();
    await keepAlive.goto(`chrome-extension://${extensionId}/options.html`);

    // What a click injects, as Chromium received it.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const injected = await watchInjectedCode(cdp);
    await page.goto(`${origin}/person-jsonld.html`);
    const popup = await openPopupFor(context, extensionId, page);
    await finishedCapture(popup, 60_000);
    const sources = await injected();
    await cdp.detach();
    await popup.close();
    await page.close();
    if (!sources.length) throw new Error('saw no script injected by the extension: the size row would be meaningless');
    rows.push({ name: 'code injected per click (gzip)', value: gzipSync(sources.join('\n')).length / 1024, unit: 'KiB', target: 40 });

    const profile = await timePage(context, extensionId, `${origin}/person-jsonld.html`, runs);
    rows.push({ name: 'profile: click → prospect shown', value: profile.shown, unit: 'ms (median)' });
    rows.push({ name: 'profile: capture (inject+snapshot+extract)', value: profile.capture, unit: 'ms (median)' });
    rows.push({ name: 'profile: bare innerText read', value: profile.read, unit: 'ms (median)' });
    const big = await timePage(context, extensionId, `${origin}/people-500.html`, runs);
    rows.push({ name: `500 people: click → ${big.cards} prospects shown`, value: big.shown, unit: 'ms (median)' });
    rows.push({ name: '500 people: capture (inject+snapshot+extract)', value: big.capture, unit: 'ms (median)' });
    console.log(`(500 people, capture by phase in ms: ${big.phases})`);
    rows.push({ name: '500 people: bare innerText read', value: big.read, unit: 'ms (median)' });
    rows.push({ name: '500 people: capture ÷ innerText read', value: big.capture / big.read, unit: 'x', target: 3 });

    for (const [name, slug] of slugs) {
      const tab = await openIdle(context, `${origin}/${slug}`);
      let run: CaptureRun | undefined;
      const growth = await peakGrowthMb(userDataDir, async () => {
        const hostilePopup = await openPopupFor(context, extensionId, tab);
        run = await finishedCapture(hostilePopup, 120_000);
        await hostilePopup.close();
      });
      await tab.close();
      const outcome = run!.error ? `fails: ${run!.error.slice(0, 40)}…` : `${run!.cards} found`;
      rows.push({ name: `hostile: ${name} (${outcome})`, value: run!.captureMs, unit: 'ms', target: 2000 });
      rows.push({ name: `hostile: ${name}: memory growth`, value: growth, unit: 'MB (peak)', target: 200 });
    }

    // Last: its renderer stays busy for good.
    const busy = await context.newPage();
    await busy.goto(`${origin}/never-yields.html`);
    await busy.waitForTimeout(300); // its loop starts 100 ms after load
    const busyPopup = await openPopupFor(context, extensionId, busy);
    const stuck = await finishedCapture(busyPopup, 60_000);
    if (!/did not answer/.test(stuck.error)) throw new Error(`never-yielding page: expected the timeout error, got "${stuck.error}"`);
    rows.push({ name: 'hostile: page that never yields (timeout error)', value: stuck.captureMs, unit: 'ms', target: INJECTION_TIMEOUT_MS + 500 });
  } finally {
    await context.close();
    close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return rows;
}
