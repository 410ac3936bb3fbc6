// Lead → Pipedrive request bodies (person create/update with merged emails/phones, organization, v1 note), pure.
import type { Lead } from '../leads/schema';
import { escapeHtml, leadName, noteLines, primaryEmail, splitLocation, splitPhones, truncate } from './map-common';

/** Pipedrive's field limits we keep to. */
export const PIPEDRIVE_LIMITS = { name: 255, note: 10_000, text: 255 } as const;

/** One email/phone entry as Pipedrive stores it. */
export interface ContactPoint {
  value: string;
  primary?: boolean;
  label?: string;
}

/** The person's name: required by Pipedrive, so full name, else first + last, else the email. */
export function pipedriveName(lead: Lead): string {
  const { firstName, lastName } = leadName(lead);
  return truncate(lead.name.trim() || [firstName, lastName].filter(Boolean).join(' ') || primaryEmail(lead) || lead.profiles.linkedin || 'Unnamed lead', PIPEDRIVE_LIMITS.name);
}

/** Emails of a lead as contact points: the first primary ("work"), the others "other". */
export function pipedriveEmails(lead: Lead): ContactPoint[] {
  return lead.emails
    .map((e) => e.trim())
    .filter(Boolean)
    .map((value, i) => ({ value: i === 0 ? value.toLowerCase() : value, primary: i === 0, label: i === 0 ? 'work' : 'other' }));
}

/** Phones as contact points: main first (primary, "work"), mobile labelled "mobile". */
export function pipedrivePhones(lead: Lead): ContactPoint[] {
  const { phone, mobile, others } = splitPhones(lead.phones);
  const list = [phone && { value: phone, label: 'work' }, mobile && { value: mobile, label: 'mobile' }, ...others.map((value) => ({ value, label: 'other' }))].filter(
    (p): p is { value: string; label: string } => !!p,
  );
  return list.map((p, i) => ({ ...p, primary: i === 0 }));
}

/**
 * Joins what Pipedrive has with what the lead has: existing entries keep
 * their place and primary flag, new values (compared case-insensitively,
 * phones by digits) are added. Pipedrive replaces the whole list on PATCH,
 * so sending only ours would delete the user's other numbers.
 */
export function mergeContactPoints(existing: ContactPoint[], ours: ContactPoint[], kind: 'email' | 'phone'): ContactPoint[] {
  const key = (v: string) => (kind === 'email' ? v.trim().toLowerCase() : v.replace(/[^\d+]/g, ''));
  const kept = existing.filter((e) => e.value?.trim()).map((e) => ({ value: e.value, primary: !!e.primary, ...(e.label ? { label: e.label } : {}) }));
  const seen = new Set(kept.map((e) => key(e.value)));
  const hasPrimary = kept.some((e) => e.primary);
  for (const o of ours) {
    if (seen.has(key(o.value))) continue;
    seen.add(key(o.value));
    kept.push({ ...o, primary: !hasPrimary && kept.length === 0 ? true : false });
  }
  return kept;
}

/** Create body of a person. */
export function pipedrivePersonCreate(lead: Lead, opts: { orgId?: number; jobTitle: boolean }) {
  const emails = pipedriveEmails(lead);
  const phones = pipedrivePhones(lead);
  return {
    name: pipedriveName(lead),
    ...(opts.orgId ? { org_id: opts.orgId } : {}),
    ...(emails.length ? { emails } : {}),
    ...(phones.length ? { phones } : {}),
    ...(opts.jobTitle && lead.title.trim() ? { job_title: truncate(lead.title.trim(), PIPEDRIVE_LIMITS.text) } : {}),
  };
}

/** Update body of a person: merged lists, name, organization. */
export function pipedrivePersonUpdate(lead: Lead, existing: { emails: ContactPoint[]; phones: ContactPoint[] }, opts: { orgId?: number; jobTitle: boolean }) {
  const create = pipedrivePersonCreate(lead, opts);
  const emails = mergeContactPoints(existing.emails, pipedriveEmails(lead), 'email');
  const phones = mergeContactPoints(existing.phones, pipedrivePhones(lead), 'phone');
  return { ...create, ...(emails.length ? { emails } : {}), ...(phones.length ? { phones } : {}) };
}

/**
 * The note's HTML: the user's note as a paragraph, then one paragraph of
 * the rest (tags, title when Pipedrive has no job title field, profiles,
 * website, location, source), all escaped. '' when there is nothing to say.
 */
export function pipedriveNoteHtml(lead: Lead, opts: { jobTitle: boolean }): string {
  const loc = splitLocation(lead.location);
  const lines = noteLines(lead, { otherPhones: [], rawLocation: lead.location.trim(), mapped: [] }).filter((l) => !l.startsWith('Other emails:'));
  if (!opts.jobTitle && lead.title.trim()) lines.splice(lead.note.trim() ? 1 : 0, 0, `Job title: ${lead.title.trim()}`);
  void loc;
  if (!lines.length) return '';
  const [first, ...rest] = lines;
  const html = lead.note.trim() ? `<p>${escapeHtml(first!)}</p>${rest.length ? `<p>${rest.map(escapeHtml).join('<br>')}</p>` : ''}` : `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
  return truncate(html, PIPEDRIVE_LIMITS.note);
}
