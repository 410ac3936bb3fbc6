/**
 * Regenerates the README screenshots, and the store screenshots (1280x800,
 * the Chrome Web Store size and AMO's recommended 1.6:1) in docs/store/,
 * from the built extension:
 *   npm run build && npx tsx scripts/screenshots.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { extensionIdOf, launchBrowser, openPopupFor, startServer } from '../tests/e2e/fixtures';

const STORE = { width: 1280, height: 800 };

/**
 * A store screenshot: the page the user is on at 1280x800, with the popup
 * (a screenshot of the real popup) where the browser shows it, under the toolbar.
 */
async function storeShot(context: BrowserContext, pageUrl: string, popupPng: Buffer, caption: string, path: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize(STORE);
  await page.goto(pageUrl);
  await page.evaluate(
    ({ src, caption }) => {
      const shade = document.createElement('div');
      shade.style.cssText = 'position:fixed;inset:0;background:rgba(15,23,42,.35);z-index:2147483646';
      const img = document.createElement('img');
      img.src = src;
      img.style.cssText = 'position:fixed;top:12px;right:24px;border-radius:8px;box-shadow:0 12px 40px rgba(0,0,0,.35);z-index:2147483647;max-height:776px';
      const label = document.createElement('div');
      label.textContent = caption;
      label.style.cssText =
        'position:fixed;left:48px;bottom:48px;max-width:640px;font:600 34px/1.25 system-ui,sans-serif;color:#fff;text-shadow:0 2px 8px rgba(0,0,0,.5);z-index:2147483647';
      document.body.append(shade, img, label);
      return new Promise((ok) => (img.complete ? ok(null) : (img.onload = () => ok(null))));
    },
    { src: `data:image/png;base64,${popupPng.toString('base64')}`, caption },
  );
  await page.screenshot({ path });
  await page.close();
}

const { server, origin } = await startServer();
const dir = mkdtempSync(join(tmpdir(), 'ps-shots-'));
const context = await launchBrowser(dir);
try {
  const id = await extensionIdOf(context);
  const page = await context.newPage();
  await page.goto(`${origin}/person-jsonld.html`);
  const popup = await openPopupFor(context, id, page);
  await popup.setViewportSize({ width: 400, height: 600 });
  const card = popup.getByRole('form').first();
  await card.locator('[name="tags"]').fill('webinar');
  await card.locator('[name="tags"]').press('Enter');
  await card.getByRole('button', { name: 'Save lead' }).click();
  await card.getByRole('button', { name: 'Undo' }).waitFor();
  await popup.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.querySelector('.popup')?.scrollTo(0, 0);
    window.scrollTo(0, 0);
  });
  const popupPng = await popup.screenshot({ path: 'docs/popup.png' });

  const team = await context.newPage();
  await team.goto(`${origin}/team-page.html`);
  const teamPopup = await openPopupFor(context, id, team);
  await teamPopup.getByText('4 prospects found on this page.').waitFor();
  for (const save of await teamPopup.getByRole('button', { name: 'Save lead' }).all()) await save.click();
  await teamPopup.getByRole('tab', { name: /Saved leads/ }).click();
  await teamPopup.setViewportSize({ width: 400, height: 520 });
  await teamPopup.getByText(/of 5 leads/).waitFor();
  await teamPopup.getByRole('button', { name: /^Actions for / }).first().click();
  const savedPng = await teamPopup.screenshot({ path: 'docs/saved-leads.png' });

  const options = await context.newPage();
  await options.setViewportSize({ width: 760, height: 460 });
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByText('5 saved leads.').waitFor();
  await options.screenshot({ path: 'docs/options.png' });

  const ws = await context.newPage();
  await ws.setViewportSize({ width: 1280, height: 420 });
  await ws.goto(`chrome-extension://${id}/workspace.html`);
  await ws.getByText('5 of 5 leads').waitFor();
  const wsRows = ws.getByRole('grid', { name: 'Leads' }).getByRole('row').filter({ has: ws.getByRole('gridcell') });
  await wsRows.nth(1).click();
  await wsRows.nth(3).click({ modifiers: ['Shift'] });
  await ws.screenshot({ path: 'docs/workspace.png' });

  mkdirSync('docs/store', { recursive: true });
  await storeShot(context, `${origin}/person-jsonld.html`, popupPng, 'One click reads the prospect on the page: name, title, company, emails, phones, profiles.', 'docs/store/1-capture.png');
  await storeShot(context, `${origin}/team-page.html`, savedPng, 'Saved leads stay on your machine: search, filter by tag, edit, delete.', 'docs/store/2-saved-leads.png');
  await options.setViewportSize(STORE);
  await options.screenshot({ path: 'docs/store/3-export.png' });
} finally {
  await context.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
