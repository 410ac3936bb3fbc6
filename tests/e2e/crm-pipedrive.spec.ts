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
