import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureTab, describeCaptureError, resolveTargetTabId } from '@/utils/extract/capture';
import { injectSnapshot } from '@/utils/extract/capture-start';
import { parseHtml } from '@/utils/extract/cli';
import { SNAPSHOT_LIMITS, snapshotPage } from '@/utils/extract/page-snapshot';
import { countryOf, getSettings, saveSettings } from '@/utils/settings';
import { readStoredSettings } from '@/utils/settings-stored';

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

  it('injects only the snapshot function and extracts in the popup, with the saved phone country', async () => {
    const page = parseHtml('<h1>Jane Doe</h1><p>Tel 020 7946 0958</p><a href="mailto:jane@acme.example">mail</a>', 'https://acme.example/jane');
    const spy = vi.fn().mockResolvedValue([{ frameId: 0, result: snapshotPage(SNAPSHOT_LIMITS, page) }]);
    fakeBrowser.scripting.executeScript = spy as never;
    await saveSettings({ defaultCountry: 'GB' });
    const result = await captureTab(7);
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, func: snapshotPage, args: [SNAPSHOT_LIMITS] });
    expect(result).toMatchObject({ ok: true, url: 'https://acme.example/jane', warnings: [] });
    expect(result.ok && result.prospects[0]).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'], phones: ['+442079460958'] });
  });

  it('reads phones with the country of a settings read started before it (the popup\'s entry starts one), not a later one', async () => {
    const page = parseHtml('<h1>Jane Doe</h1><p>Tel 020 7946 0958</p>', 'https://acme.example/jane');
    fakeBrowser.scripting.executeScript = vi.fn().mockResolvedValue([{ frameId: 0, result: snapshotPage(SNAPSHOT_LIMITS, page) }]) as never;
    await saveSettings({ defaultCountry: 'GB' });
    const storedSettings = readStoredSettings();
    await saveSettings({ defaultCountry: 'US' });
    const result = await captureTab(7, { storedSettings });
    expect(result.ok && result.prospects[0]?.phones).toEqual(['+442079460958']);
    // A read that failed is the capture's error, not a silent default.
    await expect(captureTab(7, { storedSettings: Promise.reject(new Error('storage is gone')) })).rejects.toThrow('storage is gone');
  });

  it("passes the snapshot's own warnings on to the popup", async () => {
    const page = parseHtml(`<h1>Jane Doe</h1><p>${'1'.repeat(200)}</p>`, 'https://acme.example/jane');
    const result = { frameId: 0, result: snapshotPage({ ...SNAPSHOT_LIMITS, maxTextNode: 50 }, page) };
    fakeBrowser.scripting.executeScript = vi.fn().mockResolvedValue([result]) as never;
    expect(await captureTab(7)).toMatchObject({ ok: true, warnings: [expect.stringMatching(/cut to their first 50 characters/)] });
  });

  it('refuses a snapshot that is not one', async () => {
    for (const bad of [{ url: 'https://a.example', html: 42, warnings: [] }, { url: 'x', html: '', warnings: 'lots' }, null, 'html']) {
      fakeBrowser.scripting.executeScript = vi.fn().mockResolvedValue([{ frameId: 0, result: bad }]) as never;
      expect(await captureTab(7)).toMatchObject({ ok: false, error: expect.stringMatching(/could not understand/) });
    }
  });

  it('gives up on a page that never answers, saying why', async () => {
    fakeBrowser.scripting.executeScript = vi.fn().mockReturnValue(new Promise(() => {})) as never;
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url: 'https://busy.example/team' } as never);
    const result = await captureTab(7, { timeoutMs: 50 });
    // The page's address is kept for the lead the user then types in.
    expect(result).toMatchObject({ ok: false, url: 'https://busy.example/team', error: expect.stringMatching(/did not answer within 0.05 seconds.*Enter the prospect by hand/) });
  });

  it('extracts from an injection started earlier (the popup entry starts it before its UI loads) without injecting again', async () => {
    const page = parseHtml('<h1>Jane Doe</h1><a href="mailto:jane@acme.example">mail</a>', 'https://acme.example/jane');
    const spy = vi.fn().mockResolvedValue([{ frameId: 0, result: snapshotPage(SNAPSHOT_LIMITS, page) }]);
    fakeBrowser.scripting.executeScript = spy as never;
    const injection = injectSnapshot(7);
    expect(spy).toHaveBeenCalledTimes(1);
    const result = await captureTab(7, { injection });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(result.ok && result.prospects[0]).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
    // An early injection that failed carries its error through unchanged.
    fakeBrowser.scripting.executeScript = vi.fn().mockRejectedValue(new Error('Cannot access a chrome:// URL')) as never;
    expect(await captureTab(7, { injection: injectSnapshot(7) })).toMatchObject({ ok: false, error: expect.stringMatching(/can't read this page/) });
  });

  it('explains pages the browser will not let it read', async () => {
    fakeBrowser.scripting.executeScript = vi.fn().mockRejectedValue(new Error('Cannot access a chrome:// URL')) as never;
    expect(await captureTab(1)).toMatchObject({ ok: false, error: expect.stringMatching(/can't read this page/) });
    expect(describeCaptureError('No tab with id: 5.')).toMatch(/tab is gone/);
    expect(describeCaptureError('boom')).toBe('Reading the page failed: boom');
  });
});

describe('settings', () => {
  const EXPORT_DEFAULTS = { csvPreset: 'default', csvColumns: null, vcardVersion: '3.0' };
  it('defaults, saves and validates the phone country', async () => {
    expect(await getSettings()).toEqual({ defaultCountry: '', csvDelimiter: ',', ...EXPORT_DEFAULTS });
    expect(countryOf(await getSettings())).toBeUndefined();
    await saveSettings({ defaultCountry: 'GB' });
    expect(countryOf(await getSettings())).toBe('GB');
    await expect(saveSettings({ defaultCountry: 'XX' })).rejects.toThrow(/unknown country/);
  });

  it('falls back to defaults when stored settings are corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 12 } });
    expect(await getSettings()).toEqual({ defaultCountry: '', csvDelimiter: ',', ...EXPORT_DEFAULTS });
    // The same from a read the caller started (the popup's entry): it is parsed here, not trusted.
    expect(await getSettings(Promise.resolve({ defaultCountry: 'XX', csvDelimiter: '|' }))).toEqual({ defaultCountry: '', csvDelimiter: ',', ...EXPORT_DEFAULTS });
    expect(await getSettings(Promise.resolve(undefined))).toEqual({ defaultCountry: '', csvDelimiter: ',', ...EXPORT_DEFAULTS });
  });

  it('keeps the CSV separator, and two panels saving different settings do not undo each other', async () => {
    await saveSettings({ defaultCountry: 'DE' });
    await saveSettings({ csvDelimiter: ';' });
    expect(await getSettings()).toEqual({ defaultCountry: 'DE', csvDelimiter: ';', ...EXPORT_DEFAULTS });
    await expect(saveSettings({ csvDelimiter: '|' as never })).rejects.toThrow();
  });

  it('remembers the CSV preset, the custom columns and the vCard version; a bad stored export choice falls back alone', async () => {
    await saveSettings({ defaultCountry: 'FR', csvPreset: 'custom', csvColumns: ['Email', 'Company'], vcardVersion: '4.0' });
    expect(await getSettings()).toMatchObject({ defaultCountry: 'FR', csvPreset: 'custom', csvColumns: ['Email', 'Company'], vcardVersion: '4.0' });
    await fakeBrowser.storage.local.set({ settings: { defaultCountry: 'FR', csvDelimiter: ';', csvPreset: 'zoho', csvColumns: 'Email', vcardVersion: '2.1' } });
    expect(await getSettings()).toEqual({ defaultCountry: 'FR', csvDelimiter: ';', ...EXPORT_DEFAULTS });
  });
});
