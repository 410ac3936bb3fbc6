// Salesforce end to end: the crm-test build against a contract-checking fake Salesforce on 127.0.0.1, OAuth included.
import type { BrowserContext, Page } from '@playwright/test';
import { SF_CLIENT_ID, SF_ORG_NAME, startFakeSalesforce } from '../support/fake-salesforce';
import { importLeads, launchCrmBrowser, leadRecord, openOptions, readStore, targetSection } from './crm-support';
import { expect, openPopupFor, rowAction, saveCard, startServer, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

let fake: Awaited<ReturnType<typeof startFakeSalesforce>>;
let context: BrowserContext;
let close: () => Promise<void>;
let options: Page;
let extensionId: string;
let site: Awaited<ReturnType<typeof startServer>>;
const section = () => targetSection(options, 'Salesforce');
type Entry = { leadId: string; target: string; status: string; recordId?: string; lastError: string };
const entries = async () => ((await readStore(options, 'syncOutbox')) as Entry[]).filter((e) => e.target === 'salesforce');
const syncTag = async (tag: string) => {
  await section().getByLabel('Tag to sync').selectOption(tag);
  await section().getByRole('button', { name: 'Sync tag' }).click();
};

test.beforeAll(async () => {
  fake = await startFakeSalesforce();
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
  expect(fake.log.filter((l) => l.invalid)).toEqual([]);
});

// OAuth runs through the real identity.launchWebAuthFlow: the fake's authorize endpoint answers at once
// with a redirect to identity.getRedirectURL(), which Chromium catches as the end of the flow. The fake
// checks the PKCE verifier against the challenge, so the whole code path of a real login is exercised.
test('connect with OAuth + PKCE and test connection: the org name is shown', async () => {
  const s = section();
  await s.getByLabel('Consumer key').fill('wrong-key');
  await s.getByLabel('API base URL (test build)').fill(fake.origin);
  await s.getByRole('button', { name: 'Connect Salesforce' }).click();
  await expect(s.getByRole('alert')).toContainText('Salesforce login did not finish');
  await s.getByLabel('Consumer key').fill(SF_CLIENT_ID);
  await s.getByRole('button', { name: 'Connect Salesforce' }).click();
  await expect(s.getByRole('status')).toContainText(`Connected to Salesforce: Salesforce org "${SF_ORG_NAME}"`);
  await s.getByRole('button', { name: 'Test connection' }).click();
  await expect(s.getByRole('status')).toHaveText(new RegExp(`^Salesforce org "${SF_ORG_NAME}"`));
  const [secret] = (await readStore(options, 'syncSecrets')) as Array<{ token: string; refreshToken?: string }>;
  expect(secret).toMatchObject({ token: fake.state.access, refreshToken: fake.state.refresh });
});

test('save a lead → it appears; edit it → the same lead is updated, not duplicated', async () => {
  const lead = leadRecord(1, 'sf', { name: 'Ada Lovelace', company: 'Analytical Engines Ltd', phones: ['+442079460958'], note: 'Met at the meetup' });
  await importLeads(options, 'sf', [lead]);
  await syncTag('sf');
  await expect.poll(() => fake.leads.size, { timeout: 15_000 }).toBe(1);
  const [sfLead] = [...fake.leads.values()];
  expect(sfLead).toMatchObject({ LastName: 'Lovelace', FirstName: 'Ada', Email: 'p1.sf@leads.example', Company: 'Analytical Engines Ltd', Phone: '+442079460958' });
  expect(sfLead!.Description).toContain('Met at the meetup');
  await expect.poll(async () => (await entries()).map((e) => [e.status, e.recordId])).toEqual([['synced', sfLead!.Id]]);
  await expect(section().getByLabel('Salesforce counts')).toHaveText(/^1 synced/);

  await importLeads(options, 'sf2', [{ ...lead, title: 'CTO', emails: ['ada.new@leads.example'], updatedAt: '2026-11-28T00:00:00.000Z' }]);
  await syncTag('sf');
  await expect.poll(() => sfLead!.Title, { timeout: 15_000 }).toBe('CTO');
  expect(fake.leads.size).toBe(1);
  expect(sfLead!.Email).toBe('ada.new@leads.example');
});

test('popup: a saved lead is synced; Sync from a row menu and for the filtered leads; the row shows the state', async () => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/person-jsonld.html`);
  const popup = await openPopupFor(context, extensionId, page);
  await saveCard(popup.getByRole('form'));
  const sfLead = () => [...fake.leads.values()].find((l) => l.Email === 'jane.doe@acme.example');
  await expect.poll(() => sfLead()?.Title, { timeout: 15_000 }).toBe('VP of Sales');

  await importLeads(options, 'pop', [leadRecord(1, 'pop'), leadRecord(2, 'pop'), leadRecord(3, 'pop'), leadRecord(4, 'other')]);
  const saved = await openPopupFor(context, extensionId, page);
  await saved.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(saved.getByRole('listitem', { name: 'Jane Doe' }).getByRole('link', { name: 'Salesforce: synced' })).toHaveAttribute('href', `${fake.origin}/lightning/r/Lead/${sfLead()!.Id}/view`);
  const inFake = (email: string) => [...fake.leads.values()].filter((l) => l.Email === email).length;

  await rowAction(saved, 'Person pop 2', 'Sync to CRM');
  await expect.poll(() => inFake('p2.pop@leads.example'), { timeout: 15_000 }).toBe(1);
  const row = saved.getByRole('listitem', { name: 'Person pop 2' });
  await expect(row.getByRole('link', { name: 'Salesforce: synced' })).toBeVisible({ timeout: 15_000 });
  expect(inFake('p1.pop@leads.example')).toBe(0);

  await saved.getByLabel('Tag', { exact: true }).selectOption('pop');
  await saved.getByRole('button', { name: 'Sync 3 shown' }).click();
  await expect(saved.getByText('3 leads queued for sync')).toBeVisible();
  await expect.poll(() => [1, 2, 3].map((i) => inFake(`p${i}.pop@leads.example`)), { timeout: 15_000 }).toEqual([1, 1, 1]);
  expect(inFake('p4.other@leads.example')).toBe(0);
  for (const i of [1, 3]) await expect(saved.getByRole('listitem', { name: `Person pop ${i}` }).getByRole('link', { name: 'Salesforce: synced' })).toBeVisible({ timeout: 15_000 });
  await page.close();
  await popup.close();
  await saved.close();
});

test('sync 250 leads → looked up and created in sObject Collections batches (≤ 200), one refused record failed alone', async () => {
  const before = fake.apiCalls().length;
  const known = fake.addLead({ LastName: 'Known', Company: 'Typed in Salesforce', Email: 'p3.bulk@leads.example' });
  fake.state.duplicateRule.add('p7.bulk@leads.example');
  await importLeads(options, 'bulk', Array.from({ length: 250 }, (_, i) => leadRecord(i, 'bulk')));
  await syncTag('bulk');
  const bulk = async () => (await entries()).filter((e) => e.leadId.startsWith('e2e-bulk-'));
  await expect.poll(async () => (await bulk()).filter((e) => e.status === 'synced' || e.status === 'failed').length, { timeout: 30_000 }).toBe(250);
  const done = await bulk();
  expect(done.filter((e) => e.status === 'failed').map((e) => [e.leadId, e.lastError])).toEqual([['e2e-bulk-7', expect.stringMatching(/^DUPLICATES_DETECTED/)]]);
  // The lead already in Salesforce was found by email and updated, keeping the company typed there.
  expect(done.find((e) => e.leadId === 'e2e-bulk-3')!.recordId).toBe(known.Id);
  expect(known).toMatchObject({ Title: 'Engineer', Company: 'Typed in Salesforce' });
  const calls = fake.apiCalls().slice(before);
  const written = (method: string) => calls.filter((c) => c.method === method && c.path.endsWith('/composite/sobjects')).map((c) => c.records!);
  // Two drain batches (200 + 50): 249 creates (the refused one included) and 1 update, never more than 200 records a request.
  expect(written('post').reduce((a, b) => a + b, 0)).toBe(249);
  expect(written('post')).toHaveLength(2);
  expect(written('patch')).toEqual([1]);
  expect(Math.max(...calls.map((c) => c.records ?? 0))).toBeLessThanOrEqual(200);
  expect(calls.length).toBeLessThanOrEqual(20);
  await expect(section().getByLabel('Salesforce counts')).toContainText('1 failed');
});

test('several Salesforce leads with the email → failed with a clear message', async () => {
  fake.addLead({ LastName: 'Twin', Company: 'A', Email: 'p2.twin@leads.example' });
  fake.addLead({ LastName: 'Twin', Company: 'B', Email: 'p2.twin@leads.example' });
  await importLeads(options, 'twin', [leadRecord(2, 'twin')]);
  await syncTag('twin');
  await expect.poll(async () => (await entries()).find((e) => e.leadId === 'e2e-twin-2')?.status, { timeout: 15_000 }).toBe('failed');
  expect((await entries()).find((e) => e.leadId === 'e2e-twin-2')!.lastError).toMatch(/several Salesforce leads have the email p2\.twin@leads\.example/);
  await expect(options.getByText(/several Salesforce leads have the email/).first()).toBeVisible();
});

test('an expired access token is refreshed once; a refused refresh → paused, "reconnect needed", lead kept', async () => {
  fake.state.access = 'rotated-by-salesforce';
  await importLeads(options, 'refresh', [leadRecord(3, 'refresh')]);
  await syncTag('refresh');
  await expect.poll(async () => (await entries()).find((e) => e.leadId === 'e2e-refresh-3')?.status, { timeout: 15_000 }).toBe('synced');
  expect(((await readStore(options, 'syncSecrets')) as Array<{ token: string }>)[0]!.token).toBe(fake.state.access);

  fake.state.access = 'revoked';
  fake.state.refreshDenied = true;
  await importLeads(options, 'revoked', [leadRecord(4, 'revoked')]);
  await syncTag('revoked');
  await expect(section().getByRole('alert')).toContainText('Sync paused: token rejected, reconnect needed', { timeout: 15_000 });
  const e = (await entries()).find((x) => x.leadId === 'e2e-revoked-4')!;
  expect(e.status).toBe('pending');
  expect(JSON.stringify(await readStore(options, 'syncLog'))).not.toContain(fake.state.refresh);
});

test('disconnect → the login is revoked at Salesforce; the tokens, the target and its queue are gone', async () => {
  options.once('dialog', (d) => void d.accept());
  await section().getByRole('button', { name: 'Disconnect' }).click();
  await expect(section().getByRole('button', { name: 'Connect Salesforce' })).toBeVisible();
  // Revoked at Salesforce (the refresh token ends the whole grant), then forgotten here.
  expect(fake.state.revoked).toEqual(['sf-refresh-1']);
  expect(await readStore(options, 'syncSecrets')).toEqual([]);
  expect(await readStore(options, 'syncTargets')).toEqual([]);
  expect(await entries()).toEqual([]);
});
