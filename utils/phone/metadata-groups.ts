// Splits libphonenumber's metadata into one group per country calling code, and puts groups back together.
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/** The part of libphonenumber's metadata one country calling code needs: its countries (all of them, in order) and its non-geographic plan. */
export interface MetadataGroup {
  /** The calling code, digits only (`44`). */
  callingCode: string;
  /** The countries that share it, the main one first, as the full metadata lists them. */
  countryCodes: CountryCode[];
  /** Each country's numbering plan, as stored in the metadata. */
  countries: Partial<Record<CountryCode, unknown>>;
  /** The plan of a non-geographic calling code (800, 808, 870…), if it is one. */
  nonGeographic?: unknown;
}

/**
 * One group per calling code of `metadata` (country codes and non-geographic
 * codes alike), keyed by the calling code. Assembling every group gives the
 * metadata back (see {@link assembleMetadata}).
 */
export function splitMetadata(metadata: MetadataJson): Record<string, MetadataGroup> {
  const groups: Record<string, MetadataGroup> = {};
  const countries = metadata.countries as Record<string, unknown>;
  for (const [callingCode, codes] of Object.entries(metadata.country_calling_codes as Record<string, CountryCode[]>)) {
    groups[callingCode] = { callingCode, countryCodes: [...codes], countries: Object.fromEntries(codes.map((c) => [c, countries[c]])) };
  }
  for (const [callingCode, plan] of Object.entries(metadata.nonGeographic ?? {})) {
    const group = (groups[callingCode] ??= { callingCode, countryCodes: [], countries: {} });
    group.nonGeographic = plan;
  }
  return groups;
}

/** An empty metadata object of `version`, for {@link addGroup} to fill. */
export function emptyMetadata(version: number): MetadataJson {
  return { version, country_calling_codes: {}, countries: {}, nonGeographic: {} } as MetadataJson;
}

/**
 * Adds a group to a metadata object in place. In place on purpose: the lazy
 * popup build hands one metadata object to libphonenumber and widens it as
 * groups arrive.
 */
export function addGroup(metadata: MetadataJson, group: MetadataGroup): void {
  const callingCodes = metadata.country_calling_codes as Record<string, CountryCode[]>;
  const countries = metadata.countries as Record<string, unknown>;
  if (group.countryCodes.length) callingCodes[group.callingCode] = [...group.countryCodes];
  for (const c of group.countryCodes) countries[c] = group.countries[c];
  if (group.nonGeographic !== undefined) (metadata.nonGeographic as Record<string, unknown>)[group.callingCode] = group.nonGeographic;
}

/** Metadata made of `groups` only (what libphonenumber sees in the popup once those groups are loaded). */
export function assembleMetadata(version: number, groups: Iterable<MetadataGroup>): MetadataJson {
  const metadata = emptyMetadata(version);
  for (const g of groups) addGroup(metadata, g);
  return metadata;
}

/** What the popup knows without loading any group: every country with its calling code, and the non-geographic codes. */
export interface MetadataIndex {
  version: number;
  /** Country → calling code, for every country of the metadata. */
  countries: Record<string, string>;
  /** Calling codes of non-geographic numbering plans (800, 808…). */
  nonGeographic: string[];
}

/** The index of `metadata` (see {@link MetadataIndex}). */
export function metadataIndex(metadata: MetadataJson): MetadataIndex {
  const codeOf = new Map<string, string>();
  for (const [callingCode, codes] of Object.entries(metadata.country_calling_codes as Record<string, string[]>)) {
    for (const c of codes) codeOf.set(c, callingCode);
  }
  // In the metadata's order, which is the order libphonenumber's getCountries() lists them in.
  const countries: Record<string, string> = {};
  for (const c of Object.keys(metadata.countries)) if (codeOf.has(c)) countries[c] = codeOf.get(c)!;
  return { version: metadata.version, countries, nonGeographic: Object.keys(metadata.nonGeographic ?? {}) };
}
