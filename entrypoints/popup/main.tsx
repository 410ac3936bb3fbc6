// Popup entry: starts reading the clicked tab at once, then loads and mounts the UI, whose code arrives while the page is read.
import '@/components/ui.css';
import { injectSnapshot, resolveTargetTabId } from '@/utils/extract/capture-start';

// Marks read by `npm run bench` for its breakdown of a popup open.
performance.mark('ps:entry');
const tab = resolveTargetTabId(location.search);
const injection = tab.then((id) => injectSnapshot(id));
// A missing tab is shown by the UI from `tab` itself.
injection.catch(() => {});
void import('./mount').then(({ mountPopup }) => mountPopup(document.getElementById('root')!, { tab, injection }));
