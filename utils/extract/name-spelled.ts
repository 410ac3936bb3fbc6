// Addresses and sites that spell a listed person's name (clara@…, meilinhsu.com) are that person's, wherever the page writes them.
import { isPlatformHost, domainLabel } from '../leads/hosts';
import { isRoleAddress } from '../leads/merge';
import { foldNameWord as fold, normalizeWebsite } from '../leads/normalize';
import { provenanceKey, type Prospect } from '../leads/schema';

const MAX_LINKS = 2000;
const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof|me|maître|sir|dame)\.?$/i;

/** The ways an address's local part or a domain writes a name: "claravasquezhale", "cvasquezhale", "clara.vasquez", "hsumeilin", "dlaminin". */
function spellings(name: string): { full: string[]; first: string } {
  const words = name.split(/\s+/).filter((w) => !HONORIFIC.test(w) && !/^\p{L}\.?$/u.test(w));
  if (words.length < 2) return { full: [], first: '' };
  const first = fold(words[0]!);
  const last = fold(words.at(-1)!);
  const lastHead = fold(words.at(-1)!.split('-')[0]!);
  const all = fold(words.join(''));
  const full = [all, first + last, last + first, first + lastHead, first[0]! + last, first[0]! + lastHead, first + last[0]!, last + first[0]!].filter((s) => s.length >= 5);
  return { full: [...new Set(full)], first };
}

/**
 * Moves each email and website that spells one listed person's name to
 * that person: "write to clara@marginnotes.pub" in an about page's text is
 * Clara's even outside her card, and "Mei-Lin Hsu (meilinhsu.com)" in a
 * paragraph that also names Tobias is Mei-Lin's site. A bare first name
 * counts for emails only when no other listed person shares it; role
 * mailboxes and platform links spell nobody.
 */
export function giveNameSpelledContacts(prospects: Prospect[], doc: Document): Prospect[] {
  if (!prospects.length) return prospects;
  const names = prospects.map((p) => spellings(p.name));
  const firstCount = new Map<string, number>();
  for (const n of names) if (n.first) firstCount.set(n.first, (firstCount.get(n.first) ?? 0) + 1);
  // Each spelling's owner, or -1 when two people share it; looked up once per link (a 500-person page stays linear).
  const bySpelling = new Map<string, number>();
  names.forEach((n, i) => n.full.forEach((k) => bySpelling.set(k, bySpelling.has(k) && bySpelling.get(k) !== i ? -1 : i)));
  const byFirst = new Map<string, number>();
  names.forEach((n, i) => n.first.length >= 3 && firstCount.get(n.first) === 1 && byFirst.set(n.first, i));
  const ownerOf = (key: string, bareFirst: boolean): number => bySpelling.get(key) ?? (bareFirst ? byFirst.get(key) : undefined) ?? -1;
  const out = prospects.map((p) => ({ ...p, emails: [...p.emails], profiles: { ...p.profiles, other: [...p.profiles.other] }, provenance: { ...p.provenance }, ...(p.confidence ? { confidence: { ...p.confidence } } : {}) }));
  for (const a of [...doc.querySelectorAll('a[href]')].slice(0, MAX_LINKS)) {
    const href = (a.getAttribute('href') ?? '').trim();
    const mail = /^mailto:([^?]+)/i.exec(href);
    if (mail) {
      const email = decodeURIComponent(mail[1]!).trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(email) || isRoleAddress(email)) continue;
      const owner = ownerOf(fold(email.split('@')[0]!), true);
      if (owner < 0 || out[owner]!.emails.includes(email)) continue;
      for (const p of out) {
        if (!p.emails.includes(email)) continue;
        p.emails = p.emails.filter((e) => e !== email);
        delete p.provenance[provenanceKey('emails', email)];
        if (p.confidence) delete p.confidence[provenanceKey('emails', email)];
      }
      const p = out[owner]!;
      p.emails.push(email);
      p.provenance[provenanceKey('emails', email)] = 'text';
      if (p.confidence) p.confidence[provenanceKey('emails', email)] = 'low';
      continue;
    }
    if (!/^https?:\/\//i.test(href)) continue;
    let host = '';
    try {
      host = new URL(href).hostname;
    } catch {
      continue;
    }
    if (isPlatformHost(host)) continue;
    const owner = ownerOf(fold(domainLabel(host)), false);
    if (owner < 0) continue;
    const site = normalizeWebsite(href);
    if (!site) continue;
    const sameSite = (u: string) => !!u && (() => { try { return new URL(u).hostname.replace(/^www\./, '') === host.replace(/^www\./, ''); } catch { return false; } })();
    out.forEach((p, i) => {
      if (i === owner) return;
      if (sameSite(p.website)) {
        p.website = '';
        delete p.provenance.website;
        if (p.confidence) delete p.confidence.website;
      }
      p.profiles.other = p.profiles.other.filter((u) => !sameSite(u));
    });
    const p = out[owner]!;
    if (!p.website) {
      p.website = site;
      p.provenance.website = 'text';
      if (p.confidence) p.confidence.website = 'low';
    }
  }
  return out;
}
