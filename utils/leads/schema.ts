// The zod schemas of prospects and leads: the single source of the Lead type.
import { z } from 'zod';

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
  /** Prospects one page capture may return; the popup shows one card each. */
  prospectsPerPage: 200,
} as const;

const text = (max: number) => z.string().trim().max(max).default('');

/** Social and other profile URLs of a prospect. Empty string means unknown. */
export const ProfilesSchema = z.object({
  linkedin: text(LIMITS.url),
  x: text(LIMITS.url),
  github: text(LIMITS.url),
  other: z.array(z.string().trim().max(LIMITS.url)).max(LIMITS.listItems).default(() => []),
});
export type Profiles = z.infer<typeof ProfilesSchema>;
/** The single-URL profile slots. */
export type ProfileKindKey = 'linkedin' | 'x' | 'github';

/**
 * Per-field provenance. Scalar fields use their name as key (`name`,
 * `profiles.linkedin`); list values use `emails:<value>` / `phones:<value>`
 * so each address remembers where it was found (see {@link provenanceKey}).
 */
export const ProvenanceSchema = z.record(z.string().max(2100), FieldSourceSchema).default(() => ({}));
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** How sure extraction is of a value: structured data, mailto/tel links high; labelled text medium; heuristics low. */
export const ConfidenceLevelSchema = z.enum(['high', 'medium', 'low']);
export type ConfidenceLevel = z.infer<typeof ConfidenceLevelSchema>;
/**
 * Per-field confidence, keyed like {@link ProvenanceSchema}. Optional, so
 * records written before it existed (and code building leads by hand) stay valid.
 */
export const ConfidenceSchema = z.record(z.string().max(2100), ConfidenceLevelSchema).optional();
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
  emails: z.array(z.string().trim().max(LIMITS.email)).max(LIMITS.listItems).default(() => []),
  phones: z.array(z.string().trim().max(LIMITS.phone)).max(LIMITS.listItems).default(() => []),
  profiles: ProfilesSchema.default(() => ({ linkedin: '', x: '', github: '', other: [] })),
  website: text(LIMITS.url),
  location: text(LIMITS.shortText),
  sourceUrl: text(LIMITS.sourceUrl),
  provenance: ProvenanceSchema,
  confidence: ConfidenceSchema,
});
export type Prospect = z.infer<typeof ProspectSchema>;
/** Input form of a prospect: every field with a default may be omitted. */
export type ProspectInput = z.input<typeof ProspectSchema>;

/** The single definition of a saved lead, used by storage, UI, export and CLI. */
export const LeadSchema = ProspectSchema.extend({
  id: z.string().min(1).max(100),
  tags: z.array(z.string().trim().min(1).max(LIMITS.tag)).max(LIMITS.tags).default(() => []),
  note: text(LIMITS.note),
  capturedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Lead = z.infer<typeof LeadSchema>;

/**
 * The organization behind a page, with the contacts that belong to no
 * person on it (a footer's info@, the switchboard, the fax). Kept apart from
 * people so a generic address never becomes someone's email.
 */
export const OrganizationSchema = z.object({
  name: text(LIMITS.shortText),
  emails: z.array(z.string().trim().max(LIMITS.email)).max(LIMITS.listItems).default(() => []),
  phones: z.array(z.string().trim().max(LIMITS.phone)).max(LIMITS.listItems).default(() => []),
  fax: z.array(z.string().trim().max(LIMITS.phone)).max(LIMITS.listItems).default(() => []),
  website: text(LIMITS.url),
  sourceUrl: text(LIMITS.sourceUrl),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** Result the content script returns from `executeScript`. */
export const ExtractionResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    url: z.string(),
    prospects: z.array(ProspectSchema).max(LIMITS.prospectsPerPage),
    organizations: z.array(OrganizationSchema).max(20).default(() => []),
    warnings: z.array(z.string()).default(() => []),
  }),
  z.object({ ok: z.literal(false), url: z.string().default(''), error: z.string() }),
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
