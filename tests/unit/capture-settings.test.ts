import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab, describeCaptureError, EXTRACTOR_SCRIPT, resolveTargetTabId } from '@/utils/extract/capture';
import { countryOf, getSettings, saveSettings } from '@/utils/settings';

describe('capture', () => {
  it('reads the tab id from ?tabId=, else the active tab', async () => {
    expect(await resolveTargetTabId('?tabId=42')).toBe(42);
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 }] as never);
    expect(await resolveTargetTabId('')).toBe(9);
    expect(await resolveTargetTabId('?tabId=abc')).toBe(9);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockResolvedValue([] as never);
    await expect(resolveTargetTabId('')).rejects.toThrow(/No active tab/);
  });

  it('validates what the content script returns', async () => {
    const good = { ok: true, url: 'https://a.example', prospects: [{ name: 'Jane Doe' }], warnings: [] };
    const spy = vi.fn().mockResolvedValue([{ frameId: 0, result: good }]);
    fakeBrowser.scripting.executeScript = spy as never;
    const result = await captureTab(7);
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [EXTRACTOR_SCRIPT] });
    expect(result.ok && result.prospects[0]!.name).toBe('Jane Doe');

    fakeBrowser.scripting.executeScript = vi.fn().mockResolvedValue([{ frameId: 0, result: { ok: true, prospects: 'lots' } }]) as never;
    expect(await captureTab(7)).toMatchObject({ ok: false, error: expect.stringMatching(/could not understand/) });
  });

  it('explains pages the browser will not let it read', async () => {
    fakeBrowser.scripting.executeScript = vi.fn().mockRejectedValue(new Error('Cannot access a chrome:// URL')) as never;
    expect(await captureTab(1)).toMatchObject({ ok: false, error: expect.stringMatching(/can't read this page/) });
    expect(describeCaptureError('No tab with id: 5.')).toMatch(/tab is gone/);
    expect(describeCaptureError('boom')).toBe('Reading the page failed: boom');
  });
});

describe('settings', () => {
  it('defaults, saves and validates the phone country', async () => {
    expect(await getSettings()).toEqual({ defaultCountry: '' });
    expect(countryOf(await getSettings())).toBeUndefined();
    await saveSettings({ defaultCountry: 'GB' });
    expect(countryOf(await getSettings())).toBe('GB');
    await expect(saveSettings({ defaultCountry: 'XX' })).rejects.toThrow(/unknown country/);
  });

  it('falls back to defaults when stored settings are corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 12 } });
    expect(await getSettings()).toEqual({ defaultCountry: '' });
  });
});
