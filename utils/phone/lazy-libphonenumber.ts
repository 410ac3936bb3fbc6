// The popup's `libphonenumber-js`: the same functions, on metadata fetched per calling code (phone-metadata/<code>.json) as the page needs it.
import {
  Metadata,
  findPhoneNumbersInText as coreFind,
  parsePhoneNumberFromString as coreParse,
  type CountryCode,
  type MetadataJson,
} from 'libphonenumber-js/core';
import type * as Full from 'libphonenumber-js';
import { browser } from 'wxt/browser';
import { addGroup, emptyMetadata, type MetadataGroup } from './metadata-groups';
import { PHONE_METADATA_INDEX } from './metadata-index';
import { COMMON_IDD_PREFIXES, callingCodesIn } from './needed-codes';

export type { CountryCode } from 'libphonenumber-js/core';

/** Where the build puts one group (see scripts/phone-metadata.ts). */
export const GROUP_DIR = 'phone-metadata';
/** Every calling code there is a group for. */
export const KNOWN_CODES: ReadonlySet<string> = new Set([...Object.values(PHONE_METADATA_INDEX.countries), ...PHONE_METADATA_INDEX.nonGeographic]);
// In the order of the full metadata, as libphonenumber lists them.
const COUNTRY_LIST = Object.keys(PHONE_METADATA_INDEX.countries) as CountryCode[];

// A cache of immutable data for the page's life: the metadata assembled from the groups loaded so far (libphonenumber
// reads this one object, which only ever gains groups), each group's load (so a group is fetched once), and the codes
// a call needed before its group was loaded.
const metadata: MetadataJson = emptyMetadata(PHONE_METADATA_INDEX.version);
const loads = new Map<string, Promise<void>>();
const missed = new Set<string>();

async function fetchGroup(code: string): Promise<MetadataGroup> {
  const url = (browser.runtime.getURL as (path: string) => string)(`/${GROUP_DIR}/${code}.json`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`phone metadata for +${code} could not be loaded (${res.status})`);
  const group = (await res.json()) as MetadataGroup;
  if (group?.callingCode !== code || !Array.isArray(group.countryCodes)) throw new Error(`phone metadata for +${code} is malformed`);
  return group;
}

/** Loads the metadata of these calling codes (unknown codes are ignored), in parallel, each once per page. */
export async function loadPhoneMetadata(callingCodes: Iterable<string>): Promise<void> {
  const pending: Array<Promise<void>> = [];
  for (const code of new Set(callingCodes)) {
    if (!KNOWN_CODES.has(code)) continue;
    let load = loads.get(code);
    if (!load) {
      load = fetchGroup(code).then((g) => addGroup(metadata, g));
      // A failed load is tried again by the next caller.
      load.catch(() => loads.delete(code));
      loads.set(code, load);
    }
    pending.push(load);
  }
  await Promise.all(pending);
}

/**
 * Loads what libphonenumber needs to read every number written in `texts`
 * as it would with the full metadata, given `countries` as default
 * countries: the groups of the codes written after a `+` or a common
 * international prefix, and what {@link loadCountryPhoneMetadata} loads.
 */
export async function loadPhoneMetadataFor(texts: Iterable<string>, countries: readonly CountryCode[] = []): Promise<void> {
  const all = [...texts];
  const own = countries.map((c) => PHONE_METADATA_INDEX.countries[c]).filter((c): c is string => !!c);
  await loadPhoneMetadata([...own, ...callingCodesIn(all, { iddPrefixes: COMMON_IDD_PREFIXES, known: KNOWN_CODES })]);
  if (countries.length) await loadCountryPhoneMetadata(all, countries);
}

/**
 * The part of {@link loadPhoneMetadataFor} that depends on the default
 * countries, for texts whose written codes are loaded already: the
 * countries' own groups, then (once a country's group tells its
 * international prefix, when it is not a common one) the codes written
 * after that prefix.
 */
export async function loadCountryPhoneMetadata(texts: Iterable<string>, countries: readonly CountryCode[]): Promise<void> {
  await loadPhoneMetadata(countries.map((c) => PHONE_METADATA_INDEX.countries[c]).filter((c): c is string => !!c));
  const idd = countries.map(iddPrefixOf).filter((p): p is string => !!p && !COMMON_IDD_PREFIXES.includes(p));
  if (idd.length) await loadPhoneMetadata(callingCodesIn(texts, { iddPrefixes: idd, known: KNOWN_CODES }));
}

/** A loaded country's international call prefix pattern (`00`, `011`, `0(?:0|1[3-9]\d)`). */
function iddPrefixOf(country: CountryCode): string | undefined {
  if (!(country in metadata.countries)) return undefined;
  const meta = new Metadata(metadata);
  meta.selectNumberingPlan(country);
  return meta.numberingPlan?.IDDPrefix();
}

/** Whether a calling code's group is in the metadata. */
function isLoaded(code: string): boolean {
  return code in metadata.country_calling_codes || code in metadata.nonGeographic;
}

/** Calling codes a call needed before their group was loaded (each is also reported on the console): empty when every load came first. */
export function missedPhoneMetadata(): string[] {
  return [...missed];
}

/** Notes (loudly) a calling code a call needs that is not loaded: that call reads fewer numbers than the full metadata would. */
function need(code: string | undefined): void {
  if (!code || !KNOWN_CODES.has(code) || isLoaded(code) || missed.has(code)) return;
  missed.add(code);
  console.error(`Prospect Scout: phone metadata for +${code} used before it was loaded: its numbers are not read`);
}

function checkLoaded(text: string, country: unknown): void {
  const c = typeof country === 'string' ? country : (country as { defaultCountry?: string } | undefined)?.defaultCountry;
  if (c) need(PHONE_METADATA_INDEX.countries[c]);
  if (text.includes('+')) for (const code of callingCodesIn([text], { known: KNOWN_CODES })) need(code);
}

/** libphonenumber-js's `parsePhoneNumberFromString`, on the groups loaded so far. */
export const parsePhoneNumberFromString: typeof Full.parsePhoneNumberFromString = (...args: unknown[]) => {
  checkLoaded(args[0] as string, args[1]);
  return (coreParse as (...a: unknown[]) => ReturnType<typeof Full.parsePhoneNumberFromString>)(...args, metadata);
};

/** libphonenumber-js's `findPhoneNumbersInText`, on the groups loaded so far. */
export const findPhoneNumbersInText: typeof Full.findPhoneNumbersInText = (...args: unknown[]) => {
  checkLoaded(args[0] as string, args[1]);
  return (coreFind as (...a: unknown[]) => ReturnType<typeof Full.findPhoneNumbersInText>)(...args, metadata);
};

/** libphonenumber-js's `getCountries`: every country, without loading any group. */
export const getCountries: typeof Full.getCountries = () => [...COUNTRY_LIST];
