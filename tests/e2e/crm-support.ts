// Helpers for the CRM sync e2e specs: the crm-test build, the options page's CRM panel, IndexedDB peeks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EXTENSION_PATH, expect, extensionIdOf, launchBrowser } from './fixtures';

/** The test build (WXT_CRM_TEST=1): may reach 127.0.0.1 and lets a target's API base URL be set. */
export const CRM_TEST_EXTENSION = resolve(EXTENSION_PATH, '..', 'chrome-mv3-crm-test');

/** Launches Chromium with the crm-test build; returns the context, its id and a cleanup. */
export async function launchCrmBrowser(): Promise<{ context: BrowserContext; extensionId: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-crm-'));
  const context = await launchBrowser(dir, CRM_TEST_EXTENSION);
  const extensionId = await extensionIdOf(context);
  return {
    context,
    extensionId,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the options page. */
export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

/** The section of one target on the options page. */
export const targetSection = (options: Page, name: 'HubSpot' | 'Pipedrive' | 'Salesforce' | 'Webhook') => options.getByRole('region', { name, exact: true });

/** Imports leads into the extension through the options page's JSON import (no sync is queued by an import). */
export async function importLeads(options: Page, name: string, leads: object[]): Promise<void> {
  const body = JSON.stringify({ app: 'prospect-scout', version: 1, exportedAt: new Date().toISOString(), leads });
  await options.getByLabel('JSON backup file').setInputFiles({ name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(body) });
  await expect(options.getByText(`Imported ${name}.json:`)).toBeVisible();
}

/** A lead record as the backup format holds it. */
export function leadRecord(i: number, tag: string, over: object = {}): object {
  const at = new Date(Date.UTC(2026, 10, 27, 9, 0, i % 60)).toISOString();
  return {
    id: `e2e-${tag}-${i}`,
    name: `Person ${tag} ${i}`,
    firstName: '',
    lastName: '',
    title: 'Engineer',
    company: '',
    emails: [`p${i}.${tag}@leads.example`],
    phones: [],
    profiles: { linkedin: '', x: '', github: '', other: [] },
    website: '',
    location: '',
    sourceUrl: '',
    provenance: {},
    tags: [tag],
    note: '',
    capturedAt: at,
    updatedAt: at,
    ...over,
  };
}

/** Reads every record of an object store of the extension's database (from an extension page). */
export async function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((ok, fail) => {
        const open = indexedDB.open('prospect-scout');
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            ok(req.result);
          };
          req.onerror = () => fail(req.error);
        };
        open.onerror = () => fail(open.error);
      }),
    store,
  );
}

/** Connects a target from the options page (test build: base URL field shown). */
export async function connect(options: Page, name: 'HubSpot' | 'Pipedrive' | 'Webhook', fields: { token?: string; baseUrl?: string; url?: string }): Promise<void> {
  const s = targetSection(options, name);
  if (fields.url !== undefined) await s.getByLabel('Webhook URL').fill(fields.url);
  if (fields.token !== undefined) await s.getByLabel(name === 'Webhook' ? /Signing secret/ : 'Token').fill(fields.token);
  if (fields.baseUrl !== undefined) await s.getByLabel('API base URL (test build)').fill(fields.baseUrl);
  await s.getByRole('button', { name: `Connect ${name}` }).click();
}
