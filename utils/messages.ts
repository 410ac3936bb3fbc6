// The typed message protocol between extension pages and the background; every payload zod-parsed.
import { z } from './zod-mini';
import { browser } from 'wxt/browser';
import { TargetIdSchema } from './sync/schema';

/** A trimmed string of at most `max` characters. */
const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/**
 * UI → background requests (prefix `ui:`), with the schema of each payload
 * and of its answer. Only the background talks to CRMs and reads tokens.
 */
export const UI_REQUESTS = {
  /** Drain the outbox now (after a save queued leads). */
  'ui:sync-now': { payload: z.object({}), answer: z.object({ ok: z.literal(true) }) },
  /** Queue leads for a target (or every connected target) and drain: one lead, a selection, a tag, or all. */
  'ui:sync-leads': {
    payload: z.object({
      target: z.optional(TargetIdSchema),
      leadIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100_000))),
      tag: z.optional(z.string().check(z.maxLength(60))),
      all: z.optional(z.boolean()),
    }),
    answer: z.object({ queued: z.number() }),
  },
  /** Store a target's token (and settings), then test it. */
  'ui:connect': {
    payload: z.object({
      target: TargetIdSchema,
      token: z._default(trimmed(4096), ''),
      url: z._default(trimmed(2048), ''),
      baseUrl: z._default(trimmed(2048), ''),
      domain: z._default(trimmed(100), ''),
      /** Salesforce: REST API through OAuth, or Web-to-Lead with the org id. */
      mode: z.optional(z.enum(['api', 'web-to-lead'])),
      loginKind: z.optional(z.enum(['production', 'sandbox', 'mydomain'])),
      myDomain: z.optional(trimmed(300)),
      clientId: z.optional(trimmed(300)),
      /** Salesforce OAuth: the authorization code, its PKCE verifier and the redirect URI it was issued for. */
      code: z.optional(z.string().check(z.maxLength(2048))),
      codeVerifier: z.optional(z.string().check(z.maxLength(200))),
      redirectUri: z.optional(z.string().check(z.maxLength(2048))),
      orgId: z.optional(trimmed(40)),
    }),
    answer: z.object({ ok: z.boolean(), message: z.string() }),
  },
  'ui:test-connection': { payload: z.object({ target: TargetIdSchema }), answer: z.object({ ok: z.boolean(), message: z.string() }) },
  /** Forget the target: secret, settings, queued entries. */
  'ui:disconnect': { payload: z.object({ target: TargetIdSchema }), answer: z.object({ ok: z.literal(true) }) },
  'ui:target-options': {
    payload: z.object({ target: TargetIdSchema, autoSync: z.optional(z.boolean()), companies: z.optional(z.boolean()) }),
    answer: z.object({ ok: z.literal(true) }),
  },
  /** Is this person already in a connected CRM? */
  'ui:lookup': {
    payload: z.object({ email: z._default(z.string().check(z.maxLength(320)), ''), linkedin: z._default(z.string().check(z.maxLength(2048)), '') }),
    answer: z.object({ hits: z.array(z.object({ target: TargetIdSchema, recordId: z.string(), recordUrl: z.optional(z.string()), name: z.string() })) }),
  },
} as const;

export type UiRequestType = keyof typeof UI_REQUESTS;
export type UiPayload<K extends UiRequestType> = z.input<(typeof UI_REQUESTS)[K]['payload']>;
export type UiParsedPayload<K extends UiRequestType> = z.output<(typeof UI_REQUESTS)[K]['payload']>;
export type UiAnswer<K extends UiRequestType> = z.output<(typeof UI_REQUESTS)[K]['answer']>;

const Envelope = z.object({ type: z.string(), payload: z.unknown() });
const Reply = z.union([z.object({ ok: z.literal(true), answer: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);

/** The fields of a message sender we check. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/**
 * Whether a message comes from one of our own extension pages (popup,
 * options): same extension id, and a URL under the extension's origin.
 * A content script's sender has the page's URL, so it never passes.
 */
export function isExtensionPageSender(sender: Sender, runtimeId: string, extensionBaseUrl: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl);
}

/** Sends a UI request to the background and parses its answer. Throws with the background's message on error. */
export async function sendToBackground<K extends UiRequestType>(
  type: K,
  payload: UiPayload<K>,
  send: (message: unknown) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
): Promise<UiAnswer<K>> {
  const reply = Reply.parse(await send({ type, payload }));
  if (!reply.ok) throw new Error(reply.error);
  return UI_REQUESTS[type].answer.parse(reply.answer) as UiAnswer<K>;
}

/** The background's handlers, one per request type. */
export type UiHandlers = { [K in UiRequestType]: (payload: UiParsedPayload<K>) => Promise<UiAnswer<K>> };

/**
 * A runtime.onMessage listener that accepts UI requests only from extension
 * pages, parses each payload with its schema and answers through
 * `sendResponse`. Anything else is dropped and logged.
 */
export function createUiMessageListener(handlers: UiHandlers, env: { runtimeId: string; extensionBaseUrl: string }) {
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean => {
    const env_ = Envelope.safeParse(message);
    if (!env_.success || !(env_.data.type in UI_REQUESTS)) return false;
    if (!isExtensionPageSender(sender, env.runtimeId, env.extensionBaseUrl)) {
      console.warn('Prospect Scout: dropped a message from an untrusted sender', env_.data.type, sender.url);
      return false;
    }
    const type = env_.data.type as UiRequestType;
    const payload = UI_REQUESTS[type].payload.safeParse(env_.data.payload);
    if (!payload.success) {
      sendResponse({ ok: false, error: `invalid ${type} request: ${payload.error.issues[0]?.message ?? ''}` });
      return false;
    }
    (handlers[type] as (p: unknown) => Promise<unknown>)(payload.data).then(
      (answer) => sendResponse({ ok: true, answer }),
      (e: Error) => sendResponse({ ok: false, error: e?.message ?? String(e) }),
    );
    return true;
  };
}
