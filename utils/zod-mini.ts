// zod's small build (zod/mini) for the schemas every extension page loads, with the English messages the full build sets up by itself.
import { z } from 'zod/mini';

// The full build installs English on its first schema; zod/mini leaves messages unset ("Invalid input"), so the
// same schemas would read differently in the popup and in pages that also load the full build. Set only when unset.
if (!z.config().localeError) z.config(z.locales.en());

/**
 * zod/mini: the same parser as `zod` (one core, same rules, errors and
 * types) with functions instead of methods (`z.optional(s)`,
 * `s.check(z.maxLength(n))`), so a page ships only the parts it uses.
 * The schemas of leads, sync records, settings and messages are written
 * with it because the popup loads them; code elsewhere may keep `zod`.
 */
export { z };
