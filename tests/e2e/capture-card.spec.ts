import { addTag, expect, test } from './fixtures';

test('capture card: who at a glance, formatted chips with copy, Save with Enter, "Saved · Undo", then "Already saved"', async ({ capture }) => {
  const { popup } = await capture('person-jsonld.html');
  await popup.setViewportSize({ width: 380, height: 600 });
  const card = popup.getByRole('form', { name: 'Prospect Jane Doe' });
  await expect(card.locator('.avatar')).toHaveText('JD');
  await expect(card.locator('.card-sub')).toHaveText('VP of Sales · Acme Corp');
  const chips = card.getByRole('list', { name: 'Contact details' }).getByRole('listitem');
  await expect(chips).toHaveText([/jane\.doe@acme\.example/, /jane@acme\.example/, /\+1 415 555 0132/, /\+1 415 555 0199/]);
  await expect(card.getByRole('link', { name: 'LinkedIn profile' })).toHaveAttribute('href', 'https://www.linkedin.com/in/jane-doe-acme');
  await expect(card.getByRole('link', { name: 'GitHub profile' })).toBeVisible();
  // The form is behind "Edit details"; the single card fits the 600 px popup with Save in view.
  await expect(card.locator('[name="title"]')).toBeHidden();
  const save = card.getByRole('button', { name: 'Save lead' });
  await expect(save).toBeInViewport({ ratio: 1 });
  expect((await card.boundingBox())!.height).toBeLessThan(560);

  await chips.nth(2).getByRole('button', { name: 'Copy +1 415 555 0132' }).click();
  // Shown only once the clipboard write resolved; the E.164 number is what gets copied.
  await expect(card.getByText('Copied +14155550132')).toBeVisible();

  // Save is the focused default: Enter saves.
  await addTag(card, 'expo');
  await save.focus();
  await popup.keyboard.press('Enter');
  await expect(card.getByRole('status').filter({ hasText: 'Saved' }).first()).toHaveText('Saved');
  await expect(card.locator('.saved-badge')).toHaveText('Saved');
  await expect(card.locator('.tag')).toHaveText(['expo×']);
  await expect(popup.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (1)');

  // Undo takes the new lead out again.
  await card.getByRole('button', { name: 'Undo' }).click();
  await expect(popup.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (0)');
  await expect(card.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await save.click();
  await expect(popup.getByRole('tab', { name: /Saved leads/ })).toHaveText('Saved leads (1)');

  // Found again: the card says so before saving, and what saving would change.
  const { popup: again } = await capture('person-jsonld.html');
  const card2 = again.getByRole('form', { name: 'Prospect Jane Doe' });
  await expect(card2.locator('.saved-note')).toHaveText('Already saved (updated just now). Nothing new on this page.');
  await addTag(card2, 'renewal');
  await expect(card2.locator('.saved-note')).toHaveText('Already saved (updated just now). Saving adds tag renewal.');
  await card2.getByRole('button', { name: 'Update lead' }).click();
  await expect(card2.getByRole('status').filter({ hasText: 'Updated' })).toHaveText('Updated existing lead');
  // Undo of an update puts the earlier version back.
  await card2.getByRole('button', { name: 'Undo' }).click();
  const list = await capture('person-jsonld.html');
  await expect(list.popup.getByRole('form', { name: 'Prospect Jane Doe' }).locator('.tag')).toHaveText(['expo×']);
});

test('capture card: values read from loose page text are marked for checking', async ({ capture }) => {
  // An unlabelled phone in prose is a guess (low confidence); a mailto: link is not.
  const { popup } = await capture('loose-text.html');
  const card = popup.getByRole('form', { name: 'Prospect Nadia Okafor' });
  const phone = card.getByRole('listitem').filter({ hasText: '7946 0321' });
  await expect(phone).toContainText('(check: read from page text)');
  await expect(phone).toHaveClass(/low-chip/);
  const mailto = card.getByRole('listitem').filter({ hasText: 'nadia.okafor@initech.example' });
  await expect(mailto).not.toContainText('check');
});
