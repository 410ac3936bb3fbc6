import { defineConfig } from 'wxt';

// Minimal permissions are a product promise: no host permissions at all.
// The content script is injected on demand after the user clicks the
// toolbar icon, which grants `activeTab` for that one tab.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Prospect Scout',
    description: 'Capture sales prospects from any page. Leads stay on your machine; export CSV for your CRM.',
    permissions: ['activeTab', 'scripting', 'storage'],
    ...(browser === 'firefox' && {
      // Firefox needs a stable id for storage and signing; scripting.executeScript needs 102+.
      browser_specific_settings: { gecko: { id: 'prospect-scout@prospect-scout.dev', strict_min_version: '109.0' } },
    }),
  }),
});
