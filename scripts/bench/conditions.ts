// The browser state the timings are taken in, as a user's: no seeding tab left open, a human pause between page opens.
import type { BrowserContext, Page } from '@playwright/test';
import { seedStore } from './seed-bundle';

/**
 * A user's pause between closing an extension page and opening the next.
 * The popup and the workspace read the lead count and tag list once their
 * view is in, and that index walk runs on in the database after the page
 * closes (~230 ms at 50,000 leads); a script reopening within milliseconds
 * measures the next page's reads queued behind it, which no user meets.
 */
export const BETWEEN_OPENS_MS = 1000;

/** Waits {@link BETWEEN_OPENS_MS}. */
export function pauseBetweenOpens(): Promise<void> {
  return new Promise((r) => setTimeout(r, BETWEEN_OPENS_MS));
}

/**
 * Seeds `count` synthetic leads from an extension tab opened for it and
 * closed before any timing: the extension's pages share one renderer (one
 * main thread), so a tab left open would take part in every measurement.
 * Returns the stored count.
 */
export async function seedInOwnTab(context: BrowserContext, extensionId: string, script: string, count: number): Promise<number> {
  const seeder = await context.newPage();
  try {
    await seeder.goto(`chrome-extension://${extensionId}/popup.html`);
    return await seedStore(seeder, count, script);
  } finally {
    await seeder.close();
  }
}

/** Starts recording long tasks (PerformanceObserver 'longtask': every task over 50 ms) in the page. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}
