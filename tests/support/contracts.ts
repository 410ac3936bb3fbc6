// Validates request and response bodies against the CRM contracts in tests/contracts (openapi-backend, ajv).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormatsModule from 'ajv-formats';
import OpenAPIBackendModule from 'openapi-backend';

export const CONTRACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'contracts');
/** Reads a JSON file under tests/contracts. */
export const readContract = <T = unknown>(path: string): T => JSON.parse(readFileSync(join(CONTRACTS, path), 'utf8')) as T;

type Backend = {
  init(): Promise<unknown>;
  validateRequest(req: { method: string; path: string; body?: unknown; query?: Record<string, string>; headers: Record<string, string> }): { valid: boolean; errors?: unknown };
  validateResponse(body: unknown, operationId: string, status: number): { valid: boolean; errors?: unknown };
  matchOperation(req: { method: string; path: string; headers: Record<string, string> }): { operationId?: string } | undefined;
};
const OpenAPIBackend = ((OpenAPIBackendModule as unknown as { default?: unknown }).default ?? OpenAPIBackendModule) as new (opts: object) => Backend;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: unknown) => unknown;

/** A contract validator: `request` and `response` give the first error, or undefined when valid. */
export interface ContractValidator {
  request(method: string, path: string, body?: unknown, query?: Record<string, string>): string | undefined;
  response(operationId: string, status: number, body: unknown): string | undefined;
  operationId(method: string, path: string): string | undefined;
}

/** Loads an OpenAPI contract from tests/contracts as a validator. */
export async function contractValidator(file: string): Promise<ContractValidator> {
  const api = new OpenAPIBackend({
    definition: readContract(file),
    validate: true,
    strict: true,
    quick: true,
    customizeAjv: (ajv: { addFormat(name: string, v: boolean): void }) => {
      addFormats(ajv);
      ajv.addFormat('int32', true);
      ajv.addFormat('int64', true);
      return ajv;
    },
  });
  await api.init();
  const headers = { 'content-type': 'application/json' };
  const first = (r: { valid: boolean; errors?: unknown }) => (r.valid ? undefined : JSON.stringify(r.errors).slice(0, 500));
  return {
    request: (method, path, body, query = {}) => first(api.validateRequest({ method: method.toLowerCase(), path, body, query, headers })),
    response: (op, status, body) => first(api.validateResponse(body, op, status)),
    operationId: (method, path) => api.matchOperation({ method: method.toLowerCase(), path, headers })?.operationId,
  };
}

/** A JSON Schema validator (draft-07, formats) for the webhook event schema. */
export function jsonSchemaValidator(file: string): (data: unknown) => string | undefined {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(readContract(file) as object);
  return (data) => (validate(data) ? undefined : JSON.stringify(validate.errors).slice(0, 500));
}
