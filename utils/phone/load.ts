// Loading phone metadata before libphonenumber reads numbers: nothing to do where the full metadata is bundled (the popup build swaps in lazy-libphonenumber.ts).
import type { CountryCode } from 'libphonenumber-js';

/**
 * Makes sure libphonenumber holds the metadata of these calling codes. Every
 * build but the popup's bundles all of it, so this resolves at once; in the
 * popup, `utils/phone/lazy-libphonenumber.ts` replaces this module (see
 * scripts/phone-metadata.ts) and loads what is missing.
 */
export async function loadPhoneMetadata(_callingCodes: Iterable<string>): Promise<void> {}

/**
 * Makes sure libphonenumber can read every number written in `texts` as it
 * would with the full metadata, `countries` being the default countries it
 * will be given. Resolves at once here (the full metadata is bundled).
 */
export async function loadPhoneMetadataFor(_texts: Iterable<string>, _countries: readonly CountryCode[] = []): Promise<void> {}

/**
 * The part of {@link loadPhoneMetadataFor} that depends on the default
 * countries, for texts whose written codes are loaded already. Resolves at
 * once here (the full metadata is bundled).
 */
export async function loadCountryPhoneMetadata(_texts: Iterable<string>, _countries: readonly CountryCode[]): Promise<void> {}
