import { seedStore } from '../../scripts/bench/seed-bundle';
import { addTag, expect, openPopupFor, saveCard, test } from './fixtures';

test('saved leads: list, search, filter by tag, sort, open the source page from the row menu, delete with undo', async ({ capture, openPopup, context, origin }) => {
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
  await expect(items.first()).toContainText('Head of Partnerships · Globex Ltd');
  // One action button per row, not three.
  await expect(items.first().getByRole('button')).toHaveCount(1);

  const search = popup.getByLabel('Search');
  await search.fill('globex');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Carlos Mendes');
  await search.fill('jane.doe@acme');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');
  await search.fill('');
  await expect(items).toHaveCount(2);

  await popup.getByLabel('Sort').selectOption('name');
  await expect(items).toHaveText([/Carlos Mendes/, /Jane Doe/]);
  await popup.getByLabel('Sort').selectOption('company');
  await expect(items).toHaveText([/Jane Doe/, /Carlos Mendes/]); // Acme before Globex
  await popup.getByLabel('Sort').selectOption('recent');

  await popup.getByLabel('Tag').selectOption('vip');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');
  await expect(popup.getByText('1 of 2 leads')).toBeVisible();

  // The row menu works from the keyboard: Enter opens it, arrows move, Escape closes and returns focus.
  const menuButton = items.first().getByRole('button', { name: 'Actions for Jane Doe' });
  await menuButton.focus();
  await popup.keyboard.press('Enter');
  const menu = popup.getByRole('menu', { name: 'Actions for Jane Doe' });
  await expect(menu.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Open source page' })).toBeFocused();
  await popup.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(menuButton).toBeFocused();

  await menuButton.click();
  const opened = context.waitForEvent('page');
  await menu.getByRole('menuitem', { name: 'Open source page' }).click();
  const source = await opened;
  await source.waitForLoadState();
  expect(source.url()).toBe(`${origin}/person-jsonld.html`);

  await popup.getByLabel('Tag').selectOption('');
  await items.filter({ hasText: 'Carlos Mendes' }).getByRole('button', { name: 'Actions for Carlos Mendes' }).click();
  await popup.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('Jane Doe');
  await expect(popup.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (1)');

  // Undo puts the lead back, whole.
  await popup.getByRole('status').filter({ hasText: 'Deleted Carlos Mendes' }).getByRole('button', { name: 'Undo' }).click();
  await expect(items).toHaveCount(2);
  await expect(popup.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (2)');
  const again = await openPopup();
  await again.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(again.getByRole('listitem', { name: 'Carlos Mendes' })).toContainText('carlos.mendes@globex.example');

  // Arrow keys move between the tabs.
  await again.getByRole('tab', { name: /Saved leads/ }).focus();
  await again.keyboard.press('ArrowLeft');
  await expect(again.getByRole('tab', { name: 'This page' })).toBeFocused();
  await expect(again.getByRole('tab', { name: 'This page' })).toHaveAttribute('aria-selected', 'true');
});

test('a saved lead can be edited from the row menu; the edit replaces it and persists', async ({ capture, openPopup }) => {
  const { popup: a } = await capture('person-jsonld.html');
  await saveCard(a.getByRole('form'));

  const popup = await openPopup();
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  await popup.getByRole('button', { name: 'Actions for Jane Doe' }).click();
  await popup.getByRole('menuitem', { name: 'Edit' }).click();
  const form = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await expect(form.locator('[name="title"]')).toHaveValue('VP of Sales');

  // A bad email is refused and nothing is stored.
  await form.locator('[name="emails"]').fill('not an email');
  await form.getByRole('button', { name: 'Update lead' }).click();
  await expect(form.getByRole('alert')).toContainText('Emails');
  await form.locator('[name="emails"]').fill('jane.doe@acme.example');

  await form.locator('[name="title"]').fill('Chief Revenue Officer');
  await addTag(form, 'renewal');
  await form.getByRole('button', { name: 'Update lead' }).click();
  await expect(popup.getByRole('form', { name: /Prospect Jane Doe/ }).getByRole('status')).toHaveText('Updated existing lead');
  await popup.getByRole('button', { name: '← Back to saved leads' }).click();
  const item = popup.getByRole('listitem', { name: 'Jane Doe' });
  await expect(item).toContainText('Chief Revenue Officer · Acme Corp');
  await expect(item.locator('.tag', { hasText: 'renewal' })).toBeVisible();

  const again = await openPopup();
  await again.getByRole('tab', { name: /Saved leads/ }).click();
  const items = again.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Chief Revenue Officer');
  // The edit replaced the lead: the removed address is gone, not merged back.
  await again.getByRole('button', { name: 'Actions for Jane Doe' }).click();
  await again.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(again.locator('[name="emails"]')).toHaveValue('jane.doe@acme.example');
  await again.getByRole('button', { name: '← Back to saved leads' }).click();
  await again.getByLabel('Tag', { exact: true }).selectOption('renewal');
  await expect(items).toHaveCount(1);
});

test('10,000 saved leads: capture still finds the prospect, the list renders a window of rows, search/tag/sort cover all', async ({ context, extensionId, openPopup, origin }) => {
  const seeder = await openPopup();
  expect(await seedStore(seeder, 10_000)).toBe(10_000);
  await seeder.close();

  // Capture reads only the identity indexes and a count.
  const page = await context.newPage();
  await page.goto(`${origin}/person-jsonld.html`);
  const captured = await openPopupFor(context, extensionId, page);
  await expect(captured.getByRole('form', { name: /Prospect Jane Doe/ })).toBeVisible();
  await expect(captured.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (10000)');

  const popup = await openPopup();
  await popup.getByRole('tab', { name: /Saved leads/ }).click();
  const list = popup.getByRole('list', { name: 'Saved leads' });
  const items = list.getByRole('listitem');
  // Newest seeded lead first, on screen before the whole store is read.
  await expect(items.first()).toHaveAccessibleName('Ada Lovelace 0');
  await expect(popup.getByText('10000 of 10000 leads')).toBeVisible();
  expect(await items.count()).toBeLessThan(40);
  await expect(items.first()).toHaveAttribute('aria-setsize', '10000');

  await popup.getByLabel('Search').fill('zoë tanaka');
  await expect(popup.getByText(/^\d+ of 10000 leads$/)).not.toHaveText('10000 of 10000 leads');
  const matches = Number((await popup.getByText(/^\d+ of 10000 leads$/).textContent())!.split(' ')[0]);
  // Zoë is first name 4 of 16, Tanaka last name 14 of 18: i % 16 == 4 and floor(i/16) % 18 == 14.
  const expected = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => i % 16 === 4 && Math.floor(i / 16) % 18 === 14).length;
  expect(matches).toBe(expected);
  await expect(items.first()).toContainText('Zoë Tanaka');
  await popup.getByLabel('Search').fill('');

  await popup.getByLabel('Tag').selectOption('tag-0');
  await expect(popup.getByText('1000 of 10000 leads')).toBeVisible();
  await popup.getByLabel('Tag').selectOption('');
  await popup.getByLabel('Sort').selectOption('name');
  await expect(items.first()).toHaveAccessibleName(/^Ada Álvarez \d+$/);

  // Scrolling to the end shows the last rows, still only a window of them in the DOM.
  await popup.locator('.lead-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(items.last()).toHaveAttribute('aria-posinset', '10000');
  expect(await items.count()).toBeLessThan(40);
});
