export type { Credentials, RequestToSign, SignableRequest, VerifyResult } from './types.ts';
export { sign } from './sign.ts';
export { verify } from './verify.ts';
export { canonicalRequest } from './canonical.ts';
export { formatSdkDate, parseSdkDate } from './sdk-date.ts';
export { EMPTY_BODY_SHA256 } from './digest.ts';
