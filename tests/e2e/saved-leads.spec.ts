import { addTag, expect, saveCard, test } from './fixtures';

test('saved leads: list, search, filter by tag, open the source page, delete', async ({ capture, openPopup, context, origin }) => {
  const { popup: a } = await capture('person-jsonld.html');
  const jane = a.getByRole('form', { name: /Prospect Jane Doe/ });
  await addTag(jane, 'vip');
  await saveCard(jane);
  const { popup: b } = await capture('plain-contact.html');
  await saveCard(b.getByRole('form'));

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

test('a saved lead can be edited from the list; the edit replaces it and persists', async ({ capture, openPopup }) => {
  const { popup: a } = await capture('person-jsonld.html');
  await saveCard(a.getByRole('form'));

  const popup = await openPopup();
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  const item = popup.getByRole('list', { name: 'Saved leads' }).getByRole('listitem').first();
  await item.getByRole('button', { name: 'Edit' }).click();
  const form = item.getByRole('form', { name: /Prospect Jane Doe/ });
  await expect(form.locator('[name="title"]')).toHaveValue('VP of Sales');

  // A bad email is refused and nothing is stored.
  await form.locator('[name="emails"]').fill('not an email');
  await form.getByRole('button', { name: 'Update lead' }).click();
  await expect(form.getByRole('alert')).toContainText('Emails');
  await form.locator('[name="emails"]').fill('jane.doe@acme.example');

  await form.locator('[name="title"]').fill('Chief Revenue Officer');
  await addTag(form, 'renewal');
  await form.getByRole('button', { name: 'Update lead' }).click();
  await expect(form.getByRole('status')).toHaveText('Updated existing lead');
  await expect(item).toContainText('Chief Revenue Officer · Acme Corp');
  await expect(item.locator('.tag', { hasText: 'renewal' }).first()).toBeVisible();

  const again = await openPopup();
  await again.getByRole('tab', { name: /Saved leads/ }).click();
  const items = again.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Chief Revenue Officer');
  // The edit replaced the lead: the removed address is gone, not merged back.
  await items.first().getByRole('button', { name: 'Edit' }).click();
  await expect(items.first().locator('[name="emails"]')).toHaveValue('jane.doe@acme.example');
  await again.getByLabel('Tag', { exact: true }).selectOption('renewal');
  await expect(items).toHaveCount(1);
});
