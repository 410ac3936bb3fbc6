// JSON backup format: write leads, and read a backup back with zod (bad records listed, not dropped).
import { z } from 'zod';
import { repairLead } from './repair';
import type { Lead } from './schema';

/** Identifies Prospect Scout's JSON backups. */
export const BACKUP_APP = 'prospect-scout';
/** Version of the backup format written by {@link toBackupJson}. */
export const BACKUP_VERSION = 1;
/**
 * Largest text {@link parseBackup} reads in one piece. Files of any size go
 * through the streaming import (`import-stream.ts`), which the options page uses.
 */
export const MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/** The backup file: a header and the leads, each checked on its own so one bad record cannot sink the rest. */
export const BackupSchema = z.object({
  app: z.literal(BACKUP_APP),
  version: z.number().int().min(1),
  exportedAt: z.string().optional(),
  leads: z.array(z.unknown()),
});

/** Serialises leads as a JSON backup. */
export function toBackupJson(leads: Lead[], now = new Date()): string {
  return JSON.stringify({ app: BACKUP_APP, version: BACKUP_VERSION, exportedAt: now.toISOString(), leads }, null, 2);
}

/** A record of the file that could not be imported, and why. */
export interface SkippedRecord {
  /** Position in the file's lead list, from 0. */
  index: number;
  reason: string;
}

/** A record imported after repairs (a value cut to fit, a javascript: link removed, …). */
export interface RepairedRecord {
  index: number;
  repairs: string[];
}

/** What a backup file holds: the valid (possibly repaired) leads and the records left out. */
export type ParsedBackup =
  | { ok: true; leads: Lead[]; skipped: SkippedRecord[]; repaired: RepairedRecord[] }
  | { ok: false; error: string };

/**
 * Reads a JSON backup held in memory, or a plain JSON array of leads (what
 * `npm run extract` prints). Never throws: a file that is not a backup
 * gets a clear error, and invalid records are listed, not silently dropped.
 */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, error: `The file is larger than ${MAX_BACKUP_BYTES / 1024 / 1024} MB: read it with the streaming import (importBackupStream).` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `The file is not valid JSON (${(e as Error).message}).` };
  }
  let records: unknown[];
  if (Array.isArray(data)) records = data;
  else {
    const backup = BackupSchema.safeParse(data);
    if (!backup.success) return { ok: false, error: 'The file is not a Prospect Scout backup (expected {"app": "prospect-scout", "leads": [...]} or a list of leads).' };
    if (backup.data.version > BACKUP_VERSION) {
      return { ok: false, error: `The backup was made by a newer Prospect Scout (format ${backup.data.version}); update the extension to import it.` };
    }
    records = backup.data.leads;
  }
  const leads: Lead[] = [];
  const skipped: SkippedRecord[] = [];
  const repaired: RepairedRecord[] = [];
  const now = new Date();
  records.forEach((record, index) => {
    const result = repairLead(record, now);
    if (!result.ok) skipped.push({ index, reason: result.reason });
    else {
      leads.push(result.lead);
      if (result.repairs.length) repaired.push({ index, repairs: result.repairs });
    }
  });
  return { ok: true, leads, skipped, repaired };
}
