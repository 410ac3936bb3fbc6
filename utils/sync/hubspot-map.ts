// Lead → HubSpot request bodies (contacts batch upsert, create, search, company, note), pure.
import type { Lead } from '../leads/schema';
import { companyDomain, compact, escapeHtml, leadName, noteLines, primaryEmail, splitLocation, splitPhones, truncate, xHandle } from './map-common';

/** HubSpot's batch limits and field limits. */
export const HUBSPOT_LIMITS = { batch: 100, text: 65_536, noteBody: 65_536, search: 200 } as const;

const T = (v: string) => truncate(v, 255);

/** Contact properties of a lead (never an empty string), plus what goes to the note. */
export function hubspotContact(lead: Lead): { properties: Record<string, string>; noteHtml: string } {
  const { firstName, lastName } = leadName(lead);
  const { phone, mobile, others } = splitPhones(lead.phones);
  const loc = splitLocation(lead.location);
  const twitter = xHandle(lead.profiles.x);
  const properties = compact({
    firstname: T(firstName),
    lastname: T(lastName),
    jobtitle: T(lead.title),
    company: T(lead.company),
    phone,
    mobilephone: mobile,
    website: truncate(lead.website, HUBSPOT_LIMITS.text),
    city: T(loc.city),
    state: T(loc.state),
    country: T(loc.country),
    hs_linkedin_url: truncate(lead.profiles.linkedin, HUBSPOT_LIMITS.text),
    twitterhandle: twitter,
  });
  const lines = noteLines(lead, {
    otherPhones: others,
    rawLocation: loc.raw,
    mapped: ['linkedin', ...(twitter ? (['x'] as const) : []), 'website'],
  });
  return { properties, noteHtml: truncate(lines.map(escapeHtml).join('<br>'), HUBSPOT_LIMITS.noteBody) };
}

/** Batch upsert body: keyed by lower-cased email, traced by lead id (results come back by trace id, not position). */
export function hubspotUpsertBody(leads: Lead[]): { inputs: Array<{ idProperty: 'email'; id: string; objectWriteTraceId: string; properties: Record<string, string> }> } {
  if (leads.length > HUBSPOT_LIMITS.batch) throw new RangeError(`HubSpot takes at most ${HUBSPOT_LIMITS.batch} contacts per batch`);
  return {
    inputs: leads.map((lead) => {
      const id = primaryEmail(lead);
      if (!id) throw new Error('batch upsert needs an email');
      return { idProperty: 'email', id, objectWriteTraceId: lead.id, properties: hubspotContact(lead).properties };
    }),
  };
}

/** A single-property EQ search body (the contract requires after and sorts). */
export function hubspotSearchBody(propertyName: string, value: string, properties: string[], limit = 2) {
  return {
    filterGroups: [{ filters: [{ propertyName, operator: 'EQ' as const, value }] }],
    properties,
    sorts: [] as string[],
    limit,
    after: '0',
  };
}

/** Create body for a contact without email (no associations). */
export function hubspotCreateBody(lead: Lead) {
  return { properties: hubspotContact(lead).properties, associations: [] as never[] };
}

/** Company search and create bodies: by domain when known, else by exact name. */
export function hubspotCompany(lead: Lead): { key: string; search: ReturnType<typeof hubspotSearchBody>; create: { properties: Record<string, string>; associations: never[] } } | undefined {
  const name = lead.company.trim();
  if (!name) return undefined;
  const domain = companyDomain(lead);
  return {
    key: domain ? `domain:${domain}` : `name:${name.toLowerCase()}`,
    search: domain ? hubspotSearchBody('domain', domain, ['name', 'domain']) : hubspotSearchBody('name', T(name), ['name', 'domain']),
    create: { properties: compact({ name: T(name), domain }), associations: [] },
  };
}

/** Note create body associated to a contact (association type 202 = note → contact). */
export function hubspotNoteBody(lead: Lead, contactId: string, noteHtml: string) {
  return {
    properties: { hs_timestamp: lead.capturedAt, hs_note_body: noteHtml },
    associations: [{ to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId: 202 }] }],
  };
}
