// Hosts: the registrable domain of a host, and the platforms whose address says nothing about the people on their pages.

// Second-level labels under which companies register in a country (acme.co.uk, acme.com.au, acme.or.jp, acme.gv.at),
// so `co.uk` is never taken for a company's domain.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'ac', 'gov', 'edu', 'ne', 'or', 'go', 'gv', 'gob', 'mil', 'ltd', 'plc', 'nhs', 'sch']);

/**
 * The domain a host is registered under, lower case, without subdomains:
 * `www.ateliermorvan.com` → `ateliermorvan.com`, `team.acme.com` →
 * `acme.com`, `www.fenwickhale.co.uk` → `fenwickhale.co.uk`. An IP address
 * or a one-label host is returned as is.
 */
export function registrableDomain(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (/^[\d.]+$|^\[|:/.test(h)) return h;
  const labels = h.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tail = /^[a-z]{2}$/.test(labels.at(-1)!) && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-tail).join('.');
}

/** The name part of a host's registrable domain: "ateliermorvan" for www.ateliermorvan.com, "fenwickhale" for fenwickhale.co.uk. */
export function domainLabel(host: string): string {
  return registrableDomain(host).split('.')[0] ?? '';
}

// Sites whose pages describe people of other organizations (social networks, code hosts, people-search and event
// platforms, search engines): the site's name is nobody's employer and its domain nobody's email domain.
const PLATFORM_DOMAINS = new Set(
  `linkedin.com github.com gitlab.com x.com twitter.com crunchbase.com medium.com substack.com facebook.com instagram.com
youtube.com wikipedia.org xing.com wellfound.com angel.co about.me dev.to sessionize.com meetup.com lu.ma zoominfo.com
apollo.io rocketreach.co signalhire.com contactout.com peopledatalabs.com bing.com duckduckgo.com mastodon.social bsky.app
threads.net reddit.com quora.com researchgate.net orcid.org stackoverflow.com`.split(/\s+/),
);
// Platforms with one domain per country (google.de, eventbrite.co.uk, linkedin.cn).
const PLATFORM_FAMILIES = new Set(['google', 'eventbrite', 'linkedin']);

/**
 * Whether a host belongs to a platform (LinkedIn, GitHub, X, Crunchbase,
 * Sessionize, Google …, and their subdomains). Only the platform's own
 * registered domain counts: `about.acme.com` or `dev.acme.com` is Acme's.
 */
export function isPlatformHost(host: string): boolean {
  const domain = registrableDomain(host);
  return PLATFORM_DOMAINS.has(domain) || PLATFORM_FAMILIES.has(domainLabel(domain));
}
