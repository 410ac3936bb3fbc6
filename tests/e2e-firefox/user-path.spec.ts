// The shared user path (tests/e2e/user-path/scenarios.ts) in Firefox ESR against .output/firefox-mv2.
import { test } from '@playwright/test';
import { startServer } from '../e2e/fixtures';
import { userPath } from '../e2e/user-path/scenarios';
import { FirefoxDriver } from './firefox-driver';

const firefox = test.extend<{ driver: FirefoxDriver }, { origin: string }>({
  origin: [
    async ({}, use) => {
      const { server, origin } = await startServer();
      await use(origin);
      server.close();
    },
    { scope: 'worker' },
  ],
  driver: async ({ origin }, use) => {
    const driver = await FirefoxDriver.start(origin);
    await use(driver);
    await driver.close();
  },
});

for (const scenario of userPath) {
  firefox(`user path (firefox): ${scenario.title}`, async ({ driver }) => {
    await scenario.run(driver);
  });
}
