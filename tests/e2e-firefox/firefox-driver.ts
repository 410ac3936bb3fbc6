// The shared user path's driver on puppeteer-core (Firefox ESR over WebDriver BiDi): Screen over in-page role queries.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ExtensionPages, type ExtensionDriver, type Field, type Name, type Role, type Screen } from '../e2e/user-path/screen';

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv2');
export const ADDON_ID = 'prospect-scout@prospect-scout.dev';
/** Fixed with the `extensions.webextensions.uuids` pref so extension URLs are stable across restarts. */
export const ADDON_UUID = '5c0a1d2e-7b3f-4e6a-9c8d-1f2e3d4c5b6a';
const TIMEOUT = 10_000;

type NameSpec = { exact: string } | { re: string; flags: string } | null;
type Step = { role: Role; name: NameSpec; index: number } | { field: Field };

function nameSpec(name?: Name): NameSpec {
  if (name === undefined) return null;
  return typeof name === 'string' ? { exact: name } : { re: name.source, flags: name.flags };
}

/**
 * Runs in the page: resolves a chain of role/name steps to an element (op
 * "find") or lists the accessible names of the matches of one more step
 * (op "names"). A small subset of ARIA's rules, enough for this UI: explicit
 * role or the implicit role of the tag; name from aria-labelledby,
 * aria-label, <label>, then text; hidden elements never match.
 */
const QUERY = `(chain, op, last) => {
  const implicit = (el) => {
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'input') return ['button', 'submit', 'reset'].includes(el.type) ? 'button' : 'textbox';
    if (tag === 'li') return 'listitem';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'form') return 'form';
    if (tag === 'section') return 'region';
    if (tag === 'output') return 'status';
    return '';
  };
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const nameOf = (el) => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\\s+/).map((id) => { const t = document.getElementById(id); return t ? text(t) : ''; }).join(' ').trim();
    const label = el.getAttribute('aria-label');
    if (label) return label.replace(/\\s+/g, ' ').trim();
    if (el.labels && el.labels.length) return [...el.labels].map(text).join(' ');
    return text(el);
  };
  const visible = (el) => el.checkVisibility({ visibilityProperty: true });
  const nameMatches = (el, spec) => {
    if (!spec) return true;
    const n = nameOf(el);
    return 'exact' in spec ? n === spec.exact : new RegExp(spec.re, spec.flags).test(n);
  };
  const all = (root, step) => {
    const els = [...root.querySelectorAll('*')].filter(visible);
    if (step.field) {
      const f = step.field;
      return els.filter((el) => ['input', 'textarea', 'select'].includes(el.localName) &&
        ('name' in f ? el.getAttribute('name') === f.name : nameOf(el) === f.label));
    }
    return els.filter((el) => (el.getAttribute('role') || implicit(el)) === step.role && nameMatches(el, step.name));
  };
  let root = document.body;
  for (const step of chain) {
    const found = all(root, step)[step.index || 0];
    if (!found) return null;
    root = found;
  }
  return op === 'find' ? root : all(root, last).map(nameOf);
}`;

async function poll<T>(what: string, attempt: () => Promise<T | null>): Promise<T> {
  const end = Date.now() + TIMEOUT;
  for (;;) {
    const value = await attempt().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

class PuppeteerScreen implements Screen {
  constructor(
    private readonly page: Page,
    private readonly downloads: string,
    private readonly chain: Step[] = [],
  ) {}

  private describe(extra?: Step): string {
    return JSON.stringify([...this.chain, ...(extra ? [extra] : [])]);
  }
  private find(chain: Step[]): Promise<ElementHandle<Element>> {
    return poll(this.describe(chain.at(-1)), async () => {
      const handle = await this.page.evaluateHandle(`(${QUERY})(${JSON.stringify(chain)}, 'find')`);
      const el = handle.asElement();
      if (el) return el as ElementHandle<Element>;
      await handle.dispose();
      return null;
    });
  }
  private scope(): Promise<ElementHandle<Element>> {
    return this.find(this.chain);
  }
  private control(field: Field): Promise<ElementHandle<Element>> {
    return this.find([...this.chain, { field }]);
  }

  within(role: Role, name?: Name): Screen {
    return new PuppeteerScreen(this.page, this.downloads, [...this.chain, { role, name: nameSpec(name), index: 0 }]);
  }
  nth(role: Role, index: number): Screen {
    return new PuppeteerScreen(this.page, this.downloads, [...this.chain, { role, name: null, index }]);
  }
  async click(role: 'button' | 'tab' | 'menuitem', name: Name): Promise<void> {
    const el = await this.find([...this.chain, { role, name: nameSpec(name), index: 0 }]);
    await el.click();
  }
  async fill(field: Field, value: string): Promise<void> {
    const el = await this.control(field);
    // The native setter plus an input event is what React's onChange listens to (as Playwright's fill does).
    await el.evaluate((node, v) => {
      const input = node as HTMLInputElement;
      const proto = Object.getPrototypeOf(input) as object;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }
  async press(field: Field, key: 'Enter'): Promise<void> {
    const el = await this.control(field);
    await el.press(key);
  }
  async select(field: Field, value: string): Promise<void> {
    const el = await this.control(field);
    // As Playwright's selectOption does, wait for the option: lists such as the tag filter fill in after the page shows.
    await poll(`an option "${value}" in ${JSON.stringify(field)}`, async () =>
      (await el.evaluate((node, v) => [...(node as HTMLSelectElement).options].some((o) => o.value === v), value)) ? true : null,
    );
    await el.evaluate((node, v) => {
      const select = node as HTMLSelectElement;
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  async check(field: Field): Promise<void> {
    await (await this.control(field)).click();
  }
  async value(field: Field): Promise<string> {
    return (await this.control(field)).evaluate((node) => (node as HTMLInputElement).value);
  }
  async text(): Promise<string> {
    return (await this.scope()).evaluate((node) => (node as HTMLElement).innerText);
  }
  async count(role: Role, name?: Name): Promise<number> {
    return (await this.list({ role, name: nameSpec(name), index: 0 })).length;
  }
  names(role: Role): Promise<string[]> {
    return this.list({ role, name: null, index: 0 });
  }
  async download(buttonName: Name): Promise<{ name: string; bytes: Buffer }> {
    const before = new Set(readdirSync(this.downloads));
    await this.click('button', buttonName);
    const name = await poll(`a download from ${String(buttonName)}`, async () => {
      const fresh = readdirSync(this.downloads).filter((f) => !before.has(f) && !f.endsWith('.part'));
      // Firefox writes into a .part file and renames it when done.
      const partial = readdirSync(this.downloads).some((f) => f.endsWith('.part'));
      return fresh.length === 1 && !partial ? fresh[0]! : null;
    });
    return { name, bytes: readFileSync(join(this.downloads, name)) };
  }
  close(): Promise<void> {
    return this.page.close();
  }

  private async list(step: Step): Promise<string[]> {
    await this.scope();
    return this.page.evaluate(`(${QUERY})(${JSON.stringify(this.chain)}, 'names', ${JSON.stringify(step)})`) as Promise<string[]>;
  }
}

/** Firefox ESR with the built extension installed permanently in a fresh profile. */
export class FirefoxDriver extends ExtensionPages implements ExtensionDriver {
  private opened = 0;

  private constructor(
    private browser: Browser,
    private readonly dirs: { profile: string; downloads: string },
    private readonly origin: string,
  ) {
    super();
  }

  static async start(origin: string, build = FIREFOX_BUILD): Promise<FirefoxDriver> {
    const dirs = { profile: mkdtempSync(join(tmpdir(), 'ps-firefox-')), downloads: mkdtempSync(join(tmpdir(), 'ps-firefox-dl-')) };
    const browser = await launchFirefox(dirs);
    // Permanent (not temporary) so the add-on and its IndexedDB survive a restart as for a real user.
    const archive = await packBuild(build);
    await bidi(browser, 'webExtension.install', { extensionData: { type: 'archivePath', path: archive }, 'moz:permanent': true });
    return new FirefoxDriver(browser, dirs, origin);
  }

  async capture(fixture: string): Promise<Screen> {
    const tabId = await this.openFixture(fixture, true);
    return this.open(`popup.html?tabId=${tabId}`);
  }
  async popupWithoutClick(fixture: string): Promise<Screen> {
    const tabId = await this.openFixture(fixture, false);
    return this.open(`popup.html?tabId=${tabId}`);
  }
  async restart(): Promise<void> {
    await this.browser.close();
    this.browser = await launchFirefox(this.dirs);
  }
  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.dirs.profile, { recursive: true, force: true });
    rmSync(this.dirs.downloads, { recursive: true, force: true });
  }

  /**
   * Waits for Firefox's add-on permission prompt (the doorhanger a
   * `permissions.request` shows) and accepts it as the user would.
   */
  async acceptPermissionPrompt(): Promise<void> {
    await poll('the add-on permission prompt', async () =>
      (await this.chrome(`(() => {
        const prompt = PopupNotifications.getNotification('addon-webext-permissions');
        if (!prompt) return null;
        prompt.mainAction.callback();
        PopupNotifications.remove(prompt);
        return true;
      })()`)) as true | null,
    );
  }

  /** Host patterns the user has granted the add-on at runtime (optional permissions). */
  async grantedOrigins(): Promise<string[]> {
    // BiDi hands arrays back as remote values: a JSON string comes back as is.
    const origins = (await this.chrome(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      return JSON.stringify((await ExtensionPermissions.get(${JSON.stringify(ADDON_ID)})).origins);
    })()`)) as string;
    return JSON.parse(origins) as string[];
  }

  /** The toolbar button's badge text on the tab showing this fixture, as Firefox draws it. */
  async badgeText(fixture: string): Promise<string> {
    const url = `${this.origin}/${fixture}`;
    return (await this.chrome(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const action = ExtensionParent.apiManager.global.browserActionFor(WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension);
      const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)});
      if (!tab) throw new Error('no tab at ${url}');
      return action.action.getProperty(tab, 'badgeText') ?? '';
    })()`)) as string;
  }

  /** Navigates the tab showing one fixture to another, as a click on a link would. */
  async navigate(from: string, to: string): Promise<void> {
    const page = await poll(`the tab at ${from}`, () => this.findPage(`${this.origin}/${from}`));
    await page.goto(`${this.origin}/${to}`);
  }

  /**
   * Opens the fixture in a new tab and, when `click` is set, clicks the
   * toolbar button in it the way Firefox does for a user (browserAction's
   * triggerAction, which grants activeTab). Returns the tab's extension id.
   */
  private async openFixture(fixture: string, click: boolean): Promise<number> {
    const url = `${this.origin}/${fixture}`;
    const page = await this.browser.newPage();
    await page.goto(url);
    await page.bringToFront();
    return (await this.chrome(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const global = ExtensionParent.apiManager.global;
      if (gBrowser.selectedBrowser.currentURI.spec !== ${JSON.stringify(url)}) throw new Error('fixture tab is not the selected tab');
      // The popup panel a previous click opened would make this click close it instead.
      for (const panel of document.querySelectorAll('panel')) if (panel.state === 'open' || panel.state === 'showing') panel.hidePopup();
      if (${click}) global.browserActionFor(WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)}).extension).triggerAction(window);
      return global.tabTracker.getId(gBrowser.selectedTab);
    })()`)) as number;
  }

  /**
   * WebDriver BiDi may not navigate a tab to moz-extension://, so the browser
   * window opens it (as a user typing the URL would); the hash tells our tab apart.
   */
  protected async open(path: string): Promise<Screen> {
    const url = `moz-extension://${ADDON_UUID}/${path}#opened-${++this.opened}`;
    const page = await poll(`a tab at ${url}`, async () => {
      if (!(await this.findPage(url))) {
        await this.chrome(`(() => {
          gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
          return true;
        })()`);
      }
      return poll(`the page ${url}`, () => this.findPage(url));
    });
    await poll(`${url} to render`, async () => ((await page.evaluate(() => document.body?.childElementCount ?? 0)) > 0 ? true : null));
    return new PuppeteerScreen(page, this.dirs.downloads);
  }

  private async findPage(url: string): Promise<Page | null> {
    for (const page of await this.browser.pages()) {
      // A page the browser opened reads about:blank in puppeteer until asked.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    return null;
  }

  /** Evaluates in the browser window (chrome scope); needs --remote-allow-system-access. */
  private async chrome(expression: string): Promise<unknown> {
    const tree = (await bidi(this.browser, 'browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      contexts: Array<{ context: string; url: string }>;
    };
    const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no browser window');
    const result = (await bidi(this.browser, 'script.evaluate', { target: { context: window.context }, expression, awaitPromise: true })) as {
      type: string;
      result?: { value?: unknown };
      exceptionDetails?: { text?: string };
    };
    if (result.type !== 'success') throw new Error(`browser window script failed: ${result.exceptionDetails?.text ?? JSON.stringify(result)}`);
    return result.result?.value;
  }
}

const packed = new Map<string, Promise<string>>();

/**
 * Zips the build as a store would receive it (Firefox installs only archives
 * permanently), once per build directory and run.
 */
function packBuild(build: string): Promise<string> {
  let archive = packed.get(build);
  if (!archive) {
    archive = (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ps-firefox-xpi-'));
      const { default: webExt } = await import('web-ext');
      const { extensionPath } = await webExt.cmd.build({ sourceDir: build, artifactsDir: dir, overwriteDest: true }, { showReadyMessage: false });
      return extensionPath;
    })();
    packed.set(build, archive);
  }
  return archive;
}

/** Sends a raw WebDriver BiDi command (Firefox's `moz:` extensions are not in puppeteer's typed API). */
async function bidi(browser: Browser, method: string, params: object): Promise<unknown> {
  const { connection } = browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: unknown }> } };
  return (await connection.send(method, params)).result;
}

function launchFirefox(dirs: { profile: string; downloads: string }): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: dirs.profile,
    // Lets the harness click the toolbar button and open extension pages from the browser window.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // ESR honours this: the unpacked build is unsigned.
      'xpinstall.signatures.required': false,
      'browser.download.dir': dirs.downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
}

