import { extractProspects } from '@/utils/extract/page';
import type { ExtractionResult } from '@/utils/leads/schema';
import { countryOf, getSettings } from '@/utils/settings';

// Injected on demand by the popup (activeTab); never registered in the
// manifest, so the extension has no standing access to any site. It only
// reads the page and returns plain data: storage is the popup's job.
export default defineContentScript({
  registration: 'runtime',
  async main(): Promise<ExtractionResult> {
    const url = location.href;
    try {
      const settings = await getSettings();
      const { prospects, warnings } = extractProspects(document, url, { defaultCountry: countryOf(settings) });
      return { ok: true, url, prospects, warnings };
    } catch (e) {
      return { ok: false, url, error: `Extraction failed on this page: ${(e as Error).message}` };
    }
  },
});
