// Renders the popup UI (loaded by main.tsx once the capture is under way).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Injection } from '@/utils/extract/capture-start';
import { App } from './App';

/** Mounts the popup into `root`; `tab` and `injection` were started before this code loaded. */
export function mountPopup(root: HTMLElement, early: { tab: Promise<number>; injection: Promise<Injection> }): void {
  performance.mark('ps:ui-loaded');
  createRoot(root).render(
    <StrictMode>
      <App tab={early.tab} injection={early.injection} />
    </StrictMode>,
  );
}
