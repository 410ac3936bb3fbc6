// The first half of a capture, kept light so the popup can start it before the UI's code has loaded: find the tab, inject the snapshot.
import { browser } from 'wxt/browser';
import { INJECTION_TIMEOUT_MS, SNAPSHOT_LIMITS, snapshotPage, type SnapshotLimits } from './page-snapshot';

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

/** Options of an injection; the defaults are what the popup uses. */
export interface CaptureOptions {
  timeoutMs?: number;
  limits?: SnapshotLimits;
}

/**
 * What the injected snapshot function returned (`raw`, untrusted: parsed
 * by the caller), or the error to show. `started` and `answered` are the
 * `performance.now()` of the injection and of its answer, for the capture's
 * timing marks.
 */
export type Injection = { ok: true; raw: unknown; started: number; answered: number } | { ok: false; url: string; error: string; started: number };

class Timeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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

/**
 * Injects the snapshot function into the tab (allowed by activeTab after
 * the toolbar click) and waits at most `timeoutMs` for its answer: a page
 * whose own scripts never let it run gets a clear error instead of an
 * endless wait. Never rejects.
 */
export async function injectSnapshot(tabId: number, options: CaptureOptions = {}): Promise<Injection> {
  const { timeoutMs = INJECTION_TIMEOUT_MS, limits = SNAPSHOT_LIMITS } = options;
  const started = performance.now();
  try {
    const injection = browser.scripting.executeScript({ target: { tabId }, func: snapshotPage, args: [limits] });
    const [frame] = await withTimeout(injection, timeoutMs);
    return { ok: true, raw: frame?.result, started, answered: performance.now() };
  } catch (e) {
    if (e instanceof Timeout) {
      return {
        ok: false,
        // The page's address still goes on a lead typed in by hand.
        url: await tabUrl(tabId),
        error: `This page did not answer within ${timeoutMs / 1000} seconds: its own scripts are keeping it busy, so Prospect Scout could not read it. Enter the prospect by hand, or click the icon again once the page responds.`,
        started,
      };
    }
    return { ok: false, url: '', error: describeCaptureError((e as Error).message ?? String(e)), started };
  }
}
