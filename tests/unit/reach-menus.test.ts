import { describe, expect, it, vi } from 'vitest';
import { countBadgeText, showCaptureCount, showSaveResult, clearTabBadge, type ActionApi } from '@/utils/reach/badge';
import { createMenuHandler, MENU, MENU_ITEMS, type MenuDeps } from '@/utils/reach/menus';
import type { Prospect } from '@/utils/leads/schema';

function deps(over: Partial<MenuDeps> = {}) {
  const saved: Prospect[] = [];
  const results: Array<[number, { ok: boolean; message: string }]> = [];
  const d: MenuDeps = {
    openCapture: vi.fn(async () => 'popup' as const),
    countryFor: async () => undefined,
    save: async (p) => {
      saved.push(p);
      return { leadId: 'lead-1', status: 'created', name: p.name };
    },
    showResult: async (tabId, r) => void results.push([tabId, r]),
    ...over,
  };
  return { d, saved, results };
}
const tab = { id: 7, url: 'https://acme.example/team', windowId: 1 };

describe('context-menu handler', () => {
  it('declares both entries with their contexts', () => {
    expect(MENU_ITEMS.map((m) => [m.title, [...m.contexts]])).toEqual([
      ['Capture prospects on this page', ['page']],
      ['Save selection as a lead', ['selection']],
    ]);
  });

  it('saves a selection as a lead with the page as its source and reports it on the tab', async () => {
    const { d, saved, results } = deps();
    const out = await createMenuHandler(d)({ menuItemId: MENU.saveSelection, selectionText: 'Jane Doe <jane.doe@acme.example> Tel: +1 415 555 0132', pageUrl: tab.url }, tab);
    expect(out).toEqual({ kind: 'saved', leadId: 'lead-1', message: 'Saved Jane Doe as a lead' });
    expect(saved[0]).toMatchObject({ name: 'Jane Doe', emails: ['jane.doe@acme.example'], phones: ['+14155550132'], sourceUrl: tab.url });
    expect(results).toEqual([[7, { ok: true, message: 'Saved Jane Doe as a lead' }]]);
  });

  it('saves nothing and says why when the selection has nothing to read', async () => {
    const { d, saved, results } = deps();
    const out = await createMenuHandler(d)({ menuItemId: MENU.saveSelection, selectionText: 'lorem ipsum dolor', pageUrl: tab.url }, tab);
    expect(out.kind).toBe('error');
    expect(saved).toEqual([]);
    expect(results[0]?.[1]).toMatchObject({ ok: false, message: expect.stringContaining('Nothing to save') });
  });

  it('reports a storage failure instead of throwing', async () => {
    const { d, results } = deps({ save: async () => Promise.reject(new Error('QuotaExceededError')) });
    const out = await createMenuHandler(d)({ menuItemId: MENU.saveSelection, selectionText: 'jane@acme.example' }, tab);
    expect(out).toEqual({ kind: 'error', message: 'Could not save the selection: QuotaExceededError' });
    expect(results[0]?.[1].ok).toBe(false);
  });

  it('opens the capture for the clicked tab and ignores other clicks', async () => {
    const { d } = deps();
    const handler = createMenuHandler(d);
    expect(await handler({ menuItemId: MENU.capture }, tab)).toEqual({ kind: 'opened', how: 'popup' });
    expect(d.openCapture).toHaveBeenCalledWith({ id: 7, windowId: 1 });
    expect(await handler({ menuItemId: 'someone-else' }, tab)).toEqual({ kind: 'ignored' });
    expect(await handler({ nonsense: true }, tab)).toEqual({ kind: 'ignored' });
  });
});

describe('badge', () => {
  function fakeApi() {
    const state = new Map<number, { text: string; title: string; color: string }>();
    const get = (tabId = -1) => state.get(tabId) ?? { text: '', title: '', color: '' };
    const api: ActionApi = {
      setBadgeText: async ({ tabId = -1, text }) => void state.set(tabId, { ...get(tabId), text }),
      setBadgeBackgroundColor: async ({ tabId = -1, color }) => void state.set(tabId, { ...get(tabId), color }),
      setTitle: async ({ tabId = -1, title }) => void state.set(tabId, { ...get(tabId), title }),
      getBadgeText: async ({ tabId = -1 }) => get(tabId).text,
    };
    return { api, get };
  }
  it('shows the count per tab and clears it', async () => {
    const { api, get } = fakeApi();
    await showCaptureCount(3, 4, api);
    expect(get(3)).toMatchObject({ text: '4', title: 'Prospect Scout: 4 prospects found on this page' });
    expect(get(4).text).toBe('');
    await clearTabBadge(3, api);
    expect(get(3)).toMatchObject({ text: '', title: 'Prospect Scout' });
    await showSaveResult(3, { ok: false, message: 'Nothing to save' }, api);
    expect(get(3)).toMatchObject({ text: '!', title: 'Prospect Scout: Nothing to save' });
  });
  it('keeps the text short', () => {
    expect([0, 1, 12, 99, 100, 5000].map(countBadgeText)).toEqual(['', '1', '12', '99', '99+', '99+']);
  });
});
