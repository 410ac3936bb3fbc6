#!/usr/bin/env node
/**
 * Prospect Scout extraction conformance runner. Plain Node (18+), no dependencies.
 *
 *   node tests/conformance/run.mjs [--checkout DIR] [--json OUT.json] [--suite NAME[,NAME]]
 *                                      [--case TEXT] [--quiet] [--per-process] [--shared-state]
 *
 * Runs the checkout's extraction code (utils/extract-cli.ts, the code behind
 * `npm run extract`) over every case in cases/<suite>/, matches the people it
 * finds against <case>.expected.json, prints per-case results, per-suite and
 * total pass counts and per-field precision/recall. Exit status: 0 when every
 * "required" case passes, 1 when one fails, 2 when the extractor cannot run.
 * See README.md for the case format.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(HERE, 'cases');
export const FIELDS = ['name', 'title', 'company', 'emails', 'phones', 'linkedin', 'x', 'github', 'website', 'location'];
const LIST_FIELDS = new Set(['emails', 'phones']);
const PROFILE_FIELDS = ['linkedin', 'x', 'github'];

// ---------------------------------------------------------------- normalisation

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame)$/;
const DEGREE = /^(?:phd|md|msc|bsc|ba|ma|mba|dphil|esq)$/;

/** A person's name for comparison: case, punctuation, honorifics and degree suffixes ("Dr.", ", PhD") do not count. */
export function normName(s) {
  const words = String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.,;:()"'“”‘’]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && HONORIFIC.test(words[0])) words.shift();
  while (words.length > 1 && DEGREE.test(words.at(-1))) words.pop();
  return words.join(' ');
}

/** Name words in any order ("Turner, Caroline B." ~ "Caroline B. Turner"): used to pair people, not to pass the name field. */
export function nameTokens(s) {
  return normName(s).split(' ').sort().join(' ');
}

/** Free text (title, company): case, spacing and surrounding punctuation do not count. */
export function normText(s) {
  return String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
}

export function normEmail(s) {
  return (String(s ?? '').trim().replace(/^mailto:/i, '').split('?')[0] ?? '').toLowerCase();
}

/** Phones are compared in E.164; anything but digits and a leading + is ignored. */
export function normPhone(s) {
  const t = String(s ?? '').trim();
  return (t.startsWith('+') ? '+' : '') + t.replace(/\D/g, '');
}

/** LinkedIn / X (Twitter) / GitHub profile of a URL, as a comparable key, or null. */
export function profileOf(raw) {
  let u;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(String(raw).trim()) ? String(raw).trim() : `https://${String(raw).trim()}`);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^(?:www|mobile|m|[a-z]{2})\./, '');
  const parts = u.pathname.split('/').filter(Boolean);
  if (host === 'linkedin.com' && (parts[0] === 'in' || parts[0] === 'pub') && parts[1]) {
    return { kind: 'linkedin', key: `linkedin.com/in/${decodeURIComponent(parts[1]).toLowerCase()}` };
  }
  if ((host === 'x.com' || host === 'twitter.com') && parts.length >= 1 && /^[A-Za-z0-9_]{1,15}$/.test(parts[0])) {
    return { kind: 'x', key: `x.com/${parts[0].toLowerCase()}` };
  }
  if (host === 'github.com' && parts.length === 1) return { kind: 'github', key: `github.com/${parts[0].toLowerCase()}` };
  return null;
}

/** A website or profile URL for comparison: no scheme, www, query, fragment, trailing slash or case. */
export function normUrl(s) {
  const t = String(s ?? '').trim();
  if (!t) return '';
  const p = profileOf(t);
  if (p) return p.key;
  return t
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

function words(s) {
  return ` ${String(s ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Location passes when every comma-separated part of the expected value appears, as whole words, in the extracted one. */
function locationMatches(expected, actual) {
  const a = words(actual);
  if (!normText(expected)) return !a.trim();
  if (!a.trim()) return false;
  return String(expected)
    .split(',')
    .map(words)
    .filter((part) => part.trim())
    .every((part) => a.includes(part));
}

function isEmpty(v) {
  return v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '');
}

function scalarEquals(field, expected, actual) {
  if (field === 'location') return locationMatches(expected, actual);
  if (isEmpty(expected) || isEmpty(actual)) return isEmpty(expected) && isEmpty(actual);
  if (field === 'name') return normName(expected) === normName(actual);
  if (field === 'website' || PROFILE_FIELDS.includes(field)) return normUrl(expected) === normUrl(actual);
  return normText(expected) === normText(actual);
}

/** A scalar expectation is a string, or a list of accepted alternatives. */
function alternatives(expected) {
  return Array.isArray(expected) ? expected : [expected];
}

function scalarMatches(field, expected, actual) {
  return alternatives(expected).some((e) => scalarEquals(field, e, actual));
}

function listNorm(field, values) {
  const f = field === 'emails' ? normEmail : normPhone;
  return [...new Set((values ?? []).map(f).filter(Boolean))];
}

/** The compared fields of one lead printed by the extraction CLI. */
export function leadView(lead) {
  const profiles = lead.profiles ?? {};
  return {
    name: lead.name ?? '',
    title: lead.title ?? '',
    company: lead.company ?? '',
    emails: lead.emails ?? [],
    phones: lead.phones ?? [],
    linkedin: profiles.linkedin ?? '',
    x: profiles.x ?? '',
    github: profiles.github ?? '',
    website: lead.website ?? '',
    location: lead.location ?? '',
  };
}

// ---------------------------------------------------------------- matching and scoring

/** How strongly an expected person and an extracted lead look like the same person (0: not at all). */
function pairScore(e, a) {
  let s = 0;
  if (Array.isArray(e.emails)) {
    const ae = new Set(listNorm('emails', a.emails));
    if (listNorm('emails', e.emails).some((x) => ae.has(x))) s += 8;
  }
  for (const k of PROFILE_FIELDS) {
    if (!isEmpty(e[k]) && !isEmpty(a[k]) && scalarMatches(k, e[k], a[k])) s += 8;
  }
  if (!isEmpty(e.name) && !isEmpty(a.name)) {
    const alts = alternatives(e.name).filter((n) => !isEmpty(n));
    if (alts.some((n) => normName(n) === normName(a.name))) s += 4;
    else if (alts.some((n) => nameTokens(n) === nameTokens(a.name))) s += 3;
  }
  if (Array.isArray(e.phones)) {
    const ap = new Set(listNorm('phones', a.phones));
    if (listNorm('phones', e.phones).some((x) => ap.has(x))) s += 2;
  }
  if (s > 0 && !isEmpty(e.website) && !isEmpty(a.website) && scalarMatches('website', e.website, a.website)) s += 1;
  return s;
}

/** Pairs expected people with extracted leads, strongest evidence first, each used once. */
function matchPeople(expected, actual) {
  const candidates = [];
  expected.forEach((e, i) => actual.forEach((a, j) => {
    const s = pairScore(e, a);
    if (s > 0) candidates.push([s, i, j]);
  }));
  candidates.sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const usedE = new Set();
  const usedA = new Set();
  const pairs = [];
  for (const [, i, j] of candidates) {
    if (usedE.has(i) || usedA.has(j)) continue;
    usedE.add(i);
    usedA.add(j);
    pairs.push([i, j]);
  }
  let missing = expected.map((_, i) => i).filter((i) => !usedE.has(i));
  let extra = actual.map((_, j) => j).filter((j) => !usedA.has(j));
  // A person expected without name, email or profile (a phones case checks only phones) is the page's one remaining lead.
  if (missing.length === 1 && extra.length === 1 && ['name', 'emails', ...PROFILE_FIELDS].every((k) => isEmpty(expected[missing[0]][k]))) {
    pairs.push([missing[0], extra[0]]);
    missing = [];
    extra = [];
  }
  return { pairs, missing, extra };
}

function emptyCounts() {
  return Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
}

/** Adds one compared field to the counts and tells whether it matched. */
function countField(counts, field, expected, actual) {
  const c = counts[field];
  if (expected === null || expected === undefined) return true;
  if (LIST_FIELDS.has(field)) {
    const e = listNorm(field, expected);
    const a = listNorm(field, actual);
    const tp = a.filter((x) => e.includes(x)).length;
    c.tp += tp;
    c.fp += a.length - tp;
    c.fn += e.length - tp;
    return tp === a.length && tp === e.length;
  }
  const ok = scalarMatches(field, expected, actual);
  const expNonEmpty = alternatives(expected).some((x) => !isEmpty(x));
  if (ok && !isEmpty(actual)) c.tp++;
  if (!ok && !isEmpty(actual)) c.fp++;
  if (!ok && expNonEmpty) c.fn++;
  return ok;
}

function label(p) {
  const n = alternatives(p.name ?? '').find((x) => !isEmpty(x));
  if (n) return n;
  const e = (p.emails ?? [])[0] ?? PROFILE_FIELDS.map((k) => p[k]).find((x) => !isEmpty(x)) ?? (p.phones ?? [])[0];
  return e ? `<${alternatives(e)[0]}>` : '(no name)';
}

function show(v) {
  if (Array.isArray(v)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  return JSON.stringify(v ?? '');
}

/**
 * Scores one case. `leads` is the array the extraction CLI printed. Returns
 * pass/fail, the differences, and per-field counts for precision/recall.
 */
export function evaluateCase(expected, leads) {
  const actual = (leads ?? []).map(leadView);
  const people = expected.people ?? [];
  const optionalFields = new Set(expected.optionalFields ?? []);
  const counts = emptyCounts();
  const diffs = [];
  const { pairs, missing, extra } = matchPeople(people, actual);
  for (const [i, j] of pairs) {
    const e = people[i];
    const a = actual[j];
    for (const f of FIELDS) {
      if (countField(counts, f, e[f], a[f])) continue;
      diffs.push({
        kind: 'field',
        person: label(e),
        field: f,
        expected: e[f],
        actual: a[f],
        optional: optionalFields.has(f),
        text: `${label(e)} · ${f}: expected ${Array.isArray(e[f]) && !LIST_FIELDS.has(f) ? `one of ${show(e[f])}` : show(e[f])}, got ${show(a[f])}`,
      });
    }
  }
  for (const i of missing) {
    const e = people[i];
    if (e.optional) continue;
    for (const f of FIELDS) countField(counts, f, e[f], LIST_FIELDS.has(f) ? [] : '');
    diffs.push({ kind: 'missing', person: label(e), optional: false, text: `missing person: ${label(e)}` });
  }
  let tolerated = 0;
  for (const j of extra) {
    const a = actual[j];
    if (expected.allowNamelessExtras && isEmpty(a.name)) {
      tolerated++;
      continue;
    }
    for (const f of FIELDS) countField(counts, f, LIST_FIELDS.has(f) ? [] : '', a[f]);
    const bits = FIELDS.filter((f) => f !== 'name' && !isEmpty(a[f])).map((f) => `${f} ${show(a[f])}`);
    diffs.push({
      kind: 'unexpected',
      person: label(a),
      optional: false,
      text: `unexpected person: ${label(a)}${bits.length ? ` (${bits.join(', ')})` : ''}`,
    });
  }
  return { pass: diffs.every((d) => d.optional), diffs, counts, extracted: actual.length, toleratedExtras: tolerated, actual };
}

// ---------------------------------------------------------------- cases

/** Every case under cases/, optionally only some suites or case ids. */
export function loadCases({ suites = [], match = '' } = {}) {
  const out = [];
  if (!existsSync(CASES_DIR)) return out;
  for (const suite of readdirSync(CASES_DIR).sort()) {
    if (suites.length && !suites.includes(suite)) continue;
    const dir = join(CASES_DIR, suite);
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.expected.json')) continue;
      const id = f.slice(0, -'.expected.json'.length);
      if (match && !`${suite}/${id}`.includes(match)) continue;
      const expected = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      out.push({ suite, id, key: `${suite}/${id}`, html: join(dir, `${id}.html`), expected });
    }
  }
  return out;
}

// ---------------------------------------------------------------- running the checkout's extractor

/** The checkout's own tsx, so the TypeScript runs with the versions the project pins. */
function tsxBin(checkout) {
  const bin = join(checkout, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
  return existsSync(bin) ? bin : null;
}

function cliArgs(c) {
  const args = [c.html];
  if (c.expected.url) args.push('--url', c.expected.url);
  if (c.expected.country) args.push('--country', c.expected.country);
  return args;
}

function parseLeads(stdout) {
  const leads = JSON.parse(stdout);
  if (!Array.isArray(leads)) throw new Error('extractor output is not a JSON array');
  return leads;
}

/** One tsx process runs every case (driver.mts), importing the project's modules afresh for each case. */
function runInOneProcess(checkout, tsx, cases, sharedState) {
  const work = mkdtempSync(join(tmpdir(), 'ps-conformance-'));
  try {
    const list = join(work, 'cases.json');
    const out = join(work, 'results.json');
    writeFileSync(list, JSON.stringify(cases.map((c) => ({ key: c.key, argv: cliArgs(c) }))));
    const r = spawnSync(tsx, [join(HERE, 'driver.mts'), checkout, list, out, ...(sharedState ? ['--shared'] : [])], {
      cwd: checkout,
      encoding: 'utf8',
      timeout: 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0 || !existsSync(out)) {
      return { ok: false, why: (r.error?.message ?? '') + (r.stderr ?? '').slice(-2000) };
    }
    const results = JSON.parse(readFileSync(out, 'utf8'));
    return { ok: true, results: new Map(results.map((x) => [x.key, x])) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Fallback: the project's own CLI, one process per case. */
function runPerProcess(checkout, tsx, c) {
  const script = join(checkout, 'scripts', 'extract.ts');
  const r = spawnSync(tsx, [script, ...cliArgs(c)], {
    cwd: checkout,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { key: c.key, exitCode: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error?.message ?? '') };
}

// ---------------------------------------------------------------- report

function ratio(n, d) {
  return d ? (n / d).toFixed(3) : '  -  ';
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function parseArgs(argv) {
  const o = { checkout: process.cwd(), json: '', suites: [], match: '', quiet: false, perProcess: false, sharedState: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--checkout') o.checkout = argv[++i] ?? '';
    else if (a === '--json') o.json = argv[++i] ?? '';
    else if (a === '--suite') o.suites.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (a === '--case') o.match = argv[++i] ?? '';
    else if (a === '--quiet') o.quiet = true;
    else if (a === '--per-process') o.perProcess = true;
    else if (a === '--shared-state') o.sharedState = true;
    else if (a === '-h' || a === '--help') o.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  o.checkout = resolve(o.checkout);
  return o;
}

const USAGE = `usage: node run.mjs [--checkout DIR] [--json OUT.json] [--suite NAME[,NAME]] [--case TEXT] [--quiet] [--per-process] [--shared-state]
  --checkout DIR   project checkout to test (default: current directory); needs its node_modules (npm ci)
  --json OUT.json  also write every result, difference and count as JSON
  --suite NAME     only these suites (repeatable or comma-separated): ${existsSync(CASES_DIR) ? readdirSync(CASES_DIR).sort().join(', ') : ''}
  --case TEXT      only cases whose "suite/id" contains TEXT
  --quiet          print failing cases only (summaries still printed)
  --per-process    run the project's CLI (scripts/extract.ts) once per case instead of one driver process (slow)
  --shared-state   let the driver import the project's modules once for all cases (faster; results may then depend on case order)
exit status: 0 all required cases pass, 1 a required case fails, 2 the extractor could not run`;

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`${e.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const cases = loadCases({ suites: opts.suites, match: opts.match });
  if (!cases.length) {
    console.error('no cases selected');
    return 2;
  }
  const { checkout } = opts;
  if (!existsSync(join(checkout, 'scripts', 'extract.ts')) && !existsSync(join(checkout, 'utils', 'extract-cli.ts'))) {
    console.error(`${checkout} does not look like a Prospect Scout checkout (no scripts/extract.ts)`);
    return 2;
  }
  const tsx = tsxBin(checkout);
  if (!tsx) {
    console.error(`no tsx in ${checkout}/node_modules/.bin: run \`npm ci\` in the checkout first`);
    return 2;
  }

  const started = Date.now();
  let results = null;
  let mode = opts.sharedState ? 'one driver process, shared module state' : 'one driver process, fresh project modules per case';
  if (!opts.perProcess) {
    const r = runInOneProcess(checkout, tsx, cases, opts.sharedState);
    if (r.ok) results = r.results;
    else console.error(`driver process failed, falling back to one CLI process per case:\n${r.why.trim()}\n`);
  }
  if (!results) {
    mode = 'one CLI process per case';
    results = new Map(cases.map((c) => [c.key, runPerProcess(checkout, tsx, c)]));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  const totals = emptyCounts();
  const totalsRequired = emptyCounts();
  const suites = new Map();
  const report = [];
  let requiredFailures = 0;
  console.log(`Prospect Scout extraction conformance: ${cases.length} cases, checkout ${checkout} (${mode}, ${seconds} s)`);
  for (const c of cases) {
    const strict = c.expected.strictness === 'optional' ? 'optional' : 'required';
    const r = results.get(c.key);
    let ev;
    if (!r || r.error || r.exitCode !== 0) {
      const why = r?.error ?? `exit ${r?.exitCode}: ${(r?.stderr ?? '').trim().slice(0, 300)}`;
      ev = { pass: false, diffs: [{ kind: 'error', optional: false, text: `extractor error: ${why}` }], counts: emptyCounts(), extracted: 0 };
    } else {
      try {
        ev = evaluateCase(c.expected, parseLeads(r.stdout));
      } catch (e) {
        ev = { pass: false, diffs: [{ kind: 'error', optional: false, text: `unreadable output: ${e.message}` }], counts: emptyCounts(), extracted: 0 };
      }
    }
    if (!ev.pass && strict === 'required') requiredFailures++;
    for (const f of FIELDS) for (const k of ['tp', 'fp', 'fn']) {
      totals[f][k] += ev.counts[f][k];
      if (strict === 'required') totalsRequired[f][k] += ev.counts[f][k];
    }
    const s = suites.get(c.suite) ?? { required: 0, requiredPass: 0, optional: 0, optionalPass: 0, lines: [] };
    s[strict]++;
    if (ev.pass) s[`${strict}Pass`]++;
    const status = ev.pass ? 'ok  ' : strict === 'required' ? 'FAIL' : 'fail';
    const shown = ev.diffs.filter((d) => !ev.pass || d.optional);
    if (!opts.quiet || !ev.pass) {
      s.lines.push(`  ${status} ${pad(c.id, 44)} ${strict}`);
      for (const d of shown) s.lines.push(`         ${d.optional ? '(optional field) ' : ''}${d.text}`);
    }
    suites.set(c.suite, s);
    report.push({
      case: c.key,
      strictness: strict,
      pass: ev.pass,
      extracted: ev.extracted,
      actual: ev.actual ?? [],
      differences: ev.diffs,
      note: c.expected.note ?? '',
    });
  }

  let rq = 0, rqp = 0, op = 0, opp = 0;
  for (const [name, s] of suites) {
    console.log(`\n[${name}]`);
    for (const l of s.lines) console.log(l);
    console.log(`  ${name}: required ${s.requiredPass}/${s.required} pass, optional ${s.optionalPass}/${s.optional} pass`);
    rq += s.required; rqp += s.requiredPass; op += s.optional; opp += s.optionalPass;
  }
  console.log('\nSuites               required      optional');
  for (const [name, s] of suites) {
    console.log(`  ${pad(name, 18)} ${pad(`${s.requiredPass}/${s.required}`, 13)} ${s.optionalPass}/${s.optional}`);
  }
  console.log(`  ${pad('total', 18)} ${pad(`${rqp}/${rq}`, 13)} ${opp}/${op}`);

  console.log('\nPer-field precision / recall over all cases (and over required cases only)');
  console.log(`  ${pad('field', 10)} ${pad('TP', 5)} ${pad('FP', 5)} ${pad('FN', 5)} ${pad('precision', 10)} ${pad('recall', 8)} | required: P      R`);
  for (const f of FIELDS) {
    const t = totals[f];
    const q = totalsRequired[f];
    console.log(
      `  ${pad(f, 10)} ${pad(t.tp, 5)} ${pad(t.fp, 5)} ${pad(t.fn, 5)} ${pad(ratio(t.tp, t.tp + t.fp), 10)} ${pad(ratio(t.tp, t.tp + t.fn), 8)} |           ${pad(ratio(q.tp, q.tp + q.fp), 6)} ${ratio(q.tp, q.tp + q.fn)}`,
    );
  }
  console.log(`\n${rqp}/${rq} required and ${opp}/${op} optional cases pass; ${requiredFailures ? `${requiredFailures} required case(s) fail` : 'no required case fails'}.`);

  if (opts.json) {
    const fields = Object.fromEntries(FIELDS.map((f) => [f, {
      ...totals[f],
      precision: totals[f].tp + totals[f].fp ? totals[f].tp / (totals[f].tp + totals[f].fp) : null,
      recall: totals[f].tp + totals[f].fn ? totals[f].tp / (totals[f].tp + totals[f].fn) : null,
      required: totalsRequired[f],
    }]));
    const suiteSummary = Object.fromEntries([...suites].map(([n, s]) => [n, { required: s.required, requiredPass: s.requiredPass, optional: s.optional, optionalPass: s.optionalPass }]));
    writeFileSync(opts.json, JSON.stringify({ checkout, mode, seconds: Number(seconds), totals: { required: rq, requiredPass: rqp, optional: op, optionalPass: opp }, suites: suiteSummary, fields, cases: report }, null, 2) + '\n');
  }
  return requiredFailures ? 1 : 0;
}

/** Whether this file is the script node was started with (also through a symlinked ../shared). */
function isMain() {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  main().then(
    (code) => { process.exitCode = code; },
    (e) => { console.error(e?.stack ?? String(e)); process.exitCode = 2; },
  );
}
