// Writes a large Prospect Scout JSON backup of seeded leads to disk, for the file benchmarks and the large-import e2e test.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { BACKUP_APP, BACKUP_VERSION } from '../../utils/leads/backup';
import { seedLead } from './seed-leads';

const NOTE = 'Met at the booth; interested in the annual plan, wants a demo for the team in Q3. Follow up after the conference, ask about procurement and security review. ';

/**
 * Writes `count` seeded leads as a backup (the exporter's layout) to `path`,
 * each with a note of about `noteChars` characters. Returns the file size in bytes.
 */
export async function writeBackupFile(path: string, count: number, noteChars = 0): Promise<number> {
  const out = createWriteStream(path, 'utf8');
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`{\n  "app": "${BACKUP_APP}",\n  "version": ${BACKUP_VERSION},\n  "exportedAt": "2026-11-01T00:00:00.000Z",\n  "leads": [`);
  const note = noteChars ? NOTE.repeat(Math.ceil(noteChars / NOTE.length)).slice(0, noteChars) : '';
  for (let i = 0; i < count; i++) {
    const lead = { ...seedLead(i), note: note && `${i}: ${note}` };
    await write(`${i ? ',' : ''}\n    ${JSON.stringify(lead, null, 2).replace(/\n/g, '\n    ')}`);
  }
  await write(count ? '\n  ]\n}\n' : ']\n}\n');
  out.end();
  await once(out, 'finish');
  return statSync(path).size;
}
