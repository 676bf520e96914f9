import type { Request, Response } from 'express';
import type { z } from 'zod';
import { catalogue, fieldErrors } from '@dsc/api-types';
import type { OperationId } from '@dsc/api-types';
import { queryRecord } from '../request-log.ts';
import { SERVICE_PARAM_CODES } from './error-body.ts';
import { rawBodyOf } from './record-request.ts';
import { ServiceError } from './service-error.ts';

export interface ValidInput {
  params: unknown;
  query: unknown;
  body: unknown;
}

/**
 * Checks path, query and body with the catalogue entry's own schemas and answers like the
 * service's own parameter check (DLI.0001 / MRS.0001 / DWS.0001, HTTP 400): the simulator must
 * stand on its own even though the BFF validates first.
 */
export function validateInput(opId: OperationId, req: Request, res: Response): ValidInput {
  const op = catalogue[opId];
  const fail = (issues: readonly z.core.$ZodIssue[], where: string): never => {
    const detail = Object.entries(fieldErrors(issues, where))
      .slice(0, 5)
      .map(([path, msg]) => `${path}: ${msg}`)
      .join('; ');
    throw new ServiceError(400, SERVICE_PARAM_CODES[op.service], `Parameter check failed: ${detail}`);
  };
  const { project_id: _project, ...pathParams } = req.params as Record<string, string>;
  const params = op.params.safeParse(pathParams);
  if (!params.success) fail(params.error.issues, '');

  let query: unknown = undefined;
  if (op.query) {
    const parsed = op.query.safeParse(queryRecord(new URL(req.originalUrl, 'http://sim.invalid').searchParams));
    if (!parsed.success) fail(parsed.error.issues, '');
    query = parsed.data;
  }

  let body: unknown = undefined;
  if (op.body) {
    const raw = rawBodyOf(res);
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ServiceError(400, SERVICE_PARAM_CODES[op.service], 'Parameter check failed: the request body must be JSON.');
    }
    const parsed = op.body.safeParse(json);
    if (!parsed.success) fail(parsed.error.issues, '');
    body = parsed.data;
  }
  return { params: params.data, query, body };
}
