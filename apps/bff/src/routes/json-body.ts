import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import * as z from 'zod';
import { MAX_HOSTS, type OperationDef, type OperationId } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';
import { parseJsonObject, type Refusal } from './body-check.ts';
import { WORKER_THRESHOLD_BYTES, checkBodyInWorker } from './body-checker.ts';
import type { JsonLimits } from './json-scan.ts';

/** What one route accepts as a body: bytes after decompression, and the structure (json-scan.ts). */
export interface BodyLimits extends JsonLimits {
  maxBytes: number;
}

/** Every body but the ones with hosts: the longest fields the catalogue allows fit many times over. */
export const SMALL_BODY_LIMIT_BYTES = 64 * 1024;
/** Room per host: a 128-character name and 255.255.255.255 take about 165 bytes compact. */
const HOST_BYTES = 256;
/** The catalogue's bodies nest three levels at most (`hosts[i].name`). */
const MAX_DEPTH = 8;

const SMALL_LIMITS: BodyLimits = {
  maxBytes: SMALL_BODY_LIMIT_BYTES,
  maxDepth: MAX_DEPTH,
  maxArrayLength: MAX_HOSTS,
  maxValues: 2_000,
};

/** A create or host replacement at the catalogue's 20,000-host maximum, with tags and queues. */
export const HOSTS_BODY_LIMITS: BodyLimits = {
  maxBytes: SMALL_BODY_LIMIT_BYTES + MAX_HOSTS * HOST_BYTES,
  maxDepth: MAX_DEPTH,
  maxArrayLength: MAX_HOSTS,
  // Each host is an object and two strings.
  maxValues: 3 * MAX_HOSTS + 2_000,
};

/** Sign-in: a username and a password. */
export const SIGN_IN_BODY_LIMITS: BodyLimits = { maxBytes: 8 * 1024, maxDepth: 2, maxArrayLength: 16, maxValues: 16 };

/** The limits of an operation's body, from its schema: only a body with `hosts` may be large. */
export function bodyLimitsFor(def: OperationDef): BodyLimits {
  return def.body instanceof z.ZodObject && 'hosts' in def.body.shape ? HOSTS_BODY_LIMITS : SMALL_LIMITS;
}

/** Largest body any route reads (the hosts routes'). */
export const BODY_LIMIT_BYTES = HOSTS_BODY_LIMITS.maxBytes;

function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.round(n / 1024)} kB`;
}

export function tooLarge(maxBytes: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `The request body is larger than this route accepts (${describeBytes(maxBytes)})`);
}

function toApiError(r: Refusal): ApiError {
  return new ApiError(r.code, r.message, r.fields ? { fields: r.fields } : {});
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** Bodies the body worker already parsed and validated: validate.ts takes the schema output from here. */
const checkedBodies = new WeakMap<IncomingMessage, unknown>();

export function checkedBody(req: IncomingMessage): { value: unknown } | undefined {
  return checkedBodies.has(req) ? { value: checkedBodies.get(req) } : undefined;
}

/**
 * Reads a JSON object body within `limits`: the size is enforced while reading (after
 * decompression, so a small gzip bomb stops at the limit), the structure before the parse
 * (json-scan.ts), and the parse runs only on what passed. Refusals name the reason and the
 * field. With `worker`, a body over WORKER_THRESHOLD_BYTES is parsed and validated in the body
 * worker instead (body-checker.ts), and validate.ts takes the result from `checkedBody`.
 */
export function readJsonObject(limits: BodyLimits, worker?: { operationOf: (req: IncomingMessage) => OperationId | undefined }): RequestHandler {
  const readRaw = express.raw({ limit: limits.maxBytes, type: () => true, inflate: true });
  return (req, res, next) => {
    const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON'));
      return;
    }
    readRaw(req, res, (err?: unknown) => {
      if (err) {
        next((err as { type?: unknown }).type === 'entity.too.large' ? tooLarge(limits.maxBytes) : err);
        return;
      }
      const buf = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const operationId = worker?.operationOf(req);
      if (operationId && buf.length > WORKER_THRESHOLD_BYTES) {
        req.body = undefined;
        checkBodyInWorker(operationId, buf, limits).then((checked) => {
          if (!checked.ok) {
            next(toApiError(checked.refusal));
            return;
          }
          checkedBodies.set(req, checked.value);
          next();
        }, next);
        return;
      }
      const parsed = parseJsonObject(buf, limits);
      if (!parsed.ok) {
        next(toApiError(parsed.refusal));
        return;
      }
      req.body = parsed.value;
      next();
    });
  };
}

/** Whether the request announces a body (a zero Content-Length does not count). */
export function announcesBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const len = req.headers['content-length'];
  return len !== undefined && len !== '0';
}

/**
 * Reads the JSON body of operations that take one and refuses bodies on those that do not, so
 * nothing the browser sends is forwarded unless the catalogue says the upstream takes it.
 */
export function jsonBody(def: OperationDef): RequestHandler {
  const read = readJsonObject(bodyLimitsFor(def), { operationOf: (req) => contextOf(req).operationId });
  return (req, res, next) => {
    if (!def.body) {
      if (announcesBody(req)) {
        next(new ApiError('VALIDATION', 'This operation takes no request body', { fields: { '(root)': 'must be empty' } }));
        return;
      }
      next();
      return;
    }
    if (!announcesBody(req)) {
      next(new ApiError('VALIDATION', 'A JSON request body is required', { fields: { '(root)': 'is required' } }));
      return;
    }
    if (!req.is('application/json')) {
      next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as Content-Type: application/json'));
      return;
    }
    read(req, res, next);
  };
}
