import { readFileSync } from 'node:fs';
import { expect, rowAction, saveCard, test } from './fixtures';

test('a JSON backup exported from the options page restores deleted leads; bad files change nothing', async ({ capture, openPopup, context, extensionId }) => {
  for (const page of ['person-jsonld.html', 'plain-contact.html']) {
    const { popup } = await capture(page);
    await saveCard(popup.getByRole('form'));
  }

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('2 saved leads.')).toBeVisible();
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export JSON backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^prospect-scout-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = readFileSync((await download.path())!);
  const parsed = JSON.parse(backup.toString('utf8')) as { app: string; leads: Array<{ name: string }> };
  expect(parsed.app).toBe('prospect-scout');
  expect(parsed.leads.map((l) => l.name).sort()).toEqual(['Carlos Mendes', 'Jane Doe']);

  // Lose a lead, then restore it from the backup.
  const popup = await openPopup();
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  const items = popup.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await rowAction(popup, 'Jane Doe', 'Delete');
  await expect(items).toHaveCount(1);
  await options.reload();
  await expect(options.getByText('1 saved lead.')).toBeVisible();

  const importStatus = options.getByRole('region', { name: 'Import' }).getByRole('status');
  const file = options.getByLabel('JSON backup file');
  await file.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: backup });
  await expect(importStatus).toHaveText('Imported backup.json: 1 new, 0 updated, 1 unchanged.');
  await expect(options.getByText('2 saved leads.')).toBeVisible();

  await file.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: backup.subarray(0, 200) });
  await expect(importStatus).toContainText('Nothing imported: The file is not valid JSON');

  // One record is repaired (no id, no dates), one cannot be read: the rest is imported regardless.
  const withBad = { ...parsed, leads: [...parsed.leads, { name: 'No id or dates', website: 'javascript:alert(1)' }, 'nonsense'] };
  await file.setInputFiles({ name: 'mixed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(withBad)) });
  await expect(importStatus).toContainText('1 new, 0 updated, 2 unchanged; 1 record skipped:');
  await expect(importStatus.getByRole('listitem')).toHaveText([
    'record 4 skipped: not a lead (a string)',
    /^record 3 repaired: Website: removed a link that is not http\(s\).*Id: missing, a new one was given/,
  ]);
  await expect(options.getByText('3 saved leads.')).toBeVisible();

  const again = await openPopup();
  await again.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(again.getByRole('list', { name: 'Saved leads' }).getByRole('listitem')).toHaveCount(3);
});
