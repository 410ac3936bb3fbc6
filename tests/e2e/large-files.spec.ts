// Files at scale: a backup over 50 MB imports whole with progress shown, and the store exports page by page.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackupFile } from '../../scripts/bench/backup-file';
import { expect, test } from './fixtures';

test('a backup larger than 50 MB (51,000 leads) imports whole with a progress bar, and exports again', async ({ context, extensionId }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-large-'));
  try {
    const file = join(dir, 'large-backup.json');
    const bytes = await writeBackupFile(file, 51_000, 500);
    expect(bytes).toBeGreaterThan(50 * 1024 * 1024);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByText('0 saved leads.')).toBeVisible();
    await options.getByLabel('JSON backup file').setInputFiles(file);
    const progress = options.getByRole('progressbar', { name: 'Import progress' });
    await expect(progress).toBeVisible();
    await expect(options.getByRole('button', { name: 'Cancel import' })).toBeVisible();
    await expect(options.getByText(/^Importing large-backup\.json: [\d,]+ records read/)).toBeVisible();
    const status = options.getByRole('region', { name: 'Import' }).getByRole('status');
    await expect(status).toHaveText('Imported large-backup.json: 51,000 new, 0 updated, 0 unchanged.', { timeout: 240_000 });
    await expect(progress).toBeHidden();
    await expect(options.getByText('51,000 saved leads.')).toBeVisible({ timeout: 30_000 });

    // The tag export reads the store by id; every 10th seeded lead has tag-0.
    await options.getByLabel('Which leads').selectOption('tag-0');
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(5_101);
    expect(lines.filter((l) => l.includes(',lead50990@'))).toHaveLength(1);
    expect(statSync(file).size).toBe(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
