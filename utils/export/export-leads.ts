// Chunked exports: CSV, vCard and JSON backup built a slice at a time into a Blob, with progress and cancel, so 50,000 leads never freeze the page.
import { BACKUP_APP, BACKUP_VERSION } from '../leads/backup';
import { countSelection, readLeadPages, type LeadSelection } from '../leads/pages';
import type { Lead } from '../leads/schema';
import type { LeadDb } from '../leads/store';
import { cachedPhoneType } from '../sync/map-common';
import { csvHead, csvRows, type CsvOptions } from './csv';
import type { VCardVersion } from './preset-ids';
import { leadToVCard } from './vcard';
import { timeSlicer } from './yield';

/** File formats of an export. */
export type ExportFormat = 'csv' | 'vcf' | 'json';

/** MIME type of each format's Blob. */
export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  vcf: 'text/vcard;charset=utf-8',
  json: 'application/json',
};

/** Options of {@link exportLeads} and {@link exportStoredLeads}. */
export interface ExportOptions {
  /** CSV columns, separator, BOM (see {@link CsvOptions}). */
  csv?: CsvOptions;
  /** vCard version, 3.0 by default. */
  vcardVersion?: VCardVersion;
  /** Called after each slice with the leads written so far and the total when known. */
  onProgress?: (done: number, total: number | undefined) => void;
  /** Aborting stops the export: the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Longest stretch of work between two yields, in ms (default 40). */
  sliceMs?: number;
  /** `exportedAt` of a JSON backup. */
  now?: Date;
}

/** What an export produced. */
export interface ExportResult {
  blob: Blob;
  /** Leads written. */
  count: number;
}

/** One format's writer: text before the first lead, one lead's text, text after the last. */
interface Writer {
  head(): string;
  lead(lead: Lead, index: number): string;
  tail(count: number): string;
}

function writerFor(format: ExportFormat, options: ExportOptions): Writer {
  if (format === 'csv') {
    // One phone-type cache for the whole file (csvRows is called a lead at a time).
    const csv = { ...options.csv, phoneType: options.csv?.phoneType ?? cachedPhoneType() };
    return { head: () => csvHead(csv), lead: (l) => csvRows([l], csv), tail: () => '' };
  }
  if (format === 'vcf') {
    const version = options.vcardVersion ?? '3.0';
    return { head: () => '', lead: (l) => leadToVCard(l, version), tail: () => '' };
  }
  // The same text as toBackupJson (2-space indent), written one lead at a time.
  const exportedAt = (options.now ?? new Date()).toISOString();
  return {
    head: () => `{\n  "app": ${JSON.stringify(BACKUP_APP)},\n  "version": ${BACKUP_VERSION},\n  "exportedAt": ${JSON.stringify(exportedAt)},\n  "leads": [`,
    lead: (l, i) => `${i ? ',' : ''}\n    ${JSON.stringify(l, null, 2).replace(/\n/g, '\n    ')}`,
    tail: (n) => (n ? '\n  ]\n}' : ']\n}'),
  };
}

function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError');
}

async function* asPages(source: Iterable<Lead> | AsyncIterable<Lead[]>): AsyncGenerator<Lead[]> {
  if (Symbol.asyncIterator in source) yield* source;
  else yield Array.isArray(source) ? source : [...source];
}

/**
 * Writes leads as a CSV, vCard or JSON backup file. `source` is an array of
 * leads (e.g. a selection in memory) or pages of leads read as they are
 * needed ({@link readLeadPages}). The text is built in slices of about
 * `sliceMs`, each handed to the Blob as one part, with a yield to the event
 * loop in between, so no task runs long whatever the number of leads; every
 * writer is linear in the size of its output.
 */
export async function exportLeads(
  source: Iterable<Lead> | AsyncIterable<Lead[]>,
  format: ExportFormat,
  options: ExportOptions & { total?: number } = {},
): Promise<ExportResult> {
  const writer = writerFor(format, options);
  const slicer = timeSlicer(options.sliceMs);
  const total = options.total ?? (Array.isArray(source) ? source.length : undefined);
  // Each slice becomes its own Blob: encoding all the text at the end would be one long task.
  const parts: Blob[] = [];
  let pending = writer.head();
  let count = 0;
  for await (const page of asPages(source)) {
    for (const lead of page) {
      if (options.signal?.aborted) throw abortError();
      pending += writer.lead(lead, count++);
      if ((count & 15) === 0 && slicer.due()) {
        parts.push(new Blob([pending]));
        pending = '';
        options.onProgress?.(count, total);
        await slicer.pause();
      }
    }
  }
  if (options.signal?.aborted) throw abortError();
  parts.push(new Blob([pending + writer.tail(count)]));
  options.onProgress?.(count, total);
  return { blob: new Blob(parts, { type: EXPORT_MIME[format] }), count };
}

/**
 * Exports saved leads (all, one tag, or a selection of ids) straight from the
 * store, reading it page by page: the streaming variant of
 * {@link exportLeads} for the options page and the workspace.
 */
export async function exportStoredLeads(db: LeadDb, format: ExportFormat, options: ExportOptions & LeadSelection = {}): Promise<ExportResult> {
  const { tag, ids, ...rest } = options;
  const selection: LeadSelection = { tag: tag || undefined, ids };
  const total = await countSelection(db, selection);
  return exportLeads(readLeadPages(db, selection, { signal: options.signal }), format, { ...rest, total });
}
