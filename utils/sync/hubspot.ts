// HubSpot client: batch upsert by email, LinkedIn search for leads without one, company, note.
import { z } from 'zod';
import type { Lead } from '../leads/schema';
import { outcomeOfStatus, NetworkError, requestJson, type HttpAnswer } from './http';
import { HUBSPOT_LIMITS, hubspotCompany, hubspotContact, hubspotCreateBody, hubspotNoteBody, hubspotSearchBody, hubspotUpsertBody } from './hubspot-map';
import { hashText, primaryEmail } from './map-common';
import { createThrottle, realClock, type Clock, type Throttle } from './throttle';
import type { ClientDeps, ConnectionCheck, CrmClient, LeadOutcome, LookupHit, SyncContext, SyncItem } from './types';

/** Production API host. */
export const HUBSPOT_API = 'https://api.hubapi.com';
/** Host permission requested on connect. */
export const HUBSPOT_ORIGINS = ['https://api.hubapi.com/*'];
const V = '2026-03';

const ErrorBody = z.looseObject({
  message: z.string().default(''),
  category: z.string().optional(),
  errors: z.array(z.looseObject({ message: z.string().optional(), context: z.record(z.string(), z.array(z.string())).optional() })).optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
});
const RecordBody = z.looseObject({ id: z.string(), objectWriteTraceId: z.string().optional(), url: z.string().optional(), properties: z.record(z.string(), z.string().nullable()).default({}) });
const UpsertBody = z.looseObject({
  results: z.array(RecordBody),
  errors: z
    .array(z.looseObject({ status: z.string().optional(), category: z.string().default(''), message: z.string().default(''), context: z.record(z.string(), z.array(z.string())).optional() }))
    .optional(),
});
const SearchBody = z.looseObject({ total: z.number(), results: z.array(RecordBody) });
const AccountBody = z.looseObject({ portalId: z.number(), uiDomain: z.string().optional() });
const PropertiesBody = z.looseObject({ results: z.array(z.looseObject({ name: z.string() })) });

/** The HubSpot error message fit to show: "token rejected", "missing scope …", else HubSpot's own words. */
export function hubspotErrorMessage(answer: HttpAnswer): string {
  const parsed = ErrorBody.safeParse(answer.body);
  const body = parsed.success ? parsed.data : undefined;
  const said = body?.message || (typeof answer.body === 'string' ? answer.body.slice(0, 300) : '') || `HTTP ${answer.status}`;
  if (answer.status === 401) return `token rejected (HubSpot: ${said})`;
  if (answer.status === 403) {
    const scopes = [...(body?.errors ?? []).flatMap((e) => e.context?.requiredGranularScopes ?? e.context?.requiredScopes ?? []), ...(body?.context?.requiredGranularScopes ?? [])];
    if (body?.category === 'MISSING_SCOPES' || scopes.length) return `missing scope ${scopes.length ? scopes.join(', ') : ''} (HubSpot: ${said})`.replace('  ', ' ');
    return `access refused (HubSpot: ${said})`;
  }
  return said;
}

/** Batch-item categories that will fail again unchanged: shown, not retried. */
const PERMANENT = /VALIDATION|INVALID|CONFLICT|NOT_FOUND|MISSING|DUPLICATE|BAD_REQUEST|OBJECT_ALREADY_EXISTS/i;

/** Throttles shared by every HubSpot call of one worker: ≤ 9 req/s overall, ≤ 4 searches/s. */
export function createHubspotThrottles(clock: Clock = realClock): { general: Throttle; search: Throttle } {
  return { general: createThrottle(9, 1000, clock), search: createThrottle(4, 1000, clock) };
}

/** Creates the HubSpot client; `fetch`, the token and the throttles are injected. */
export function createHubspotClient(deps: ClientDeps & { throttles?: { general: Throttle; search: Throttle } }): CrmClient {
  const base = deps.target.baseUrl.replace(/\/$/, '') || HUBSPOT_API;
  const now = deps.now ?? Date.now;
  const throttles = deps.throttles ?? createHubspotThrottles();

  async function call(method: string, path: string, body?: unknown, search = false): Promise<HttpAnswer> {
    await throttles.general.take();
    if (search) await throttles.search.take();
    const token = await deps.getToken();
    const answer = await requestJson(deps.fetch, `${base}${path}`, { method, headers: { authorization: `Bearer ${token}` }, body });
    if (answer.status === 429) {
      const o = outcomeOfStatus(answer, '', now());
      if (o.kind === 'retry' && o.afterMs) throttles.general.pauseFor(o.afterMs);
    }
    return answer;
  }
  const ok = (a: HttpAnswer) => a.status >= 200 && a.status < 300;
  const fail = (a: HttpAnswer) => outcomeOfStatus(a, hubspotErrorMessage(a), now());
  const recordUrl = (id: string) => (deps.target.recordUrlBase ? `${deps.target.recordUrlBase}${id}` : undefined);

  /** Upserts leads with an email, 100 per request; results matched by trace id. */
  async function upsertByEmail(leads: Lead[], out: Map<string, LeadOutcome>) {
    for (let i = 0; i < leads.length; i += HUBSPOT_LIMITS.batch) {
      const chunk = leads.slice(i, i + HUBSPOT_LIMITS.batch);
      const answer = await call('POST', `/crm/objects/${V}/contacts/batch/upsert`, hubspotUpsertBody(chunk));
      if (!ok(answer)) {
        const o = fail(answer);
        for (const l of chunk) out.set(l.id, o);
        continue;
      }
      const parsed = UpsertBody.safeParse(answer.body);
      if (!parsed.success) {
        for (const l of chunk) out.set(l.id, { kind: 'retry', message: 'HubSpot sent an answer we could not read' });
        continue;
      }
      const byTrace = new Map(chunk.map((l) => [l.id, l]));
      const byEmail = new Map(chunk.map((l) => [primaryEmail(l), l]));
      for (const r of parsed.data.results) {
        const lead = (r.objectWriteTraceId && byTrace.get(r.objectWriteTraceId)) || byEmail.get((r.properties.email ?? '').toLowerCase());
        if (lead) out.set(lead.id, { kind: 'ok', recordId: r.id, recordUrl: recordUrl(r.id), syncedEmail: primaryEmail(lead) });
      }
      for (const e of parsed.data.errors ?? []) {
        const ids = [...(e.context?.ids ?? []), ...(e.context?.objectWriteTraceId ?? [])];
        for (const id of ids) {
          const lead = byTrace.get(id) ?? byEmail.get(id.toLowerCase());
          if (!lead || out.get(lead.id)?.kind === 'ok') continue;
          out.set(lead.id, PERMANENT.test(e.category) ? { kind: 'failed', message: e.message || e.category } : { kind: 'retry', message: e.message || e.category });
        }
      }
    }
  }

  /** No usable email (or the email changed since the last sync): update by id, else find by LinkedIn, else create. */
  async function upsertOne(item: SyncItem, ctx: SyncContext): Promise<LeadOutcome> {
    const { lead, entry } = item;
    const body = hubspotContact(lead).properties;
    let id = entry.recordId;
    if (!id && lead.profiles.linkedin) {
      const a = await call('POST', `/crm/objects/${V}/contacts/search`, hubspotSearchBody('hs_linkedin_url', lead.profiles.linkedin, ['email', 'firstname', 'lastname', 'hs_linkedin_url']), true);
      if (!ok(a)) return fail(a);
      const found = SearchBody.safeParse(a.body);
      if (!found.success) return { kind: 'retry', message: 'HubSpot sent a search answer we could not read' };
      if (found.data.results.length === 1) id = found.data.results[0]!.id;
    }
    if (id) {
      const a = await call('PATCH', `/crm/objects/${V}/contacts/${encodeURIComponent(id)}`, { properties: body });
      if (ok(a)) return { kind: 'ok', recordId: id, recordUrl: recordUrl(id), syncedEmail: primaryEmail(lead) };
      // Deleted in HubSpot since: create it again below.
      if (a.status !== 404) return fail(a);
    }
    const a = await call('POST', `/crm/objects/${V}/contacts`, hubspotCreateBody(lead));
    if (!ok(a)) return fail(a);
    const rec = RecordBody.safeParse(a.body);
    if (!rec.success) return { kind: 'retry', message: 'HubSpot sent an answer we could not read' };
    // Stored before anything else happens, so a retry updates this record instead of creating another.
    await ctx.checkpoint(lead.id, { recordId: rec.data.id, recordUrl: recordUrl(rec.data.id) });
    return { kind: 'ok', recordId: rec.data.id, recordUrl: recordUrl(rec.data.id), syncedEmail: primaryEmail(lead) };
  }

  /** Finds or creates each distinct company once, then associates contacts with them in batches. */
  async function companies(items: SyncItem[], out: Map<string, LeadOutcome>) {
    const ids = new Map<string, string>();
    const pairs: Array<{ from: { id: string }; to: { id: string } }> = [];
    for (const { lead } of items) {
      const o = out.get(lead.id);
      const c = hubspotCompany(lead);
      if (o?.kind !== 'ok' || !c) continue;
      let companyId = ids.get(c.key);
      if (!companyId) {
        const s = await call('POST', `/crm/objects/${V}/companies/search`, c.search, true);
        const found = ok(s) ? SearchBody.safeParse(s.body) : undefined;
        if (found?.success && found.data.results[0]) companyId = found.data.results[0].id;
        else if (found?.success) {
          const cr = await call('POST', `/crm/objects/${V}/companies`, c.create);
          const rec = ok(cr) ? RecordBody.safeParse(cr.body) : undefined;
          if (rec?.success) companyId = rec.data.id;
          else o.warning = `company not created: ${hubspotErrorMessage(cr)}`;
        } else o.warning = `company not found: ${hubspotErrorMessage(s)}`;
        if (companyId) ids.set(c.key, companyId);
      }
      if (companyId) pairs.push({ from: { id: o.recordId }, to: { id: companyId } });
    }
    for (let i = 0; i < pairs.length; i += HUBSPOT_LIMITS.batch) {
      const a = await call('POST', `/crm/associations/${V}/contacts/companies/batch/associate/default`, { inputs: pairs.slice(i, i + HUBSPOT_LIMITS.batch) });
      if (!ok(a)) console.warn('Prospect Scout: HubSpot company association failed', a.status);
    }
  }

  /** Adds a note when the lead's note content changed since the last one sent. */
  async function note(item: SyncItem, o: LeadOutcome & { kind: 'ok' }, ctx: SyncContext): Promise<LeadOutcome> {
    const { noteHtml } = hubspotContact(item.lead);
    if (!noteHtml) return o;
    const hash = hashText(noteHtml);
    // Sent before (or its send started before a crash): never post it twice.
    if (item.entry.noteHash === hash || item.entry.noteSending === hash) return { ...o, noteHash: hash };
    await ctx.checkpoint(item.lead.id, { noteSending: hash });
    let a: HttpAnswer;
    try {
      a = await call('POST', `/crm/objects/${V}/notes`, hubspotNoteBody(item.lead, o.recordId, noteHtml));
    } catch (e) {
      await ctx.checkpoint(item.lead.id, { noteSending: '' });
      throw e;
    }
    if (ok(a)) return { ...o, noteHash: hash };
    await ctx.checkpoint(item.lead.id, { noteSending: '' });
    const f = fail(a);
    return f.kind === 'failed' ? { ...o, warning: `note not added: ${f.message}` } : f;
  }

  return {
    id: 'hubspot',
    batchSize: HUBSPOT_LIMITS.batch,
    async sync(items, ctx) {
      const out = new Map<string, LeadOutcome>();
      const guard = async (ids: string[], fn: () => Promise<void>) => {
        try {
          await fn();
        } catch (e) {
          if (!(e instanceof NetworkError)) throw e;
          for (const id of ids) if (!out.has(id) || out.get(id)!.kind === 'ok') out.set(id, { kind: 'retry', message: e.message });
        }
      };
      // Upsert by email unless the email changed since the record was written (then by id: no duplicate).
      const byEmail = items.filter(({ lead, entry }) => primaryEmail(lead) && (!entry.recordId || !entry.syncedEmail || entry.syncedEmail === primaryEmail(lead)));
      const single = items.filter((i) => !byEmail.includes(i));
      await guard(byEmail.map((i) => i.lead.id), () => upsertByEmail(byEmail.map((i) => i.lead), out));
      for (const item of single) {
        await guard([item.lead.id], async () => void out.set(item.lead.id, await upsertOne(item, ctx)));
        if (out.get(item.lead.id)?.kind === 'auth') break;
      }
      if ([...out.values()].some((o) => o.kind === 'auth')) return out;
      if (deps.target.companies) await guard([], () => companies(items, out));
      for (const item of items) {
        const o = out.get(item.lead.id);
        if (o?.kind === 'ok') await guard([item.lead.id], async () => void out.set(item.lead.id, await note(item, o, ctx)));
      }
      return out;
    },
    async testConnection(): Promise<ConnectionCheck> {
      try {
        const acc = await call('GET', '/account-info/v3/details');
        if (!ok(acc)) return { ok: false, message: hubspotErrorMessage(acc) };
        const parsed = AccountBody.safeParse(acc.body);
        if (!parsed.success) return { ok: false, message: 'HubSpot sent an answer we could not read' };
        const props = await call('GET', `/crm/properties/${V}/contacts`);
        if (!ok(props)) return { ok: false, message: hubspotErrorMessage(props) };
        const list = PropertiesBody.safeParse(props.body);
        const hasLinkedin = list.success && list.data.results.some((p) => p.name === 'hs_linkedin_url');
        const { portalId, uiDomain } = parsed.data;
        return {
          ok: true,
          account: `HubSpot account ${portalId}${hasLinkedin ? '' : ' (no LinkedIn URL property: profiles go to the note)'}`,
          details: { recordUrlBase: `https://${uiDomain ?? 'app.hubspot.com'}/contacts/${portalId}/record/0-1/` },
        };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async lookup({ email, linkedin }): Promise<LookupHit | undefined> {
      const [prop, value] = email ? ['email', email.toLowerCase()] : ['hs_linkedin_url', linkedin];
      if (!value) return undefined;
      const a = await call('POST', `/crm/objects/${V}/contacts/search`, hubspotSearchBody(prop, value, ['email', 'firstname', 'lastname', 'hs_linkedin_url'], 1), true);
      if (!ok(a)) throw new Error(hubspotErrorMessage(a));
      const r = SearchBody.parse(a.body).results[0];
      if (!r) return undefined;
      return { recordId: r.id, recordUrl: recordUrl(r.id), name: [r.properties.firstname, r.properties.lastname].filter(Boolean).join(' ') || r.properties.email || r.id };
    },
  };
}
