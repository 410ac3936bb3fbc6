// GitHub adapter: a user's profile (sidebar h-card) and an organization's People list.
import { classifyProfileUrl } from '../../leads/normalize';
import type { Prospect } from '../../leads/schema';
import { ProspectBuilder } from '../prospect-builder';
import { firstElement, firstText, metaContent, textOf } from './dom';
import { cleanPersonName, companyFromHandle, jobFromBio } from './headline';
import type { SiteAdapter } from './types';

/*
 * Anchors: the URL (/<login>, /orgs/<org>/people), schema.org itemprops of
 * the profile sidebar (name, additionalName, worksFor, homeLocation, email,
 * url, social), its microformats classes (h-card, p-name, p-org, u-email),
 * aria-labels ("Home location: …"), the member list's data-bulk-actions-id,
 * and links whose only path segment is a login. Class names come last.
 * Only the sidebar is read on a profile: a README's code blocks
 * (git@github.com:…, security@…) are not the person's contacts.
 */

const RESERVED = new Set(
  'about account apps codespaces collections contact copilot customer-stories dashboard enterprise events explore features home issues join login logout marketplace new notifications orgs organizations pricing pulls readme resources search security settings signup site solutions sponsors team topics trending users'.split(
    ' ',
  ),
);
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

type Kind = { kind: 'user'; login: string } | { kind: 'org-people'; org: string };

function kindOf(url: URL): Kind | null {
  if (url.hostname.toLowerCase() !== 'github.com' && url.hostname.toLowerCase() !== 'www.github.com') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'orgs' && parts[1] && parts[2] === 'people' && parts.length === 3) return { kind: 'org-people', org: parts[1] };
  if (parts.length === 1 && LOGIN.test(parts[0]!) && !RESERVED.has(parts[0]!.toLowerCase())) return { kind: 'user', login: parts[0]! };
  return null;
}

function readUser(doc: Document, url: URL, login: string): Prospect[] | null {
  // An organization's overview has the same URL shape: it is no person, the generic extractor may read it.
  if (doc.querySelector('.orghead, [itemtype$="schema.org/Organization"]')) return null;
  const card = firstElement(doc, ['[itemtype$="schema.org/Person"]', '.h-card', '.js-profile-editable-area', '.vcard']);
  if (!card) return null;
  const b = new ProspectBuilder(url.href);
  const name = cleanPersonName(firstText(card, ['[itemprop="name"]', '.p-name', '.vcard-fullname']));
  b.set('name', name, 'site');
  const handle = firstText(card, ['[itemprop="additionalName"]', '.p-nickname', '.vcard-username']) || metaContent(doc, 'profile:username') || login;
  const github = classifyProfileUrl(`https://github.com/${handle}`) ?? classifyProfileUrl(`https://github.com/${login}`);
  if (github) b.addUrl(github.url, 'site');

  const bio =
    card.querySelector('[data-bio-text]')?.getAttribute('data-bio-text') ?? firstText(card, ['.p-note', '.user-profile-bio', '[itemprop="description"]']);
  const job = jobFromBio(bio);
  const worksFor =
    firstText(card, ['[itemprop="worksFor"] .p-org', '[itemprop="worksFor"]', '.p-org']) ||
    /^organization:\s*(.+)$/i.exec(card.querySelector('[aria-label^="Organization:" i]')?.getAttribute('aria-label') ?? '')?.[1] ||
    '';
  const company = (worksFor.split(/\s*,\s*/)[0] ?? '').trim() || job.company;
  b.set('title', job.title, 'site').set('company', company.startsWith('@') ? companyFromHandle(company) : company, 'site');
  const location =
    firstText(card, ['[itemprop="homeLocation"] .p-label', '[itemprop="homeLocation"]', '.p-label']) ||
    /^home location:\s*(.+)$/i.exec(card.querySelector('[aria-label^="Home location:" i]')?.getAttribute('aria-label') ?? '')?.[1] ||
    '';
  b.set('location', location, 'site');

  for (const a of Array.from(card.querySelectorAll('[itemprop="email"] a[href^="mailto:"], a.u-email[href^="mailto:"]'))) b.addEmail(a.getAttribute('href') ?? '', 'site');
  const site = card.querySelector('[itemprop="url"] a[href], [data-test-selector="profile-website-url"] a[href]');
  if (site) b.addUrl(new URL(site.getAttribute('href') ?? '', url).href, 'site', true);
  for (const a of Array.from(card.querySelectorAll('[itemprop="social"] a[href], a[rel~="me"][href]'))) b.addUrl(new URL(a.getAttribute('href') ?? '', url).href, 'site');
  return [b.build()];
}

/** The organization's display name (its header, else the page title "People · <Name> · GitHub"). */
function orgName(doc: Document, org: string): string {
  return (
    firstText(doc, ['.orghead h1', '[itemtype$="schema.org/Organization"] [itemprop="name"]']) ||
    /^People\s*·\s*(.+?)\s*·\s*GitHub$/.exec(textOf(doc.querySelector('title')))?.[1] ||
    companyFromHandle(org)
  );
}

function readOrgPeople(doc: Document, url: URL, org: string): Prospect[] {
  const company = orgName(doc, org);
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return [];
  const out: Prospect[] = [];
  const seen = new Set<string>();
  const items = Array.from(main.querySelectorAll('[data-bulk-actions-id], li.member-list-item, li.table-list-item'));
  for (const item of items) {
    const login =
      item.getAttribute('data-bulk-actions-id') ??
      Array.from(item.querySelectorAll('a[href]'))
        .map((a) => (a.getAttribute('href') ?? '').replace(/^https:\/\/github\.com/, ''))
        .map((h) => /^\/([A-Za-z0-9-]+)\/?$/.exec(h)?.[1])
        .find((l): l is string => !!l && !RESERVED.has(l.toLowerCase()));
    if (!login || seen.has(login.toLowerCase())) continue;
    const profile = classifyProfileUrl(`https://github.com/${login}`);
    if (!profile) continue;
    seen.add(login.toLowerCase());
    // The member's display name is the link text that is not their login.
    const display = Array.from(item.querySelectorAll(`a[href="/${login}"], a[href="https://github.com/${login}"], .f4, .css-truncate-target`))
      .map(textOf)
      .find((t) => t && t.toLowerCase() !== login.toLowerCase() && !t.startsWith('@'));
    const b = new ProspectBuilder(url.href).set('name', cleanPersonName(display ?? ''), 'site').set('company', company, 'site');
    b.addUrl(profile.url, 'site');
    out.push(b.build());
  }
  return out;
}

/** GitHub: user profiles and organization member lists. */
export const githubAdapter: SiteAdapter = {
  id: 'github',
  matches: (url) => kindOf(url) !== null,
  testUrls: ['https://github.com/okezie-nwosu', 'https://github.com/okezie-nwosu?tab=repositories', 'https://github.com/orgs/lumenforge/people', 'https://www.github.com/ingridbakke/'],
  extract(doc, url) {
    const k = kindOf(url);
    if (!k) return null;
    return k.kind === 'user' ? readUser(doc, url, k.login) : readOrgPeople(doc, url, k.org);
  },
};
