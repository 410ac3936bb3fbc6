// A webhook receiver on 127.0.0.1 for e2e tests: verifies Standard Webhooks signatures and the lead-event schema.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { jsonSchemaValidator } from './contracts';

/** One delivery as received. */
export interface Delivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** Signature checked with the receiver's secret (node:crypto, independently of the extension's code). */
  signatureValid: boolean;
  /** Schema violation of the body, if any. */
  invalid?: string;
  status: number;
}

/** Verifies a Standard Webhooks signature header against a `whsec_` secret. */
export function verifySignature(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((part) => {
    const [v, sig] = part.split(',');
    if (v !== 'v1' || !sig) return false;
    const got = Buffer.from(sig, 'base64');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

/** Starts a receiver; `answers` are the statuses to give next (then 200). */
export async function startFakeWebhook(secret: string): Promise<{ url: string; deliveries: Delivery[]; answers: number[]; close: () => Promise<void> }> {
  const validate = jsonSchemaValidator('webhook/lead-event.schema.json');
  const deliveries: Delivery[] = [];
  const answers: number[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const h = (n: string) => String(req.headers[n] ?? '');
    let invalid: string | undefined;
    try {
      invalid = validate(JSON.parse(body));
    } catch {
      invalid = 'not JSON';
    }
    const status = answers.shift() ?? 200;
    deliveries.push({ id: h('webhook-id'), timestamp: h('webhook-timestamp'), signature: h('webhook-signature'), body, signatureValid: verifySignature(secret, h('webhook-id'), h('webhook-timestamp'), body, h('webhook-signature')), invalid, status });
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status === 200 ? 'ok' : status === 410 ? 'gone' : 'try later');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`,
    deliveries,
    answers,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
