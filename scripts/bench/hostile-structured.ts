// Benchmark rows: the structured-data readers on hostile pages (issue 6 items 6-8), parsed with happy-dom as the CLI does.
import { parseHtml } from '../../utils/extract/cli';
import { extractStructured } from '../../utils/extract/structured';
import { jsonLdDeepName, jsonLdIdCycle, malformedJsonLdBlocks, nestedMicrodataPersons } from '../../tests/fixtures/hostile/generators';

type Row = { name: string; value: number; unit: string; target: number };

/** Goal of issue 6: every hostile page returns (or fails cleanly) within 2 s of extraction time. */
const TARGET_MS = 2000;

/**
 * Times the structured-data readers (JSON-LD, microdata, RDFa,
 * microformats) once on each hostile page; the HTML parse is not counted
 * (in the browser it is the page's own), nor the generic rules that follow.
 * One run each: these pages are slow to build and parse, and a regression
 * here is seconds, not milliseconds. The same generators serve a capture
 * benchmark in real Chromium.
 */
export function hostileStructuredBench(): Row[] {
  const pages: [string, string][] = [
    ['JSON-LD @id cycle (300 B)', jsonLdIdCycle()],
    ['JSON-LD name nested 20,000 deep', jsonLdDeepName(20_000)],
    ['200 nested microdata Persons (1.3 MB)', nestedMicrodataPersons(200)],
    ['100,000 malformed JSON-LD blocks', malformedJsonLdBlocks(100_000)],
  ];
  return pages.map(([label, html]) => {
    const url = 'https://hostile.example/';
    const doc = parseHtml(html, url);
    const t = performance.now();
    const { warnings } = extractStructured(doc, url);
    const ms = performance.now() - t;
    if (warnings.length > 10) throw new Error(`${label}: ${warnings.length} warnings, expected a summary`);
    return { name: `structured data, hostile: ${label}`, value: ms, unit: 'ms', target: TARGET_MS };
  });
}
