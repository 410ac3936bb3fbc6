// Adding and removing tags on many leads at once (the workspace's bulk actions).
import { mergeTags } from './merge';
import { LIMITS } from './schema';

/** Tags to add and to remove (compared without case, as the tag filter does). */
export interface TagChange {
  add?: string[];
  remove?: string[];
}

/**
 * A lead's tags after `change`: removals first (case-insensitive), then
 * additions united in without duplicates (a tag already there keeps its
 * spelling), capped at the schema's tag count. Returns `tags` itself when
 * nothing changes, so callers can skip the write.
 */
export function applyTagChange(tags: string[], change: TagChange): string[] {
  const gone = new Set((change.remove ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean));
  const kept = gone.size ? tags.filter((t) => !gone.has(t.toLowerCase())) : tags;
  const added = (change.add ?? []).map((t) => t.trim()).filter(Boolean);
  const next = added.length ? mergeTags(kept, added).slice(0, LIMITS.tags) : kept;
  return next.length === tags.length && next.every((t, i) => t === tags[i]) ? tags : next;
}
