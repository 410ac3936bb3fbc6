/**
 * Scores extraction on the own corpus (`npm run eval`): runs the extraction
 * CLI's code (runExtractCli, the code behind `npm run extract`) on every page
 * of tests/fixtures/pages/ and prints person precision/recall and per-field
 * precision/recall/F1, per page and overall, with the goal beside each figure.
 *
 *   npm run eval [-- --page SLUG_PART] [--dir OTHER_PAGES_DIR] [--verbose] [--json OUT.json]
 *
 * Each page gets fresh instances of the project's modules (as each capture
 * injects the content script anew, and as a scorer running one CLI process per
 * page would see it), so state left by one page cannot change the next.
 * A measurement: it exits 0 whatever the figures (1 only when it cannot run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cliArgv, loadCorpus } from './eval/corpus';
import { formatReport, type PageResult } from './eval/report';
import { scorePage } from './eval/score';

type Cli = typeof import('../utils/extract-cli').runExtractCli;

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? '') : '';
};
const root = resolve(import.meta.dirname, '..');
const projectPrefix = pathToFileURL(root + '/').href;

// Module hooks: a project file (not node_modules) imported by a module tagged ?eval-page=N is tagged the same,
// so each page has its own instances; each file's transpiled code is loaded once and reused.
const HOOKS = `
let prefix = '';
const code = new Map();
export function initialize(data) { prefix = data.prefix; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  const tag = /[?&](eval-page=\\d+)/.exec(context.parentURL ?? '')?.[1];
  if (!tag || !r.url.startsWith(prefix) || r.url.includes('/node_modules/') || r.url.includes('eval-page=')) return r;
  return { ...r, url: r.url + (r.url.includes('?') ? '&' : '?') + tag };
}
export async function load(url, context, next) {
  const plain = url.replace(/[?&]eval-page=\\d+$/, '');
  if (plain === url) return next(url, context);
  if (!code.has(plain)) code.set(plain, await next(plain, context));
  return { ...code.get(plain), shortCircuit: true };
}`;
register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, { data: { prefix: projectPrefix } });

async function freshCli(n: number): Promise<Cli> {
  const mod = (await import(`${pathToFileURL(resolve(root, 'utils/extract-cli.ts')).href}?eval-page=${n}`)) as { runExtractCli: Cli };
  return mod.runExtractCli;
}

const pages = loadCorpus(root, opt('--page'), opt('--dir'));
if (!pages.length) {
  console.error('no corpus pages found under tests/fixtures/pages');
  process.exit(1);
}
const results: PageResult[] = [];
const outputs: Record<string, unknown> = {};
for (const [n, page] of pages.entries()) {
  try {
    const run = await freshCli(n);
    const r = run(cliArgv(page), (p) => readFileSync(p, 'utf8'), (p) => pathToFileURL(resolve(p)).href);
    if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}: ${r.stderr.trim()}`);
    const leads = JSON.parse(r.stdout) as unknown[];
    outputs[page.slug] = leads;
    results.push({ slug: page.slug, score: scorePage(page.expected, leads) });
  } catch (e) {
    results.push({ slug: page.slug, error: (e as Error).message });
  }
}
process.stdout.write(formatReport(results, args.includes('--verbose') || !!opt('--page')));
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify({ results, outputs }, null, 2) + '\n');
