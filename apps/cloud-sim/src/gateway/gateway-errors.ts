import type { Response } from 'express';
import { requestIdOf } from '../http/request-id.ts';
import { sendJson } from '../http/send.ts';

export const SIGNATURE_FAIL_MSG = 'Incorrect IAM authentication information: verify aksk signature fail';
export const SIGNATURE_EXPIRED_MSG =
  'Incorrect IAM authentication information: signature expired (X-Sdk-Date is more than 15 minutes from the server time)';

/** The API gateway's error shape: it alone carries `request_id` in the body. */
export function sendGatewayError(res: Response, status: number, code: string, message: string): void {
  sendJson(res, status, { error_code: code, error_msg: message, request_id: requestIdOf(res) });
}
