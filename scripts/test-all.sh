#!/usr/bin/env bash
# Runs every check: type-check, unit tests, the extraction conformance suite,
# production build, e2e tests in real Chromium. Keeps going after a failure so
# one run reports everything, then prints "N passed, N failed" (unit + e2e +
# conformance cases) and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/unit-results.json .tmp/e2e-results.json .tmp/conformance-results.json
status=0
# Steps that are not tests (type-check, build) still count as a failure in
# the closing line, so a red run can never print "0 failed".
failed_steps=()

step() { echo; echo "== $*"; }

step "type-check"
npx tsc --noEmit || { status=1; failed_steps+=("type-check"); }

step "unit tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/unit-results.json || status=1

step "extraction conformance (tests/conformance: required cases must pass, optional ones are reported)"
node tests/conformance/run.mjs --quiet --json .tmp/conformance-results.json || status=1

step "build (chrome-mv3, and the CRM e2e variant chrome-mv3-crm-test)"
if npx wxt build && WXT_CRM_TEST=1 npx wxt build; then
  step "e2e tests (playwright, chromium at ${CHROMIUM_PATH:-/usr/bin/chromium})"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/e2e-results.json npx playwright test --reporter=list,json || status=1
else
  status=1
  failed_steps+=("build")
  echo "build failed: e2e tests not run"
fi

echo
FAILED_STEPS="${failed_steps[*]:-}" node scripts/test-summary.mjs .tmp/unit-results.json .tmp/e2e-results.json .tmp/conformance-results.json || status=1
exit $status
