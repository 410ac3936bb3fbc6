import { describe, expect, it, vi } from 'vitest';
import { createUiMessageListener, isExtensionPageSender, sendToBackground, type UiHandlers } from '@/utils/messages';

const env = { runtimeId: 'abcdef', extensionBaseUrl: 'chrome-extension://abcdef/' };
const page = { id: 'abcdef', url: 'chrome-extension://abcdef/options.html' };

function handlers(): UiHandlers {
  const ok = async () => ({ ok: true as const });
  return {
    'ui:sync-now': vi.fn(ok),
    'ui:sync-leads': vi.fn(async () => ({ queued: 1 })),
    'ui:connect': vi.fn(async () => ({ ok: true, message: 'connected' })),
    'ui:test-connection': vi.fn(async () => ({ ok: true, message: 'ok' })),
    'ui:disconnect': vi.fn(ok),
    'ui:target-options': vi.fn(ok),
    'ui:lookup': vi.fn(async () => ({ hits: [] })),
  };
}

describe('messages', () => {
  it('accepts only our own extension pages as senders', () => {
    expect(isExtensionPageSender(page, env.runtimeId, env.extensionBaseUrl)).toBe(true);
    expect(isExtensionPageSender({ id: 'abcdef', url: 'https://evil.example/', tab: { id: 3 } }, env.runtimeId, env.extensionBaseUrl)).toBe(false);
    expect(isExtensionPageSender({ id: 'other', url: 'chrome-extension://other/options.html' }, env.runtimeId, env.extensionBaseUrl)).toBe(false);
    expect(isExtensionPageSender({ id: 'abcdef' }, env.runtimeId, env.extensionBaseUrl)).toBe(false);
  });

  it('drops a request from a content script without calling the handler', () => {
    const h = handlers();
    const listen = createUiMessageListener(h, env);
    const reply = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(listen({ type: 'ui:disconnect', payload: { target: 'hubspot' } }, { id: 'abcdef', url: 'https://evil.example/', tab: { id: 1 } }, reply)).toBe(false);
    expect(h['ui:disconnect']).not.toHaveBeenCalled();
    expect(reply).not.toHaveBeenCalled();
  });

  it('parses payloads: a bad one is answered with an error, a good one reaches its handler', async () => {
    const h = handlers();
    const listen = createUiMessageListener(h, env);
    const bad = vi.fn();
    listen({ type: 'ui:connect', payload: { target: 'salesforce-ish' } }, page, bad);
    expect(bad).toHaveBeenCalledWith(expect.objectContaining({ ok: false }));
    expect(h['ui:connect']).not.toHaveBeenCalled();

    const answer = await sendToBackground('ui:sync-leads', { all: true }, (m) => new Promise((resolve) => listen(m, page, resolve)));
    expect(answer).toEqual({ queued: 1 });
    expect(h['ui:sync-leads']).toHaveBeenCalledWith({ all: true });
  });

  it('ignores messages that are not ours and surfaces handler errors', async () => {
    const h = handlers();
    h['ui:test-connection'] = vi.fn(async () => {
      throw new Error('token rejected');
    });
    const listen = createUiMessageListener(h, env);
    expect(listen({ hello: 1 }, page, vi.fn())).toBe(false);
    await expect(sendToBackground('ui:test-connection', { target: 'hubspot' }, (m) => new Promise((r) => listen(m, page, r)))).rejects.toThrow('token rejected');
  });
});
