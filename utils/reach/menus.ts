// The context-menu entries ("Capture prospects on this page", "Save selection as a lead") and what a click on each does.
import type { CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { parseSelection } from '../extract/selection';
import type { Prospect } from '../leads/schema';

/** Ids of the entries. */
export const MENU = { capture: 'prospect-scout-capture', saveSelection: 'prospect-scout-save-selection' } as const;

/** The entries as `contextMenus.create` takes them; recreated on install and update. */
export const MENU_ITEMS = [
  { id: MENU.capture, title: 'Capture prospects on this page', contexts: ['page'] },
  { id: MENU.saveSelection, title: 'Save selection as a lead', contexts: ['selection'] },
] as const;

/** What the browser passes to a click: parsed, since the selected text is the page's. */
export const MenuClickSchema = z.object({
  menuItemId: z.union([z.string(), z.number()]),
  selectionText: z.string().optional(),
  pageUrl: z.string().optional(),
});
const TabSchema = z.object({ id: z.number().int().optional(), url: z.string().optional(), windowId: z.number().int().optional() }).optional();
/** The tab a click happened in. */
export type MenuTab = z.infer<typeof TabSchema>;

/** What a click did. */
export type MenuOutcome =
  | { kind: 'opened'; how: 'popup' | 'window' }
  | { kind: 'saved'; leadId: string; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ignored' };

/** What the handlers need from the browser and the store (injected, so they run in tests without either). */
export interface MenuDeps {
  /** Opens the popup on the tab, or the popup page in a small window when the browser cannot open it. Called before any await. */
  openCapture(tab: { id: number; windowId?: number }): Promise<'popup' | 'window'>;
  /** The country for national phone numbers on a page (the user's setting, else the page's TLD). */
  countryFor(url: string): Promise<CountryCode | undefined>;
  /** Saves a prospect as a lead (merging with the same person) and says what happened. */
  save(prospect: Prospect): Promise<{ leadId: string; status: 'created' | 'updated'; name: string }>;
  /** Shows a save's result on the tab's toolbar button. */
  showResult(tabId: number, result: { ok: boolean; message: string }): Promise<void>;
}

/**
 * The `contextMenus.onClicked` listener. "Capture" opens the popup for the
 * tab (the click granted activeTab there, so the popup may read it). "Save
 * selection" parses the selected text into a lead and saves it with the
 * page's address as its source; the tab's toolbar button then says what
 * happened (`+1` and the name, or `!` and why nothing was saved).
 */
export function createMenuHandler(deps: MenuDeps) {
  return async (rawInfo: unknown, rawTab?: unknown): Promise<MenuOutcome> => {
    const info = MenuClickSchema.safeParse(rawInfo);
    const tab = TabSchema.safeParse(rawTab);
    if (!info.success || !tab.success) return { kind: 'ignored' };
    const tabId = tab.data?.id;
    if (info.data.menuItemId === MENU.capture) {
      if (tabId === undefined || tabId < 0) return { kind: 'error', message: 'No tab to read.' };
      // Firefox opens a popup only straight from the click's handler: nothing is awaited before this.
      return { kind: 'opened', how: await deps.openCapture({ id: tabId, windowId: tab.data?.windowId }) };
    }
    if (info.data.menuItemId !== MENU.saveSelection) return { kind: 'ignored' };
    const sourceUrl = info.data.pageUrl ?? tab.data?.url ?? '';
    const report = async (outcome: MenuOutcome & { kind: 'saved' | 'error' }) => {
      if (tabId !== undefined && tabId >= 0) await deps.showResult(tabId, { ok: outcome.kind === 'saved', message: outcome.message }).catch(() => {});
      return outcome;
    };
    try {
      const parsed = parseSelection(info.data.selectionText ?? '', sourceUrl, await deps.countryFor(sourceUrl));
      if (!parsed.ok) return await report({ kind: 'error', message: parsed.error });
      const saved = await deps.save(parsed.prospect);
      const who = saved.name || parsed.prospect.emails[0] || parsed.prospect.phones[0] || 'the selection';
      return await report({ kind: 'saved', leadId: saved.leadId, message: saved.status === 'created' ? `Saved ${who} as a lead` : `Updated the saved lead ${who}` });
    } catch (e) {
      return await report({ kind: 'error', message: `Could not save the selection: ${(e as Error).message ?? e}` });
    }
  };
}
