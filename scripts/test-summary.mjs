// Sums vitest and Playwright JSON reports (Chromium e2e, then Firefox e2e) into one closing line:
// "N passed, N failed". A missing or unreadable report counts as one
// failure, so a crashed runner can never look green; so does each failed
// non-test step named in $FAILED_STEPS (type-check, build).
import { readFileSync } from 'node:fs';

const [unitPath, ...e2ePaths] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function read(path, label) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    console.error(`${label}: no readable report at ${path}`);
    failed += 1;
    return null;
  }
}

const unit = read(unitPath, 'unit');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  // A file that fails to load fails no test but must still fail the run.
  if (unit.success === false && !unit.numFailedTests) failed += 1;
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
for (const [i, e2ePath] of e2ePaths.entries()) {
  const label = i === 0 ? 'e2e' : 'e2e (firefox)';
  const e2e = read(e2ePath, label);
  if (!e2e) continue;
  const s = e2e.stats ?? {};
  const e2ePassed = (s.expected ?? 0) + (s.flaky ?? 0);
  const e2eFailed = (s.unexpected ?? 0) + (e2e.errors?.length ?? 0);
  passed += e2ePassed;
  failed += e2eFailed;
  console.log(`${label}: ${e2ePassed} passed, ${e2eFailed} failed`);
}
const failedSteps = (process.env.FAILED_STEPS ?? '').split(/\s+/).filter(Boolean);
for (const step of failedSteps) {
  console.log(`${step}: failed (counted as 1 failure)`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
