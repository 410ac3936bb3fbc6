// The core user path, described once and run by both e2e suites (Chromium/Playwright, Firefox/Puppeteer).
import { expect } from '@playwright/test';
import { OptionsPage, PopupPage, WorkspacePage } from './pages';
import type { ExtensionDriver } from './screen';

/** One step of the user path; `run` only uses the driver interface, never a browser API. */
export type Scenario = { title: string; run: (driver: ExtensionDriver) => Promise<void> };

const poll = expect.poll;

async function capture(driver: ExtensionDriver, fixture: string): Promise<PopupPage> {
  return new PopupPage(await driver.capture(fixture));
}

export const userPath: Scenario[] = [
  {
    title: 'capture: a JSON-LD profile, a team page, and no access without the toolbar click',
    async run(driver) {
      const profile = await capture(driver, 'person-jsonld.html');
      await poll(() => profile.text()).toContain('1 prospect found on this page.');
      const jane = profile.card('Jane Doe');
      await poll(() => jane.value('name')).toBe('Jane Doe');
      expect(await jane.value('title')).toBe('VP of Sales');
      expect(await jane.value('company')).toBe('Acme Corp');
      expect(await jane.value('emails')).toBe('jane.doe@acme.example\njane@acme.example');
      expect(await jane.value('phones')).toBe('+14155550132\n+14155550199');
      expect(await jane.value('linkedin')).toBe('https://www.linkedin.com/in/jane-doe-acme');
      // provenance is shown beside the fields of the opened form
      await jane.expand();
      expect(await jane.text()).toContain('json-ld');

      const team = await capture(driver, 'team-cards.html');
      await poll(() => team.text()).toContain('3 prospects found on this page.');
      expect(await team.cardCount()).toBe(3);
      expect(await team.card('Jack Barker').value('emails')).toBe('jack.barker@hooli.example');
      expect(await team.card('Gavin Belson').value('linkedin')).toBe('https://www.linkedin.com/in/gavinbelson');

      const refused = new PopupPage(await driver.popupWithoutClick('person-jsonld.html'));
      await poll(() => refused.text()).toContain("can't read this page");
    },
  },
  {
    title: 'edit, tag and save; saved leads search and delete',
    async run(driver) {
      const first = await capture(driver, 'person-jsonld.html');
      const jane = first.card('Jane Doe');
      await poll(() => jane.value('name')).toBe('Jane Doe');
      await jane.fill('title', 'Chief Revenue Officer');
      await jane.addTag('vip');
      await jane.fill('note', 'Met at booth 12');
      await jane.save();
      await poll(() => jane.status()).toBe('Saved');

      const second = await capture(driver, 'plain-contact.html');
      const carlos = second.card('Carlos Mendes');
      await poll(() => carlos.value('name')).toBe('Carlos Mendes');
      await carlos.save();
      await poll(() => carlos.status()).toBe('Saved');

      // The same person again is recognised with the user's edits.
      const third = await capture(driver, 'person-jsonld.html');
      const again = third.card('Jane Doe');
      await poll(() => again.text()).toContain('Already saved');
      expect(await again.value('title')).toBe('Chief Revenue Officer');
      expect(await again.value('note')).toBe('Met at booth 12');

      const saved = await new PopupPage(await driver.openPopup()).showSaved();
      await poll(() => saved.names()).toEqual(['Carlos Mendes', 'Jane Doe']);
      await saved.search('globex');
      await poll(() => saved.names()).toEqual(['Carlos Mendes']);
      await saved.search('jane.doe@acme');
      await poll(() => saved.names()).toEqual(['Jane Doe']);
      await saved.search('');
      await saved.filterByTag('vip');
      await poll(() => saved.names()).toEqual(['Jane Doe']);
      await saved.filterByTag('');
      await poll(() => saved.names()).toEqual(['Carlos Mendes', 'Jane Doe']);

      await saved.delete('Carlos Mendes');
      await poll(() => saved.names()).toEqual(['Jane Doe']);
      // Undo puts the lead back; deleting again sticks, also after reopening.
      await saved.undoDelete();
      await poll(() => saved.names()).toEqual(['Carlos Mendes', 'Jane Doe']);
      await saved.delete('Carlos Mendes');
      await poll(() => saved.names()).toEqual(['Jane Doe']);
      const reopened = await new PopupPage(await driver.openPopup()).showSaved();
      await poll(() => reopened.names()).toEqual(['Jane Doe']);
      expect(await reopened.item('Jane Doe').text()).toContain('Chief Revenue Officer');
    },
  },
  {
    title: 'CSV export from the options page',
    async run(driver) {
      const page = await capture(driver, 'formula-injection.html');
      const mallory = page.card(/^Prospect Mallory/);
      await poll(() => mallory.value('name')).toContain('Mallory');
      await mallory.addTag('expo');
      await mallory.save();
      await poll(() => mallory.status()).toBe('Saved');
      const profile = await capture(driver, 'person-jsonld.html');
      const jane = profile.card('Jane Doe');
      await poll(() => jane.value('name')).toBe('Jane Doe');
      await jane.save();
      await poll(() => jane.status()).toBe('Saved');

      const options = new OptionsPage(await driver.openOptions());
      await poll(() => options.text()).toContain('2 saved leads.');
      const csv = await options.exportAs('Export CSV');
      expect(csv.name).toMatch(/^prospect-scout-\d{4}-\d{2}-\d{2}\.csv$/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = csv.bytes.toString('utf8').slice(1);
      expect(text.split('\r\n')[0]).toMatch(/^Full Name,First Name,Last Name,Job Title,Company,Email,/);
      expect(text).toContain('Mallory Ünicode');
      expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Click me"")"');
      expect(text).toContain('Jane Doe,Jane,Doe,VP of Sales,Acme Corp,jane.doe@acme.example');
      await poll(() => options.exportStatus()).toContain('Exported 2 leads');
    },
  },
  {
    title: 'workspace: a team saved with Save all; select, bulk tag, tag filter, delete with undo',
    async run(driver) {
      const team = await capture(driver, 'team-cards.html');
      await poll(() => team.text()).toContain('3 prospects found on this page.');
      await team.screen.click('button', /^Save all/);
      for (const name of ['Gavin Belson', 'Denpok Singh', 'Jack Barker']) await poll(() => team.card(name).status()).toBe('Saved');

      const ws = new WorkspacePage(await driver.openWorkspace());
      await poll(() => ws.summary()).toBe('3 of 3 leads');
      expect(await ws.row('Jack Barker')).toContain('jack.barker@hooli.example');

      await ws.toggle('Gavin Belson');
      await ws.toggle('Jack Barker');
      await poll(() => ws.summary()).toBe('3 of 3 leads · 2 selected');
      await ws.addTag('q4');
      await poll(() => ws.text()).toContain('Added “q4” to 2 leads.');
      await poll(() => ws.row('Jack Barker')).toContain('q4');
      expect(await ws.row('Denpok Singh')).not.toContain('q4');

      await ws.filterByTag('q4');
      await poll(() => ws.summary()).toMatch(/^2 of 3 leads/);
      await ws.filterByTag('');
      // A new filter starts a new selection.
      await poll(() => ws.summary()).toBe('3 of 3 leads');

      // Delete both, undo, and the two come back with their tag; a new window sees the same.
      await ws.toggle('Gavin Belson');
      await ws.toggle('Jack Barker');
      await poll(() => ws.summary()).toBe('3 of 3 leads · 2 selected');
      await ws.deleteSelected();
      await poll(() => ws.summary()).toMatch(/^1 of 1 lead\b/);
      await ws.undoDelete();
      await poll(() => ws.summary()).toMatch(/^3 of 3 leads/);
      expect(await ws.row('Gavin Belson')).toContain('q4');
      const again = new WorkspacePage(await driver.openWorkspace());
      await poll(() => again.summary()).toBe('3 of 3 leads');
      expect(await again.row('Jack Barker')).toContain('q4');
    },
  },
  {
    title: 'saved leads persist across a browser restart',
    async run(driver) {
      const page = await capture(driver, 'person-jsonld.html');
      const jane = page.card('Jane Doe');
      await poll(() => jane.value('name')).toBe('Jane Doe');
      await jane.addTag('restart');
      await jane.save();
      await poll(() => jane.status()).toBe('Saved');

      await driver.restart();
      const saved = await new PopupPage(await driver.openPopup()).showSaved();
      await poll(() => saved.names()).toEqual(['Jane Doe']);
      const item = await saved.item('Jane Doe').text();
      expect(item).toContain('restart');
      expect(item).toContain('jane.doe@acme.example');
    },
  },
];
