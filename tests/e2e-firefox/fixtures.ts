// The Firefox suites' test fixture: one local fixture server per worker, a fresh Firefox profile per test.
import { test } from '@playwright/test';
import { originFixture } from '../e2e/fixtures';
import { FirefoxDriver } from './firefox-driver';

/** `test` with `driver`: Firefox ESR with the built extension, pointed at the fixture server. */
export const firefox = test.extend<{ driver: FirefoxDriver }, { origin: string }>({
  origin: [...originFixture],
  driver: async ({ origin }, use) => {
    const driver = await FirefoxDriver.start(origin);
    await use(driver);
    await driver.close();
  },
});
