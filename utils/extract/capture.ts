// Browser side of a capture: injects the extractor into the clicked tab and validates its answer.
import { browser } from 'wxt/browser';
import { ExtractionResultSchema, type ExtractionResult } from '../leads/schema';

/** Path of the built extraction content script (see entrypoints/extractor.content.ts). */
export const EXTRACTOR_SCRIPT = '/content-scripts/extractor.js';

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

/**
 * Injects the extractor into the tab (allowed by activeTab after the
 * toolbar click) and validates what it sends back: a page can tamper with
 * the DOM the script reads, so its output is untrusted input.
 */
export async function captureTab(tabId: number): Promise<ExtractionResult> {
  let raw: unknown;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACTOR_SCRIPT] });
    raw = frame?.result;
  } catch (e) {
    return { ok: false, url: '', error: describeCaptureError((e as Error).message ?? String(e)) };
  }
  const parsed = ExtractionResultSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, url: '', error: 'The page returned data Prospect Scout could not understand, so nothing was captured.' };
  }
  return parsed.data;
}
