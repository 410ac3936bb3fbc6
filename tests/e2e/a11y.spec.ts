import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { putLeads, putSync } from '../../scripts/bench/seed-bundle';
import { seedLead } from '../../scripts/bench/seed-leads';
import { expect, test } from './fixtures';

/** Serious and critical axe violations of the page as it is now, in light and in dark, as readable lines. */
async function violations(page: Page, view: string): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Styles switch with the media query; let the page paint once before reading colours.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const result = await new AxeBuilder({ page }).analyze();
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      for (const node of v.nodes) out.push(`${view} (${colorScheme}): ${v.id} ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return out;
}

const leads = Array.from({ length: 8 }, (_, i) => ({ ...seedLead(i), tags: i % 3 ? ['vip'] : [] }));
// A connected webhook (never contacted: nothing is due) with one lead synced and one failed, so sync states are on screen.
const target = { id: 'webhook', autoSync: false, baseUrl: 'https://hooks.example', url: 'https://hooks.example/in', connectedAt: '2026-11-01T00:00:00.000Z' };
const entry = (leadId: string, status: 'synced' | 'failed') => ({
  leadId,
  target: 'webhook',
  status,
  attempts: 1,
  lastError: status === 'failed' ? 'HTTP 400: bad payload' : '',
  idempotencyKey: `key-${leadId}`,
  leadVersion: '2026-11-01T00:00:00.000Z',
  ...(status === 'synced' && { syncedAt: '2026-11-01T00:00:00.000Z', recordId: 'r1' }),
});

test('axe: no serious or critical violations on the popup (capture, saved), options page and workspace, light and dark', async ({ capture, openPopup, context, extensionId }) => {
  // Ten axe runs on a shared 2-core CI machine take longer than the default minute.
  test.setTimeout(180_000);
  const found: string[] = [];

  const { popup } = await capture('person-jsonld.html');
  // The card with its full form open (the chips and buttons stay): every control of the capture view.
  await popup.getByRole('form', { name: /Prospect Jane Doe/ }).getByRole('button', { name: 'Edit details' }).click();
  found.push(...(await violations(popup, 'popup capture')));

  const saved = await openPopup();
  await putLeads(saved, leads);
  await putSync(saved, [target], [entry(leads[0]!.id, 'synced'), entry(leads[1]!.id, 'failed')]);
  await saved.reload();
  await saved.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(saved.getByRole('list', { name: 'Saved leads' }).getByRole('listitem')).toHaveCount(8);
  await expect(saved.getByText('Webhook: failed')).toBeVisible();
  found.push(...(await violations(saved, 'popup saved')));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('8 saved leads.')).toBeVisible();
  found.push(...(await violations(options, 'options')));

  const ws = await context.newPage();
  await ws.goto(`chrome-extension://${extensionId}/workspace.html`);
  const rows = ws.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ has: ws.getByRole('gridcell') });
  await expect(rows).toHaveCount(8);
  await expect(rows.filter({ hasText: 'failed (Webhook)' })).toHaveCount(1);
  found.push(...(await violations(ws, 'workspace')));
  // With a selection (bulk toolbar, selected rows) and the editor open.
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  await ws.keyboard.press('Enter');
  await expect(ws.getByRole('complementary')).toBeVisible();
  found.push(...(await violations(ws, 'workspace, selection and editor')));

  expect(found, found.join('\n')).toEqual([]);
});
