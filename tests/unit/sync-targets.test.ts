import { describe, expect, it } from 'vitest';
import { targetEndpoint } from '@/utils/sync/targets';

describe('target endpoints and the host permission each needs', () => {
  it('asks only for the CRM\'s own host', () => {
    expect(targetEndpoint({ target: 'hubspot' }, false)).toEqual({ baseUrl: 'https://api.hubapi.com', url: '', origins: ['https://api.hubapi.com/*'] });
    expect(targetEndpoint({ target: 'pipedrive', domain: 'acme' }, false)).toEqual({ baseUrl: 'https://acme.pipedrive.com', url: '', origins: ['https://acme.pipedrive.com/*'] });
    expect(targetEndpoint({ target: 'pipedrive', domain: 'https://Acme.pipedrive.com/' }, false).baseUrl).toBe('https://acme.pipedrive.com');
    expect(targetEndpoint({ target: 'pipedrive' }, false).origins).toEqual(['https://api.pipedrive.com/*']);
    expect(targetEndpoint({ target: 'webhook', url: 'https://hooks.zapier.com/hooks/catch/1/abc' }, false).origins).toEqual(['https://hooks.zapier.com/*']);
  });

  it('refuses bad input with a clear message', () => {
    expect(() => targetEndpoint({ target: 'pipedrive', domain: 'evil.com/x' }, false)).toThrow(/company domain/);
    expect(() => targetEndpoint({ target: 'webhook', url: 'http://hooks.example' }, false)).toThrow('https://');
    expect(() => targetEndpoint({ target: 'webhook', url: 'not a url' }, false)).toThrow('webhook URL');
  });

  it('only the test build may point a CRM at another base URL', () => {
    expect(targetEndpoint({ target: 'hubspot', baseUrl: 'http://127.0.0.1:5000' }, false).baseUrl).toBe('https://api.hubapi.com');
    expect(targetEndpoint({ target: 'hubspot', baseUrl: 'http://127.0.0.1:5000' }, true)).toEqual({ baseUrl: 'http://127.0.0.1:5000', url: '', origins: ['http://127.0.0.1/*'] });
  });
});
