// Scholarly-article meta tags (Highwire Press `citation_author…`, read by Google Scholar): the authors of a journal article.
import type { CountryCode } from 'libphonenumber-js';
import { ProspectBuilder } from './prospect-builder';

/**
 * The organization of an affiliation line: its first comma-separated part
 * that is not a department ("Department of X, Trondvik University of Applied
 * Sciences, 5003 Bergen, Norway" → "Trondvik University of Applied Sciences").
 */
export function institutionOf(affiliation: string): string {
  const parts = affiliation.split(/\s*[,;]\s*/);
  return parts.find((p, i) => i === parts.length - 1 || !/^(?:Dep|Sch|Fac|Div|Lab|Inst|Cent)\w*\.? (?:of|for)\b/i.test(p))!;
}

/**
 * The authors a page's `citation_author` meta tags name ("Solberg-Aas,
 * Henrik" read as Henrik Solberg-Aas), each with the tags that follow it
 * until the next author (`citation_author_institution`, `_email`): the
 * convention journal platforms (OJS, HighWire, publishers' own) follow so
 * indexers pair them. The first institution is the author's company.
 */
export function citationAuthors(doc: Document, url: string, country?: CountryCode): ProspectBuilder[] {
  const out: ProspectBuilder[] = [];
  for (const m of doc.querySelectorAll('meta[name^="citation_author"]')) {
    const key = m.getAttribute('name')!.slice(15);
    const value = m.getAttribute('content') ?? '';
    if (!key && value && out.length < 500) out.push(new ProspectBuilder(url).set('name', value.replace(/^([^,]+), *([^,]+)$/, '$2 $1'), 'meta'));
    else if (key === '_institution') out.at(-1)?.set('company', institutionOf(value), 'meta');
    else if (key === '_email') out.at(-1)?.addEmail(value, 'meta');
  }
  return out;
}
