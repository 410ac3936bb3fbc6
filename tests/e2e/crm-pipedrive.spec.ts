// Pipedrive end to end: the crm-test build against a contract-checking fake Pipedrive on 127.0.0.1.
import type { BrowserContext, Page } from '@playwright/test';
import { PIPEDRIVE_TOKEN, startFakePipedrive } from '../support/fake-pipedrive';
import { connect, importLeads, launchCrmBrowser, leadRecord, openOptions, readStore, targetSection } from './crm-support';
import { expect, test } from './fixtures';

test.describe.configure({ mode: 'serial' });

let fake: Awaited<ReturnType<typeof startFakePipedrive>>;
let context: BrowserContext;
let close: () => Promise<void>;
let options: Page;

test.beforeAll(async () => {
  fake = await startFakePipedrive();
  let extensionId: string;
  ({ context, extensionId, close } = await launchCrmBrowser());
  options = await openOptions(context, extensionId);
});
test.afterAll(async () => {
  await close();
  await fake.close();
});
test.afterEach(() => {
  expect(fake.log.filter((l) => l.invalid)).toEqual([]);
});

test('connect and test connection; a wrong token is a clear error', async () => {
  const s = targetSection(options, 'Pipedrive');
  await connect(options, 'Pipedrive', { token: 'wrong', baseUrl: fake.origin });
  await expect(s.getByRole('alert')).toContainText('token rejected');
  await connect(options, 'Pipedrive', { token: PIPEDRIVE_TOKEN, baseUrl: fake.origin });
  await expect(s.getByRole('status')).toContainText('Connected to Pipedrive');
});

test('sync a lead → person, organization and note; sync its edit → same person updated, lists merged', async () => {
  const lead = leadRecord(1, 'pd', { company: 'Analytical Engines Ltd', phones: ['+442079460958'], note: 'Met <b>her</b>' });
  await importLeads(options, 'pd', [lead]);
  const s = targetSection(options, 'Pipedrive');
  await s.getByLabel('Tag to sync').selectOption('pd');
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(() => fake.persons.size, { timeout: 15_000 }).toBe(1);
  const [person] = [...fake.persons.values()];
  expect(person).toMatchObject({ name: 'Person pd 1', emails: [{ value: 'p1.pd@leads.example', primary: true, label: 'work' }] });
  expect([...fake.orgs.values()]).toEqual(['Analytical Engines Ltd']);
  await expect.poll(() => fake.notes.length).toBe(1);
  expect(fake.notes[0]!.content).toContain('Met &lt;b&gt;her&lt;/b&gt;');

  await importLeads(options, 'pd2', [{ ...lead, title: 'CTO', phones: ['+442079460958', '+447911123456'], updatedAt: '2026-11-28T00:00:00.000Z', tags: ['pd'] }]);
  await s.getByRole('button', { name: 'Sync tag' }).click();
  await expect.poll(() => person!.phones.length, { timeout: 15_000 }).toBe(2);
  expect(fake.persons.size).toBe(1);
  const entries = async () => ((await readStore(options, 'syncOutbox')) as Array<{ target: string; status: string; recordId?: string }>).filter((e) => e.target === 'pipedrive');
  await expect.poll(async () => (await entries()).map((e) => e.status)).toEqual(['synced']);
  expect((await entries())[0]!.recordId).toBe(String(person!.id));
});

type Entry = { leadId: string; target: string; status: string; lastError: string };
const pdEntries = async (prefix: string) => ((await readStore(options, 'syncOutbox')) as Entry[]).filter((e) => e.target === 'pipedrive' && e.leadId.startsWith(prefix));
/** Successful person creates per email. */
const creates = () => {
  const n = new Map<string, number>();
  for (const r of fake.requests)
    if (r.method === 'post' && r.path === '/api/v2/persons' && r.status === 201) {
      const email = (r.body as { emails?: Array<{ value: string }> }).emails?.[0]?.value ?? '';
      n.set(email, (n.get(email) ?? 0) + 1);
    }
  return n;
};
const syncTag = async (tag: string) => {
  const s = targetSection(options, 'Pipedrive');
  await s.getByLabel('Tag to sync').selectOption(tag);
  await s.getByRole('button', { name: 'Sync tag' }).click();
};

test('429 then 200 → synced after the Retry-After wait', async () => {
  await importLeads(options, 'pdlimit', [leadRecord(1, 'pdlimit')]);
  fake.rateLimitNext(1, 2);
  await syncTag('pdlimit');
  await expect.poll(async () => (await pdEntries('e2e-pdlimit-'))[0]?.status).toBe('retrying');
  await expect.poll(async () => (await pdEntries('e2e-pdlimit-'))[0]?.status, { timeout: 15_000 }).toBe('synced');
  const statuses = fake.requests.filter((r) => r.path === '/api/v2/persons/search').map((r) => r.status);
  expect(statuses.slice(-2)).toEqual([429, 200]);
  expect(creates().get('p1.pdlimit@leads.example')).toBe(1);
  await expect(options.getByRole('list', { name: 'Sync log' })).toContainText('rate limited');
});

// Pipedrive has no batch write (so no 207): each person is its own request. A failed item is the
// per-item case: only that lead is retried, the others are sent once.
test('one person failing in a batch → only that one is retried; every lead created once', async () => {
  await importLeads(options, 'pdpart', [0, 1, 2].map((i) => leadRecord(i, 'pdpart')));
  fake.failCreateOnce(['p1.pdpart@leads.example'], 500);
  await syncTag('pdpart');
  await expect.poll(async () => (await pdEntries('e2e-pdpart-')).find((e) => e.leadId === 'e2e-pdpart-1')?.status).toBe('retrying');
  await expect.poll(async () => (await pdEntries('e2e-pdpart-')).filter((e) => e.status === 'synced').length, { timeout: 20_000 }).toBe(3);
  const attempts = (email: string) => fake.requests.filter((r) => r.method === 'post' && r.path === '/api/v2/persons' && JSON.stringify(r.body).includes(email)).map((r) => r.status);
  expect(attempts('p0.pdpart@leads.example')).toEqual([201]);
  expect(attempts('p1.pdpart@leads.example')).toEqual([500, 201]);
  expect(attempts('p2.pdpart@leads.example')).toEqual([201]);
});

test('worker stopped mid-drain → on restart every lead is synced exactly once', async () => {
  await importLeads(options, 'pdkill', Array.from({ length: 5 }, (_, i) => leadRecord(i, 'pdkill')));
  fake.hangNext();
  await syncTag('pdkill');
  await expect.poll(() => fake.requests.some((r) => r.path === '/api/v2/persons' && r.status === 0 && JSON.stringify(r.body).includes('.pdkill@'))).toBe(true);
  expect((await pdEntries('e2e-pdkill-')).every((e) => e.status === 'sending')).toBe(true);
  const cdp = await context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  // Any event wakes the worker; its start resumes the sends left in flight.
  await options.reload();
  await targetSection(options, 'Pipedrive').getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(async () => (await pdEntries('e2e-pdkill-')).filter((e) => e.status === 'synced').length, { timeout: 30_000 }).toBe(5);
  const made = creates();
  for (let i = 0; i < 5; i++) expect(made.get(`p${i}.pdkill@leads.example`)).toBe(1);
  expect([...fake.persons.values()].filter((p) => p.emails.some((e) => e.value.endsWith('.pdkill@leads.example')))).toHaveLength(5);
});
