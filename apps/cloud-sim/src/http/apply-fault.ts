import type { RequestHandler, Response } from 'express';
import type { OperationId, Service } from '@dsc/api-types';
import { actionOf } from '../faults.ts';
import type { FaultRule } from '../faults.ts';
import { sendGatewayError } from '../gateway/gateway-errors.ts';
import type { SimRuntime } from '../runtime.ts';
import { SERVICE_PARAM_CODES, SERVICE_SERVER_ERROR_CODES, serviceErrorBody } from './error-body.ts';
import { sendHtml, sendJson } from './send.ts';

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function defaultCode(status: number, service: Service): string {
  if (status === 429) return 'APIGW.0308';
  if (status === 401) return 'APIGW.0301';
  if (status === 403) return 'APIGW.0302';
  return status >= 500 ? SERVICE_SERVER_ERROR_CODES[service] : SERVICE_PARAM_CODES[service];
}

function defaultMessage(status: number): string {
  if (status === 429) return 'The throttling threshold has been reached: policy user over ratelimit';
  if (status === 503) return 'Service unavailable, please try again later (injected fault)';
  return status >= 500 ? 'Internal server error (injected fault)' : 'Request rejected (injected fault)';
}

function sendFaultError(res: Response, rule: FaultRule, op: OperationId, service: Service): void {
  const status = rule.status ?? 500;
  const code = rule.errorCode ?? defaultCode(status, service);
  const message = rule.errorMessage ?? defaultMessage(status);
  if (rule.retryAfter !== undefined) res.setHeader('Retry-After', String(rule.retryAfter));
  // Gateway codes come in the gateway's shape (with request_id), others in the service's.
  if (/^APIGW?\./.test(code)) sendGatewayError(res, status, code, message);
  else sendJson(res, status, serviceErrorBody(service, op, code, message));
}

/**
 * Applies the first firing fault rule for this operation. 'reset' and 'non-json' never reach the
 * handler; 'truncate' lets the handler run (the change happens) and cuts its answer in half;
 * latency alone delays the real answer.
 */
export function applyFault(rt: SimRuntime, op: OperationId, service: Service): RequestHandler {
  return async (req, res, next) => {
    const rule = rt.faults.pick(op, service);
    if (!rule) {
      next();
      return;
    }
    rt.stats.faultsApplied += 1;
    if (rule.latencyMs) await new Promise((resolve) => setTimeout(resolve, rule.latencyMs));
    if (req.socket.destroyed) return;
    switch (actionOf(rule)) {
      case 'delay':
        next();
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'non-json':
        sendHtml(res, rule.status ?? 502, BAD_GATEWAY_HTML);
        return;
      case 'truncate':
        res.locals.truncate = true;
        next();
        return;
      case 'result-failed':
        sendJson(res, 200, { result: 'failed' });
        return;
      case 'error':
        sendFaultError(res, rule, op, service);
        return;
    }
  };
}
