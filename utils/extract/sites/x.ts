// X (Twitter) adapter: a profile's name and handle from its title ("Name (@handle) / X"), title and company from the bio.
import { classifyProfileUrl } from '../../leads/normalize';
import type { Prospect } from '../../leads/schema';
import { ProspectBuilder } from '../prospect-builder';
import { firstText, metaContent, textOf } from './dom';
import { cleanPersonName, companyFromHandle, jobFromBio, plausibleName } from './headline';
import type { SiteAdapter } from './types';

/*
 * Anchors: the URL (/<handle>), the document and og:title ("Name (@handle) /
 * X", older "… on Twitter"), og:description (the bio, present even in the
 * logged-out shell where nothing else is rendered), then the rendered
 * profile's data-testid attributes (UserName, UserDescription, UserLocation,
 * UserUrl), which X keeps for its own tests. Timeline posts and "Who to
 * follow" are never read: their people are not this profile.
 */

const RESERVED = new Set(
  'home explore search notifications messages settings i intent share hashtag login signup tos privacy about compose jobs lists communities premium download logout account'.split(' '),
);
const HANDLE = /^[A-Za-z0-9_]{1,15}$/;
const TITLE = /^(.+?)\s*\(@([A-Za-z0-9_]{1,15})\)\s*(?:\/\s*(?:X|Twitter)|on\s+(?:X|Twitter))/;

function handleOf(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/^(?:www|mobile)\./, '');
  if (host !== 'x.com' && host !== 'twitter.com') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const handle = parts[0] ?? '';
  if (!HANDLE.test(handle) || RESERVED.has(handle.toLowerCase())) return null;
  // /<handle>, its tabs and media views are the profile; /<handle>/status/… is one post.
  if (parts[1] && !/^(?:with_replies|media|likes|highlights|articles|photo|header_photo|verified_followers|followers|following)$/.test(parts[1])) return null;
  return handle;
}

function readProfile(doc: Document, url: URL, handle: string): Prospect[] | null {
  const header = doc.querySelector('[data-testid="UserName"]');
  const fromTitle = [metaContent(doc, 'og:title'), textOf(doc.querySelector('title'))].map((t) => TITLE.exec(t)).find((m) => m && m[2]!.toLowerCase() === handle.toLowerCase());
  // The rendered header holds the name, then "@handle"; the verified badge is an svg, not text.
  const rendered = header ? Array.from(header.querySelectorAll('span')).map(textOf).find((t) => t && !t.startsWith('@')) : '';
  const shown = cleanPersonName(fromTitle?.[1] ?? rendered ?? '');
  if (!fromTitle && !header) return null;
  const b = new ProspectBuilder(url.href).set('name', plausibleName(shown) ? shown : '', 'site');
  const profile = classifyProfileUrl(`https://x.com/${fromTitle?.[2] ?? handle}`);
  if (profile) b.addUrl(profile.url, 'site');

  const bio = firstText(doc, ['[data-testid="UserDescription"]']) || metaContent(doc, 'og:description') || metaContent(doc, 'description');
  const job = jobFromBio(bio);
  b.set('title', job.title, 'site').set('company', job.company.startsWith('@') ? companyFromHandle(job.company) : job.company, 'site');
  b.set('location', firstText(doc, ['[data-testid="UserLocation"]']), 'site');
  // UserUrl links through t.co; its text is the real address.
  const site = doc.querySelector('[data-testid="UserUrl"]');
  if (site) b.addUrl(textOf(site) || site.getAttribute('href') || '', 'site', true);
  return [b.build()];
}

/** X (Twitter): profiles. */
export const xAdapter: SiteAdapter = {
  id: 'x',
  matches: (url) => handleOf(url) !== null,
  testUrls: ['https://x.com/leilani_builds', 'https://twitter.com/aholmgren_cfo', 'https://mobile.twitter.com/aholmgren_cfo/with_replies', 'https://x.com/leilani_builds/media'],
  extract(doc, url) {
    const handle = handleOf(url);
    return handle ? readProfile(doc, url, handle) : null;
  },
};
