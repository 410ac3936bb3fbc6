// Salesforce client: leads looked up by email in batches and written with sObject Collections (200 a request), one token refresh on 401; and Web-to-Lead.
import { z } from 'zod';
import { NetworkError, outcomeOfStatus, requestJson, type HttpAnswer } from './http';
import { primaryEmail } from './map-common';
import { collectionCreateRecord, collectionUpdateRecord, leadsByEmailQueries, soqlString, webToLeadForm } from './salesforce-map';
import { WEB_TO_LEAD_URL } from './salesforce-auth';
import type { ClientDeps, ConnectionCheck, CrmClient, LeadOutcome, LookupHit, SyncContext, SyncItem } from './types';

/** The REST API version used (v46.0+ has everything we call; every current org lists v62.0). */
export const SALESFORCE_API_VERSION = 'v62.0';
const V = `/services/data/${SALESFORCE_API_VERSION}`;
/** The daily allocation is rolling over 24 h: try again in an hour rather than hammering. */
const LIMIT_EXCEEDED_WAIT_MS = 60 * 60_000;

const ErrorList = z.array(z.looseObject({ message: z.string().optional().default(''), errorCode: z.string().optional().default('') }));
const Query = z.looseObject({
  totalSize: z.number(),
  done: z.boolean().optional(),
  nextRecordsUrl: z.string().optional(),
  records: z.array(z.looseObject({ Id: z.string().optional(), Name: z.string().nullish(), IsConverted: z.boolean().optional(), Email: z.string().nullish() })),
});
/** One record's result in an sObject Collections answer (request order). */
const SaveResults = z.array(
  z.looseObject({
    id: z.string().min(15).max(18).nullish(),
    success: z.boolean(),
    errors: z.array(z.looseObject({ statusCode: z.string().optional().default(''), message: z.string().optional().default('') })).default([]),
  }),
);
type SaveResult = z.infer<typeof SaveResults>[number];

/** Most records one sObject Collections request takes (Salesforce's limit). */
export const COLLECTION_MAX = 200;
/** Record errors saying the id no longer names a lead (deleted, merged away): it is looked up or created again. */
const GONE = new Set(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY', 'INVALID_ID_FIELD', 'NOT_FOUND']);
/** Record errors worth another try later: another save held the row. */
const TRANSIENT = new Set(['UNABLE_TO_LOCK_ROW']);
/** Pages of one lookup followed at most (2,000 rows each; more means something is very wrong with the org's data). */
const MAX_QUERY_PAGES = 5;
/** A second lead with the same email waits for the first one's record, then updates it. */
const SAME_EMAIL_WAIT_MS = 1000;
/** Email holds 80 characters: a longer address cannot match a lead. */
const EMAIL_MAX = 80;

const CONVERTED = 'CANNOT_UPDATE_CONVERTED_LEAD';
const convertedMessage = (said: string) => `this lead was converted in Salesforce and can no longer be updated (${said})`;

/** What became of one record of a collection request, from Salesforce's per-record errors. */
function recordOutcome(r: SaveResult): LeadOutcome {
  const e = r.errors[0];
  const said = e ? [e.statusCode, e.message].filter(Boolean).join(': ') : 'Salesforce did not save this lead and gave no reason';
  if (e?.statusCode === CONVERTED) return { kind: 'failed', message: convertedMessage(said) };
  if (e && TRANSIENT.has(e.statusCode)) return { kind: 'retry', message: said };
  return { kind: 'failed', message: said };
}

/** Thrown to end a batch: the whole request failed in a way that holds for every lead left (auth, limits, outage). */
class Halt extends Error {
  constructor(readonly outcome: LeadOutcome) {
    super('halt');
  }
}

/** Salesforce's error text fit to show: `ERROR_CODE: message` of its first error, "token rejected" on 401. */
export function salesforceErrorMessage(a: HttpAnswer): string {
  const p = ErrorList.safeParse(a.body);
  const e = p.success ? p.data[0] : undefined;
  const said = e ? [e.errorCode, e.message].filter(Boolean).join(': ') : `HTTP ${a.status}`;
  if (a.status === 401) return `token rejected, reconnect needed (Salesforce: ${said})`;
  if (a.status === 403 && e?.errorCode !== 'REQUEST_LIMIT_EXCEEDED') return `access refused (Salesforce: ${said})`;
  if (e?.errorCode === CONVERTED) return convertedMessage(said);
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

  /**
   * One request of a batch. A 2xx answer is returned; a failure that holds
   * for every lead left (token, daily limit, rate limit, outage) ends the
   * batch; any other failure (a 400 about this request) is that request's
   * leads' outcome, and the batch goes on.
   */
  async function send(method: string, path: string, body: unknown, items: SyncItem[], out: Map<string, LeadOutcome>): Promise<HttpAnswer | undefined> {
    const a = await call(method, path, body);
    if (ok(a)) return a;
    const o = fail(a);
    if (o.kind !== 'failed') throw new Halt(o);
    for (const i of items) out.set(i.lead.id, o);
    return undefined;
  }

  /** Every row of a lookup, following `nextRecordsUrl` pages (only within this instance's query resource). */
  async function queryRows(soql: string, items: SyncItem[], out: Map<string, LeadOutcome>) {
    const rows: z.infer<typeof Query>['records'] = [];
    let path = `${V}/query?${new URLSearchParams({ q: soql })}`;
    for (let page = 0; page < MAX_QUERY_PAGES; page++) {
      const a = await send('GET', path, undefined, items, out);
      if (!a) return undefined;
      const p = Query.safeParse(a.body);
      if (!p.success) throw new Halt({ kind: 'retry', message: 'Salesforce sent a query answer we could not read' });
      rows.push(...p.data.records);
      const next = p.data.nextRecordsUrl;
      if (p.data.done !== false || !next) return rows;
      if (!next.startsWith(`${V}/query/`)) throw new Halt({ kind: 'retry', message: 'Salesforce sent a next-page link we do not follow' });
      path = next;
    }
    throw new Halt({ kind: 'retry', message: 'Salesforce found too many leads for these emails' });
  }

  /**
   * Finds the leads' records by email in as few queries as the URI limit
   * allows. Exactly one match: update it; several: failed (the user
   * merges them); a converted one: failed (it cannot be updated); none (or
   * no email): create. A second lead of the batch with the same email
   * waits for the first one's record instead of creating a duplicate.
   */
  async function findByEmail(items: SyncItem[], out: Map<string, LeadOutcome>, creating: Set<string>) {
    const found: Array<{ item: SyncItem; id: string }> = [];
    const create: SyncItem[] = [];
    const email = (i: SyncItem) => primaryEmail(i.lead);
    const searchable = items.filter((i) => email(i) && [...email(i)].length <= EMAIL_MAX);
    const rows = new Map<string, Array<{ Id?: string; IsConverted?: boolean }>>();
    for (const q of leadsByEmailQueries(searchable.map(email), `${base}${V}/query`)) {
      const asked = new Set(q.emails);
      const mine = searchable.filter((i) => asked.has(email(i)));
      const got = await queryRows(q.soql, mine, out);
      if (!got) continue;
      for (const e of q.emails) rows.set(e, []);
      for (const r of got) rows.get((r.Email ?? '').toLowerCase())?.push(r);
    }
    for (const item of items) {
      if (out.has(item.lead.id)) continue;
      const e = email(item);
      const matches = e ? rows.get(e) : undefined;
      if (e && searchable.includes(item) && !matches) continue; // its query failed: outcome already set
      if (matches && matches.length > 1) out.set(item.lead.id, several(e));
      else if (matches?.[0]?.Id && matches[0].IsConverted) out.set(item.lead.id, { kind: 'failed', message: convertedMessage(`${CONVERTED}: lead ${matches[0].Id} is converted`) });
      else if (matches?.[0]?.Id) found.push({ item, id: matches[0].Id });
      else if (e && creating.has(e)) out.set(item.lead.id, { kind: 'retry', message: `waits for another lead with the email ${e} to reach Salesforce first`, afterMs: SAME_EMAIL_WAIT_MS });
      else {
        if (e) creating.add(e);
        create.push(item);
      }
    }
    return { found, create };
  }

  /** Updates records by id, 200 per request; returns the leads whose record is gone (deleted in Salesforce). */
  async function updateAll(pairs: Array<{ item: SyncItem; id: string }>, out: Map<string, LeadOutcome>): Promise<SyncItem[]> {
    const gone: SyncItem[] = [];
    // One record twice in a request is refused: a second lead on the same record waits for the next batch.
    const seen = new Set<string>();
    const unique = pairs.filter(({ item, id }) => {
      if (!seen.has(id)) return seen.add(id);
      out.set(item.lead.id, { kind: 'retry', message: `waits for another lead synced to the same Salesforce lead ${id}`, afterMs: SAME_EMAIL_WAIT_MS });
      return false;
    });
    for (let at = 0; at < unique.length; at += COLLECTION_MAX) {
      const chunk = unique.slice(at, at + COLLECTION_MAX);
      const items = chunk.map((c) => c.item);
      const body = { allOrNone: false, records: chunk.map(({ item, id }) => collectionUpdateRecord(item.lead, id)) };
      const a = await send('PATCH', `${V}/composite/sobjects`, body, items, out);
      if (!a) continue;
      const results = SaveResults.safeParse(a.body);
      // An update sent twice changes nothing: an unreadable answer is retried.
      if (!results.success || results.data.length !== chunk.length) {
        for (const i of items) out.set(i.lead.id, { kind: 'retry', message: 'Salesforce sent an answer we could not read' });
        continue;
      }
      results.data.forEach((r, k) => {
        const { item, id } = chunk[k]!;
        if (r.success) out.set(item.lead.id, done(id, primaryEmail(item.lead)));
        else if (GONE.has(r.errors[0]?.statusCode ?? '')) gone.push(item);
        else out.set(item.lead.id, recordOutcome(r));
      });
    }
    return gone;
  }

  /** Creates records, 200 per request, each new id stored at once (a retry after a crash then updates it). */
  async function createAll(items: SyncItem[], ctx: SyncContext, out: Map<string, LeadOutcome>): Promise<void> {
    for (let at = 0; at < items.length; at += COLLECTION_MAX) {
      const chunk = items.slice(at, at + COLLECTION_MAX);
      const a = await send('POST', `${V}/composite/sobjects`, { allOrNone: false, records: chunk.map((i) => collectionCreateRecord(i.lead)) }, chunk, out);
      if (!a) continue;
      const results = SaveResults.safeParse(a.body);
      if (!results.success || results.data.length !== chunk.length) {
        for (const i of chunk) out.set(i.lead.id, { kind: 'retry', message: 'Salesforce sent an answer we could not read; the leads with an email will be matched, not created again' });
        continue;
      }
      for (const [k, r] of results.data.entries()) {
        const item = chunk[k]!;
        if (!r.success || !r.id) {
          out.set(item.lead.id, recordOutcome(r));
          continue;
        }
        await ctx.checkpoint(item.lead.id, { recordId: r.id, recordUrl: recordUrl(r.id) });
        out.set(item.lead.id, done(r.id, primaryEmail(item.lead)));
      }
    }
  }

  /**
   * One drain batch in sObject Collections: look the leads without a stored
   * id up by email, update every known record in one PATCH per 200, create
   * the rest in one POST per 200. A record deleted in Salesforce since the
   * last sync is looked up again, then created.
   */
  async function syncBatch(items: SyncItem[], ctx: SyncContext, out: Map<string, LeadOutcome>): Promise<void> {
    const creating = new Set<string>();
    const fresh = await findByEmail(items.filter((i) => !i.entry.recordId), out, creating);
    const stored = items.filter((i) => i.entry.recordId).map((item) => ({ item, id: item.entry.recordId! }));
    const gone = await updateAll([...stored, ...fresh.found], out);
    const create = [...fresh.create];
    const lost = gone.filter((i) => i.entry.recordId);
    // Found a moment ago and gone already: nothing else to look for.
    create.push(...gone.filter((i) => !i.entry.recordId));
    if (lost.length) {
      const again = await findByEmail(lost, out, creating);
      create.push(...again.create, ...(await updateAll(again.found, out)));
    }
    await createAll(create, ctx, out);
  }

  return {
    id: 'salesforce',
    batchSize: COLLECTION_MAX,
    async sync(items, ctx) {
      const out = new Map<string, LeadOutcome>();
      try {
        await syncBatch(items, ctx, out);
      } catch (e) {
        const o: LeadOutcome | undefined = e instanceof Halt ? e.outcome : e instanceof NetworkError ? { kind: 'retry', message: e.message } : undefined;
        if (!o) throw e;
        // Token, limit or outage: every lead not settled yet gets it (auth keeps them queued while the target pauses).
        for (const i of items) if (!out.has(i.lead.id)) out.set(i.lead.id, o);
      }
      return out;
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
