import { addTag, editDetails, expect, saveCard, test } from './fixtures';

test('edit, tag (with autocomplete) and note a prospect; saving the same person again updates it', async ({ capture, openPopup }) => {
  const { popup } = await capture('person-jsonld.html');
  const card = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await editDetails(card);
  await card.locator('[name="title"]').fill('Chief Revenue Officer');
  await addTag(card, 'webinar');
  await addTag(card, 'Q4 pipeline');
  await card.locator('[name="note"]').fill('Met at booth 12');
  await saveCard(card);

  // Another person: the tag field suggests tags already in use.
  const { popup: second } = await capture('plain-contact.html');
  const carlos = second.getByRole('form', { name: /Prospect Carlos Mendes/ });
  await expect(carlos.locator('datalist option')).toHaveCount(2);
  const suggestions = await carlos.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(suggestions.sort()).toEqual(['Q4 pipeline', 'webinar']);
  await carlos.locator('[name="tags"]').fill('webinar');
  await expect(carlos.getByRole('button', { name: 'Remove tag webinar' })).toBeVisible();
  await saveCard(carlos);

  // Jane again: recognised, the user's edits, tags and note are kept, and saving updates.
  const { popup: third } = await capture('person-jsonld.html');
  const again = third.getByRole('form', { name: /Prospect Jane Doe/ });
  await expect(again.getByText(/^Already saved \(updated just now\)\. Nothing new on this page\.$/)).toBeVisible();
  await editDetails(again);
  await expect(again.locator('[name="title"]')).toHaveValue('Chief Revenue Officer');
  await expect(again.locator('[name="note"]')).toHaveValue('Met at booth 12');
  await expect(again.locator('.tag')).toHaveText(['webinar×', 'Q4 pipeline×']);
  await again.locator('[name="phones"]').fill('+1 415 555 0132\n+1 212 555 0123');
  await expect(again.getByText(/^Already saved .*Saving adds phone \+1 212 555 0123\.$/)).toBeVisible();
  await again.getByRole('button', { name: 'Update lead' }).click();
  await expect(again.getByRole('status')).toHaveText('Updated existing lead');

  const list = await openPopup();
  await list.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(list.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (2)');
  await expect(list.getByRole('list', { name: 'Saved leads' }).getByRole('listitem')).toHaveCount(2);
});

test('invalid edits are reported and nothing is lost', async ({ capture }) => {
  const { popup } = await capture('person-jsonld.html');
  const card = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await editDetails(card);
  await card.locator('[name="emails"]').fill('jane@acme.example\nnot-an-email');
  await card.getByRole('button', { name: 'Save lead' }).click();
  await expect(card.getByRole('alert')).toContainText('"not-an-email" is not an email address');
  await expect(card.locator('[name="emails"]')).toHaveValue('jane@acme.example\nnot-an-email');
  await card.locator('[name="emails"]').fill('jane@acme.example');
  await saveCard(card);
});
