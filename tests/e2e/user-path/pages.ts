// Page objects for the popup and options page: the one place the user path names UI controls.
import type { Name, Screen } from './screen';

/** The popup: capture view (one card per prospect) and saved-leads view. */
export class PopupPage {
  constructor(readonly screen: Screen) {}

  /** The editable card of one prospect. */
  card(name: Name = /^Prospect /): ProspectCard {
    return new ProspectCard(this.screen.within('form', name instanceof RegExp ? name : new RegExp(`^Prospect ${name}`)));
  }
  cardCount(): Promise<number> {
    return this.screen.count('form', /^Prospect /);
  }
  text(): Promise<string> {
    return this.screen.text();
  }
  async showSaved(): Promise<SavedLeads> {
    await this.screen.click('tab', /^Saved leads/);
    return new SavedLeads(this.screen);
  }
}

/** One prospect's editor card. */
export class ProspectCard {
  constructor(readonly screen: Screen) {}

  /** Opens the card's full form ("Edit details"), where every field can be read and typed into. */
  async expand(): Promise<void> {
    if (await this.screen.count('button', 'Edit details')) await this.screen.click('button', 'Edit details');
  }
  async value(field: string): Promise<string> {
    await this.expand();
    return this.screen.value({ name: field });
  }
  async fill(field: string, value: string): Promise<void> {
    await this.expand();
    return this.screen.fill({ name: field }, value);
  }
  async addTag(tag: string): Promise<void> {
    await this.screen.fill({ name: 'tags' }, tag);
    await this.screen.press({ name: 'tags' }, 'Enter');
  }
  /** Clicks Save (or Update) and returns the card's status line once it reports the outcome. */
  async save(button: 'Save lead' | 'Update lead' = 'Save lead'): Promise<void> {
    await this.screen.click('button', button);
  }
  status(): Promise<string> {
    return this.screen.within('status').text();
  }
  text(): Promise<string> {
    return this.screen.text();
  }
}

/** The saved-leads view of the popup. */
export class SavedLeads {
  constructor(readonly screen: Screen) {}

  private get list(): Screen {
    return this.screen.within('list', 'Saved leads');
  }
  /** Names of the listed leads, newest first. */
  names(): Promise<string[]> {
    return this.list.names('listitem');
  }
  item(name: Name): Screen {
    return this.list.within('listitem', name);
  }
  search(query: string): Promise<void> {
    return this.screen.fill({ label: 'Search' }, query);
  }
  filterByTag(tag: string): Promise<void> {
    return this.screen.select({ label: 'Tag' }, tag);
  }
  /** Deletes a lead from its row menu. */
  async delete(name: string): Promise<void> {
    await this.item(name).click('button', `Actions for ${name}`);
    await this.screen.within('menu', `Actions for ${name}`).click('menuitem', 'Delete');
  }
  /** Undoes the last delete from its notice. */
  undoDelete(): Promise<void> {
    return this.screen.click('button', 'Undo');
  }
}

/** The options page: export and settings. */
export class OptionsPage {
  constructor(readonly screen: Screen) {}

  text(): Promise<string> {
    return this.screen.text();
  }
  exportAs(button: 'Export CSV' | 'Export vCard'): Promise<{ name: string; bytes: Buffer }> {
    return this.screen.download(button);
  }
  exportStatus(): Promise<string> {
    return this.screen.within('region', 'Export').within('status').text();
  }
}

/** The lead workspace: a table of every saved lead with filters and bulk actions. */
export class WorkspacePage {
  constructor(readonly screen: Screen) {}

  /** The line under the filters: "N of M leads · K selected". */
  summary(): Promise<string> {
    return this.screen.within('status').text();
  }
  text(): Promise<string> {
    return this.screen.text();
  }
  /** The visible text of one lead's row in the table. */
  row(name: string): Promise<string> {
    return this.screen.within('grid', 'Leads').within('row', new RegExp(name)).text();
  }
  /** Ticks (or unticks) one lead's checkbox. */
  toggle(name: string): Promise<void> {
    return this.screen.check({ label: `Select ${name}` });
  }
  filterByTag(tag: string): Promise<void> {
    return this.screen.select({ label: 'Tag' }, tag);
  }
  private get bulk(): Screen {
    return this.screen.within('toolbar', /^Actions on/);
  }
  async addTag(tag: string): Promise<void> {
    await this.bulk.fill({ label: 'Tag to add or remove' }, tag);
    await this.bulk.click('button', 'Add tag');
  }
  deleteSelected(): Promise<void> {
    return this.bulk.click('button', 'Delete');
  }
  undoDelete(): Promise<void> {
    return this.screen.click('button', 'Undo');
  }
}
