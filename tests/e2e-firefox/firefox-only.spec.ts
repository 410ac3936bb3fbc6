// What behaves differently in Firefox: user-gesture rules for permissions.request, private windows, browserAction's badge, extension files fetched by the popup.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { FIREFOX_BUILD } from './firefox-driver';
import { firefox } from './fixtures';

firefox('connecting a CRM asks Firefox for its host from the click itself (permissions.request before any await)', async ({ driver }) => {
  const options = await driver.openOptions();
  const hubspot = options.within('region', 'HubSpot');
  await hubspot.fill({ label: 'Token' }, 'pat-na1-00000000-0000-0000-0000-000000000000');
  expect(await driver.grantedOrigins()).not.toContain('https://api.hubapi.com/*');
  await hubspot.click('button', 'Connect HubSpot');
  // Firefox honours permissions.request only while it handles the click (the
  // component calls it before any await); otherwise the host is never granted.
  await driver.acceptPermissionPrompt();
  await expect.poll(() => driver.grantedOrigins()).toContain('https://api.hubapi.com/*');
  // No network here: the connection test then fails, but not for lack of permission.
  await expect.poll(() => hubspot.text()).toMatch(/\n.+/);
  const text = await hubspot.text();
  expect(text).not.toContain('host permission refused');
  expect(text).not.toContain('user input handler');
});

firefox('the Firefox build does not run in private windows, where Firefox gives extension pages no IndexedDB', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
  expect(manifest.incognito).toBe('not_allowed');
});

firefox('the badge (MV2 browserAction) shows how many prospects the capture found on that tab and clears when it navigates', async ({ driver }) => {
  const popup = await driver.capture('team-cards.html');
  await expect.poll(() => popup.text()).toContain('3 prospects found on this page.');
  await expect.poll(() => driver.badgeText('team-cards.html')).toBe('3');
  await driver.navigate('team-cards.html', 'no-prospect.html');
  await expect.poll(() => driver.badgeText('no-prospect.html')).toBe('');
});

firefox('the popup fetches its phone metadata per calling code from moz-extension:// files: +44 and 0041 numbers show formatted', async ({ driver }) => {
  const popup = await driver.capture('phones-international.html');
  await expect.poll(() => popup.text()).toContain('+41 44 668 18 00');
  const text = await popup.text();
  expect(text).toContain('+49 30 23125000');
  expect(text).toContain('+44 20 7946 0018');
});
