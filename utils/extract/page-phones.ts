// Before a page is extracted in the popup: loads the phone metadata its numbers need and tells the page's country.
import type { CountryCode } from 'libphonenumber-js';
import { loadCountryPhoneMetadata, loadPhoneMetadataFor } from '../phone/load';
import { guessCountry } from './page';

/**
 * Loads the phone metadata extracting `doc` (parsed from `html`) will use,
 * and returns the page's country as {@link guessCountry} tells it (pass it
 * to extractProspects as `country`). The codes written in the page load
 * first (`written`: started by the caller while it parsed `html`, else
 * here), as they may decide the country; then the country's own and those
 * after its international prefix. Where the full metadata is bundled the
 * loads resolve at once.
 */
export async function loadPagePhoneMetadata(
  doc: Document,
  html: string,
  url: string,
  defaultCountry?: CountryCode,
  written: Promise<void> = loadPhoneMetadataFor([html]),
): Promise<CountryCode> {
  await written;
  const country = guessCountry(doc, url, defaultCountry);
  await loadCountryPhoneMetadata([html], [country]);
  return country;
}
