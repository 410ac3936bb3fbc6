// Runs `web-ext lint` (Mozilla's add-on linter, as AMO runs it) on the built extensions:
// the Firefox build must have no errors; the Chrome build no errors beyond Firefox-only rules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Rules that only concern a Firefox install of a Chrome MV3 build (Chrome ignores both). */
const FIREFOX_ONLY = new Map([
  ['BACKGROUND_SERVICE_WORKER_NOFALLBACK', 'Chrome runs the service worker; Firefox gets its own build'],
  ['ADDON_ID_REQUIRED', 'the gecko id is set in the Firefox build only'],
]);
/** Warnings that must not come back: AMO refuses a Firefox upload without the declaration. */
const FIREFOX_MUST_NOT_WARN = new Set(['MISSING_DATA_COLLECTION_PERMISSIONS']);

function lint(dir) {
  if (!existsSync(`${dir}/manifest.json`)) return { missing: true };
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], { encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { crashed: `${run.stdout}\n${run.stderr}` };
  }
}

let failures = 0;
for (const [build, dir] of [
  ['firefox', '.output/firefox-mv2'],
  ['chrome', '.output/chrome-mv3'],
]) {
  const report = lint(dir);
  if (report.missing || report.crashed) {
    console.error(`${build}: ${report.missing ? `no build at ${dir}` : `web-ext lint did not report: ${report.crashed}`}`);
    failures += 1;
    continue;
  }
  const errors = report.errors.filter((m) => build === 'firefox' || !FIREFOX_ONLY.has(m.code));
  const ignored = report.errors.length - errors.length;
  const fatalWarnings = build === 'firefox' ? report.warnings.filter((m) => FIREFOX_MUST_NOT_WARN.has(m.code)) : [];
  for (const m of [...errors, ...fatalWarnings]) console.error(`${build}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
  for (const m of report.warnings) if (!fatalWarnings.includes(m)) console.log(`${build}: warning ${m.code} ${m.file ?? ''} ${m.message}`);
  console.log(`${build} (${dir}): ${errors.length} errors, ${report.warnings.length} warnings${ignored ? `, ${ignored} Firefox-only errors not applicable` : ''}`);
  failures += errors.length + fatalWarnings.length;
}
process.exit(failures > 0 ? 1 : 0);
