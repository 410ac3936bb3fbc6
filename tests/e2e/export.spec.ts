import { readFileSync } from 'node:fs';
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
});
