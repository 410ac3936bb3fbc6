// The country a page's address names through its country-code TLD, for reading national phone numbers.
import { getCountries, type CountryCode } from 'libphonenumber-js';

const COUNTRIES = new Set<string>(getCountries());
const TLD_COUNTRY: Record<string, string> = { uk: 'GB' };
// Country-code TLDs used as generic names (.io, .co, .ai…): they say nothing about where a phone is.
const GENERIC_TLDS = new Set(['io', 'co', 'ai', 'me', 'tv', 'ly', 'fm', 'gg', 'to', 'cc', 'ws', 'sh', 'is', 'so', 'vc', 'la', 'im', 'eu']);

/** The country of an address's country-code TLD (`.de` → DE, `.co.uk` → GB), or undefined for generic TLDs and non-URLs. */
export function countryOfUrl(url: string): CountryCode | undefined {
  try {
    const tld = new URL(url).hostname.split('.').pop()?.toLowerCase() ?? '';
    const cc = TLD_COUNTRY[tld] ?? tld.toUpperCase();
    if (tld.length === 2 && !GENERIC_TLDS.has(tld) && COUNTRIES.has(cc)) return cc as CountryCode;
  } catch {
    // not a URL
  }
  return undefined;
}
