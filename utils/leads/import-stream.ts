// Streaming import of a JSON backup of any size: reads the file in chunks, validates each record, writes in transactions of a few hundred, with progress and cancel.
import { timeSlicer } from '../export/yield';
import { BACKUP_VERSION, BackupSchema, type RepairedRecord, type SkippedRecord } from './backup';
import { JsonRecordScanner } from './json-records';
import { repairLead } from './repair';
import type { Lead } from './schema';
import { importLeads, type ImportConflict, type LeadDb } from './store';
import { StoredKeys } from './stored-keys';

/** Where a streaming import is. */
export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Records read from the file so far. */
  records: number;
  /** Records written (created, updated or found unchanged) so far. */
  written: number;
}

/** What a streaming import did. Every position is the record's place in the file, from 0. */
export interface StreamImportReport {
  /** `failed`/`cancelled`: the batches written before stay written (importing the file again completes it, unchanged records are skipped). */
  status: 'done' | 'failed' | 'cancelled';
  /** Why it failed. */
  error?: string;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  conflicts: ImportConflict[];
  /** Records left out, with the reason (and the name when the record had one). */
  skipped: Array<SkippedRecord & { name?: string }>;
  repaired: RepairedRecord[];
}

/** Options of {@link importBackupStream}. */
export interface StreamImportOptions {
  /** Records per transaction (default 500): a storage failure loses at most the batch being written. */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Aborting stops after the batch being written. */
  signal?: AbortSignal;
  now?: Date;
  /** Longest stretch of validation between two yields, in ms (default 40). */
  sliceMs?: number;
}

/** No lead comes near this (notes are cut at 10,000 characters): a longer record is skipped unread. */
const MAX_RECORD_CHARS = 2_000_000;
/** A backup's header values are a few words; anything bigger is no backup. */
const MAX_HEADER_CHARS = 100_000;

const NOT_A_BACKUP = 'The file is not a Prospect Scout backup (expected {"app": "prospect-scout", "leads": [...]} or a list of leads).';

/**
 * Imports a JSON backup (or a bare list of leads, as `npm run extract`
 * prints) of any size from a File or Blob: reads it with `stream()` in
 * chunks, finds each record with {@link JsonRecordScanner}, parses and
 * repairs it with the Lead schema ({@link repairLead}: bad records listed,
 * never silently dropped) and writes valid ones through {@link importLeads}
 * in transactions of `batchSize`, yielding between slices of work so the
 * page never freezes. Records are written only once the file shows it is a
 * Prospect Scout backup. Never throws for bad input: the report says what
 * happened; a storage error stops the import with its message.
 */
export async function importBackupStream(db: LeadDb, file: Blob, options: StreamImportOptions = {}): Promise<StreamImportReport> {
  const { batchSize = 500, onProgress, signal, now = new Date() } = options;
  const report: StreamImportReport = { status: 'done', records: 0, created: 0, updated: 0, unchanged: 0, conflicts: [], skipped: [], repaired: [] };
  const scanner = new JsonRecordScanner({ recordChars: MAX_RECORD_CHARS, headerChars: MAX_HEADER_CHARS });
  const slicer = timeSlicer(options.sliceMs);
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  let pending: Array<string | undefined> = [];
  let batch: Array<{ index: number; lead: Lead }> = [];
  let confirmed = false;
  let bytesRead = 0;
  const progress = () => onProgress?.({ bytesRead, totalBytes: file.size, records: report.records, written: report.created + report.updated + report.unchanged });

  // The keys the store holds, so records matching nothing skip their lookups; worth reading a large store's keys only for a file that may hold a fair share of its size (a lead takes about 1 kB).
  const storeCount = await db.count('leads').catch(() => Infinity);
  const known = file.size / 1024 >= storeCount / 4 ? new StoredKeys() : undefined;
  // One batch is written while the next is read and validated.
  let writing: Promise<void> | undefined;

  /** Waits for the batch being written; its storage error, if any, is thrown here. */
  const settle = async () => {
    const w = writing;
    writing = undefined;
    await w;
  };

  const flush = async () => {
    await settle();
    if (!batch.length) return;
    const slice = batch;
    batch = [];
    writing = importLeads(
      db,
      slice.map((b) => b.lead),
      now,
      { validated: true, known },
    ).then((result) => {
      report.created += result.created;
      report.updated += result.updated;
      report.unchanged += result.unchanged;
      for (const c of result.conflicts) report.conflicts.push({ ...c, index: slice[c.index]!.index });
      for (const s of result.skipped) report.skipped.push({ index: slice[s.index]!.index, reason: s.reason, name: slice[s.index]!.lead.name || undefined });
      progress();
    });
    // Seen when settled; until then not an unhandled rejection.
    writing.catch(() => {});
  };

  /** Validates the records read so far and writes them in batches. */
  const drain = async () => {
    const texts = pending;
    pending = [];
    for (const text of texts) {
      if (signal?.aborted) return;
      const index = report.records++;
      let record: unknown;
      try {
        if (text === undefined) throw new Error(`larger than ${(MAX_RECORD_CHARS / 1e6).toFixed(0)} MB, no lead is`);
        record = JSON.parse(text);
      } catch (e) {
        report.skipped.push({ index, reason: text === undefined ? (e as Error).message : 'not valid JSON' });
        continue;
      }
      const result = repairLead(record, now);
      if (!result.ok) report.skipped.push({ index, reason: result.reason });
      else {
        batch.push({ index, lead: result.lead });
        if (result.repairs.length) report.repaired.push({ index, repairs: result.repairs });
      }
      if (batch.length >= batchSize) await flush();
      if ((index & 31) === 0 && slicer.due()) {
        progress();
        await slicer.pause();
      }
    }
  };

  /** Whether the header says this is a backup we can read; an error message when it says it is not. */
  const checkHeader = (final: boolean): boolean | string => {
    if (scanner.root === '[') return true;
    if (scanner.root !== '{') return final ? NOT_A_BACKUP : false;
    const h = scanner.header;
    if (!final && !('app' in h && 'version' in h)) return false;
    const parsed = BackupSchema.safeParse({ ...h, leads: [] });
    if (!parsed.success || (final && !scanner.sawLeads)) return NOT_A_BACKUP;
    if (parsed.data.version > BACKUP_VERSION) return `The backup was made by a newer Prospect Scout (format ${parsed.data.version}); update the extension to import it.`;
    return true;
  };

  const stop = async (status: 'failed' | 'cancelled', error?: string) => {
    await reader.cancel().catch(() => {});
    // The batch being written counts if it was written; if it failed, that failure is the news.
    try {
      await settle();
    } catch (e) {
      if (status !== 'failed') return { ...report, status: 'failed' as const, error: (e as Error).message };
    }
    return { ...report, status, error };
  };

  try {
    for (;;) {
      if (signal?.aborted) return await stop('cancelled');
      const { value, done } = await reader.read();
      bytesRead += value?.byteLength ?? 0;
      try {
        scanner.push(decoder.decode(value, { stream: !done }), (t) => pending.push(t));
      } catch (e) {
        await flush();
        return await stop('failed', `The file is not valid JSON (${(e as Error).message}).`);
      }
      if (!confirmed) {
        const ok = checkHeader(done);
        if (typeof ok === 'string') return await stop('failed', ok);
        confirmed = ok;
      }
      if (confirmed) await drain();
      progress();
      if (done) break;
      if (slicer.due()) await slicer.pause();
    }
    if (!confirmed || (scanner.root === '{' && !scanner.sawLeads)) return await stop('failed', NOT_A_BACKUP);
    await flush();
    await settle();
    if (!scanner.complete) return await stop('failed', 'The file is not valid JSON (it ends early: cut off?).');
    progress();
    return report;
  } catch (e) {
    // A storage failure (disk full, connection closed): what was written before stays.
    return await stop('failed', (e as Error).message);
  }
}
