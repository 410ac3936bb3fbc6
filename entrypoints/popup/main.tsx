// Popup entry: starts reading the clicked tab at once, then loads and mounts the UI, whose code arrives while the page is read.
import '@/components/ui.css';
import { injectSnapshot, resolveTargetTabId } from '@/utils/extract/capture-start';
import { DB_NAME, warmOpen } from '@/utils/leads/warm-open';
import { readStoredSettings } from '@/utils/settings-stored';

// Marks read by `npm run bench` for its breakdown of a popup open.
performance.mark('ps:entry');
const tab = resolveTargetTabId(location.search);
const injection = tab.then((id) => injectSnapshot(id));
// A missing tab is shown by the UI from `tab` itself.
injection.catch(() => {});
// The settings (the default phone country) are read while the UI code loads: extraction then starts as soon as it has.
const storedSettings = readStoredSettings();
storedSettings.catch(() => {});
// The database's files open while the UI code loads: the capture's lookups then start as soon as the page is extracted.
warmOpen(indexedDB, DB_NAME);
void import('./mount').then(({ mountPopup }) => mountPopup(document.getElementById('root')!, { tab, injection, storedSettings }));
