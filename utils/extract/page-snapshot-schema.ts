// The zod schema of what the injected snapshot function returns, apart from it so the popup can inject before zod has loaded.
import { z } from '../zod-mini';
import { SNAPSHOT_LIMITS } from './page-snapshot';

/** What {@link snapshotPage} returns to the popup: untrusted, parsed with this schema there. */
export const PageSnapshotSchema = z.object({
  url: z.string().check(z.maxLength(100_000)),
  html: z.string().check(z.maxLength(SNAPSHOT_LIMITS.maxChars + 100_000)),
  warnings: z.array(z.string().check(z.maxLength(500))).check(z.maxLength(20)),
  /** Time the walk took in the page, in ms (the rest of a capture's snapshot phase is the browser's injection and transfer). */
  millis: z._default(z.number().check(z.nonnegative()), 0),
});
/** A page snapshot (see {@link PageSnapshotSchema}). */
export type PageSnapshot = z.infer<typeof PageSnapshotSchema>;
