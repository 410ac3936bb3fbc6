// Webhook target end to end: signed deliveries to a local receiver that checks the signature and the event schema.
import type { BrowserContext, Page } from '@playwright/test';
import { readContract } from '../support/contracts';
import { startFakeWebhook, verifySignature } from '../support/fake-webhook';
import { connect, importLeads, launchCrmBrowser, leadRecord, openOptions, readStore, targetSection } from './crm-support';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

const { vectors } = readContract<{ vectors: Array<{ secret: string; webhookId: string; webhookTimestamp: string; body: string; expectedSignatureHeader: string; expectedValid: boolean }> }>('webhook/test-vectors.json');
const SECRET = vectors[0]!.secret;
let hook: Awaited<ReturnType<typeof startFakeWebhook>>;
let context: BrowserContext;
let close: () => Promise<void>;
let options: Page;
const entries = async () => (await readStore(options, 'syncOutbox')) as Array<{ leadId: string; status: string; lastError: string }>;

test.beforeAll(async () => {
  hook = await startFakeWebhook(SECRET);
  let extensionId: string;
  ({ context, extensionId, close } = await launchCrmBrowser());
  options = await openOptions(context, extensionId);
});
test.afterAll(async () => {
  await close();
  await hook.close();
});

test('the receiver\'s verifier agrees with the Standard Webhooks test vectors', () => {
  for (const v of vectors) expect(verifySignature(v.secret, v.webhookId, v.webhookTimestamp, v.body, v.expectedSignatureHeader)).toBe(v.expectedValid);
});

test('connect + test connection: a signed webhook.test event that verifies', async () => {
  await connect(options, 'Webhook', { url: hook.url, token: SECRET });
  await expect(targetSection(options, 'Webhook').getByRole('status')).toContainText('Connected to Webhook');
  const [test] = hook.deliveries;
  expect(test).toMatchObject({ signatureValid: true, invalid: undefined });
  expect(JSON.parse(test!.body).type).toBe('webhook.test');
});

test('a lead is delivered signed; a 500 is retried with the same webhook-id and body', async () => {
  hook.answers.push(500);
  await importLeads(options, 'hooked', [leadRecord(1, 'hooked', { note: '<b>hi</b> & bye' })]);
  const s = targetSection(options, 'Webhook');
  await s.getByLabel('Tag to sync').selectOption('hooked');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(async () => (await entries()).find((e) => e.leadId === 'e2e-hooked-1')?.status, { timeout: 20_000 }).toBe('synced');
  const sent = hook.deliveries.filter((d) => d.body.includes('e2e-hooked-1'));
  expect(sent.map((d) => d.status)).toEqual([500, 200]);
  expect(sent.every((d) => d.signatureValid && !d.invalid)).toBe(true);
  expect(sent[1]!.id).toBe(sent[0]!.id);
  expect(sent[1]!.body).toBe(sent[0]!.body);
  const event = JSON.parse(sent[1]!.body);
  expect(event).toMatchObject({ type: 'lead.upserted', schemaVersion: 1, data: { lead: { id: 'e2e-hooked-1', primaryEmail: 'p1.hooked@leads.example', note: '<b>hi</b> & bye' } } });
});

test('workspace: the Sync column follows a sync from pending to synced without a reload', async () => {
  await importLeads(options, 'wsync', [leadRecord(1, 'wsync')]);
  const ws = await context.newPage();
  await ws.goto(options.url().replace('options.html', 'workspace.html'));
  const grid = ws.getByRole('grid', { name: 'Leads' });
  const row = (name: string) => grid.getByRole('row').filter({ hasText: name });
  const syncCell = (name: string) => row(name).locator('.cell-sync');
  // The lead synced by the test above, and the one just imported (never queued).
  await expect(syncCell('Person hooked 1')).toHaveText('synced (Webhook)');
  await expect(row('Person wsync 1')).toBeVisible();
  await expect(syncCell('Person wsync 1')).toHaveText('');
  await ws.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // The first delivery fails (retried after a backoff): pending, then synced, each shown as it happens.
  hook.answers.push(500);
  await ws.getByLabel('Search').fill('wsync');
  await ws.getByRole('button', { name: 'Select all 1 matching' }).click();
  await ws.getByRole('toolbar').getByRole('button', { name: 'Sync to CRM' }).click();
  await expect(ws.getByText('Queued 1 lead for sync.')).toBeVisible();
  await expect(syncCell('Person wsync 1')).toHaveText('pending (Webhook)', { timeout: 10_000 });
  await expect(syncCell('Person wsync 1')).toHaveText('synced (Webhook)', { timeout: 20_000 });
  expect(hook.deliveries.filter((d) => d.body.includes('e2e-wsync-1')).map((d) => d.status)).toEqual([500, 200]);

  // The sync-state filter uses the same states.
  await ws.getByLabel('Search').fill('');
  await ws.getByLabel('Sync state').selectOption('synced');
  const bodyRows = grid.getByRole('row').filter({ has: ws.getByRole('gridcell') });
  await expect(bodyRows).toHaveCount(2);
  await expect(bodyRows.filter({ hasText: 'Person wsync 1' })).toHaveCount(1);
  await ws.getByLabel('Sync state').selectOption('none');
  await expect(bodyRows).toHaveCount(0);
  expect(await ws.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await ws.close();
});

test('410 Gone disables the target; the lead stays queued', async () => {
  hook.answers.push(410);
  await importLeads(options, 'gone', [leadRecord(1, 'gone')]);
  const s = targetSection(options, 'Webhook');
  await s.getByLabel('Tag to sync').selectOption('gone');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect(s.getByRole('alert')).toContainText('410 Gone', { timeout: 15_000 });
  expect((await entries()).find((e) => e.leadId === 'e2e-gone-1')?.status).toBe('pending');
  const before = hook.deliveries.length;
  await s.getByRole('button', { name: 'Sync all' }).click();
  await options.waitForTimeout(1000);
  expect(hook.deliveries.length).toBe(before);
});
