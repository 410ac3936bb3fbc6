// Saves and reads leads through the real store from an extension page (bundled tests/e2e/store-entry.ts), so specs seed without the UI.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { Lead, ProspectInput } from '../../utils/leads/schema';

const HERE = dirname(fileURLToPath(import.meta.url));
let script: Promise<string> | undefined;

async function inject(page: Page): Promise<void> {
  script ??= build({ entryPoints: [join(HERE, 'store-entry.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent' }).then(
    (out) => out.outputFiles[0]!.text,
  );
  await page.evaluate(await script);
}

/** Saves prospects as leads through `saveLead`, from `page` (an extension page). */
export async function saveThroughStore(page: Page, prospects: ProspectInput[]): Promise<string[]> {
  await inject(page);
  return page.evaluate((p) => (globalThis as unknown as { __store: { save(p: unknown): Promise<string[]> } }).__store.save(p), prospects);
}

/** Every saved lead, read through the store from `page` (an extension page). */
export async function listThroughStore(page: Page): Promise<Lead[]> {
  await inject(page);
  return page.evaluate(() => (globalThis as unknown as { __store: { list(): Promise<Lead[]> } }).__store.list());
}
