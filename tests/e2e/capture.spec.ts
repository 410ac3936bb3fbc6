import { editDetails, expect, test } from './fixtures';

test('clicking the icon on a JSON-LD profile shows the prospect with all its details', async ({ capture }) => {
  const { popup } = await capture('person-jsonld.html');
  const card = popup.getByRole('form', { name: /Prospect Jane Doe/ });
  await expect(popup.getByRole('status').first()).toHaveText('1 prospect found on this page.');
  await expect(card.locator('[name="name"]')).toHaveValue('Jane Doe');
  await expect(card.locator('[name="title"]')).toHaveValue('VP of Sales');
  await expect(card.locator('[name="company"]')).toHaveValue('Acme Corp');
  await expect(card.locator('[name="emails"]')).toHaveValue('jane.doe@acme.example\njane@acme.example');
  await expect(card.locator('[name="phones"]')).toHaveValue('+14155550132\n+14155550199');
  await expect(card.locator('[name="linkedin"]')).toHaveValue('https://www.linkedin.com/in/jane-doe-acme');
  await expect(card.locator('[name="x"]')).toHaveValue('https://x.com/janedoe');
  await expect(card.locator('[name="github"]')).toHaveValue('https://github.com/janedoe');
  await expect(card.locator('[name="website"]')).toHaveValue('https://janedoe.example/');
  await expect(card.locator('[name="location"]')).toHaveValue('San Francisco, CA, US');
  // provenance is shown next to the field
  await expect(card.locator('.field', { has: popup.locator('[name="title"]') }).locator('.source')).toHaveText('json-ld');
  // The label is only the field's name: a screen reader hears "Job title", not the extractor.
  await editDetails(card);
  await expect(card.getByRole('textbox', { name: 'Job title', exact: true })).toHaveValue('VP of Sales');
});

test('a plain page gives name from the heading, mailto and text emails, tel and text phones', async ({ capture }) => {
  const { popup } = await capture('plain-contact.html');
  const card = popup.getByRole('form', { name: /Prospect Carlos Mendes/ });
  await expect(card.locator('[name="title"]')).toHaveValue('Head of Partnerships');
  await expect(card.locator('[name="company"]')).toHaveValue('Globex Ltd');
  // press@ is the company's address, not Carlos's
  await expect(card.locator('[name="emails"]')).toHaveValue('carlos.mendes@globex.example');
  await expect(card.locator('[name="phones"]')).toHaveValue('+442079460958\n+447911123456');
  await expect(card.locator('[name="linkedin"]')).toHaveValue('https://www.linkedin.com/in/carlosmendes');
  await expect(card.locator('.field', { has: popup.locator('[name="emails"]') }).locator('.source')).toHaveText('mailto');
});

test('a team page lists every person; a page without one offers manual entry', async ({ capture }) => {
  const { popup } = await capture('team-page.html');
  await expect(popup.getByRole('form')).toHaveCount(4);
  await expect(popup.getByText('4 prospects found on this page.')).toBeVisible();

  const { popup: empty } = await capture('no-prospect.html');
  await expect(empty.getByText('No prospect found on this page.')).toBeVisible();
  await empty.getByRole('button', { name: 'Enter a lead by hand' }).click();
  await expect(empty.getByRole('form')).toHaveCount(1);
});

test('without the toolbar click the extension has no access to the page', async ({ context, extensionId, origin }) => {
  const page = await context.newPage();
  await page.goto(`${origin}/person-jsonld.html`);
  const worker = context.serviceWorkers()[0]!;
  const tabId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
    return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await expect(popup.getByRole('alert')).toContainText("can't read this page");
});

test('a team page without structured data gives one prospect per person card', async ({ capture }) => {
  const { popup } = await capture('team-cards.html');
  await expect(popup.getByText('3 prospects found on this page.')).toBeVisible();
  const jack = popup.getByRole('form', { name: /Prospect Jack Barker/ });
  await expect(jack.locator('[name="title"]')).toHaveValue('Head of Sales');
  await expect(jack.locator('[name="company"]')).toHaveValue('Hooli XYZ');
  await expect(jack.locator('[name="emails"]')).toHaveValue('jack.barker@hooli.example');
  await expect(jack.locator('[name="phones"]')).toHaveValue('+16505550199');
  const gavin = popup.getByRole('form', { name: /Prospect Gavin Belson/ });
  await expect(gavin.locator('[name="linkedin"]')).toHaveValue('https://www.linkedin.com/in/gavinbelson');
  await expect(gavin.locator('[name="emails"]')).toHaveValue('gavin@hooli.example');
});

test('"Save all" saves every prospect of a team page at once', async ({ capture, openPopup }) => {
  const { popup } = await capture('team-cards.html');
  const forms = popup.getByRole('form');
  await expect(forms).toHaveCount(3);
  // An edit made before "Save all" is what gets saved.
  const denpok = popup.getByRole('form', { name: /Prospect Denpok Singh/ });
  await editDetails(denpok);
  await denpok.locator('[name="title"]').fill('Chief Spiritual Officer');
  await popup.getByRole('button', { name: 'Save all 3' }).click();
  for (let i = 0; i < 3; i++) await expect(forms.nth(i).getByRole('status')).toHaveText('Saved');

  const saved = await openPopup();
  await saved.getByRole('tab', { name: /Saved leads/ }).click();
  const items = saved.getByRole('list', { name: 'Saved leads' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: 'Denpok Singh' })).toContainText('Chief Spiritual Officer');
});

test('a page whose script never yields gets a clear timeout and manual entry, not an endless "Reading the page…"', async ({ capture }) => {
  const { page, popup } = await capture('never-yields.html');
  await expect(popup.getByRole('alert')).toContainText('did not answer within 4 seconds', { timeout: 15_000 });
  await popup.getByRole('button', { name: 'Enter a lead by hand' }).click();
  await expect(popup.getByRole('form')).toHaveCount(1);
  await page.close({ runBeforeUnload: false });
});

test('the page learns nothing from a capture: no message, no event, no DOM change', async ({ capture }) => {
  const { page, popup } = await capture('listening-page.html');
  const card = popup.getByRole('form', { name: /Prospect Lee Watcher/ });
  await expect(card.locator('[name="emails"]')).toHaveValue('lee@watch.example');
  // a hidden element is not part of what is read
  await expect(popup.getByText('1 prospect found on this page.')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
});

test('a directory laid out as a table shows one card per person, each with only their own contacts', async ({ capture }) => {
  const { popup } = await capture('directory-table.html');
  await expect(popup.getByText('3 prospects found on this page.')).toBeVisible();
  await expect(popup.getByRole('form')).toHaveCount(3);
  const mara = popup.getByRole('form', { name: /Prospect Mara Hollis/ });
  await expect(mara.locator('[name="title"]')).toHaveValue('Library Director');
  await expect(mara.locator('[name="emails"]')).toHaveValue('mhollis@riverbend.example');
  await expect(mara.locator('[name="phones"]')).toHaveValue('+15035550141');
  const petra = popup.getByRole('form', { name: /Prospect Petra Lindqvist/ });
  await expect(petra.locator('[name="title"]')).toHaveValue('Systems Librarian');
  await expect(petra.locator('[name="phones"]')).toHaveValue('+15035550163');
  // The front desk, the fax and info@ are the library's, on nobody's card.
  const values = await popup.locator('[name="emails"], [name="phones"]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  expect(values.join('\n')).not.toMatch(/info@riverbend|\+15035550100|\+15035550109/);
});
