// Suggested addresses for the capture cards, from the company email pattern of saved leads (utils/leads/email-pattern.ts).
import { useEffect, useState } from 'react';
import type { EmailSuggestion } from '@/utils/leads/email-pattern';
import type { Lead } from '@/utils/leads/schema';
import { leadsAtEmailDomain, type LeadDb } from '@/utils/leads/store';

/**
 * Suggested addresses for the prospects on the page that have a name but no
 * email, by draft id, guessed from saved leads at their company's domain.
 * Runs after the cards are on screen (never delays them); each domain is
 * read once per page through the by-email-domain index. The pattern code is
 * loaded only when a prospect on the page has no email (the popup loads
 * every byte of its code; most captures do not need it).
 */
export function useEmailSuggestions(db: LeadDb | undefined, leads: Lead[] | undefined): Map<string, EmailSuggestion> {
  const [suggestions, setSuggestions] = useState(() => new Map<string, EmailSuggestion>());
  useEffect(() => {
    // No database yet (the popup shows a hand-typed card while it opens): suggestions follow once it is open.
    const wanting = leads?.filter((l) => l.emails.length === 0) ?? [];
    if (!db || !wanting.length) return;
    let cancelled = false;
    const byDomain = new Map<string, Promise<Lead[]>>();
    const leadsAt = (domain: string) => {
      let found = byDomain.get(domain);
      if (!found) byDomain.set(domain, (found = leadsAtEmailDomain(db, domain)));
      return found;
    };
    (async () => {
      const { suggestEmail } = await import('@/utils/leads/email-pattern');
      const out = new Map<string, EmailSuggestion>();
      for (const lead of wanting) {
        const s = await suggestEmail(lead, leadsAt);
        if (s) out.set(lead.id, s);
      }
      if (!cancelled && out.size) setSuggestions(out);
    })().catch((e: Error) => console.warn('Prospect Scout: no email suggestions', e.message));
    return () => {
      cancelled = true;
    };
  }, [db, leads]);
  return suggestions;
}
