// The toolbar button's per-tab badge and tooltip: prospects found by the last capture, the result of a selection save.
import { browser } from 'wxt/browser';

/** The part of the toolbar-button API the badge needs (`action` in MV3, `browserAction` in Firefox MV2). */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle(details: { tabId?: number; title: string }): Promise<void>;
  getBadgeText(details: { tabId?: number }): Promise<string>;
  openPopup?(options?: { windowId?: number }): Promise<void>;
}

/** The toolbar-button API of this browser: `action` (Chromium MV3) or `browserAction` (Firefox MV2). */
export function actionApi(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  const api = b.action ?? b.browserAction;
  if (!api) throw new Error('this browser has no toolbar button API');
  return api;
}

/** The extension's name, the tooltip a tab goes back to. */
export const DEFAULT_TITLE = 'Prospect Scout';

const COLORS = { count: '#1d4ed8', saved: '#15803d', error: '#b91c1c' } as const;

/** Badge text for a number of prospects: '' for none (no badge), '99+' past two digits. */
export function countBadgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

/** Shows on the tab's toolbar button how many prospects the capture found there. */
export async function showCaptureCount(tabId: number, count: number, api: ActionApi = actionApi()): Promise<void> {
  await api.setBadgeBackgroundColor({ tabId, color: COLORS.count });
  await api.setBadgeText({ tabId, text: countBadgeText(count) });
  await api.setTitle({ tabId, title: `${DEFAULT_TITLE}: ${count} prospect${count === 1 ? '' : 's'} found on this page` });
}

/** Shows what "Save selection as a lead" did: `+1` and the name, or `!` and the reason nothing was saved. */
export async function showSaveResult(tabId: number, result: { ok: true; message: string } | { ok: false; message: string }, api: ActionApi = actionApi()): Promise<void> {
  await api.setBadgeBackgroundColor({ tabId, color: result.ok ? COLORS.saved : COLORS.error });
  await api.setBadgeText({ tabId, text: result.ok ? '+1' : '!' });
  await api.setTitle({ tabId, title: `${DEFAULT_TITLE}: ${result.message}` });
}

/** Takes the tab's badge and tooltip back to the defaults (the tab navigated: what they said was about the old page). */
export async function clearTabBadge(tabId: number, api: ActionApi = actionApi()): Promise<void> {
  await api.setBadgeText({ tabId, text: '' });
  await api.setTitle({ tabId, title: DEFAULT_TITLE });
}
