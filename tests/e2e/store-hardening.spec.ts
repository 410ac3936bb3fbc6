// Issue 6 in a real browser: identity conflicts asked in the popup, concurrent edits in two windows, long URLs, the CSV separator.
import { readFileSync } from 'node:fs';
import { editDetails, expect, openPopupFor, rowAction, saveCard, test } from './fixtures';

test('a page with a saved email under another name asks: merge or keep both', async ({ capture, openPopup }) => {
  const { popup: first } = await capture('person-jsonld.html');
  await saveCard(first.getByRole('form', { name: /Prospect Jane Doe/ }));

  const { popup } = await capture('shared-email.html');
  const john = popup.getByRole('form', { name: /Prospect John Dee/ });
  // Not taken for Jane: John's card is not prefilled with her lead.
  await expect(john.getByText('saved before')).toHaveCount(0);
  await john.getByRole('button', { name: 'Save lead' }).click();
  const question = john.getByRole('alertdialog');
  await expect(question).toContainText('Jane Doe is saved with this email (jane.doe@acme.example): merge, or keep both?');
  await question.getByRole('button', { name: 'Keep both' }).click();
  await expect(john.getByRole('status')).toHaveText('Saved');

  const list = await openPopup();
  await list.getByRole('tab', { name: /Saved leads/ }).click();
  const items = list.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Jane Doe' })).toHaveCount(1);
  await expect(items.filter({ hasText: 'John Dee' })).toHaveCount(1);
});

test('two windows editing the same lead: other fields merge, the same field is refused', async ({ capture, openPopup }) => {
  const { popup } = await capture('person-jsonld.html');
  await saveCard(popup.getByRole('form', { name: /Prospect Jane Doe/ }));

  const openEditor = async () => {
    const p = await openPopup();
    await p.getByRole('tab', { name: /Saved leads/ }).click();
    await rowAction(p, 'Jane Doe', 'Edit');
    return p.getByRole('form', { name: /Prospect Jane Doe/ });
  };
  const a = await openEditor();
  const b = await openEditor();

  await a.locator('[name="tags"]').fill('from-a');
  await a.locator('[name="tags"]').press('Enter');
  await a.locator('[name="note"]').fill('note from A');
  await a.getByRole('button', { name: 'Update lead' }).click();
  await expect(a.getByRole('status')).toHaveText('Updated existing lead');

  // B was opened before A saved: its title edit is merged, A's tag and note stay.
  await b.locator('[name="title"]').fill('Chief Revenue Officer');
  await b.getByRole('button', { name: 'Update lead' }).click();
  await expect(b.getByRole('status')).toHaveText('Updated existing lead');

  // B now edits the note A changed since B last saved: refused, with the reason.
  await a.locator('[name="note"]').fill('second note from A');
  await a.getByRole('button', { name: 'Update lead' }).click();
  await expect(a.getByRole('status')).toHaveText('Updated existing lead');
  await b.locator('[name="note"]').fill('note from B');
  await b.getByRole('button', { name: 'Update lead' }).click();
  await expect(b.getByRole('status')).toContainText('Not saved: This lead changed since you opened it (Note changed in both places)');

  const check = await openEditor();
  await expect(check.locator('[name="title"]')).toHaveValue('Chief Revenue Officer');
  await expect(check.locator('[name="note"]')).toHaveValue('second note from A');
  await expect(check.getByText('from-a')).toBeVisible();
});

test('manual entry on a page with a 5000-character URL works, and an over-long first name is shown on Name', async ({ context, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/no-prospect.html?q=${'a'.repeat(5000)}`);
  const popup = await openPopupFor(context, extensionId, page);
  await popup.getByRole('button', { name: 'Enter a lead by hand' }).click();
  const card = popup.getByRole('form');
  await editDetails(card);
  await card.locator('[name="name"]').fill(`${'A'.repeat(160)} Doe`);
  await card.getByRole('button', { name: 'Save lead' }).click();
  await expect(card.getByRole('alert')).toHaveText('Name: the first name is longer than 150 characters (160); shorten it');
  await card.locator('[name="name"]').fill('Ann Long-Url');
  await saveCard(card);
});

test('the CSV separator chosen in the export panel is used and remembered', async ({ capture, context, extensionId }) => {
  const { popup } = await capture('person-jsonld.html');
  await saveCard(popup.getByRole('form', { name: /Prospect Jane Doe/ }));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('CSV separator').selectOption(';');
  const downloading = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync((await (await downloading).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFFull Name;First Name;Last Name;Job Title;/);
  await options.reload();
  await expect(options.getByLabel('CSV separator')).toHaveValue(';');
});
