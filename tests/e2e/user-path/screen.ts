// The small driver interface the shared user path is written against: one per browser driver.

/** Roles the user path looks for; names are accessible names (exact string, or a RegExp). */
export type Role = 'button' | 'tab' | 'form' | 'list' | 'listitem' | 'region' | 'status' | 'alert' | 'menu' | 'menuitem' | 'grid' | 'row' | 'toolbar';
export type Name = string | RegExp;
/** A form control, by its `name` attribute (the data field) or by its visible label. */
export type Field = { name: string } | { label: string };

/**
 * What a user sees and does on one extension page, or on part of it
 * (`within`). Implementations resolve lazily and wait for elements, so a
 * step reads like what the user does: find by role and label, never by CSS.
 */
export interface Screen {
  /** The first visible element with this role (and accessible name) inside this screen. */
  within(role: Role, name?: Name): Screen;
  /** The nth visible element with this role inside this screen. */
  nth(role: Role, index: number): Screen;
  click(role: 'button' | 'tab' | 'menuitem', name: Name): Promise<void>;
  fill(field: Field, value: string): Promise<void>;
  press(field: Field, key: 'Enter'): Promise<void>;
  select(field: Field, value: string): Promise<void>;
  /** Clicks a checkbox (found by its label), as a user ticks it. */
  check(field: Field): Promise<void>;
  value(field: Field): Promise<string>;
  /** The visible text of this screen. */
  text(): Promise<string>;
  /** How many visible elements with this role (and name) are inside this screen. */
  count(role: Role, name?: Name): Promise<number>;
  /** Accessible names of the visible elements with this role, in document order. */
  names(role: Role): Promise<string[]>;
  /** Clicks a button that makes a file download; returns the file's name and bytes. */
  download(buttonName: Name): Promise<{ name: string; bytes: Buffer }>;
  close(): Promise<void>;
}

/** One browser with the built extension installed. */
export interface ExtensionDriver {
  /** Opens a fixture page, clicks the toolbar icon on it (granting activeTab) and returns the popup reading that tab. */
  capture(fixture: string): Promise<Screen>;
  /** Opens a fixture page and the popup for it, without the toolbar click (so without activeTab). */
  popupWithoutClick(fixture: string): Promise<Screen>;
  /** Opens the popup without a page to read (e.g. for its saved-leads view). */
  openPopup(): Promise<Screen>;
  openOptions(): Promise<Screen>;
  /** Opens the lead workspace in a tab of its own. */
  openWorkspace(): Promise<Screen>;
  /** Quits the browser and starts it again on the same profile. */
  restart(): Promise<void>;
}

/** The pages every driver opens by path; a driver supplies `open` for its browser. */
export abstract class ExtensionPages {
  /** Opens an extension page (a path under the extension's root) in a new tab. */
  protected abstract open(path: string): Promise<Screen>;
  openPopup(): Promise<Screen> {
    return this.open('popup.html');
  }
  openOptions(): Promise<Screen> {
    return this.open('options.html');
  }
  openWorkspace(): Promise<Screen> {
    return this.open('workspace.html');
  }
}
