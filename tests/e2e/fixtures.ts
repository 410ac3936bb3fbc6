import { test as base, chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const EXTENSION_PATH = resolve(HERE, '..', '..', '.output', 'chrome-mv3');
const FIXTURES = resolve(HERE, '..', 'fixtures');

/**
 * Starts the system Chromium with the built extension. Headless works for
 * extensions with the new headless mode; the flags keep Chromium off the
 * network, which this machine does not have.
 */
export async function launchBrowser(userDataDir: string, extensionPath = EXTENSION_PATH): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      // lets the CDP session click the toolbar icon (Extensions.triggerAction)
      '--enable-unsafe-extension-debugging',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The extension's id, read from its service worker URL. */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const [sw] = context.serviceWorkers();
  const worker = sw ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** Serves tests/fixtures on 127.0.0.1 (and a few generated pages). */
export function startServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^[/\\]+/, '');
    try {
      const body = readFileSync(join(FIXTURES, path));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

type Fixtures = {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  /** Opens a fixture page, clicks the toolbar icon on it and returns the popup for that tab. */
  capture: (fixture: string) => Promise<{ page: Page; popup: Page }>;
  /** Opens the popup (e.g. on its saved-leads view) without reading a page. */
  openPopup: () => Promise<Page>;
};

/** The worker-scoped `origin` fixture: one local server for the fixture pages per worker (both browsers' suites use it). */
export const originFixture = [
  async ({}, use: (origin: string) => Promise<void>) => {
    const { server, origin } = await startServer();
    await use(origin);
    server.close();
  },
  { scope: 'worker' },
] as const;

export const test = base.extend<Fixtures, { origin: string }>({
  origin: [...originFixture],
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'prospect-scout-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use) => {
    const context = await launchBrowser(userDataDir);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use(await extensionIdOf(context));
  },
  capture: async ({ context, extensionId, origin }, use) => {
    await use(async (fixture) => {
      const page = await context.newPage();
      await page.goto(`${origin}/${fixture}`);
      const popup = await openPopupFor(context, extensionId, page);
      return { page, popup };
    });
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      return popup;
    });
  },
});

/**
 * Clicks the extension's toolbar icon on `page` (CDP Extensions.triggerAction,
 * which grants activeTab exactly as a real click does), then opens the popup
 * UI in a tab pointed at that page with ?tabId=, since headless Chromium
 * shows no toolbar popup to drive.
 */
export async function openPopupFor(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  await page.bringToFront();
  const cdp = await context.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const target = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
  if (!target) throw new Error(`no tab target for ${page.url()}`);
  await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: target.targetId } as never);
  await cdp.detach();
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId))!;
  const tabId = await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

/** Clicks a prospect card's Save button and waits until the card says it saved a new lead. */
export async function saveCard(card: Locator): Promise<void> {
  await card.getByRole('button', { name: 'Save lead' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved');
}

/** Types a tag into a card's tag field and commits it with Enter. */
export async function addTag(card: Locator, tag: string): Promise<void> {
  await card.locator('[name="tags"]').fill(tag);
  await card.locator('[name="tags"]').press('Enter');
}

export { expect };

/** Opens a saved lead's row menu in the popup's saved view and runs one of its actions ("Edit", "Open source page", "Delete"). */
export async function rowAction(popup: Page, leadName: string, action: string): Promise<void> {
  await popup.getByRole('button', { name: `Actions for ${leadName}` }).click();
  await popup.getByRole('menu', { name: `Actions for ${leadName}` }).getByRole('menuitem', { name: action }).click();
}

/** Expands a capture card's form ("Edit details") so its fields can be typed into. */
export async function editDetails(card: Locator): Promise<void> {
  await card.getByRole('button', { name: 'Edit details' }).click();
}
