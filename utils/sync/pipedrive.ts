// Pipedrive client: exact email search re-checked in code, update (merged emails/phones) or create, organization, v1 note.
import { z } from 'zod';
import { outcomeOfStatus, requestJson, syncEach, type HttpAnswer } from './http';
import { hashText, primaryEmail } from './map-common';
import { pipedriveNoteHtml, pipedrivePersonCreate, pipedrivePersonUpdate } from './pipedrive-map';
import { createThrottle, realClock, type Clock, type Throttle } from './throttle';
import type { ClientDeps, ConnectionCheck, CrmClient, LeadOutcome, LookupHit, SyncContext, SyncItem } from './types';

/** Default API host (a company domain, https://<company>.pipedrive.com, works too). */
export const PIPEDRIVE_API = 'https://api.pipedrive.com';

const Err = z.looseObject({ error: z.string().optional(), error_info: z.string().optional() });
const Point = z.looseObject({ value: z.string().optional().default(''), primary: z.boolean().optional(), label: z.string().optional() });
const PersonEnvelope = z.looseObject({ data: z.looseObject({ id: z.number(), emails: z.array(Point).default([]), phones: z.array(Point).default([]) }) });
const PersonSearch = z.looseObject({
  data: z.looseObject({ items: z.array(z.looseObject({ item: z.looseObject({ id: z.number(), name: z.string().optional(), emails: z.array(z.string()).default([]) }) })) }),
});
const OrgSearch = z.looseObject({ data: z.looseObject({ items: z.array(z.looseObject({ item: z.looseObject({ id: z.number(), name: z.string().optional() }) })) }) });
const Created = z.looseObject({ data: z.looseObject({ id: z.number() }) });
const Fields = z.looseObject({ data: z.array(z.looseObject({ field_code: z.string() })) });

/** Pipedrive's error text fit to show ("token rejected", else its own words). */
export function pipedriveErrorMessage(a: HttpAnswer): string {
  const p = Err.safeParse(a.body);
  const said = (p.success && p.data.error) || `HTTP ${a.status}`;
  if (a.status === 401) return `token rejected (Pipedrive: ${said})`;
  if (a.status === 403) return `access refused (Pipedrive: ${said})`;
  return said;
}

/** Throttles under Pipedrive's lowest burst limits: ≤ 10 requests and ≤ 5 searches per 2 s. */
export function createPipedriveThrottles(clock: Clock = realClock): { general: Throttle; search: Throttle } {
  return { general: createThrottle(10, 2000, clock), search: createThrottle(5, 2000, clock) };
}

/** Creates the Pipedrive client; fetch, token and throttles injected. */
export function createPipedriveClient(deps: ClientDeps & { throttles?: { general: Throttle; search: Throttle } }): CrmClient {
  const base = deps.target.baseUrl.replace(/\/$/, '') || PIPEDRIVE_API;
  const now = deps.now ?? Date.now;
  const throttles = deps.throttles ?? createPipedriveThrottles();
  let jobTitle: Promise<boolean> | undefined;

  async function call(method: string, path: string, body?: unknown, search = false): Promise<HttpAnswer> {
    await throttles.general.take();
    if (search) await throttles.search.take();
    // The token goes in a header, never in the URL (URLs end up in logs).
    const a = await requestJson(deps.fetch, `${base}${path}`, { method, headers: { 'x-api-token': await deps.getToken() }, body });
    if (a.status === 429) {
      const o = outcomeOfStatus(a, '', now());
      if (o.kind === 'retry' && o.afterMs) throttles.general.pauseFor(o.afterMs);
    }
    return a;
  }
  const ok = (a: HttpAnswer) => a.status >= 200 && a.status < 300;
  const fail = (a: HttpAnswer) => outcomeOfStatus(a, pipedriveErrorMessage(a), now());
  const recordUrl = (id: number) => (deps.target.recordUrlBase ? `${deps.target.recordUrlBase}${id}` : undefined);
  /** Whether this company has the job_title person field (only with contact sync). */
  const hasJobTitle = () =>
    (jobTitle ??= call('GET', '/api/v2/personFields?limit=500').then((a) => {
      const f = ok(a) ? Fields.safeParse(a.body) : undefined;
      return !!f?.success && f.data.data.some((d) => d.field_code === 'job_title');
    }));

  async function findPerson(email: string): Promise<number | undefined | LeadOutcome> {
    const q = new URLSearchParams({ term: email, fields: 'email', exact_match: 'true', limit: '10' });
    const a = await call('GET', `/api/v2/persons/search?${q}`, undefined, true);
    if (!ok(a)) return fail(a);
    const p = PersonSearch.safeParse(a.body);
    if (!p.success) return { kind: 'retry', message: 'Pipedrive sent a search answer we could not read' };
    // exact_match has matched partial addresses before: keep only a real match.
    return p.data.data.items.find((h) => h.item.emails.some((e) => e.trim().toLowerCase() === email))?.item.id;
  }

  async function org(name: string, cache: Map<string, number>): Promise<number | undefined> {
    const key = name.trim().toLowerCase();
    if (!key) return undefined;
    if (cache.has(key)) return cache.get(key);
    const q = new URLSearchParams({ term: name.trim(), fields: 'name', exact_match: 'true', limit: '10' });
    const s = await call('GET', `/api/v2/organizations/search?${q}`, undefined, true);
    const found = ok(s) ? OrgSearch.safeParse(s.body) : undefined;
    let id = found?.success ? found.data.data.items.find((h) => h.item.name?.trim().toLowerCase() === key)?.item.id : undefined;
    if (!id && found?.success) {
      const c = await call('POST', '/api/v2/organizations', { name: name.trim().slice(0, 255) });
      const created = ok(c) ? Created.safeParse(c.body) : undefined;
      id = created?.success ? created.data.data.id : undefined;
    }
    if (id) cache.set(key, id);
    return id;
  }

  async function syncOne(item: SyncItem, ctx: SyncContext, orgs: Map<string, number>): Promise<LeadOutcome> {
    const { lead, entry } = item;
    const jt = await hasJobTitle();
    const orgId = deps.target.companies ? await org(lead.company, orgs) : undefined;
    let id = entry.recordId ? Number(entry.recordId) : undefined;
    const email = primaryEmail(lead);
    if (!id && email) {
      const found = await findPerson(email);
      if (typeof found === 'object') return found;
      id = found;
    }
    let personId: number;
    let existing: { emails: Array<{ value: string; primary?: boolean; label?: string }>; phones: Array<{ value: string; primary?: boolean; label?: string }> } | undefined;
    if (id) {
      const g = await call('GET', `/api/v2/persons/${id}`);
      // Deleted in Pipedrive since the last sync: create it again below.
      if (g.status !== 404 && g.status !== 410) {
        if (!ok(g)) return fail(g);
        const p = PersonEnvelope.safeParse(g.body);
        if (!p.success) return { kind: 'retry', message: 'Pipedrive sent a person we could not read' };
        existing = p.data.data;
      }
    }
    if (id && existing) {
      const u = await call('PATCH', `/api/v2/persons/${id}`, pipedrivePersonUpdate(lead, existing, { orgId, jobTitle: jt }));
      if (!ok(u)) return fail(u);
      personId = id;
    } else {
      const c = await call('POST', '/api/v2/persons', pipedrivePersonCreate(lead, { orgId, jobTitle: jt }));
      const created = ok(c) ? Created.safeParse(c.body) : undefined;
      if (!created?.success) return ok(c) ? { kind: 'retry', message: 'Pipedrive sent an answer we could not read' } : fail(c);
      personId = created.data.data.id;
      // Stored at once: a retry updates this person instead of creating another.
      await ctx.checkpoint(lead.id, { recordId: String(personId), recordUrl: recordUrl(personId) });
    }
    const done: LeadOutcome = { kind: 'ok', recordId: String(personId), recordUrl: recordUrl(personId), syncedEmail: email };
    const html = pipedriveNoteHtml(lead, { jobTitle: jt });
    if (!html) return done;
    const hash = hashText(html);
    if (entry.noteHash === hash || entry.noteSending === hash) return { ...done, noteHash: hash };
    await ctx.checkpoint(lead.id, { noteSending: hash });
    const n = await call('POST', '/api/v1/notes', { content: html, person_id: personId, ...(orgId ? { org_id: orgId } : {}) });
    if (ok(n)) return { ...done, noteHash: hash };
    await ctx.checkpoint(lead.id, { noteSending: '' });
    const f = fail(n);
    return f.kind === 'failed' ? { ...done, warning: `note not added: ${f.message}` } : f;
  }

  return {
    id: 'pipedrive',
    batchSize: 20,
    sync(items, ctx) {
      // Organizations found or created in this batch, so two leads at one company make one organization.
      const orgs = new Map<string, number>();
      return syncEach(items, (item) => syncOne(item, ctx, orgs));
    },
    async testConnection(): Promise<ConnectionCheck> {
      try {
        const a = await call('GET', '/api/v2/personFields?limit=1');
        if (!ok(a)) return { ok: false, message: pipedriveErrorMessage(a) };
        const host = new URL(base).host;
        const company = host.endsWith('.pipedrive.com') && host !== 'api.pipedrive.com' ? host.split('.')[0]! : '';
        return {
          ok: true,
          account: `Pipedrive${company ? ` (${company})` : ''}: token accepted`,
          details: { recordUrlBase: company ? `https://${company}.pipedrive.com/person/` : '' },
        };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async lookup({ email }): Promise<LookupHit | undefined> {
      if (!email) return undefined;
      const found = await findPerson(email.toLowerCase());
      if (typeof found !== 'number') return undefined;
      return { recordId: String(found), recordUrl: recordUrl(found), name: email };
    },
  };
}
