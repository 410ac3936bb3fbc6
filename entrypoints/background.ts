// The service worker: only wires the CRM sync service (utils/sync). Capture
// runs from the popup through activeTab; leads are stored by extension pages.
import { setupSyncBackground } from '@/utils/sync/background';

export default defineBackground(() => {
  setupSyncBackground();
});
