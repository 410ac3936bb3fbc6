// Wires reach to the browser: context menus (created on install), their clicks, and clearing a tab's badge when it navigates.
import { browser } from 'wxt/browser';
import { countryOfUrl } from '../extract/country';
import { openLeadDb } from '../leads/store';
import { countryOf, getSettings } from '../settings';
import { actionApi, clearTabBadge, showSaveResult } from './badge';
import { createMenuHandler, MENU_ITEMS } from './menus';
import { saveSelection } from './save-selection';

/** Size of the window the popup page opens in when the browser cannot open the popup itself. */
const POPUP_WINDOW = { width: 440, height: 640 };

/**
 * Opens the popup for a tab: `action.openPopup()` where the browser allows
 * it from a menu click (Chromium 127+, Firefox), else the popup page in a
 * small window pointed at the tab (`?tabId=`), which may read it because the
 * click granted activeTab there.
 */
async function openCapture(tab: { id: number; windowId?: number }): Promise<'popup' | 'window'> {
  const api = actionApi();
  if (api.openPopup) {
    try {
      await api.openPopup(tab.windowId !== undefined ? { windowId: tab.windowId } : undefined);
      return 'popup';
    } catch {
      // No focused normal window, or a browser that only opens it from the toolbar: use a window.
    }
  }
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?tabId=${tab.id}`), type: 'popup', ...POPUP_WINDOW });
  return 'window';
}

async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) browser.contextMenus.create({ ...item, contexts: [...item.contexts] });
}

/**
 * Registers the reach listeners; call once from the background entrypoint.
 * `persistentPage`: the background is an MV2 page (Firefox), where menus do
 * not outlive the page, so they are created at every start; an MV3 worker's
 * menus persist, so they are (re)created on install and update only.
 * `syncNow`: the sync service's drain, started after a selection is saved
 * and queued for a connected CRM.
 */
export function setupReachBackground({ persistentPage = false, syncNow = () => {} }: { persistentPage?: boolean; syncNow?: () => void } = {}): void {
  const onMenuClick = createMenuHandler({
    openCapture,
    countryFor: async (url) => countryOf(await getSettings()) ?? countryOfUrl(url),
    save: async (prospect) => {
      // A connection per save: a worker-lifetime one would be closed by the next DB upgrade in another window.
      const db = await openLeadDb();
      try {
        return await saveSelection(db, prospect, syncNow);
      } finally {
        db.close();
      }
    },
    showResult: (tabId, result) => showSaveResult(tabId, result),
  });
  if (persistentPage) void createMenus();
  else browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // Without the tabs permission only the status is told: a new page is loading, so the old page's count is stale.
    if (change.status === 'loading') void clearTabBadge(tabId).catch(() => {});
  });
}
