// Lead editor form state: lead to form fields and back, with validation.
import { classifyProfileUrl, normalizeEmail, normalizePhone, normalizeWebsite, splitName, unique } from './normalize';
import { mergeTags } from './merge';
import { LeadSchema, provenanceKey, type Lead, type ProfileKindKey, type Provenance } from './schema';

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

/**
 * Applies the form to the lead it was made from. Values the user changed
 * get provenance `user`; invalid input is reported per field and nothing is
 * returned, so the form (and what the user typed) stays as it is.
 */
export function formToLead(form: LeadForm, base: Lead, now = new Date()): { lead: Lead } | { errors: Partial<Record<keyof LeadForm, string>> } {
  const errors: Partial<Record<keyof LeadForm, string>> = {};
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
    const p = normalizePhone(raw) || normalizePhone(raw, 'US') || raw.slice(0, 64);
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
    const issue = parsed.error.issues[0];
    return { errors: { [String(issue?.path[0] ?? 'note')]: issue?.message ?? 'invalid value' } };
  }
  return { lead: parsed.data };
}
