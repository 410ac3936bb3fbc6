// No layout shift while loading: the popup (capture and saved views), the options page and the workspace, with seeded leads.
import type { Page } from '@playwright/test';
import { seedStore } from '../../scripts/bench/seed-bundle';
import { expect, openPopupFor, test } from './fixtures';

/** One layout-shift entry, with what moved (for the failure message). */
type Shift = { value: number; at: number; input: boolean; moved: string[] };

/**
 * Runs in the page before its scripts: records every layout-shift entry
 * (buffered, so none before the observer is lost) with the elements that
 * moved. User input does not excuse a shift here: the views load on their own.
 */
const recordShifts = `(() => {
  const shifts = (globalThis.__shifts = []);
  const describe = (n) => !n ? '?' : n.nodeType !== 1 ? 'text "' + (n.textContent || '').trim().slice(0, 40) + '" in ' + describe(n.parentElement) : n.tagName.toLowerCase() + (n.className ? '.' + String(n.className).split(' ').join('.') : '') + ' "' + (n.textContent || '').trim().slice(0, 40) + '"';
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) shifts.push({ value: e.value, at: Math.round(e.startTime), input: e.hadRecentInput, moved: (e.sources || []).map((s) => describe(s.node)) });
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

/** The page's shifts so far, after two frames (entries are reported after the frame that shifted). */
async function shiftsOf(page: Page): Promise<Shift[]> {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate(() => (globalThis as unknown as { __shifts: Shift[] }).__shifts);
}

/** Cumulative shift (the sum of the entries' scores), with the entries in the message when it is not ~0. */
async function expectNoShift(page: Page, what: string) {
  const shifts = await shiftsOf(page);
  const total = shifts.reduce((s, e) => s + e.value, 0);
  expect(total, `${what}: layout shifts ${JSON.stringify(shifts, null, 1)}`).toBeLessThan(0.01);
}

const mark = (page: Page, name: string) => page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, name, { timeout: 30_000 });

test.describe('no layout shift while loading', () => {
  // Enough leads that the lists load in stages (first rows, then pages), as a store of a year's captures does.
  const LEADS = 3000;
  test.beforeEach(async ({ openPopup }) => {
    const seeder = await openPopup();
    expect(await seedStore(seeder, LEADS)).toBe(LEADS);
    await seeder.close();
  });

  test('popup: capture view, then the saved view', async ({ context, extensionId, origin }) => {
    await context.addInitScript(recordShifts);
    const page = await context.newPage();
    await page.goto(`${origin}/person-jsonld.html`);
    const popup = await openPopupFor(context, extensionId, page);
    await mark(popup, 'ps:capture-shown');
    // Settled: the saved count is in the tab label, tags and suggestions have arrived.
    await expect(popup.getByRole('tab', { name: `Saved leads (${LEADS})` })).toBeVisible();
    await popup.waitForTimeout(300);
    await expectNoShift(popup, 'popup capture view');

    const before = (await shiftsOf(popup)).length;
    await popup.getByRole('tab', { name: /Saved leads/ }).click();
    await mark(popup, 'ps:saved-complete');
    await popup.waitForTimeout(300);
    const saved = (await shiftsOf(popup)).slice(before);
    const total = saved.reduce((s, e) => s + e.value, 0);
    expect(total, `popup saved view: layout shifts ${JSON.stringify(saved, null, 1)}`).toBeLessThan(0.01);
  });

  test('options page', async ({ context, extensionId }) => {
    await context.addInitScript(recordShifts);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByText(LEADS.toLocaleString('en'), { exact: false }).first()).toBeVisible();
    await options.waitForLoadState('networkidle');
    await options.waitForTimeout(500);
    await expectNoShift(options, 'options page');
  });

  test('workspace', async ({ context, extensionId }) => {
    await context.addInitScript(recordShifts);
    const ws = await context.newPage();
    await ws.goto(`chrome-extension://${extensionId}/workspace.html`);
    await mark(ws, 'ps:workspace-complete');
    await expect(ws.locator('.ws-bar').getByRole('status')).toHaveText(`${LEADS.toLocaleString('en')} of ${LEADS.toLocaleString('en')} leads`);
    await expect(ws.getByLabel('Tag', { exact: true }).locator('option')).not.toHaveCount(1);
    await ws.waitForTimeout(300);
    await expectNoShift(ws, 'workspace');
    // The recorder does see a shift when one happens: a block pushed in above the table moves it.
    await ws.evaluate(() => document.querySelector('.workspace')!.prepend(Object.assign(document.createElement('div'), { style: 'height: 120px' })));
    await expect.poll(async () => (await shiftsOf(ws)).reduce((s, e) => s + e.value, 0)).toBeGreaterThan(0.01);
  });
});
