// Browser side of a capture: snapshots the clicked tab, then extracts and validates prospects in the popup.
import { ExtractionResultSchema, type ExtractionResult } from '../leads/schema';
import { countryOf, getSettings } from '../settings';
import { injectSnapshot, type CaptureOptions, type Injection } from './capture-start';
import { CAPTURE_MEASURE, documentFromSnapshot } from './page-snapshot';
import { PageSnapshotSchema } from './page-snapshot-schema';
import { loadPhoneMetadataFor } from '../phone/load';
import { extractProspects } from './page';
import { loadPagePhoneMetadata } from './page-phones';

export { describeCaptureError, resolveTargetTabId, type CaptureOptions } from './capture-start';

/** Options of {@link captureTab}: an injection's options, or an injection the caller already started. */
export interface CaptureTabOptions extends CaptureOptions {
  /** The snapshot injection, started early (the popup starts it before its UI has loaded); else one is started here. */
  injection?: Promise<Injection>;
  /** The stored settings' read (utils/settings-stored.ts), started early as the injection is; else one is started here. */
  storedSettings?: Promise<unknown>;
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
export async function captureTab(tabId: number, options: CaptureTabOptions = {}): Promise<ExtractionResult> {
  const injection = options.injection ?? injectSnapshot(tabId, options);
  const settings = getSettings(options.storedSettings);
  let started: number | undefined;
  try {
    const injected = await injection;
    started = injected.started;
    return await readSnapshot(injected, settings);
  } finally {
    performance.measure(CAPTURE_MEASURE, { start: started });
  }
}

async function readSnapshot(injected: Injection, settings: ReturnType<typeof getSettings>): Promise<ExtractionResult> {
  const phase = (name: string, start: number) => performance.measure(`${CAPTURE_MEASURE}:${name}`, { start });
  let start = injected.started;
  if (!injected.ok) return { ok: false, url: injected.url, error: injected.error };
  performance.measure(`${CAPTURE_MEASURE}:snapshot`, { start, end: injected.answered });
  const snapshot = PageSnapshotSchema.safeParse(injected.raw);
  if (!snapshot.success) {
    return { ok: false, url: '', error: 'The page returned data Prospect Scout could not understand, so nothing was captured.' };
  }
  performance.measure(`${CAPTURE_MEASURE}:in-page`, { start, duration: snapshot.data.millis });
  const { url, warnings } = snapshot.data;
  const defaultCountry = countryOf(await settings);
  let result: unknown;
  try {
    start = performance.now();
    // The popup reads phones with metadata loaded per calling code (utils/phone): the codes written on the page load while it is parsed.
    const phones = loadPhoneMetadataFor([snapshot.data.html]);
    phones.catch(() => {}); // awaited below; a parse error must not leave it unhandled
    const doc = documentFromSnapshot(snapshot.data);
    phase('parse', start);
    start = performance.now();
    const country = await loadPagePhoneMetadata(doc, snapshot.data.html, url, defaultCountry, phones);
    phase('phone-metadata', start);
    start = performance.now();
    const extraction = extractProspects(doc, url, { defaultCountry, country });
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
