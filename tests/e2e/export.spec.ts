import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { addTag, editDetails, expect, saveCard, test } from './fixtures';

test('options page exports all leads, or one tag, as RFC 4180 CSV with BOM and neutralised formulas, and as vCards', async ({ capture, context, extensionId }) => {
  const { popup: a } = await capture('formula-injection.html');
  const mallory = a.getByRole('form', { name: /Prospect Mallory/ });
  await addTag(mallory, 'expo');
  await editDetails(mallory);
  await mallory.locator('[name="note"]').fill('first line\n=2+3 on a later line');
  await saveCard(mallory);
  const { popup: b } = await capture('person-jsonld.html');
  await saveCard(b.getByRole('form'));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('2 saved leads.')).toBeVisible();

  const exportAs = async (button: string) => {
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: button }).click();
    const download = await downloading;
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };

  const all = await exportAs('Export CSV');
  expect(all.name).toMatch(/^prospect-scout-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...all.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = all.bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.split('\r\n');
  expect(lines[0]).toMatch(/^Full Name,First Name,Last Name,Job Title,Company,Email,/);
  expect(text).toContain('Mallory Ünicode');
  expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click me"")"');
  expect(text).toContain('"\'@SUM(1+1), ""Evil"" Corp"');
  // the note is one quoted field whose second line is neutralised too
  expect(text).toContain('"first line\n\'=2+3 on a later line"');
  expect(text).toContain('Jane Doe,Jane,Doe,VP of Sales,Acme Corp,jane.doe@acme.example');
  await expect(options.getByRole('region', { name: 'Export' }).getByRole('status')).toContainText('Exported 2 leads');

  await options.getByLabel('Which leads').selectOption('expo');
  const tagged = await exportAs('Export CSV');
  expect(tagged.name).toMatch(/^prospect-scout-expo-\d{4}-\d{2}-\d{2}\.csv$/);
  const taggedText = tagged.bytes.toString('utf8');
  expect(taggedText).toContain('Mallory');
  expect(taggedText).not.toContain('Jane Doe');
  await expect(options.getByRole('region', { name: 'Export' }).getByRole('status')).toContainText('Exported 1 lead ');

  const cards = await exportAs('Export vCard');
  expect(cards.name).toMatch(/^prospect-scout-expo-\d{4}-\d{2}-\d{2}\.vcf$/);
  const vcf = cards.bytes.toString('utf8');
  expect(vcf.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(1);
  expect(vcf).toContain('FN:Mallory Ünicode\r\n');
  expect(vcf).toContain('CATEGORIES:expo\r\n');
  // the two-line note stays one escaped property
  expect(vcf).toContain('NOTE:first line\\n=2+3 on a later line');

  // vCard 4.0, read back by an independent parser
  await options.getByLabel('vCard version').selectOption('4.0');
  const v4 = await exportAs('Export vCard');
  const card = new ICAL.Component(ICAL.parse(v4.bytes.toString('utf8')) as never);
  expect(card.getFirstPropertyValue('version')).toBe('4.0');
  expect(card.getFirstPropertyValue('fn')).toBe('Mallory Ünicode');
  expect(card.getFirstPropertyValue('note')).toMatch(/^first line\n=2\+3 on a later line\nSource: http/);
});

test('CSV presets and a custom column choice, remembered across visits', async ({ capture, context, extensionId }) => {
  const { popup } = await capture('person-jsonld.html');
  await saveCard(popup.getByRole('form'));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByText('1 saved lead.')).toBeVisible();
  const exportCsv = async () => {
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const text = readFileSync((await (await downloading).path())!).toString('utf8').slice(1);
    return text.split('\r\n').filter(Boolean);
  };

  await options.getByLabel('CSV columns for').selectOption({ label: 'HubSpot' });
  const hubspot = await exportCsv();
  expect(hubspot[0]).toBe('First Name,Last Name,Email,Phone Number,Mobile Phone Number,Job Title,Company Name,Website URL,City,State/Region,Country/Region,LinkedIn URL,Twitter Username');
  expect(hubspot[1]).toMatch(/^Jane,Doe,jane\.doe@acme\.example,[^,]*,[^,]*,VP of Sales,Acme Corp,/);

  await options.getByLabel('CSV columns for').selectOption({ label: 'Custom columns…' });
  const picker = options.getByRole('group', { name: 'Columns' });
  await picker.getByRole('button', { name: 'Remove all columns' }).click();
  for (const column of ['Email', 'Company', 'Full Name']) await picker.getByRole('checkbox', { name: column, exact: true }).check();
  await picker.getByRole('button', { name: 'Move Full Name up' }).click();
  await picker.getByRole('button', { name: 'Move Full Name up' }).click();
  await options.getByLabel('CSV separator').selectOption(';');
  expect(await exportCsv()).toEqual(['Full Name;Email;Company', 'Jane Doe;jane.doe@acme.example;Acme Corp']);

  await options.reload();
  await expect(options.getByLabel('CSV columns for')).toHaveValue('custom');
  await expect(options.getByRole('list', { name: 'Chosen columns' }).getByRole('listitem')).toHaveText([/^\s*Full Name↑↓$/, /^\s*Email↑↓$/, /^\s*Company↑↓$/]);
  expect(await exportCsv()).toEqual(['Full Name;Email;Company', 'Jane Doe;jane.doe@acme.example;Acme Corp']);
});
