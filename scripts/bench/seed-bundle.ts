// Bundles the browser-side seeder (seed-entry.ts) into a script string to evaluate in an extension page.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The seeder as one IIFE script. */
export async function seedScript(): Promise<string> {
  const out = await build({ entryPoints: [join(HERE, 'seed-entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

/** Seeds `count` synthetic leads into the extension's store from `page` (an extension page). Returns the stored count. */
export async function seedStore(page: Page, count: number, script?: string): Promise<number> {
  await page.evaluate(script ?? (await seedScript()));
  return page.evaluate((n) => (globalThis as unknown as { __seedLeads(n: number): Promise<number> }).__seedLeads(n), count);
}

/** Writes a (paused) HubSpot target and an outbox entry for each of seeded leads 0 … count-1 from `page`. Returns the outbox size. */
export async function seedOutbox(page: Page, count: number, script?: string): Promise<number> {
  await page.evaluate(script ?? (await seedScript()));
  return page.evaluate((n) => (globalThis as unknown as { __seedOutbox(n: number): Promise<number> }).__seedOutbox(n), count);
}

/** Stores exactly these leads (validated by the store) from `page` (an extension page). Returns the stored count. */
export async function putLeads(page: Page, leads: unknown[], script?: string): Promise<number> {
  await page.evaluate(script ?? (await seedScript()));
  return page.evaluate((l) => (globalThis as unknown as { __putLeads(l: unknown[]): Promise<number> }).__putLeads(l), leads);
}

/** Stores CRM targets and outbox entries from `page` (an extension page), e.g. to show sync states without a CRM. */
export async function putSync(page: Page, targets: unknown[], entries: unknown[], script?: string): Promise<void> {
  await page.evaluate(script ?? (await seedScript()));
  await page.evaluate(([t, e]) => (globalThis as unknown as { __putSync(t: unknown[], e: unknown[]): Promise<void> }).__putSync(t, e), [targets, entries] as const);
}
