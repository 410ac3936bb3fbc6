#!/usr/bin/env bash
# Runs every check: type-check, unit tests, the extraction conformance suite,
# production builds, e2e tests in real Chromium and in Firefox ESR, web-ext
# lint of both builds. Keeps going after a failure so one run reports
# everything, then prints "N passed, N failed" (unit + conformance cases +
# both e2e suites) and exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/unit-results.json .tmp/e2e-results.json .tmp/e2e-firefox-results.json .tmp/conformance-results.json
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

built=1
step "build (chrome-mv3, and the CRM e2e variant chrome-mv3-crm-test)"
if npx wxt build && WXT_CRM_TEST=1 npx wxt build; then
  step "e2e tests (playwright, chromium at ${CHROMIUM_PATH:-/usr/bin/chromium})"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/e2e-results.json npx playwright test --reporter=list,json || status=1
else
  status=1
  built=0
  failed_steps+=("build")
  echo "build failed: e2e tests not run"
fi

step "build (firefox-mv2)"
if npx wxt build -b firefox; then
  step "e2e tests in firefox (puppeteer-core over WebDriver BiDi, ${FIREFOX_PATH:-/usr/bin/firefox-esr})"
  PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/e2e-firefox-results.json npx playwright test -c playwright.firefox.config.ts --reporter=list,json || status=1
else
  status=1
  built=0
  failed_steps+=("build-firefox")
  echo "firefox build failed: firefox e2e tests not run"
fi

if [ "$built" = 1 ]; then
  step "web-ext lint (both builds)"
  node scripts/lint-builds.mjs || { status=1; failed_steps+=("web-ext-lint"); }
fi

echo
FAILED_STEPS="${failed_steps[*]:-}" node scripts/test-summary.mjs .tmp/unit-results.json .tmp/conformance-results.json .tmp/e2e-results.json .tmp/e2e-firefox-results.json || status=1
exit $status
