// Keeps extraction warnings readable: a page with 100 000 broken blocks gets a handful of lines, not 100 000.

/** Warnings of one kind shown one by one before the rest are counted. */
export const MAX_WARNINGS_SHOWN = 5;

/**
 * The first {@link MAX_WARNINGS_SHOWN} problems as they are, then one line
 * counting the others ("… and 99 995 more malformed JSON-LD blocks").
 */
export function summarizeWarnings(problems: string[], what: string, max = MAX_WARNINGS_SHOWN): string[] {
  if (problems.length <= max) return [...problems];
  return [...problems.slice(0, max), `… and ${problems.length - max} more problems with ${what} (not listed).`];
}
