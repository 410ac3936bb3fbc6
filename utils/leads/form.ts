// Lead editor form state: lead to form fields and back, with validation.
import { loadPhoneMetadataFor } from '../phone/load';
import { classifyProfileUrl, normalizeEmail, normalizePhone, normalizeWebsite, splitName, unique } from './normalize';
import { mergeTags } from './merge';
import { describeIssue, fieldLabel } from './repair';
import { LeadSchema, LIMITS, provenanceKey, type Lead, type ProfileKindKey, type Provenance } from './schema';

/** The editable text of a lead as the popup form holds it. */
export interface LeadForm {
  name: string;
  title: string;
  company: string;
  emails: string;
  phones: string;
  linkedin: string;
  x: string;
  github: string;
  website: string;
  location: string;
  tags: string[];
  note: string;
}

/** Form values for a lead (lists one per line). */
export function leadToForm(lead: Lead): LeadForm {
  return {
    name: lead.name,
    title: lead.title,
    company: lead.company,
    emails: lead.emails.join('\n'),
    phones: lead.phones.join('\n'),
    linkedin: lead.profiles.linkedin,
    x: lead.profiles.x,
    github: lead.profiles.github,
    website: lead.website,
    location: lead.location,
    tags: lead.tags,
    note: lead.note,
  };
}

const lines = (s: string) => unique(s.split(/[\n,;]+/).map((x) => x.trim()).filter(Boolean));

/** The country a typed phone without its own calling code is read in. */
const PHONE_FALLBACK_COUNTRY = 'US';

/**
 * Loads the phone metadata {@link formToLead} and the card's formatting need
 * for a form's phones text (the popup fetches it per calling code; elsewhere
 * this resolves at once): the codes written in it, and the fallback
 * country's for numbers that do not read on their own.
 */
export async function loadFormPhoneMetadata(phones: string): Promise<void> {
  const raw = lines(phones);
  await loadPhoneMetadataFor(raw);
  const national = raw.filter((r) => !normalizePhone(r));
  if (national.length) await loadPhoneMetadataFor(national, [PHONE_FALLBACK_COUNTRY]);
}

/** Form field that shows an error about a lead field (`firstName` is typed in Name, `profiles.x` in X). */
const FORM_FIELD: Record<string, keyof LeadForm> = {
  name: 'name',
  firstName: 'name',
  lastName: 'name',
  title: 'title',
  company: 'company',
  emails: 'emails',
  phones: 'phones',
  linkedin: 'linkedin',
  x: 'x',
  github: 'github',
  website: 'website',
  location: 'location',
  tags: 'tags',
  note: 'note',
};

const tooLong = (max: number, length: number, what = '') => `${what}longer than ${max} characters (${length}); shorten it`;

/**
 * Length limits of the form, checked before anything else so the user sees
 * which field is too long (and by how much) instead of a Save that does nothing.
 */
function checkLimits(form: LeadForm, errors: Partial<Record<keyof LeadForm, string>>): void {
  const single: Array<[keyof LeadForm, number]> = [
    ['name', LIMITS.shortText],
    ['title', LIMITS.shortText],
    ['company', LIMITS.shortText],
    ['location', LIMITS.shortText],
    ['linkedin', LIMITS.url],
    ['x', LIMITS.url],
    ['github', LIMITS.url],
    ['website', LIMITS.url],
    ['note', LIMITS.note],
  ];
  for (const [key, max] of single) {
    const v = (form[key] as string).replace(/\s+/g, ' ').trim();
    if (v.length > max) errors[key] = tooLong(max, v.length);
  }
  if (!errors.name) {
    const { firstName, lastName } = splitName(form.name.replace(/\s+/g, ' ').trim());
    if (firstName.length > LIMITS.namePart) errors.name = tooLong(LIMITS.namePart, firstName.length, 'the first name is ');
    else if (lastName.length > LIMITS.namePart) errors.name = tooLong(LIMITS.namePart, lastName.length, 'the last name is ');
  }
  for (const [key, max] of [['emails', LIMITS.email], ['phones', LIMITS.phone]] as const) {
    const items = lines(form[key]);
    const long = items.find((v) => v.length > max);
    if (long) errors[key] = `"${long.slice(0, 20)}…" is ${tooLong(max, long.length)}`;
    else if (items.length > LIMITS.listItems) errors[key] = `more than ${LIMITS.listItems} (${items.length}); keep the ${LIMITS.listItems} that matter`;
  }
  const longTag = form.tags.find((t) => t.trim().length > LIMITS.tag);
  if (longTag) errors.tags = `"${longTag.slice(0, 20)}…" is ${tooLong(LIMITS.tag, longTag.trim().length)}`;
  else if (form.tags.length > LIMITS.tags) errors.tags = `more than ${LIMITS.tags} tags (${form.tags.length})`;
}

/**
 * Applies the form to the lead it was made from. Values the user changed
 * get provenance `user`; invalid input is reported per field and nothing is
 * returned, so the form (and what the user typed) stays as it is.
 */
export function formToLead(form: LeadForm, base: Lead, now = new Date()): { lead: Lead } | { errors: Partial<Record<keyof LeadForm, string>> } {
  const errors: Partial<Record<keyof LeadForm, string>> = {};
  checkLimits(form, errors);
  if (Object.keys(errors).length) return { errors };
  const prov: Provenance = { ...base.provenance };
  const scalar = (field: 'name' | 'title' | 'company' | 'location', value: string) => {
    const v = value.replace(/\s+/g, ' ').trim();
    if (v !== base[field]) prov[field] = 'user';
    return v;
  };

  const emails: string[] = [];
  for (const raw of lines(form.emails)) {
    const e = normalizeEmail(raw);
    if (!e) errors.emails = `"${raw}" is not an email address`;
    else if (!emails.includes(e)) {
      emails.push(e);
      if (!base.emails.includes(e)) prov[provenanceKey('emails', e)] = 'user';
    }
  }
  const phones: string[] = [];
  for (const raw of lines(form.phones)) {
    // A number libphonenumber cannot read (an extension, a short code) is kept as typed rather than dropped.
    const p = normalizePhone(raw) || normalizePhone(raw, PHONE_FALLBACK_COUNTRY) || raw;
    if (!phones.includes(p)) {
      phones.push(p);
      if (!base.phones.includes(p)) prov[provenanceKey('phones', p)] = 'user';
    }
  }
  const profiles = { ...base.profiles };
  for (const kind of ['linkedin', 'x', 'github'] as const satisfies readonly ProfileKindKey[]) {
    const raw = form[kind].trim();
    let url = '';
    if (raw) {
      const classified = classifyProfileUrl(normalizeWebsite(raw));
      if (!classified || classified.kind !== kind) errors[kind] = `not a ${kind === 'x' ? 'X' : kind === 'github' ? 'GitHub' : 'LinkedIn'} profile URL`;
      else url = classified.url;
    }
    if (url !== base.profiles[kind]) prov[`profiles.${kind}`] = 'user';
    profiles[kind] = url;
  }
  const website = form.website.trim() ? normalizeWebsite(form.website) : '';
  if (form.website.trim() && !website) errors.website = 'not a web address';
  if (website !== base.website) prov.website = 'user';

  const name = scalar('name', form.name);
  if (!name && !emails.length && !phones.length && !profiles.linkedin && !profiles.x && !profiles.github) {
    errors.name = 'a lead needs at least a name, an email, a phone or a profile';
  }
  if (Object.keys(errors).length) return { errors };

  const nameChanged = name !== base.name;
  if (nameChanged) prov.firstName = prov.lastName = 'user';
  const parsed = LeadSchema.safeParse({
    ...base,
    name,
    // A renamed lead must not keep the old first/last name.
    ...(nameChanged ? splitName(name) : { firstName: base.firstName, lastName: base.lastName }),
    title: scalar('title', form.title),
    company: scalar('company', form.company),
    location: scalar('location', form.location),
    emails,
    phones,
    profiles,
    website,
    tags: mergeTags(form.tags),
    note: form.note.trim(),
    updatedAt: now.toISOString(),
    provenance: prov,
  });
  if (!parsed.success) {
    // Whatever the schema still refuses is shown on the field the user typed it in, naming the lead field.
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []) as PropertyKey[];
    const key = FORM_FIELD[String(path[0] === 'profiles' ? path[1] : path[0])] ?? 'name';
    return { errors: { [key]: issue ? describeIssue(issue) : `${fieldLabel(path)}: invalid value` } };
  }
  return { lead: parsed.data };
}
