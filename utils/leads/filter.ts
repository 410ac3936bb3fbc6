// Search and tag filtering of saved leads.
import type { Lead } from './schema';

/** Criteria of the saved-leads list. */
export interface LeadFilter {
  /** Free text matched against name, company and emails (also title); every word must match. */
  query?: string;
  /** Only leads with this tag (case-insensitive). Empty means all. */
  tag?: string;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Filters leads by search text and tag. Pure; keeps the input order. */
export function filterLeads(leads: Lead[], filter: LeadFilter): Lead[] {
  const words = fold(filter.query ?? '').split(/\s+/).filter(Boolean);
  const tag = fold(filter.tag ?? '').trim();
  return leads.filter((l) => {
    if (tag && !l.tags.some((t) => fold(t) === tag)) return false;
    if (!words.length) return true;
    const hay = fold([l.name, l.company, l.title, ...l.emails].join(' '));
    return words.every((w) => hay.includes(w));
  });
}
