import { expect, test } from './fixtures';

test('saved leads: list, search, filter by tag, open the source page, delete', async ({ capture, openPopup, context, origin }) => {
  const { popup: a } = await capture('person-jsonld.html');
  const jane = a.getByRole('form', { name: /Prospect Jane Doe/ });
  await jane.locator('[name="tags"]').fill('vip');
  await jane.locator('[name="tags"]').press('Enter');
  await jane.getByRole('button', { name: 'Save lead' }).click();
  await expect(jane.getByRole('status')).toHaveText('Saved');
  const { popup: b } = await capture('plain-contact.html');
  await b.getByRole('button', { name: 'Save lead' }).click();
  await expect(b.getByRole('form').getByRole('status')).toHaveText('Saved');

  const popup = await openPopup();
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  const items = popup.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  // newest first
  await expect(items.first()).toHaveAccessibleName('Carlos Mendes');

  const search = popup.getByLabel('Search');
  await search.fill('globex');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Carlos Mendes');
  await search.fill('jane.doe@acme');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');
  await search.fill('Jane');
  await expect(items).toHaveCount(1);
  await search.fill('');
  await expect(items).toHaveCount(2);

  await popup.getByLabel('Tag').selectOption('vip');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');
  await expect(popup.getByText('1 of 2 leads')).toBeVisible();

  const opened = context.waitForEvent('page');
  await items.first().getByRole('button', { name: 'Open page' }).click();
  const source = await opened;
  await source.waitForLoadState();
  expect(source.url()).toBe(`${origin}/person-jsonld.html`);

  await popup.getByLabel('Tag').selectOption('');
  popup.once('dialog', (d) => void d.accept());
  await items.filter({ hasText: 'Carlos Mendes' }).getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');

  // Cancelling the confirmation keeps the lead.
  popup.once('dialog', (d) => void d.dismiss());
  await items.first().getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
});
