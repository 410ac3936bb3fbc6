// The Firefox build's manifest: same minimal permissions as Chrome's, plus what AMO requires.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ADDON_ID, FIREFOX_BUILD } from './firefox-driver';

test('the Firefox build asks for minimal permissions and declares that it collects no data', () => {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(2);
  // MV2 puts host patterns in permissions: only API permissions may be there (alarms: the CRM sync outbox;
  // identity: Salesforce's login window, which Firefox does not accept as an optional permission and installs without a prompt;
  // contextMenus: the right-click entries of utils/reach).
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'identity', 'scripting', 'storage']);
  // The shortcut that opens the popup is MV2's browser-action command.
  expect(manifest.commands._execute_browser_action.suggested_key.default).toBe('Alt+Shift+P');
  // CRM hosts are only optional (MV2 has no optional_host_permissions), asked for when the user connects that CRM.
  expect(manifest.optional_permissions ?? []).toEqual(['https://api.hubapi.com/*', 'https://*.pipedrive.com/*', 'https://*/*']);
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.browser_specific_settings.gecko.id).toBe(ADDON_ID);
  expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
  expect(manifest.browser_action.default_popup).toBe('popup.html');
});
