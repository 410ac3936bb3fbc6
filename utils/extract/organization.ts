// The organization behind a page: contacts that belong to no person on it (footer info@, switchboard, fax).
import type { CountryCode } from 'libphonenumber-js';
import { normalizeEmail, normalizePhone } from '../leads/normalize';
import { LIMITS, OrganizationSchema, type Organization } from '../leads/schema';

/** Accumulates the organization entry of one page while its people are read. */
export class OrgCollector {
  readonly emails: string[] = [];
  readonly phones: string[] = [];
  readonly fax: string[] = [];
  name = '';
  website = '';

  constructor(readonly sourceUrl: string) {}

  addEmail(raw: string): void {
    const e = normalizeEmail(raw);
    if (e && !this.emails.includes(e) && this.emails.length < LIMITS.listItems) this.emails.push(e);
  }

  /** Adds a phone (already E.164 when `normalized`) as the main line or as a fax. */
  addPhone(raw: string, kind: 'main' | 'fax', country?: CountryCode, normalized = false): void {
    const n = normalized ? raw : normalizePhone(raw, country);
    const list = kind === 'fax' ? this.fax : this.phones;
    if (n && !list.includes(n) && list.length < LIMITS.listItems) list.push(n);
  }

  /** Whether it holds any contact worth showing. */
  hasContacts(): boolean {
    return this.emails.length + this.phones.length + this.fax.length > 0;
  }

  /** The validated entry, without the values people on the page already hold. */
  build(taken: { emails: Set<string>; phones: Set<string> }): Organization | null {
    const emails = this.emails.filter((e) => !taken.emails.has(e));
    const phones = this.phones.filter((p) => !taken.phones.has(p));
    const fax = this.fax.filter((p) => !taken.phones.has(p));
    if (!emails.length && !phones.length && !fax.length) return null;
    return OrganizationSchema.parse({
      name: this.name.slice(0, LIMITS.shortText),
      emails,
      phones,
      fax,
      website: this.website.slice(0, LIMITS.url),
      sourceUrl: this.sourceUrl.slice(0, LIMITS.sourceUrl),
    });
  }
}
