// The service worker: only wires the CRM sync service (utils/sync) and reach (context menus, badge; utils/reach).
// Capture runs from the popup through activeTab; leads are stored by extension pages (and by "Save selection as a lead").
import { setupReachBackground } from '@/utils/reach/background';
import { setupSyncBackground } from '@/utils/sync/background';

export default defineBackground(() => {
  const { syncNow } = setupSyncBackground();
  setupReachBackground({ persistentPage: import.meta.env.MANIFEST_VERSION === 2, syncNow });
});
