// The settings' stored value, read apart from their schema: the popup's entry starts this read before the schema's code has loaded.
import { browser } from 'wxt/browser';

/** The `browser.storage.local` key the settings live under. */
export const SETTINGS_KEY = 'settings';

/** The stored settings as they are, unvalidated (utils/settings.ts parses them), or undefined when none were saved. */
export async function readStoredSettings(): Promise<unknown> {
  return (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
}
