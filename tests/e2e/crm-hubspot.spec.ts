// CRM sync to HubSpot end to end: the crm-test build in real Chromium against a contract-checking fake HubSpot on 127.0.0.1.
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeHubspot, type FakeHubspot } from '../support/fake-hubspot';
import { connect, CRM_TEST_EXTENSION, importLeads, launchCrmBrowser, leadRecord, openOptions, readStore, targetSection } from './crm-support';
import { EXTENSION_PATH, expect, openPopupFor, rowAction, saveCard, startServer, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

let fake: FakeHubspot;
let context: BrowserContext;
let extensionId: string;
let close: () => Promise<void>;
let options: Page;
let site: { origin: string; server: import('node:http').Server };

/** Emails written by successful batch upserts, with how many times each was written. */
const writes = () => {
  const counts = new Map<string, number>();
  for (const r of fake.requests) {
    if (!r.path.endsWith('/batch/upsert') || (r.status !== 200 && r.status !== 207)) continue;
    for (const i of (r.body as { inputs: Array<{ id: string }> }).inputs) counts.set(i.id, (counts.get(i.id) ?? 0) + 1);
  }
  return counts;
};
const contactByEmail = (email: string) => [...fake.contacts.values()].find((c) => c.properties.email === email);
const entries = async () => (await readStore(options, 'syncOutbox')) as Array<{ leadId: string; status: string; recordId?: string; lastError: string }>;

test.beforeAll(async () => {
  fake = await startFakeHubspot();
  site = await startServer();
  ({ context, extensionId, close } = await launchCrmBrowser());
  options = await openOptions(context, extensionId);
});
test.afterAll(async () => {
  await close();
  await fake.close();
  site.server.close();
});
test.afterEach(() => {
  // every request the extension sent matched the HubSpot contract
  expect(fake.requests.filter((r) => r.invalid).map((r) => `${r.path}: ${r.invalid}`)).toEqual([]);
});

test('production manifest keeps no host permissions; only the test build may reach 127.0.0.1', () => {
  const prod = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
  expect(prod.host_permissions ?? []).toEqual([]);
  expect(prod.optional_host_permissions).toEqual(['https://api.hubapi.com/*', 'https://*.pipedrive.com/*', 'https://*/*']);
  const testBuild = JSON.parse(readFileSync(join(CRM_TEST_EXTENSION, 'manifest.json'), 'utf8'));
  expect(testBuild.host_permissions).toEqual(['http://127.0.0.1/*']);
});

test('connect: a wrong token gets a clear error and is not kept; the right one shows the account', async () => {
  await connect(options, 'HubSpot', { token: 'pat-wrong', baseUrl: fake.origin });
  const s = targetSection(options, 'HubSpot');
  await expect(s.getByRole('alert')).toContainText('token rejected');
  expect(await readStore(options, 'syncSecrets')).toEqual([]);
  await connect(options, 'HubSpot', { token: fake.token, baseUrl: fake.origin });
  await expect(s.getByRole('status')).toContainText('Connected to HubSpot: HubSpot account 4242');
  await s.getByRole('button', { name: 'Test connection' }).click();
  await expect(s.getByRole('status')).toHaveText('HubSpot account 4242');
  // the token is in the extension's own database, never shown back
  expect(await readStore(options, 'syncSecrets')).toEqual([{ target: 'hubspot', token: fake.token }]);
  await expect(options.locator('body')).not.toContainText(fake.token);
});

test('save a lead in the popup → it appears in HubSpot; edit it → updated, not duplicated', async () => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/person-jsonld.html`);
  const popup = await openPopupFor(context, extensionId, page);
  await saveCard(popup.getByRole('form'));
  await expect.poll(() => contactByEmail('jane.doe@acme.example')?.properties.jobtitle, { timeout: 15_000 }).toBe('VP of Sales');

  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  const link = popup.getByRole('link', { name: 'HubSpot: synced' });
  await expect(link).toBeVisible({ timeout: 15_000 });
  const id = contactByEmail('jane.doe@acme.example')!.id;
  await expect(link).toHaveAttribute('href', `https://app.hubspot.com/contacts/4242/record/0-1/${id}`);

  await rowAction(popup, 'Jane Doe', 'Edit');
  const form = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await form.locator('[name="title"]').fill('Chief Revenue Officer');
  await form.getByRole('button', { name: 'Update lead' }).click();
  await expect(form.getByRole('status')).toHaveText('Updated existing lead');
  await expect.poll(() => contactByEmail('jane.doe@acme.example')?.properties.jobtitle, { timeout: 15_000 }).toBe('Chief Revenue Officer');
  expect([...fake.contacts.values()].filter((c) => c.properties.email === 'jane.doe@acme.example')).toHaveLength(1);

  // Capturing the same person again: the popup says she is already in HubSpot, with a link.
  const again = await openPopupFor(context, extensionId, page);
  await expect(again.getByRole('note')).toContainText('Already in HubSpot: Jane Doe');
  await expect(again.getByRole('note').getByRole('link', { name: 'Jane Doe' })).toHaveAttribute('href', `https://app.hubspot.com/contacts/4242/record/0-1/${id}`);
  await page.close();
  await popup.close();
  await again.close();
});

test('sync all 250 leads → batches of at most 100, within the rate limit', async () => {
  // No tags or notes: tags would add one note request per lead (HubSpot has no batch note create).
  await importLeads(options, 'bulk', Array.from({ length: 250 }, (_, i) => leadRecord(i, 'bulk', { tags: [] })));
  const before = fake.requests.length;
  const s = targetSection(options, 'HubSpot');
  await s.getByRole('button', { name: 'Sync all' }).click();
  await expect(s.getByRole('status')).toHaveText('251 leads queued');
  await expect.poll(() => [...fake.contacts.values()].filter((c) => c.properties.email?.endsWith('.bulk@leads.example')).length, { timeout: 20_000 }).toBe(250);
  const batches = fake.requests.slice(before).filter((r) => r.path.endsWith('/batch/upsert')).map((r) => (r.body as { inputs: unknown[] }).inputs.length);
  expect(Math.max(...batches)).toBeLessThanOrEqual(100);
  expect(batches.reduce((a, b) => a + b, 0)).toBe(251); // the 250 and the lead saved before
  expect(batches.length).toBe(3);
  expect(fake.requests.slice(before).some((r) => r.status === 429)).toBe(false);
  await expect(s.getByLabel('HubSpot counts')).toContainText('251 synced');
});

test('429 then 200 → synced after the Retry-After wait', async () => {
  await importLeads(options, 'ratelimited', [leadRecord(1, 'ratelimited')]);
  fake.rateLimitNext(1, 2);
  const s = targetSection(options, 'HubSpot');
  await s.getByLabel('Tag to sync').selectOption('ratelimited');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(async () => (await entries()).find((e) => e.leadId === 'e2e-ratelimited-1')?.status).toBe('retrying');
  await expect.poll(async () => (await entries()).find((e) => e.leadId === 'e2e-ratelimited-1')?.status, { timeout: 15_000 }).toBe('synced');
  const tries = fake.requests.filter((r) => r.path.endsWith('/batch/upsert') && JSON.stringify(r.body).includes('p1.ratelimited@'));
  expect(tries.map((r) => r.status)).toEqual([429, 200]);
  await expect(options.getByRole('list', { name: 'Sync log' })).toContainText('rate limited');
  // The log names the lead (read by id), not its internal id.
  await expect(options.getByRole('list', { name: 'Sync log' })).toContainText('Person ratelimited 1');
});

test('207 partial failure → only the failed lead is sent again', async () => {
  await importLeads(options, 'partial', [0, 1, 2].map((i) => leadRecord(i, 'partial')));
  fake.failOnce(['p1.partial@leads.example']);
  const s = targetSection(options, 'HubSpot');
  await s.getByLabel('Tag to sync').selectOption('partial');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(async () => (await entries()).filter((e) => e.leadId.startsWith('e2e-partial-') && e.status === 'synced').length, { timeout: 20_000 }).toBe(3);
  const sent = fake.requests.filter((r) => r.path.endsWith('/batch/upsert') && JSON.stringify(r.body).includes('.partial@'));
  expect(sent.map((r) => (r.body as { inputs: Array<{ id: string }> }).inputs.map((i) => i.id).sort())).toEqual([
    ['p0.partial@leads.example', 'p1.partial@leads.example', 'p2.partial@leads.example'],
    ['p1.partial@leads.example'],
  ]);
  expect(sent.map((r) => r.status)).toEqual([207, 200]);
});

test('worker stopped mid-drain → on restart every lead is synced exactly once', async () => {
  await importLeads(options, 'killed', Array.from({ length: 5 }, (_, i) => leadRecord(i, 'killed')));
  fake.hangNext();
  const s = targetSection(options, 'HubSpot');
  await s.getByLabel('Tag to sync').selectOption('killed');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(() => fake.requests.some((r) => r.path.endsWith('/batch/upsert') && r.status === 0 && JSON.stringify(r.body).includes('.killed@'))).toBe(true);
  expect((await entries()).filter((e) => e.leadId.startsWith('e2e-killed-')).every((e) => e.status === 'sending')).toBe(true);
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Any event wakes the worker; its start resumes the sends left in flight.
  await options.reload();
  await targetSection(options, 'HubSpot').getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(async () => (await entries()).filter((e) => e.leadId.startsWith('e2e-killed-') && e.status === 'synced').length, { timeout: 20_000 }).toBe(5);
  const w = writes();
  for (let i = 0; i < 5; i++) expect(w.get(`p${i}.killed@leads.example`)).toBe(1);
});

test('a revoked token → clear error, target paused, lead kept and still queued', async () => {
  fake.revokeToken();
  await importLeads(options, 'revoked', [leadRecord(1, 'revoked')]);
  const s = targetSection(options, 'HubSpot');
  await s.getByLabel('Tag to sync').selectOption('revoked');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect(s.getByRole('alert')).toContainText('Sync paused: token rejected', { timeout: 15_000 });
  const e = (await entries()).find((x) => x.leadId === 'e2e-revoked-1')!;
  expect(e.status).toBe('pending');
  expect(e.lastError).toContain('token rejected');
  expect(JSON.stringify(await readStore(options, 'syncLog'))).not.toContain(fake.token);
  expect(((await readStore(options, 'leads')) as Array<{ id: string }>).some((l) => l.id === 'e2e-revoked-1')).toBe(true);
});

test('disconnect → the token, the target and its queue are gone', async () => {
  options.once('dialog', (d) => void d.accept());
  await targetSection(options, 'HubSpot').getByRole('button', { name: 'Disconnect' }).click();
  await expect(targetSection(options, 'HubSpot').getByRole('button', { name: 'Connect HubSpot' })).toBeVisible();
  expect(await readStore(options, 'syncSecrets')).toEqual([]);
  expect(await readStore(options, 'syncTargets')).toEqual([]);
  expect(await entries()).toEqual([]);
});
