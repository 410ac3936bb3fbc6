// Salesforce client: Lead upsert by Email, update by stored Id, one token refresh on 401; and the Web-to-Lead variant.
import { z } from 'zod';
import { NetworkError, outcomeOfStatus, requestJson, syncEach, type HttpAnswer } from './http';
import { primaryEmail } from './map-common';
import { leadByEmailQuery, salesforceLead, soqlString, webToLeadForm } from './salesforce-map';
import { WEB_TO_LEAD_URL } from './salesforce-auth';
import type { ClientDeps, ConnectionCheck, CrmClient, LeadOutcome, LookupHit, SyncContext, SyncItem } from './types';

/** The REST API version used (v46.0+ has everything we call; every current org lists v62.0). */
export const SALESFORCE_API_VERSION = 'v62.0';
const V = `/services/data/${SALESFORCE_API_VERSION}`;
/** The daily allocation is rolling over 24 h: try again in an hour rather than hammering. */
const LIMIT_EXCEEDED_WAIT_MS = 60 * 60_000;

const ErrorList = z.array(z.looseObject({ message: z.string().optional().default(''), errorCode: z.string().optional().default('') }));
const Saved = z.looseObject({ id: z.string().min(15).max(18) });
const Query = z.looseObject({ totalSize: z.number(), records: z.array(z.looseObject({ Id: z.string().optional(), Name: z.string().nullish(), IsConverted: z.boolean().optional() })) });

/** Salesforce's error text fit to show: `ERROR_CODE: message` of its first error, "token rejected" on 401. */
export function salesforceErrorMessage(a: HttpAnswer): string {
  const p = ErrorList.safeParse(a.body);
  const e = p.success ? p.data[0] : undefined;
  const said = e ? [e.errorCode, e.message].filter(Boolean).join(': ') : `HTTP ${a.status}`;
  if (a.status === 401) return `token rejected, reconnect needed (Salesforce: ${said})`;
  if (a.status === 403 && e?.errorCode !== 'REQUEST_LIMIT_EXCEEDED') return `access refused (Salesforce: ${said})`;
  if (e?.errorCode === 'CANNOT_UPDATE_CONVERTED_LEAD') return `this lead was converted in Salesforce and can no longer be updated (${said})`;
  return said;
}

/** Extra dependency of the Salesforce client: a fresh access token after a 401 (throws when the refresh token is refused). */
export interface SalesforceDeps extends ClientDeps {
  refresh?: () => Promise<string>;
}

/** Creates the Salesforce client for the target's mode (REST API, or Web-to-Lead). */
export function createSalesforceClient(deps: SalesforceDeps): CrmClient {
  return deps.target.mode === 'web-to-lead' ? createWebToLeadClient(deps) : createRestClient(deps);
}

function createRestClient(deps: SalesforceDeps): CrmClient {
  const base = deps.target.baseUrl.replace(/\/$/, '');
  const now = deps.now ?? Date.now;
  let token: string | undefined;
  /** Set once a refresh was tried in this client's life (one per drain batch): a second 401 means reconnect. */
  let refreshed = false;

  async function call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    token ??= await deps.getToken();
    const send = () => requestJson(deps.fetch, `${base}${path}`, { method, headers: { authorization: `Bearer ${token}` }, body });
    let a = await send();
    if (a.status === 401 && !refreshed && deps.refresh) {
      refreshed = true;
      try {
        token = await deps.refresh();
      } catch (e) {
        return { ...a, body: [{ errorCode: 'INVALID_SESSION_ID', message: `session expired and the refresh failed: ${(e as Error).message}` }] };
      }
      a = await send();
    }
    return a;
  }
  const ok = (a: HttpAnswer) => a.status >= 200 && a.status < 300;
  const fail = (a: HttpAnswer): LeadOutcome => {
    const message = salesforceErrorMessage(a);
    if (a.status === 403 && message.startsWith('REQUEST_LIMIT_EXCEEDED')) return { kind: 'retry', message: `daily API limit reached: ${message}`, afterMs: LIMIT_EXCEEDED_WAIT_MS };
    return outcomeOfStatus(a, message, now());
  };
  const recordUrl = (id: string) => `${base}/lightning/r/Lead/${id}/view`;
  const done = (id: string, email: string): LeadOutcome => ({ kind: 'ok', recordId: id, recordUrl: recordUrl(id), syncedEmail: email });
  const several = (email: string) =>
    ({ kind: 'failed', message: `several Salesforce leads have the email ${email}: merge or delete the extra ones in Salesforce, then Retry` }) as const;

  async function query(soql: string): Promise<{ data: z.infer<typeof Query> } | { outcome: LeadOutcome }> {
    const a = await call('GET', `${V}/query?${new URLSearchParams({ q: soql })}`);
    if (!ok(a)) return { outcome: fail(a) };
    const p = Query.safeParse(a.body);
    return p.success ? { data: p.data } : { outcome: { kind: 'retry', message: 'Salesforce sent a query answer we could not read' } };
  }

  async function create(item: SyncItem, ctx: SyncContext, email: string): Promise<LeadOutcome> {
    const c = await call('POST', `${V}/sobjects/Lead`, salesforceLead(item.lead, { required: true, withEmail: true }));
    const s = ok(c) ? Saved.safeParse(c.body) : undefined;
    if (!s?.success) return ok(c) ? { kind: 'retry', message: 'Salesforce sent an answer we could not read' } : fail(c);
    // Stored at once: a retry after a crash updates this lead instead of creating another.
    await ctx.checkpoint(item.lead.id, { recordId: s.data.id, recordUrl: recordUrl(s.data.id) });
    return done(s.data.id, email);
  }

  /** PATCH by Id; undefined when the record is gone (deleted in Salesforce) so the caller creates it again. */
  async function updateById(item: SyncItem, id: string, email: string): Promise<LeadOutcome | undefined> {
    const u = await call('PATCH', `${V}/sobjects/Lead/${encodeURIComponent(id)}`, salesforceLead(item.lead, { required: false, withEmail: true }));
    if (u.status === 404) return undefined;
    return ok(u) ? done(id, email) : fail(u);
  }

  async function byQuery(item: SyncItem, ctx: SyncContext, email: string): Promise<LeadOutcome> {
    const q = await query(leadByEmailQuery(email));
    if ('outcome' in q) return q.outcome;
    if (q.data.records.length > 1) return several(email);
    const id = q.data.records[0]?.Id;
    return (id && (await updateById(item, id, email))) || create(item, ctx, email);
  }

  async function syncOne(item: SyncItem, ctx: SyncContext): Promise<LeadOutcome> {
    const { lead, entry } = item;
    const email = primaryEmail(lead);
    if (entry.recordId) {
      const updated = await updateById(item, entry.recordId, email);
      if (updated) return updated;
    }
    if (!email) return create(item, ctx, email);
    // Upsert by the idLookup field Email: one request creates or updates, so a retry never duplicates.
    const u = await call('PATCH', `${V}/sobjects/Lead/Email/${encodeURIComponent(email)}`, salesforceLead(lead, { required: true, withEmail: false }));
    if (u.status === 300) return several(email);
    // Some TLDs (.inc) are not accepted in the URL: look the address up with SOQL instead.
    if (u.status === 404) return byQuery(item, ctx, email);
    if (!ok(u)) return fail(u);
    const s = Saved.safeParse(u.body);
    if (s.success) return done(s.data.id, email);
    // Older API versions answer an update with 204 and no body: find the id.
    return byQuery(item, ctx, email);
  }

  return {
    id: 'salesforce',
    batchSize: 25,
    sync(items, ctx) {
      return syncEach(items, (item) => syncOne(item, ctx));
    },
    async testConnection(): Promise<ConnectionCheck> {
      try {
        const q = await query('SELECT Id, Name FROM Organization LIMIT 1');
        if ('outcome' in q) return { ok: false, message: 'message' in q.outcome ? q.outcome.message : 'no answer' };
        const name = q.data.records[0]?.Name ?? '';
        return { ok: true, account: `Salesforce org ${name ? `"${name}" ` : ''}(${new URL(base).host})` };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
    async lookup({ email }): Promise<LookupHit | undefined> {
      const e = email.trim().toLowerCase();
      if (!e) return undefined;
      const q = await query(`SELECT Id, Name FROM Lead WHERE Email = ${soqlString(e)} LIMIT 1`);
      const hit = 'outcome' in q ? undefined : q.data.records[0];
      return hit?.Id ? { recordId: hit.Id, recordUrl: recordUrl(hit.Id), name: hit.Name || e } : undefined;
    },
  };
}

/**
 * Web-to-Lead: one form POST per lead to Salesforce's public endpoint with
 * the org id. Salesforce answers 200 whatever happens and gives no id, and
 * every post creates a new lead, so a lead is sent once: later edits are
 * not re-sent (the entry says so) rather than duplicated.
 */
function createWebToLeadClient(deps: SalesforceDeps): CrmClient {
  const base = (deps.target.baseUrl || WEB_TO_LEAD_URL).replace(/\/$/, '');
  const now = deps.now ?? Date.now;
  const SENT = 'web-to-lead';
  return {
    id: 'salesforce',
    batchSize: 10,
    async sync(items, ctx) {
      const out = new Map<string, LeadOutcome>();
      const orgId = await deps.getToken();
      for (const { lead, entry } of items) {
        if (entry.recordId === SENT) {
          out.set(lead.id, { kind: 'ok', recordId: SENT, warning: 'already sent by Web-to-Lead, which cannot update a lead: edit it in Salesforce' });
          continue;
        }
        if (entry.noteSending === SENT) {
          // A worker stopped mid-post: it may have arrived, and a second post would be a second lead.
          out.set(lead.id, { kind: 'ok', recordId: SENT, warning: 'sending was interrupted; not sent again to avoid a duplicate: check Salesforce' });
          continue;
        }
        await ctx.checkpoint(lead.id, { noteSending: SENT });
        try {
          const a = await requestJson(deps.fetch, `${base}/servlet/servlet.WebToLead?encoding=UTF-8`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
            body: webToLeadForm(lead, orgId).toString(),
          });
          if (a.status >= 200 && a.status < 400) out.set(lead.id, { kind: 'ok', recordId: SENT });
          else {
            await ctx.checkpoint(lead.id, { noteSending: '' });
            out.set(lead.id, outcomeOfStatus(a, `Web-to-Lead answered HTTP ${a.status}`, now()));
          }
        } catch (e) {
          if (!(e instanceof NetworkError)) throw e;
          await ctx.checkpoint(lead.id, { noteSending: '' });
          out.set(lead.id, { kind: 'retry', message: e.message });
        }
      }
      return out;
    },
    async testConnection(): Promise<ConnectionCheck> {
      const orgId = await deps.getToken();
      if (!/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(orgId)) return { ok: false, message: 'Enter the Salesforce org id (15 or 18 characters starting with 00D: Setup → Company Information)' };
      return { ok: true, account: `Web-to-Lead for org ${orgId} (Salesforce does not confirm posts: check the first lead arrives)` };
    },
  };
}
