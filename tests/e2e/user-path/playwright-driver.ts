// The shared user path's driver on Playwright (Chromium): Screen over Locators.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { extensionIdOf, launchBrowser, openPopupFor } from '../fixtures';
import { ExtensionPages, type ExtensionDriver, type Field, type Name, type Role, type Screen } from './screen';

function byRole(scope: Page | Locator, role: Role, name?: Name): Locator {
  return scope.getByRole(role, name === undefined ? {} : { name, exact: typeof name === 'string' });
}

class PlaywrightScreen implements Screen {
  constructor(
    private readonly page: Page,
    private readonly scope: Page | Locator = page,
  ) {}

  private field(field: Field): Locator {
    if ('name' in field) return this.scope.locator(`[name="${field.name}"]`).first();
    return this.scope.getByLabel(field.label, { exact: true });
  }
  within(role: Role, name?: Name): Screen {
    return new PlaywrightScreen(this.page, byRole(this.scope, role, name).first());
  }
  nth(role: Role, index: number): Screen {
    return new PlaywrightScreen(this.page, byRole(this.scope, role).nth(index));
  }
  click(role: 'button' | 'tab' | 'menuitem', name: Name): Promise<void> {
    return byRole(this.scope, role, name).click();
  }
  fill(field: Field, value: string): Promise<void> {
    return this.field(field).fill(value);
  }
  press(field: Field, key: 'Enter'): Promise<void> {
    return this.field(field).press(key);
  }
  async select(field: Field, value: string): Promise<void> {
    await this.field(field).selectOption(value);
  }
  check(field: Field): Promise<void> {
    return this.field(field).click();
  }
  value(field: Field): Promise<string> {
    return this.field(field).inputValue();
  }
  text(): Promise<string> {
    return (this.scope === this.page ? this.page.locator('body') : (this.scope as Locator)).innerText();
  }
  count(role: Role, name?: Name): Promise<number> {
    return byRole(this.scope, role, name).count();
  }
  names(role: Role): Promise<string[]> {
    // One atomic read: per-item locators from .all() wait forever for an item the list removed meanwhile.
    return byRole(this.scope, role).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''));
  }
  async download(buttonName: Name): Promise<{ name: string; bytes: Buffer }> {
    const downloading = this.page.waitForEvent('download');
    await this.click('button', buttonName);
    const download = await downloading;
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/** Chromium with the built extension, on the profile in `userDataDir`. */
export class PlaywrightDriver extends ExtensionPages implements ExtensionDriver {
  private constructor(
    private context: BrowserContext,
    private extensionId: string,
    private readonly userDataDir: string,
    private readonly origin: string,
  ) {
    super();
  }

  static async start(userDataDir: string, origin: string): Promise<PlaywrightDriver> {
    const context = await launchBrowser(userDataDir);
    return new PlaywrightDriver(context, await extensionIdOf(context), userDataDir, origin);
  }

  async capture(fixture: string): Promise<Screen> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}/${fixture}`);
    return new PlaywrightScreen(await openPopupFor(this.context, this.extensionId, page));
  }
  async popupWithoutClick(fixture: string): Promise<Screen> {
    const page = await this.context.newPage();
    await page.goto(`${this.origin}/${fixture}`);
    const worker = this.context.serviceWorkers().find((w) => w.url().includes(this.extensionId))!;
    const tabId = await worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Array<{ id?: number }>> } } }).chrome;
      return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    });
    return this.open(`popup.html?tabId=${tabId}`);
  }
  async restart(): Promise<void> {
    await this.context.close();
    this.context = await launchBrowser(this.userDataDir);
    this.extensionId = await extensionIdOf(this.context);
  }
  close(): Promise<void> {
    return this.context.close();
  }

  protected async open(path: string): Promise<Screen> {
    const page = await this.context.newPage();
    await page.goto(`chrome-extension://${this.extensionId}/${path}`);
    return new PlaywrightScreen(page);
  }
}
