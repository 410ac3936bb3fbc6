// Accumulates one prospect field by field, normalising values and recording provenance.
import type { CountryCode } from 'libphonenumber-js';
import {
  classifyProfileUrl,
  normalizeEmail,
  normalizePhone,
  normalizeWebsite,
  splitName,
  urlKey,
} from '../leads/normalize';
import { LIMITS, ProspectSchema, provenanceKey, type ConfidenceLevel, type FieldSource, type Prospect } from '../leads/schema';

/**
 * How sure a value is, from how it was found: structured data and explicit
 * links are the page author's own statement; meta tags and headings are
 * conventions; free text is a guess unless a label said what it was.
 */
export function confidenceOf(source: FieldSource): ConfidenceLevel {
  switch (source) {
    case 'json-ld':
    case 'microdata':
    case 'h-card':
    case 'mailto':
    case 'tel':
    case 'cloudflare':
    case 'link':
    case 'user':
    case 'import':
      return 'high';
    case 'meta':
    case 'heading':
      return 'medium';
    default:
      return 'low';
  }
}

type ScalarField = 'name' | 'firstName' | 'lastName' | 'title' | 'company' | 'location' | 'website';

/**
 * Accumulates what the extractors find about one person, recording which
 * extractor found each value. The first value set for a scalar wins, so
 * callers run extractors from most to least trustworthy.
 */
export class ProspectBuilder {
  readonly p: Prospect;

  constructor(sourceUrl: string) {
    this.p = ProspectSchema.parse({ sourceUrl: sourceUrl.slice(0, LIMITS.sourceUrl), confidence: {} });
  }

  private mark(key: string, source: FieldSource, confidence?: ConfidenceLevel): void {
    this.p.provenance[key] = source;
    (this.p.confidence ??= {})[key] = confidence ?? confidenceOf(source);
  }

  /** Sets a scalar field if it is still empty; `confidence` overrides the one implied by `source`. */
  set(field: ScalarField, value: unknown, source: FieldSource, confidence?: ConfidenceLevel): this {
    if (this.p[field] || typeof value !== 'string') return this;
    let v = value.replace(/\s+/g, ' ').trim();
    if (field === 'website') v = normalizeWebsite(v, this.p.sourceUrl || undefined);
    if (!v) return this;
    const max = field === 'firstName' || field === 'lastName' ? LIMITS.namePart : field === 'website' ? LIMITS.url : LIMITS.shortText;
    this.p[field] = v.slice(0, max);
    this.mark(field, source, confidence);
    return this;
  }

  /** Adds an email if it is valid and new. */
  addEmail(raw: string, source: FieldSource, confidence?: ConfidenceLevel): this {
    const e = normalizeEmail(raw);
    if (e && !this.p.emails.includes(e) && this.p.emails.length < LIMITS.listItems) {
      this.p.emails.push(e);
      this.mark(provenanceKey('emails', e), source, confidence);
    }
    return this;
  }

  /** Adds an already-normalised E.164 phone, or normalises `raw` leniently (for tel: links and structured data). */
  addPhone(raw: string, source: FieldSource, country?: CountryCode, normalized = false, confidence?: ConfidenceLevel): this {
    const n = normalized ? raw : normalizePhone(raw, country);
    if (n && !this.p.phones.includes(n) && this.p.phones.length < LIMITS.listItems) {
      this.p.phones.push(n);
      this.mark(provenanceKey('phones', n), source, confidence);
    }
    return this;
  }

  /**
   * Files a URL under the right profile slot; a URL that is no known profile
   * goes to `other`, or to `website` when `asWebsite` is set and it is empty.
   */
  addUrl(raw: string, source: FieldSource, asWebsite = false): this {
    // Structured data holds junk ("42", "n/a"): only absolute URLs, root-relative paths and bare domains count.
    if (!/^(?:https?:)?\/\/|^\/[^/]|^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,24}(?:[/?#]|$)/iu.test(raw.trim())) return this;
    const abs = normalizeWebsite(raw, this.p.sourceUrl || undefined);
    if (!abs) return this;
    const profile = classifyProfileUrl(abs);
    if (profile) {
      if (!this.p.profiles[profile.kind]) {
        this.p.profiles[profile.kind] = profile.url;
        this.mark(`profiles.${profile.kind}`, source);
      }
      return this;
    }
    if (asWebsite && !this.p.website) return this.set('website', abs, source);
    const known = [this.p.website, ...this.p.profiles.other].map(urlKey);
    if (!known.includes(urlKey(abs)) && this.p.profiles.other.length < LIMITS.listItems) {
      this.p.profiles.other.push(abs.slice(0, LIMITS.url));
    }
    return this;
  }

  /** Whether anything identifying a person was found. */
  hasContent(): boolean {
    const { name, emails, phones, profiles } = this.p;
    return !!(name || emails.length || phones.length || profiles.linkedin || profiles.x || profiles.github);
  }

  /** Fills derived fields (first/last name from name, and back) and validates. */
  build(): Prospect {
    const p = this.p;
    if (!p.name && (p.firstName || p.lastName)) {
      p.name = `${p.firstName} ${p.lastName}`.trim();
      p.provenance.name = p.provenance.firstName ?? p.provenance.lastName ?? 'text';
      (p.confidence ??= {}).name = p.confidence.firstName ?? p.confidence.lastName ?? 'low';
    }
    if (p.name && !p.firstName && !p.lastName) {
      const split = splitName(p.name);
      p.firstName = split.firstName.slice(0, LIMITS.namePart);
      p.lastName = split.lastName.slice(0, LIMITS.namePart);
      if (p.firstName) this.mark('firstName', p.provenance.name ?? 'text', p.confidence?.name);
      if (p.lastName) this.mark('lastName', p.provenance.name ?? 'text', p.confidence?.name);
    }
    return ProspectSchema.parse(p);
  }
}
