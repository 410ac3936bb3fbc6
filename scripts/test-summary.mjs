// Sums vitest, Playwright (Chromium e2e, then Firefox e2e) and conformance JSON reports into one closing line:
// "N passed, N failed". A missing or unreadable report counts as one
// failure, so a crashed runner can never look green; so does each failed
// non-test step named in $FAILED_STEPS (type-check, build). Conformance:
// every passing case counts as passed, a failing required case as failed; a
// failing optional case is reported on its own line and fails nothing.
import { readFileSync } from 'node:fs';

// Arguments: the unit report, the conformance report, then the e2e reports (Chromium, Firefox).
const [unitPath, conformancePath, ...e2ePaths] = process.argv.slice(2);
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
if (conformancePath) {
  const c = read(conformancePath, 'conformance');
  const t = c?.totals;
  if (t) {
    const requiredFailed = t.required - t.requiredPass;
    passed += t.requiredPass + t.optionalPass;
    failed += requiredFailed;
    const share = t.optional ? Math.round((100 * t.optionalPass) / t.optional) : 100;
    console.log(`conformance: ${t.requiredPass + t.optionalPass} passed, ${requiredFailed} failed (required ${t.requiredPass}/${t.required})`);
    console.log(`conformance optional: ${t.optionalPass}/${t.optional} pass (${share}%, goal 80%); ${t.optional - t.optionalPass} not passing, not counted as failures`);
  } else if (c) {
    console.error(`conformance: report at ${conformancePath} has no totals`);
    failed += 1;
  }
}
const failedSteps = (process.env.FAILED_STEPS ?? '').split(/\s+/).filter(Boolean);
for (const step of failedSteps) {
  console.log(`${step}: failed (counted as 1 failure)`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
