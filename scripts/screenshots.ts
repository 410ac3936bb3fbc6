/**
 * Regenerates the README screenshots from the built extension:
 *   npm run build && npx tsx scripts/screenshots.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extensionIdOf, launchBrowser, openPopupFor, startServer } from '../tests/e2e/fixtures';

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
  await popup.screenshot({ path: 'docs/popup.png' });

  const team = await context.newPage();
  await team.goto(`${origin}/team-page.html`);
  const teamPopup = await openPopupFor(context, id, team);
  await teamPopup.getByText('4 prospects found on this page.').waitFor();
  for (const save of await teamPopup.getByRole('button', { name: 'Save lead' }).all()) await save.click();
  await teamPopup.getByRole('tab', { name: /Saved leads/ }).click();
  await teamPopup.setViewportSize({ width: 400, height: 520 });
  await teamPopup.getByText(/of 5 leads/).waitFor();
  await teamPopup.getByRole('button', { name: /^Actions for / }).first().click();
  await teamPopup.screenshot({ path: 'docs/saved-leads.png' });

  const options = await context.newPage();
  await options.setViewportSize({ width: 760, height: 460 });
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByText('5 saved leads.').waitFor();
  await options.screenshot({ path: 'docs/options.png' });
} finally {
  await context.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
