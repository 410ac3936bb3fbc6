// The typed message protocol between extension pages and the background; every payload zod-parsed.
import { z } from './zod-mini';
import { browser } from 'wxt/browser';
import { TargetIdSchema } from './sync/schema';

/** A trimmed string of at most `max` characters. */
const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max));

/**
 * UI → background requests (prefix `ui:`): the schema of each payload, which
 * the background parses. Only the background talks to CRMs and reads tokens.
 */
export const UI_PAYLOADS = {
  /** Drain the outbox now (after a save queued leads). */
  'ui:sync-now': z.object({}),
  /** Queue leads for a target (or every connected target) and drain: one lead, a selection, a tag, or all. */
  'ui:sync-leads': z.object({
    target: z.optional(TargetIdSchema),
    leadIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(100_000))),
    tag: z.optional(z.string().check(z.maxLength(60))),
    all: z.optional(z.boolean()),
  }),
  /** Store a target's token (and settings), then test it. */
  'ui:connect': z.object({
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
  'ui:test-connection': z.object({ target: TargetIdSchema }),
  /** Forget the target: secret, settings, queued entries. */
  'ui:disconnect': z.object({ target: TargetIdSchema }),
  'ui:target-options': z.object({ target: TargetIdSchema, autoSync: z.optional(z.boolean()), companies: z.optional(z.boolean()) }),
  /** Is this person already in a connected CRM? */
  'ui:lookup': z.object({ email: z._default(z.string().check(z.maxLength(320)), ''), linkedin: z._default(z.string().check(z.maxLength(2048)), '') }),
} as const;

/**
 * The schema of each request's answer, which the page that asked parses (kept
 * apart from the payloads so a page bundles only what it reads back).
 */
export const UI_ANSWERS = {
  'ui:sync-now': z.object({ ok: z.literal(true) }),
  'ui:sync-leads': z.object({ queued: z.number() }),
  'ui:connect': z.object({ ok: z.boolean(), message: z.string() }),
  'ui:test-connection': z.object({ ok: z.boolean(), message: z.string() }),
  'ui:disconnect': z.object({ ok: z.literal(true) }),
  'ui:target-options': z.object({ ok: z.literal(true) }),
  'ui:lookup': z.object({ hits: z.array(z.object({ target: TargetIdSchema, recordId: z.string(), recordUrl: z.optional(z.string()), name: z.string() })) }),
} as const satisfies Record<keyof typeof UI_PAYLOADS, unknown>;

export type UiRequestType = keyof typeof UI_PAYLOADS;
export type UiPayload<K extends UiRequestType> = z.input<(typeof UI_PAYLOADS)[K]>;
export type UiParsedPayload<K extends UiRequestType> = z.output<(typeof UI_PAYLOADS)[K]>;
export type UiAnswer<K extends UiRequestType> = z.output<(typeof UI_ANSWERS)[K]>;

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
  return UI_ANSWERS[type].parse(reply.answer) as UiAnswer<K>;
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
    if (!env_.success || !(env_.data.type in UI_PAYLOADS)) return false;
    if (!isExtensionPageSender(sender, env.runtimeId, env.extensionBaseUrl)) {
      console.warn('Prospect Scout: dropped a message from an untrusted sender', env_.data.type, sender.url);
      return false;
    }
    const type = env_.data.type as UiRequestType;
    const payload = UI_PAYLOADS[type].safeParse(env_.data.payload);
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
