// The shared user path (tests/e2e/user-path/scenarios.ts) in Chromium; the Firefox suite runs the same steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './fixtures';
import { PlaywrightDriver } from './user-path/playwright-driver';
import { userPath } from './user-path/scenarios';

for (const scenario of userPath) {
  test(`user path (chromium): ${scenario.title}`, async ({ origin }) => {
    const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-path-'));
    const driver = await PlaywrightDriver.start(dir, origin);
    try {
      await scenario.run(driver);
    } finally {
      await driver.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
