// Formats corpus scores as the text `npm run eval` prints: per page, per field, with the goal beside each figure.
import { FIELDS, personCounts, rates, sumScores, type Counts, type PageScore } from './score';

/** The corpus goal of issue 5: person precision/recall and every field's F1 at least this. */
export const GOAL = 0.95;

/** A page's score, or why it could not be scored. */
export type PageResult = { slug: string; score: PageScore } | { slug: string; error: string };

function fmt(x: number | null): string {
  return x === null ? '  -  ' : x.toFixed(3);
}

function mark(x: number | null): string {
  return x === null ? ' ' : x >= GOAL ? ' ' : '✗';
}

function pad(s: string | number, n: number): string {
  const t = String(s);
  return t.length >= n ? t : t + ' '.repeat(n - t.length);
}

function micro(fields: PageScore['fields']): Counts {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const f of FIELDS) for (const k of ['tp', 'fp', 'fn'] as const) c[k] += fields[f][k];
  return c;
}

function show(v: unknown): string {
  return JSON.stringify(v ?? '');
}

/** The report: one line per page (with its differences when `verbose`), then totals per field and for persons. */
export function formatReport(results: PageResult[], verbose = false): string {
  const out: string[] = [];
  const scores: PageScore[] = [];
  out.push(`${pad('page', 28)} ${pad('people P', 9)} ${pad('people R', 9)} ${pad('fields F1', 9)} found/expected`);
  for (const r of results) {
    if ('error' in r) {
      out.push(`${pad(r.slug, 28)} ERROR ${r.error}`);
      continue;
    }
    scores.push(r.score);
    const p = rates(personCounts(r.score));
    const f = rates(micro(r.score.fields));
    out.push(
      `${pad(r.slug, 28)} ${pad(fmt(p.precision), 9)} ${pad(fmt(p.recall), 9)} ${pad(fmt(f.f1), 9)} ${r.score.paired}+${r.score.unexpected} unexpected / ${r.score.paired + r.score.missing}`,
    );
    if (verbose) {
      for (const d of r.score.differences) {
        if (d.kind === 'field') out.push(`    ${d.person} · ${d.field}: expected ${show(d.expected)}, got ${show(d.actual)}`);
        else if (d.kind === 'missing') out.push(`    missing: ${d.person}`);
        else out.push(`    unexpected: ${d.person} ${show(d.actual)}`);
      }
    }
  }
  const totals = sumScores(scores);
  out.push('', `${pad('field', 10)} ${pad('TP', 5)} ${pad('FP', 5)} ${pad('FN', 5)} ${pad('precision', 10)} ${pad('recall', 10)} ${pad('F1', 8)} goal`);
  for (const f of FIELDS) {
    const c = totals.fields[f];
    const r = rates(c);
    out.push(`${pad(f, 10)} ${pad(c.tp, 5)} ${pad(c.fp, 5)} ${pad(c.fn, 5)} ${pad(fmt(r.precision), 10)} ${pad(fmt(r.recall), 10)} ${pad(fmt(r.f1), 7)}${mark(r.f1)} >= ${GOAL}`);
  }
  const p = rates(totals.persons);
  const errors = results.length - scores.length;
  out.push(
    '',
    `people: precision ${fmt(p.precision)}${mark(p.precision)} recall ${fmt(p.recall)}${mark(p.recall)} (goal >= ${GOAL}); ${totals.persons.tp} found, ${totals.persons.fp} unexpected, ${totals.persons.fn} missed over ${results.length} pages${errors ? `, ${errors} page(s) failed to run` : ''}`,
  );
  return out.join('\n') + '\n';
}
