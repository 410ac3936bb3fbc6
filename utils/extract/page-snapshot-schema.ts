// The zod schema of what the injected snapshot function returns, apart from it so the popup can inject before zod has loaded.
import { z } from 'zod';
import { SNAPSHOT_LIMITS } from './page-snapshot';

/** What {@link snapshotPage} returns to the popup: untrusted, parsed with this schema there. */
export const PageSnapshotSchema = z.object({
  url: z.string().max(100_000),
  html: z.string().max(SNAPSHOT_LIMITS.maxChars + 100_000),
  warnings: z.array(z.string().max(500)).max(20),
  /** Time the walk took in the page, in ms (the rest of a capture's snapshot phase is the browser's injection and transfer). */
  millis: z.number().nonnegative().default(0),
});
/** A page snapshot (see {@link PageSnapshotSchema}). */
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;
