// The extraction CLI (npm run extract) without process I/O: parses a saved page with happy-dom and prints leads.
import { Window } from 'happy-dom';
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { extractProspects } from './page';
import { prospectToLead } from '../leads/schema';

const USAGE = 'usage: npm run extract -- <file.html> [--url URL] [--country CC] [--organizations]\n';

/** Parses an HTML string into a Document with happy-dom, without running its scripts or loading anything. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

/**
 * The extraction CLI without process I/O, so it can be tested: takes argv,
 * a file reader and a path-to-URL function, returns what to print and the
 * exit code.
 */
export function runExtractCli(
  argv: string[],
  readFile: (path: string) => string,
  fileUrl: (path: string) => string,
): { stdout: string; stderr: string; exitCode: number } {
  let file = '';
  let url = '';
  let country: CountryCode | undefined;
  let withOrganizations = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--url') url = argv[++i] ?? '';
    else if (a === '--country') {
      const cc = (argv[++i] ?? '').toUpperCase();
      if (!(getCountries() as string[]).includes(cc)) return { stdout: '', stderr: `unknown country code: ${cc}\n${USAGE}`, exitCode: 2 };
      country = cc as CountryCode;
    } else if (a === '--organizations') withOrganizations = true;
    else if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
    else if (!file) file = a;
    else return { stdout: '', stderr: `unexpected argument: ${a}\n${USAGE}`, exitCode: 2 };
  }
  if (!file) return { stdout: '', stderr: USAGE, exitCode: 2 };
  if (url) {
    try {
      new URL(url);
    } catch {
      return { stdout: '', stderr: `not a valid URL: ${url}\n`, exitCode: 2 };
    }
  }
  let html: string;
  try {
    html = readFile(file);
  } catch (e) {
    return { stdout: '', stderr: `cannot read ${file}: ${(e as Error).message}\n`, exitCode: 1 };
  }
  const pageUrl = url || fileUrl(file);
  const { prospects, organizations, warnings } = extractProspects(parseHtml(html, pageUrl), pageUrl, { defaultCountry: country });
  const now = new Date();
  const leads = prospects.map((p) => prospectToLead(p, { now }));
  // People only by default (the stable output); --organizations wraps them with the page's organization entries.
  const out = withOrganizations ? { people: leads, organizations } : leads;
  return {
    stdout: JSON.stringify(out, null, 2) + '\n',
    stderr: warnings.map((w) => `warning: ${w}\n`).join(''),
    exitCode: 0,
  };
}
