// The popup loads phone metadata per calling code: national, +44 and 0041 numbers still read and show formatted.
import type { Page } from '@playwright/test';
import { editDetails, expect, openPopupFor, rowAction, saveCard, test } from './fixtures';

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

test('the phone country chosen in the options reads a page\'s national numbers in the next popup (settings read as it opens)', async ({ context, extensionId, origin }) => {
  // No language, no country domain, no address: only the user's setting tells whose national number this is.
  const html = '<!doctype html><html><body><h1>Ana Lima</h1><p>Head of Sales at Porto Tiles</p><p>Call 912 345 678</p><a href="mailto:ana@portotiles.example">Email</a></body></html>';
  const page = await context.newPage();
  await page.route('**/national-only.html', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto(`${origin}/national-only.html`);
  const phonesOf = (popup: Page) => popup.getByRole('form', { name: 'Prospect Ana Lima' }).getByRole('listitem').filter({ hasText: 'Phone' });

  // Guessed (United States): nine digits are no American number, so no phone rather than a wrong one.
  const before = await openPopupFor(context, extensionId, page);
  await expect(before.getByRole('form', { name: 'Prospect Ana Lima' })).toBeVisible();
  await expect(phonesOf(before)).toHaveCount(0);
  await before.close();

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Country for phone numbers without a +country code').selectOption('PT');
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const popup = await openPopupFor(context, extensionId, page);
  const missed = missedLoads(popup);
  await expect(phonesOf(popup)).toHaveText([/\+351 912 345 678/]);
  expect(missed).toEqual([]);
});
