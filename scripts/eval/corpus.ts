// Loads the own extraction corpus: tests/fixtures/pages/<slug>/{source.html, expected.json, meta.json}.
import { existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ExpectedPerson } from './score';

/** Where the corpus lives, from the project root. */
export const PAGES_DIR = join('tests', 'fixtures', 'pages');

const Scalar = z.union([z.string(), z.array(z.string()).min(1)]).nullable().optional();
const ExpectedPersonSchema = z
  .object({
    name: Scalar,
    title: Scalar,
    company: Scalar,
    emails: z.array(z.string()).nullable().optional(),
    phones: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, 'phones are written in E.164')).nullable().optional(),
    linkedin: Scalar,
    x: Scalar,
    github: Scalar,
    website: Scalar,
    location: Scalar,
    optional: z.boolean().optional(),
  })
  .strict();

/** meta.json: the page's address, and optionally the default phone country and the site adapter expected to read it. */
export const PageMetaSchema = z
  .object({
    url: z.url(),
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
    adapter: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .strict();
export type PageMeta = z.infer<typeof PageMetaSchema>;

/** One corpus page. */
export interface CorpusPage {
  slug: string;
  /** Path of source.html. */
  html: string;
  meta: PageMeta;
  expected: ExpectedPerson[];
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

/** Every page of the corpus (optionally those whose slug contains `match`), each checked against its schema. */
export function loadCorpus(root = process.cwd(), match = '', pagesDir = ''): CorpusPage[] {
  const dir = pagesDir ? resolve(root, pagesDir) : join(root, PAGES_DIR);
  if (!existsSync(dir)) return [];
  const pages: CorpusPage[] = [];
  for (const slug of readdirSync(dir).sort()) {
    if (match && !slug.includes(match)) continue;
    const base = join(dir, slug);
    if (!statSync(base).isDirectory()) continue;
    const html = join(base, 'source.html');
    if (!existsSync(html)) throw new Error(`${base}: no source.html`);
    const meta = PageMetaSchema.safeParse(readJson(join(base, 'meta.json')));
    if (!meta.success) throw new Error(`${base}/meta.json: ${z.prettifyError(meta.error)}`);
    const expected = z.array(ExpectedPersonSchema).safeParse(readJson(join(base, 'expected.json')));
    if (!expected.success) throw new Error(`${base}/expected.json: ${z.prettifyError(expected.error)}`);
    pages.push({ slug, html, meta: meta.data, expected: expected.data as ExpectedPerson[] });
  }
  return pages;
}

/** The argv `npm run extract --` takes for a page. */
export function cliArgv(page: CorpusPage): string[] {
  return [page.html, '--url', page.meta.url, ...(page.meta.country ? ['--country', page.meta.country] : [])];
}
