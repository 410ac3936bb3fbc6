// Browser side of a capture: snapshots the clicked tab, then extracts and validates prospects in the popup.
import { browser } from 'wxt/browser';
import { ExtractionResultSchema, type ExtractionResult } from '../leads/schema';
import { countryOf, getSettings } from '../settings';
import {
  CAPTURE_MEASURE,
  documentFromSnapshot,
  INJECTION_TIMEOUT_MS,
  PageSnapshotSchema,
  SNAPSHOT_LIMITS,
  snapshotPage,
  type SnapshotLimits,
} from './page-snapshot';
import { extractProspects } from './page';

/**
 * The tab to read. The popup normally reads the active tab; `?tabId=N` lets
 * the popup be opened as a page of its own (tests, pinned windows) and still
 * read another tab.
 */
export async function resolveTargetTabId(search: string): Promise<number> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab to read.');
  return tab.id;
}

/** Turns a browser error from `executeScript` into a sentence a user can act on. */
export function describeCaptureError(message: string): string {
  if (/cannot access|cannot be scripted|extensions gallery|chrome:\/\/|missing host permission|permission/i.test(message)) {
    return "Prospect Scout can't read this page. Browsers keep extensions off their own pages (settings, the web store, PDF viewer); on a normal page, click the toolbar icon again to allow it.";
  }
  if (/no tab with id|no active tab/i.test(message)) return 'That tab is gone. Open the page again and click the toolbar icon.';
  if (/frame.*(removed|detached)|navigat/i.test(message)) return 'The page changed while it was being read. Try again once it has loaded.';
  return `Reading the page failed: ${message}`;
}

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Options of {@link captureTab}; the defaults are what the popup uses. */
export interface CaptureOptions {
  timeoutMs?: number;
  limits?: SnapshotLimits;
}

/**
 * Reads the clicked tab (allowed by activeTab after the toolbar click): a
 * small self-contained function takes a bounded snapshot of what the page
 * shows, and everything else (parsing, extraction, phone normalisation,
 * validation) runs here in the popup, on a Document parsed from it. The
 * snapshot comes from a page that may be hostile, so it is parsed with zod,
 * and so is the result. A page whose own scripts never let the injected
 * function run gets a clear error after `timeoutMs`, so the user can type
 * the prospect in instead of waiting forever.
 */
export async function captureTab(tabId: number, options: CaptureOptions = {}): Promise<ExtractionResult> {
  const started = performance.now();
  try {
    return await readTab(tabId, options);
  } finally {
    performance.measure(CAPTURE_MEASURE, { start: started });
  }
}

/** The tab's address (readable under activeTab after the click), or '' when the browser will not say. */
async function tabUrl(tabId: number): Promise<string> {
  try {
    const url = (await browser.tabs.get(tabId)).url ?? '';
    return /^https?:/i.test(url) ? url : '';
  } catch {
    return '';
  }
}

async function readTab(tabId: number, options: CaptureOptions): Promise<ExtractionResult> {
  const { timeoutMs = INJECTION_TIMEOUT_MS, limits = SNAPSHOT_LIMITS } = options;
  const settings = getSettings();
  const phase = (name: string, start: number) => performance.measure(`${CAPTURE_MEASURE}:${name}`, { start });
  let start = performance.now();
  let raw: unknown;
  try {
    const injection = browser.scripting.executeScript({ target: { tabId }, func: snapshotPage, args: [limits] });
    const [frame] = await withTimeout(injection, timeoutMs);
    raw = frame?.result;
  } catch (e) {
    if (e instanceof Timeout) {
      return {
        ok: false,
        // The page's address still goes on a lead typed in by hand.
        url: await tabUrl(tabId),
        error: `This page did not answer within ${timeoutMs / 1000} seconds: its own scripts are keeping it busy, so Prospect Scout could not read it. Enter the prospect by hand, or click the icon again once the page responds.`,
      };
    }
    return { ok: false, url: '', error: describeCaptureError((e as Error).message ?? String(e)) };
  }
  phase('snapshot', start);
  const snapshot = PageSnapshotSchema.safeParse(raw);
  if (!snapshot.success) {
    return { ok: false, url: '', error: 'The page returned data Prospect Scout could not understand, so nothing was captured.' };
  }
  performance.measure(`${CAPTURE_MEASURE}:in-page`, { start, duration: snapshot.data.millis });
  const { url, warnings } = snapshot.data;
  const defaultCountry = countryOf(await settings);
  let result: unknown;
  try {
    start = performance.now();
    const doc = documentFromSnapshot(snapshot.data);
    phase('parse', start);
    start = performance.now();
    const extraction = extractProspects(doc, url, { defaultCountry });
    phase('extract', start);
    result = { ok: true, url, prospects: extraction.prospects, organizations: extraction.organizations, warnings: [...warnings, ...extraction.warnings] };
  } catch (e) {
    return { ok: false, url, error: `Extraction failed on this page: ${(e as Error).message}` };
  }
  start = performance.now();
  const parsed = ExtractionResultSchema.safeParse(result);
  phase('validate', start);
  if (!parsed.success) {
    return { ok: false, url, error: 'Prospect Scout read something on this page it could not use, so nothing was captured.' };
  }
  return parsed.data;
}
