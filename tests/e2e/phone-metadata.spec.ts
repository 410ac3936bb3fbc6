// The popup loads phone metadata per calling code: national, +44 and 0041 numbers still read and show formatted.
import type { Page } from '@playwright/test';
import { editDetails, expect, rowAction, saveCard, test } from './fixtures';

/** Console errors of the popup that say a number was read before its phone metadata was loaded. */
function missedLoads(popup: Page): string[] {
  const missed: string[] = [];
  popup.on('console', (m) => {
    if (m.type() === 'error' && m.text().includes('phone metadata')) missed.push(m.text());
  });
  return missed;
}

test('a German page: its national, +44 and 0041 numbers are read and shown formatted, each country loaded on demand', async ({ capture }) => {
  const { popup } = await capture('phones-international.html');
  const missed = missedLoads(popup);
  const card = popup.getByRole('form', { name: 'Prospect Anna Schmidt' });
  const phones = card.getByRole('list', { name: 'Contact details' }).getByRole('listitem').filter({ hasText: 'Phone' });
  await expect(phones).toHaveText([/\+49 30 23125000/, /\+44 20 7946 0018/, /\+41 44 668 18 00/]);
  await editDetails(card);
  await expect(card.locator('[name="phones"]')).toHaveValue('+493023125000\n+442079460018\n+41446681800');
  // A typed number of a country not loaded yet: its chip shows formatted once loaded, and is never read before.
  await card.locator('[name="phones"]').fill('+493023125000\n+33 1 23 45 67 89');
  await expect(phones).toHaveText([/\+49 30 23125000/, /\+33 1 23 45 67 89/]);
  expect(missed).toEqual([]);
});

test('a saved lead\'s foreign phone shows formatted in a later popup, and a typed foreign number saves in E.164', async ({ capture, openPopup }) => {
  const { popup: first } = await capture('phones-international.html');
  await saveCard(first.getByRole('form', { name: 'Prospect Anna Schmidt' }));

  // Another page of the same person names no phone: the card brings the saved ones, whose countries this popup had not loaded.
  const { popup: again } = await capture('phones-same-person.html');
  const missed = missedLoads(again);
  const card = again.getByRole('form', { name: 'Prospect Anna Schmidt' });
  await expect(card.locator('.saved-note')).toContainText('Already saved');
  await expect(card.getByRole('listitem').filter({ hasText: 'Phone' })).toHaveText([/\+49 30 23125000/, /\+44 20 7946 0018/, /\+41 44 668 18 00/]);

  // A number typed with the US international prefix: what saving would change names it formatted, once its country is loaded.
  await editDetails(card);
  await card.locator('[name="phones"]').fill('+493023125000\n+442079460018\n+41446681800\n011 33 1 23 45 67 89');
  await expect(card.locator('.saved-note')).toContainText('adds phone +33 1 23 45 67 89.');
  await card.getByRole('button', { name: 'Update lead' }).click();
  await expect(card.getByRole('status')).toHaveText('Updated existing lead');

  // Editing the saved lead in a fresh popup: the typed number was stored in E.164.
  const popup = await openPopup();
  missed.push(...missedLoads(popup));
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  await rowAction(popup, 'Anna Schmidt', 'Edit');
  const form = popup.getByRole('form', { name: 'Prospect Anna Schmidt' });
  await expect(form.locator('[name="phones"]')).toHaveValue('+493023125000\n+442079460018\n+41446681800\n+33123456789');
  expect(missed).toEqual([]);
});
