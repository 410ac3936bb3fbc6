import { defineConfig, type Entrypoint } from 'wxt';
import { phoneMetadataAssets, popupPhoneMetadata } from './scripts/phone-metadata';
import { preloadPopupUi } from './scripts/preload-popup-ui';

// Minimal permissions are a product promise: no host permissions at all.
// The content script is injected on demand after the user clicks the
// toolbar icon, which grants `activeTab` for that one tab.
//
// webextension-polyfill (through WXT's module) gives every extension page and
// script one promise-based `browser` that behaves the same in Chrome and Firefox.
// The module maps `wxt/browser`; `@wxt-dev/browser` (what WXT's storage helper
// imports) is mapped to the same object so no code reaches the raw globals.
// WXT_CRM_TEST=1 builds the e2e variant of CRM sync into its own folder
// (.output/chrome-mv3-crm-test): it may reach loopback fake CRMs. The
// production build is unchanged.
const crmTest = process.env.WXT_CRM_TEST === '1';
const CRM_HOSTS = ['https://api.hubapi.com/*', 'https://*.pipedrive.com/*', 'https://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The popup is built on its own, not with the options and workspace pages: built together, modules they
    // share land in shared chunks holding every export any page uses, so the popup loaded the others' code too.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((g): g is Entrypoint[] => Array.isArray(g) && g.length > 1 && g.some((e) => e.type === 'popup'));
      if (!pages) return;
      const popup = pages.filter((e) => e.type === 'popup');
      pages.splice(0, pages.length, ...pages.filter((e) => e.type !== 'popup'));
      groups.push(popup);
    },
    // The popup loads libphonenumber's metadata per calling code (phone-metadata/<code>.json) instead of bundling all of it.
    'build:publicAssets': (_wxt, files) => {
      files.push(...phoneMetadataAssets());
    },
  },
  vite: () => ({
    // Pages load their chunks from the extension's own files, not over a network: a page's React, zod and
    // libphonenumber in one chunk is fine. What the popup loads is measured by `npm run bench` instead.
    // Every browser the extension runs in (Chrome, Firefox 140+) knows <link rel="modulepreload">: no polyfill in each page's entry.
    build: { chunkSizeWarningLimit: 1000, modulePreload: { polyfill: false } },
    // In the popup's build only: libphonenumber-js reads metadata loaded per calling code (scripts/phone-metadata.ts),
    // and popup.html preloads the UI chunk its entry imports (scripts/preload-popup-ui.ts).
    plugins: [popupPhoneMetadata(), preloadPopupUi()],
    resolve: { alias: [{ find: /^@wxt-dev\/browser$/, replacement: '@wxt-dev/webextension-polyfill/browser' }] },
  }),
  ...(crmTest && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-crm-test' }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Prospect Scout',
    description: 'Capture sales prospects from any page. Leads stay on your machine; export CSV for your CRM.',
    // identity opens Salesforce's OAuth login window. Chrome lets it be optional (asked for from the Salesforce
    // Connect click); Firefox accepts it only as a required permission, and shows no install prompt for it.
    // The test build holds it from install: a permission prompt cannot be answered in headless e2e.
    // contextMenus: "Capture prospects on this page" and "Save selection as a lead" (no host access: a click grants activeTab).
    permissions: ['activeTab', 'scripting', 'storage', 'alarms', 'contextMenus', ...(manifestVersion === 2 || crmTest ? ['identity'] : [])],
    // Alt+Shift+P opens the popup (users can change it in the browser's shortcut settings).
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open Prospect Scout on this page',
      },
    },
    // CRM hosts are asked for only when the user connects that CRM (and
    // https://*/* covers a webhook's own host, asked for that host alone).
    // (MV2 has no optional_host_permissions: there they are optional_permissions.)
    ...(manifestVersion === 2
      ? { optional_permissions: CRM_HOSTS }
      : { optional_host_permissions: CRM_HOSTS, ...(!crmTest && { optional_permissions: ['identity'] }) }),
    ...(crmTest && { host_permissions: ['http://127.0.0.1/*'] }),
    ...(browser === 'firefox' && {
      // Firefox needs a stable id for storage and signing. AMO requires a data-collection
      // declaration (this extension collects nothing), which Firefox reads from 140 (the
      // oldest supported ESR) and Firefox for Android from 142.
      browser_specific_settings: {
        gecko: {
          id: 'prospect-scout@prospect-scout.dev',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
      // In a private window Firefox refuses IndexedDB to extension pages (InvalidStateError on open),
      // so a lead saved there could not be kept: the add-on is not offered for private windows.
      incognito: 'not_allowed',
    }),
  }),
});
