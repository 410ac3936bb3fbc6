import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { putLeads } from '../../scripts/bench/seed-bundle';
import { seedLead } from '../../scripts/bench/seed-leads';
import { expect, test } from './fixtures';

// Ten seeded leads (all with email and phone) plus two without email; "vip" on four of them.
const leads = [
  ...Array.from({ length: 10 }, (_, i) => ({ ...seedLead(i), tags: [1, 3, 5].includes(i) ? ['vip'] : [] })),
  { ...seedLead(10), id: 'no-email-1', name: 'Yusuf Noemail', emails: [], tags: ['vip'] },
  { ...seedLead(11), id: 'no-email-2', name: 'Bea Noemail', emails: [], phones: [] },
];

const grid = (ws: Page) => ws.getByRole('grid', { name: 'Leads' });
const bodyRows = (ws: Page) => grid(ws).getByRole('row').filter({ has: ws.getByRole('gridcell') });
const status = (ws: Page) => ws.locator('.ws-bar').getByRole('status');

test('lead workspace: opened from the popup; sort, filter, range selection, bulk tag, export, delete with undo, keyboard', async ({ openPopup, context }) => {
  const popup = await openPopup();
  expect(await putLeads(popup, leads)).toBe(12);
  await popup.reload();

  const opening = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Open lead workspace' }).click();
  const ws = await opening;
  await ws.waitForLoadState();
  expect(new URL(ws.url()).pathname).toBe('/workspace.html');
  await expect(status(ws)).toHaveText('12 of 12 leads');
  await expect(bodyRows(ws)).toHaveCount(12);

  // Sort by name, then reversed; the header says which way.
  const nameHeader = grid(ws).getByRole('columnheader', { name: 'Name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(bodyRows(ws).first()).toContainText('Ada Lovelace 0');
  await expect(bodyRows(ws).nth(1)).toContainText('Alan Lovelace 2');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(bodyRows(ws).first()).toContainText('Zoë Lovelace 4');
  await expect(bodyRows(ws).last()).toContainText('Ada Lovelace 0');
  await nameHeader.getByRole('button').click(); // back to A→Z

  // Tag filter (through the tag index), then "has email" on top.
  await ws.getByLabel('Tag', { exact: true }).selectOption('vip');
  await expect(bodyRows(ws)).toHaveCount(4);
  await ws.getByLabel('Has email').check();
  await expect(bodyRows(ws)).toHaveCount(3);
  await expect(status(ws)).toHaveText('3 of 12 leads');
  await expect(bodyRows(ws)).toHaveText([/Grace Lovelace 1/, /José Lovelace 3/, /Mei Lovelace 5/]);
  await ws.getByLabel('Has email').uncheck();
  await expect(bodyRows(ws)).toHaveText([/Grace Lovelace 1/, /José Lovelace 3/, /Mei Lovelace 5/, /Yusuf Noemail/]);

  // Click the first, shift-click the third: a range of three.
  await bodyRows(ws).nth(0).click();
  await bodyRows(ws).nth(2).click({ modifiers: ['Shift'] });
  await expect(status(ws)).toHaveText('4 of 12 leads · 3 selected');
  await expect(bodyRows(ws).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(bodyRows(ws).nth(3)).toHaveAttribute('aria-selected', 'false');
  // Ctrl-click adds the fourth.
  await bodyRows(ws).nth(3).click({ modifiers: ['Control'] });
  await expect(status(ws)).toContainText('4 selected');
  await bodyRows(ws).nth(3).click({ modifiers: ['Control'] });
  await expect(status(ws)).toContainText('3 selected');

  // Bulk: add a tag to the three.
  const bulk = ws.getByRole('toolbar', { name: 'Actions on 3 selected leads' });
  await bulk.getByLabel('Tag to add or remove').fill('q3');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(ws.getByText('Added “q3” to 3 leads.')).toBeVisible();
  await expect(bodyRows(ws).nth(0).getByRole('gridcell').nth(6)).toHaveText('vip, q3');
  await expect(ws.getByLabel('Tag', { exact: true }).locator('option', { hasText: 'q3' })).toHaveCount(1);

  // Export the selection: only those three, as CSV.
  const downloading = ws.waitForEvent('download');
  await bulk.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^prospect-scout-selection-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Full Name,/);
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['Grace Lovelace 1', 'José Lovelace 3', 'Mei Lovelace 5']);
  expect(csv).toContain('vip; q3');
  expect(csv).not.toContain('Yusuf');

  // Delete the three, then Undo puts them back whole (their new tag included).
  await bulk.getByRole('button', { name: 'Delete' }).click();
  await expect(bodyRows(ws)).toHaveText([/Yusuf Noemail/]);
  await expect(status(ws)).toHaveText('1 of 9 leads');
  await ws.getByRole('status').filter({ hasText: 'Deleted 3 leads' }).getByRole('button', { name: 'Undo' }).click();
  await expect(bodyRows(ws)).toHaveCount(4);
  await ws.getByLabel('Tag', { exact: true }).selectOption('q3');
  await expect(bodyRows(ws)).toHaveCount(3);

  // Select all matching, across the whole filtered list.
  await ws.getByRole('button', { name: 'Clear 1 filter' }).click();
  await expect(bodyRows(ws)).toHaveCount(12);
  await ws.getByRole('button', { name: 'Select all 12 matching' }).click();
  await expect(status(ws)).toHaveText('12 of 12 leads · 12 selected');
  await ws.getByRole('button', { name: 'Clear selection' }).click();

  // Keyboard: arrows move the focused row, Shift+arrow extends, Space toggles, Enter opens, Delete deletes with undo.
  await bodyRows(ws).first().click();
  // In a window too short for the 12 rows, End and Home bring the focused row into view (the table renders a window of rows).
  const size = ws.viewportSize()!;
  await ws.setViewportSize({ width: size.width, height: 420 });
  expect(await grid(ws).locator('.grid-body').evaluate((el) => el.scrollHeight > el.clientHeight + 36)).toBe(true);
  await ws.keyboard.press('End');
  await expect(bodyRows(ws).last()).toBeFocused();
  await expect(bodyRows(ws).last()).toBeInViewport({ ratio: 0.9 });
  await ws.keyboard.press('Home');
  await expect(bodyRows(ws).first()).toBeFocused();
  await expect(bodyRows(ws).first()).toBeInViewport({ ratio: 0.9 });
  await ws.setViewportSize(size);
  await ws.keyboard.press('ArrowDown');
  await ws.keyboard.press('ArrowDown');
  await expect(bodyRows(ws).nth(2)).toBeFocused();
  await ws.keyboard.press('Shift+ArrowDown');
  await expect(bodyRows(ws).nth(3)).toBeFocused();
  await expect(status(ws)).toContainText('2 selected');
  await ws.keyboard.press('Space');
  await expect(status(ws)).toContainText('1 selected');
  await expect(bodyRows(ws).nth(3)).toHaveAttribute('aria-selected', 'false');
  await ws.keyboard.press('Enter');
  await expect(ws.getByRole('complementary', { name: 'Edit Fatima Lovelace 9' }).getByLabel('Name', { exact: true })).toBeFocused();
  // Named after the lead: the name changes with the update below.
  const editor = ws.getByRole('complementary', { name: /^Edit Fatima/ });
  await editor.getByLabel('Name', { exact: true }).fill('Fatima Edited');
  await editor.getByRole('button', { name: 'Update lead' }).click();
  await expect(bodyRows(ws).nth(3)).toContainText('Fatima Edited');
  await expect(editor).toHaveAccessibleName('Edit Fatima Edited');
  // While the save runs the button is only marked busy (aria-disabled), so the focus stays on it:
  // a keyboard user goes on from there (Escape closes the editor).
  const update = editor.getByRole('button', { name: 'Update lead' });
  await expect(update).not.toHaveAttribute('aria-disabled', 'true');
  await expect(update).toBeFocused();
  await ws.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(bodyRows(ws).nth(3)).toBeFocused();
  await ws.keyboard.press('Escape'); // clears the selection
  await ws.keyboard.press('Delete');
  await expect(bodyRows(ws)).toHaveCount(11);
  await expect(ws.getByRole('status').filter({ hasText: 'Deleted Fatima Edited' })).toBeVisible();
  await ws.getByRole('button', { name: 'Undo' }).click();
  await expect(bodyRows(ws)).toHaveCount(12);

  // Everything above went to the store: a fresh workspace shows it.
  await ws.reload();
  await expect(status(ws)).toHaveText('12 of 12 leads');
  await ws.getByLabel('Tag', { exact: true }).selectOption('q3');
  await expect(bodyRows(ws)).toHaveCount(3);
  await ws.getByLabel('Search').fill('fatima edited');
  await ws.getByLabel('Tag', { exact: true }).selectOption('');
  await expect(bodyRows(ws)).toHaveText([/Fatima Edited/]);
});
