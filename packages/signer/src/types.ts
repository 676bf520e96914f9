export interface Credentials {
  ak: string;
  sk: string;
  securityToken?: string;
}

export interface SignableRequest {
  /** 'GET', 'POST', ... used exactly as given. */
  method: string;
  /** Absolute URL incl. query string (a path-only target is accepted when headers carry host). */
  url: string;
  /** Headers that will be sent (any case). Must include content-type when there is one. */
  headers: Record<string, string>;
  /** The exact bytes that will be written ('' for none); a string means its UTF-8 bytes. */
  body: Uint8Array | string;
}

/**
 * What `sign` takes: a request as SignableRequest describes it, whose URL may be a URL object
 * already parsed by the caller (used as it is, not parsed again).
 */
export type RequestToSign = Omit<SignableRequest, 'url'> & { url: string | URL };

export type VerifyResult =
  | { ok: true; ak: string }
  | { ok: false; reason: 'missing' | 'malformed' | 'unknown-ak' | 'expired' | 'mismatch' };
