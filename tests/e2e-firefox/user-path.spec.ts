// The shared user path (tests/e2e/user-path/scenarios.ts) in Firefox ESR against .output/firefox-mv2.
import { userPath } from '../e2e/user-path/scenarios';
import { firefox } from './fixtures';

for (const scenario of userPath) {
  firefox(`user path (firefox): ${scenario.title}`, async ({ driver }) => {
    await scenario.run(driver);
  });
}
