import { defineConfig } from '@playwright/test';

// The Firefox e2e suite: Playwright Test as the runner, puppeteer-core
// driving the system Firefox ESR over WebDriver BiDi (Playwright's own
// Firefox is a patched build that is not available here). Build first:
// `npm run build:firefox`.
export default defineConfig({
  testDir: 'tests/e2e-firefox',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
