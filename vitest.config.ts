import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    // Page-sized extraction tests take 1-3 s alone and over 5 s (the default) on a loaded CI machine: a timeout is a hang guard, not a speed goal.
    testTimeout: 20_000,
  },
});
