import { addTag, expect, extensionIdOf, launchBrowser, saveCard, test } from './fixtures';

test('leads survive closing the popup and restarting the browser', async ({ capture, openPopup, context, userDataDir }) => {
  const { popup } = await capture('person-jsonld.html');
  const card = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await addTag(card, 'restart');
  await saveCard(card);
  await popup.close();

  const reopened = await openPopup();
  await reopened.getByRole('tab', { name: /Saved leads/ }).click();
  await expect(reopened.getByRole('listitem', { name: 'Jane Doe' })).toBeVisible();

  await context.close();
  const restarted = await launchBrowser(userDataDir);
  try {
    const id = await extensionIdOf(restarted);
    const page = await restarted.newPage();
    await page.goto(`chrome-extension://${id}/popup.html`);
    await page.getByRole('tab', { name: /Saved leads/ }).click();
    const item = page.getByRole('listitem', { name: 'Jane Doe' });
    await expect(item).toBeVisible();
    await expect(item).toContainText('restart');
    await expect(item).toContainText('jane.doe@acme.example');
  } finally {
    await restarted.close();
  }
});
