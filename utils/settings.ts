// User settings (default phone country, CSV separator, preset and columns, vCard version) in extension storage.
import { getCountries, type CountryCode } from 'libphonenumber-js';
import { browser } from 'wxt/browser';
import { z } from './zod-mini';
import { CSV_PRESET_IDS, VCARD_VERSIONS } from './export/preset-ids';
import { readStoredSettings, SETTINGS_KEY } from './settings-stored';

const COUNTRIES = new Set<string>(getCountries());

/** User settings, kept in `browser.storage.local` (the content script may read it; it never reads IndexedDB). */
export const SettingsSchema = z.object({
  /** Country for national phone numbers; '' means guess from the page. */
  defaultCountry: z._default(z.string(), '').check(z.refine((c) => c === '' || COUNTRIES.has(c), 'unknown country code')),
  /** CSV field separator: ',' or ';' (what Excel expects in German, French and other locales). */
  csvDelimiter: z._default(z.enum([',', ';']), ','),
  /** CSV layout of the export panel: all fields, a CRM/address-book preset, or `custom`. */
  csvPreset: z._default(z.catch(z.enum(CSV_PRESET_IDS), 'default'), 'default'),
  /** The custom preset's columns (headers of the full export), in order; null until the user picks (then all). */
  csvColumns: z._default(z.catch(z.nullable(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100))), null), null),
  /** vCard version of the export. */
  vcardVersion: z._default(z.catch(z.enum(VCARD_VERSIONS), '3.0'), '3.0'),
});
export type Settings = z.infer<typeof SettingsSchema>;

const DEFAULT_SETTINGS: Settings = { defaultCountry: '', csvDelimiter: ',', csvPreset: 'default', csvColumns: null, vcardVersion: '3.0' };

// Stored as `settings` in storage.local, read directly (settings-stored.ts): WXT's storage wrapper would add ~3 KiB gzip to the popup for two calls.

/**
 * Reads settings; a corrupt stored value falls back to the defaults instead
 * of breaking capture. `stored` is a read already under way (the popup's
 * entry starts one before this code has loaded), else one is started.
 */
export async function getSettings(stored: Promise<unknown> = readStoredSettings()): Promise<Settings> {
  const parsed = SettingsSchema.safeParse((await stored) ?? DEFAULT_SETTINGS);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * Validates and stores settings. Takes only the settings to change, applied
 * to what is stored now, so two panels saving different settings do not
 * undo each other.
 */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const valid = SettingsSchema.parse({ ...(await getSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: valid });
  return valid;
}

/** The default country as a libphonenumber code, or undefined to guess from the page. */
export function countryOf(settings: Settings): CountryCode | undefined {
  return settings.defaultCountry ? (settings.defaultCountry as CountryCode) : undefined;
}

/** Every country code libphonenumber knows, sorted, for the settings picker. */
export function countryCodes(): string[] {
  return [...COUNTRIES].sort();
}
