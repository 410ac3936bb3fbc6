// zod's small build (zod/mini) for the schemas every extension page loads, without a message locale of its own.
import { z } from 'zod/mini';

/**
 * zod/mini: the same parser as `zod` (one core, same rules, errors and
 * types) with functions instead of methods (`z.optional(s)`,
 * `s.check(z.maxLength(n))`), so a page ships only the parts it uses.
 * The schemas of leads, sync records, settings and messages are written
 * with it because the popup loads them; code elsewhere may keep `zod`.
 *
 * No English messages are installed here (zod's `en` locale is ~1 KiB gzip
 * of a popup at its budget): what a user reads about a refused value is
 * worded by utils/leads/repair.ts's `describeIssue` from the code
 * and limits, and our own checks carry their own messages. Pages that load
 * the full `zod` (options, workspace, background) get its English anyway.
 */
export { z };
