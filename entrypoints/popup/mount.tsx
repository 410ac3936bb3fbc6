// Renders the popup UI (loaded by main.tsx once the capture is under way).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureTab } from '@/utils/extract/capture';
import type { Injection } from '@/utils/extract/capture-start';
import { App } from './App';

/** Mounts the popup into `root`; `tab`, `injection` and `storedSettings` were started before this code loaded, and the capture goes on from them. */
export function mountPopup(root: HTMLElement, early: { tab: Promise<number>; injection: Promise<Injection>; storedSettings: Promise<unknown> }): void {
  performance.mark('ps:ui-loaded');
  // Extraction starts before the first render: the page's snapshot is usually back by now.
  const capture = early.tab.then((id) => captureTab(id, { injection: early.injection, storedSettings: early.storedSettings }));
  capture.catch(() => {});
  createRoot(root).render(
    <StrictMode>
      <App tab={early.tab} capture={capture} />
    </StrictMode>,
  );
}
