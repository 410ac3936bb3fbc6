// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { LeadSchema, type Lead } from '@/utils/leads/schema';
import { hubspotCompany, hubspotCreateBody, hubspotNoteBody, hubspotSearchBody, hubspotUpsertBody, hubspotContact } from '@/utils/sync/hubspot-map';
import { signWebhook, webhookEvent } from '@/utils/sync/webhook';
import { contractValidator, jsonSchemaValidator, readContract, type ContractValidator } from '../support/contracts';

const sample = LeadSchema.parse(readContract('fixtures/lead.sample.json'));
const noEmail = LeadSchema.parse(readContract('fixtures/lead.no-email.sample.json'));
const V = '/crm/objects/2026-03';
let hs: ContractValidator;
beforeAll(async () => {
  hs = await contractValidator('hubspot/hubspot.contract.openapi.json');
}, 30_000);

describe('HubSpot request bodies match the contract', { timeout: 30_000 }, () => {
  it('batch upsert of the sample lead equals the contract example and validates', () => {
    const body = hubspotUpsertBody([sample]);
    expect(body).toEqual(readContract('hubspot/examples/contacts-batch-upsert.request.json'));
    expect(hs.request('post', `${V}/contacts/batch/upsert`, body)).toBeUndefined();
  });

  it('the note for the sample lead equals the contract example (HTML escaped) and validates', () => {
    const body = hubspotNoteBody(sample, '12345', hubspotContact(sample).noteHtml);
    expect(body).toEqual(readContract('hubspot/examples/notes-create.request.json'));
    expect(hs.request('post', `${V}/notes`, body)).toBeUndefined();
  });

  it('a lead without email is created with the example body and searched by LinkedIn URL', () => {
    const create = hubspotCreateBody(noEmail);
    expect(create).toEqual(readContract('hubspot/examples/contacts-create-no-email.request.json'));
    expect(hs.request('post', `${V}/contacts`, create)).toBeUndefined();
    const search = hubspotSearchBody('hs_linkedin_url', noEmail.profiles.linkedin, ['email', 'firstname', 'lastname', 'hs_linkedin_url']);
    expect(search).toEqual(readContract('hubspot/examples/contacts-search-by-linkedin.request.json'));
    expect(hs.request('post', `${V}/contacts/search`, search)).toBeUndefined();
    expect(hs.request('patch', `${V}/contacts/12345`, { properties: hubspotContact(noEmail).properties })).toBeUndefined();
  });

  it('company search and create bodies validate', () => {
    const c = hubspotCompany(sample)!;
    expect(c.search).toEqual(readContract('hubspot/examples/companies-search-by-domain.request.json'));
    expect(c.create).toEqual(readContract('hubspot/examples/companies-create.request.json'));
    expect(hs.request('post', `${V}/companies/search`, c.search)).toBeUndefined();
    expect(hs.request('post', `${V}/companies`, c.create)).toBeUndefined();
    expect(hs.request('post', '/crm/associations/2026-03/contacts/companies/batch/associate/default', { inputs: [{ from: { id: '1' }, to: { id: '2' } }] })).toBeUndefined();
  });

  it('100 leads make one valid batch; 101 are refused before any request', () => {
    const leads = Array.from({ length: 100 }, (_, i) => ({ ...sample, id: `lead-${i}`, emails: [`p${i}@x.example`] }));
    expect(hs.request('post', `${V}/contacts/batch/upsert`, hubspotUpsertBody(leads))).toBeUndefined();
    expect(() => hubspotUpsertBody([...leads, sample])).toThrow(RangeError);
  });

  it('deliberately broken bodies are rejected by the same validator', () => {
    const body = hubspotUpsertBody([sample]);
    expect(hs.request('post', `${V}/contacts/batch/upsert`, { inputs: [{ ...body.inputs[0], id: undefined }] })).toBeDefined();
    expect(hs.request('post', `${V}/contacts/batch/upsert`, { inputs: [{ ...body.inputs[0], properties: { phone: 123 } }] })).toBeDefined();
    expect(hs.request('post', `${V}/contacts/batch/upsert`, { ...body, idProperty: 'email' })).toBeDefined();
    const note = hubspotNoteBody(sample, '1', 'x');
    expect(hs.request('post', `${V}/notes`, { ...note, properties: { hs_note_body: 'x' } })).toBeDefined();
    expect(hs.request('post', `${V}/contacts`, { properties: {} })).toBeDefined();
  });

  it('every body built for many varied leads validates', () => {
    const variants: Lead[] = [
      sample,
      { ...sample, id: 'u1', name: 'Zoë Ñúñez 山田', firstName: '', lastName: '', emails: ['zoe@例え.jp'], note: '<script>alert(1)</script>' },
      { ...sample, id: 'u2', company: '', website: '', location: 'Somewhere vague', phones: [], profiles: { linkedin: '', x: '', github: '', other: ['https://a.example'] } },
      { ...sample, id: 'u3', title: 'T'.repeat(300), note: 'n'.repeat(10_000), tags: Array.from({ length: 100 }, (_, i) => `tag-${i}`) },
    ];
    for (const l of variants) {
      expect(hs.request('post', `${V}/contacts/batch/upsert`, hubspotUpsertBody([l]))).toBeUndefined();
      const { noteHtml } = hubspotContact(l);
      if (noteHtml) expect(hs.request('post', `${V}/notes`, hubspotNoteBody(l, '1', noteHtml))).toBeUndefined();
      const c = hubspotCompany(l);
      if (c) expect(hs.request('post', `${V}/companies`, c.create)).toBeUndefined();
    }
  });

  it('HubSpot example answers (207, 429, 400) match the contract the client reads', () => {
    expect(hs.response('contactsBatchUpsert', 207, readContract('hubspot/examples/batch-upsert-207.response.json'))).toBeUndefined();
    expect(hs.response('contactsBatchUpsert', 429, readContract('hubspot/examples/rate-limit-429.response.json'))).toBeUndefined();
    expect(hs.response('contactsBatchUpsert', 400, readContract('hubspot/examples/error-400.response.json'))).toBeUndefined();
  });
});

describe('webhook', () => {
  const validate = jsonSchemaValidator('webhook/lead-event.schema.json');
  it('the event for the sample lead equals the contract example and validates against the event schema', () => {
    const event = webhookEvent(sample, 'lead.upserted', '0.1.0');
    expect(event).toEqual(readContract('webhook/examples/lead-upserted.json'));
    expect(validate(event)).toBeUndefined();
    expect(validate(webhookEvent(noEmail, 'lead.upserted', '0.1.0'))).toBeUndefined();
    expect(validate({ ...event, data: { lead: { ...event.data.lead, primaryEmail: undefined } } })).toBeDefined();
    expect(validate({ ...event, extra: 1 })).toBeDefined();
  });

  it('signatures match the Standard Webhooks test vectors', async () => {
    const { vectors } = readContract<{ vectors: Array<{ secret: string; webhookId: string; webhookTimestamp: string; body: string; expectedSignatureHeader: string; expectedValid: boolean }> }>('webhook/test-vectors.json');
    expect(vectors.length).toBeGreaterThan(1);
    for (const v of vectors) {
      const sig = await signWebhook(v.secret, v.webhookId, v.webhookTimestamp, v.body);
      expect(sig === v.expectedSignatureHeader).toBe(v.expectedValid);
    }
    // the body we send for the sample lead is byte for byte the vector's body
    expect(JSON.stringify(webhookEvent(sample, 'lead.upserted', '0.1.0'))).toBe(vectors[0]!.body);
  });
});
