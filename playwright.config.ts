import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built extension (.output/chrome-mv3) in the
// system Chromium; see tests/e2e/fixtures.ts. Build first: `npm run build`.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // scripts/test-all.sh adds a JSON reporter to count results.
  reporter: [['list']],
  // An action waiting for an element that never comes fails with its locator, not as a bare test timeout.
  use: { trace: 'off', actionTimeout: 20_000 },
});
