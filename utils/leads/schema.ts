// The zod schemas of prospects and leads: the single source of the Lead type.
import { z } from '../zod-mini';

/**
 * Which extractor produced a value. `user` marks a value typed or edited in
 * the popup; `import` a value read from an imported file.
 */
export const FieldSourceSchema = z.enum([
  'json-ld',
  'microdata',
  'rdfa',
  'h-card',
  'meta',
  'heading',
  'mailto',
  'tel',
  'cloudflare',
  'text',
  'link',
  /** A site adapter read it from the site's own page structure (utils/extract/sites/). */
  'site',
  'user',
  'import',
]);
export type FieldSource = z.infer<typeof FieldSourceSchema>;

/**
 * Size limits of lead fields. Extraction clamps to them (see
 * `finalizeProspect`) so a hostile page cannot produce a lead that fails
 * validation or bloats storage.
 */
export const LIMITS = {
  shortText: 300,
  namePart: 150,
  url: 2048,
  email: 320,
  phone: 64,
  listItems: 50,
  tag: 60,
  tags: 100,
  note: 10_000,
  sourceUrl: 4096,
  /** Provenance entries of one lead: one per scalar, email, phone and profile, with room to spare. */
  provenanceKeys: 150,
  /** Entries of a lead's history (older ones are dropped first). */
  history: 20,
  /** Prospects one page capture may return; the popup shows one card each. */
  prospectsPerPage: 200,
} as const;

const text = (max: number) => z._default(z.string().check(z.trim(), z.maxLength(max)), '');

/** A list of trimmed strings of at most `max` characters, at most {@link LIMITS.listItems} of them, default []. */
const stringList = (max: number) =>
  z._default(z.array(z.string().check(z.trim(), z.maxLength(max))).check(z.maxLength(LIMITS.listItems)), () => []);

const WEB_URL = /^https?:\/\/[^\s]/i;
/** Whether a value is an http(s) address: the only links a lead may hold (never javascript:, data:, vbscript:). */
export function isWebUrl(value: string): boolean {
  return WEB_URL.test(value.trim());
}

/**
 * A page address fit for `sourceUrl`: http(s) (or file: for the CLI's saved
 * pages) and at most {@link LIMITS.sourceUrl} characters, dropping the
 * fragment, then the query, then cutting, so a very long address still
 * points at its page. Anything else becomes ''.
 */
export function clampSourceUrl(raw: string): string {
  let url = raw.trim();
  if (!isWebUrl(url) && !/^file:\/\//i.test(url)) return '';
  if (url.length > LIMITS.sourceUrl) url = url.replace(/#.*$/s, '');
  if (url.length > LIMITS.sourceUrl) url = url.replace(/\?.*$/s, '');
  return url.slice(0, LIMITS.sourceUrl);
}

/** A link field: an http(s) URL or ''; other schemes are dropped at every boundary the schema guards. */
const webUrl = (max: number) =>
  z._default(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(max)),
      z.transform((v) => (isWebUrl(v) ? v : '')),
    ),
    '',
  );

/** What an email address must look like to be kept (after a `mailto:` prefix is removed). */
export const EMAIL_SHAPE = /^[^\s@:<>"'()\\,;]+@[^\s@:<>"'()\\,;/]+\.[^\s@:<>"'()\\,;/]+$/;
/** An email address as stored: a bare address (a `mailto:` prefix is removed, anything else with a scheme dropped). */
function emailList() {
  return z._default(
    z.pipe(
      z.array(z.string().check(z.trim(), z.maxLength(LIMITS.email))).check(z.maxLength(LIMITS.listItems)),
      z.transform((list: string[]) => list.map((e) => e.replace(/^mailto:/i, '')).filter((e) => EMAIL_SHAPE.test(e))),
    ),
    () => [],
  );
}

/** Social and other profile URLs of a prospect. Empty string means unknown. */
export const ProfilesSchema = z.object({
  linkedin: webUrl(LIMITS.url),
  x: webUrl(LIMITS.url),
  github: webUrl(LIMITS.url),
  other: z._default(
    z.pipe(
      z.array(z.string().check(z.trim(), z.maxLength(LIMITS.url))).check(z.maxLength(LIMITS.listItems)),
      z.transform((list: string[]) => list.filter(isWebUrl)),
    ),
    () => [],
  ),
});
export type Profiles = z.infer<typeof ProfilesSchema>;
/** The single-URL profile slots. */
export type ProfileKindKey = 'linkedin' | 'x' | 'github';

/**
 * Per-field provenance. Scalar fields use their name as key (`name`,
 * `profiles.linkedin`); list values use `emails:<value>` / `phones:<value>`
 * so each address remembers where it was found (see {@link provenanceKey}).
 */
export const ProvenanceSchema = z._default(
  z
    .record(z.string().check(z.maxLength(2100)), FieldSourceSchema)
    .check(z.refine((p) => Object.keys(p).length <= LIMITS.provenanceKeys, `at most ${LIMITS.provenanceKeys} provenance entries`)),
  () => ({}),
);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** How sure extraction is of a value: structured data, mailto/tel links high; labelled text medium; heuristics low. */
export const ConfidenceLevelSchema = z.enum(['high', 'medium', 'low']);
export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;
/**
 * Per-field confidence, keyed like {@link ProvenanceSchema}. Optional, so
 * records written before it existed (and code building leads by hand) stay valid.
 */
export const ConfidenceSchema = z.optional(z.record(z.string().check(z.maxLength(2100)), ConfidenceLevelSchema));
export type Confidence = z.infer<typeof ConfidenceSchema>;

/**
 * What extraction finds on a page: a lead without the user's own data
 * (id, tags, note, timestamps). Also what the content script sends back, so
 * it is parsed with this schema when it crosses into the popup.
 */
export const ProspectSchema = z.object({
  name: text(LIMITS.shortText),
  firstName: text(LIMITS.namePart),
  lastName: text(LIMITS.namePart),
  title: text(LIMITS.shortText),
  company: text(LIMITS.shortText),
  emails: emailList(),
  phones: stringList(LIMITS.phone),
  profiles: z._default(ProfilesSchema, () => ({ linkedin: '', x: '', github: '', other: [] })),
  website: webUrl(LIMITS.url),
  location: text(LIMITS.shortText),
  sourceUrl: z._default(z.pipe(z.string(), z.transform(clampSourceUrl)), ''),
  provenance: ProvenanceSchema,
  confidence: ConfidenceSchema,
});
export type Prospect = z.infer<typeof ProspectSchema>;
/** Input form of a prospect: every field with a default may be omitted. */
export type ProspectInput = z.input<typeof ProspectSchema>;

/**
 * One earlier or competing value of a lead's name, title or company, kept
 * when a merge chose the other one, so neither is lost from view.
 */
export const HistoryEntrySchema = z.object({
  at: z.iso.datetime(),
  field: z.enum(['name', 'title', 'company']),
  value: z.string().check(z.maxLength(LIMITS.shortText)),
  source: z._default(z.union([FieldSourceSchema, z.literal('')]), ''),
  /** `replaced`: the lead's value until `at`; `not-applied`: an incoming value the merge did not take. */
  change: z.enum(['replaced', 'not-applied']),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** The single definition of a saved lead, used by storage, UI, export and CLI. */
export const LeadSchema = z.extend(ProspectSchema, {
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  tags: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.tag))).check(z.maxLength(LIMITS.tags)), () => []),
  note: text(LIMITS.note),
  capturedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Revision: the store adds 1 on every write, so an edit of an older revision is detected, not applied blindly. */
  rev: z._default(z.number().check(z.int(), z.gte(0)), 0),
  /** Values merges did not keep, newest last, at most {@link LIMITS.history}. */
  history: z._default(z.array(HistoryEntrySchema).check(z.maxLength(LIMITS.history)), () => []),
});
export type Lead = z.infer<typeof LeadSchema>;

/**
 * The organization behind a page, with the contacts that belong to no
 * person on it (a footer's info@, the switchboard, the fax). Kept apart from
 * people so a generic address never becomes someone's email.
 */
export const OrganizationSchema = z.object({
  name: text(LIMITS.shortText),
  emails: stringList(LIMITS.email),
  phones: stringList(LIMITS.phone),
  fax: stringList(LIMITS.phone),
  website: text(LIMITS.url),
  sourceUrl: text(LIMITS.sourceUrl),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** Result the content script returns from `executeScript`. */
export const ExtractionResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    url: z.string(),
    prospects: z.array(ProspectSchema).check(z.maxLength(LIMITS.prospectsPerPage)),
    organizations: z._default(z.array(OrganizationSchema).check(z.maxLength(20)), () => []),
    warnings: z._default(z.array(z.string()), () => []),
  }),
  z.object({ ok: z.literal(false), url: z._default(z.string(), ''), error: z.string() }),
]);
export type ExtractionResult = z.infer<typeof ExtractionResultSchema>;

/** Provenance key of one email or phone value. */
export function provenanceKey(field: 'emails' | 'phones', value: string): string {
  return `${field}:${value}`;
}

/** An empty prospect, for a page where nothing was found but the user wants to type one in. */
export function emptyProspect(sourceUrl = ''): Prospect {
  return ProspectSchema.parse({ sourceUrl });
}

/** Turns a prospect into a new lead with a fresh id and timestamps. */
export function prospectToLead(
  prospect: Prospect,
  extra: { tags?: string[]; note?: string; now?: Date; id?: string } = {},
): Lead {
  const now = (extra.now ?? new Date()).toISOString();
  return LeadSchema.parse({
    ...prospect,
    id: extra.id ?? crypto.randomUUID(),
    tags: extra.tags ?? [],
    note: extra.note ?? '',
    capturedAt: now,
    updatedAt: now,
  });
}
