import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_PATH, expect, test } from './fixtures';

test('the built extension asks for minimal permissions and no host access', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
  expect(manifest.manifest_version).toBe(3);
  // contextMenus: "Capture prospects on this page" and "Save selection as a lead" (utils/reach)
  // alarms: the CRM sync outbox is drained on an alarm, so a killed service worker resumes
  expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
  expect(manifest.host_permissions ?? []).toEqual([]);
  // CRM hosts are only optional, asked for when the user connects that CRM
  expect(manifest.optional_host_permissions ?? []).toEqual(['https://api.hubapi.com/*', 'https://*.pipedrive.com/*', 'https://*/*']);
  // identity (Salesforce's OAuth login window) is asked for only from the Salesforce Connect click
  expect(manifest.optional_permissions ?? []).toEqual(['identity']);
  // the extractor is injected on demand, never declared for every page
  expect(manifest.content_scripts ?? []).toEqual([]);
  // nothing of the extension is reachable from pages, and no content-script file is built at all:
  // a click injects one small function (utils/extract/page-snapshot.ts, whose size a unit test bounds)
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  expect(existsSync(join(EXTENSION_PATH, 'content-scripts'))).toBe(false);
  expect(manifest.action.default_popup).toBe('popup.html');
  expect(manifest.options_ui.page).toBe('options.html');
});

test('popup.html preloads the UI chunk its small entry imports, and nothing else (scripts/preload-popup-ui.ts)', () => {
  const html = readFileSync(join(EXTENSION_PATH, 'popup.html'), 'utf8');
  const entry = /<script type="module"[^>]* src="\/([^"]+)"/.exec(html)?.[1];
  expect(entry).toBeTruthy();
  const imported = [...readFileSync(join(EXTENSION_PATH, entry!), 'utf8').matchAll(/import\(\s*["`]\.\/([\w-]+\.js)["`]\s*\)/g)].map((m) => `chunks/${m[1]}`);
  expect(imported).toHaveLength(1);
  expect(imported[0]).toMatch(/^chunks\/mount-/);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)].map((m) => m[1]);
  expect(preloaded).toEqual(imported);
  expect(existsSync(join(EXTENSION_PATH, preloaded[0]!))).toBe(true);
});
