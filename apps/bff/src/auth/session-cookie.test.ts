import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, readSessionId, sessionCookie, sessionIdCandidates } from './session-cookie.ts';

const ID = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123_-a';
const withCookie = (cookie?: string) =>
  ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

describe('session cookie', () => {
  it('finds the session id among other cookies and ignores malformed ones', () => {
    expect(ID).toHaveLength(43);
    expect(readSessionId(withCookie(`theme=dark; dsc_session=${ID}; lang=zh`))).toBe(ID);
    expect(readSessionId(withCookie(`dsc_session=short; dsc_session=${ID}`))).toBe(ID);
    expect(readSessionId(withCookie('dsc_session=../../etc/passwd'))).toBeUndefined();
    expect(readSessionId(withCookie(`xdsc_session=${ID}`))).toBeUndefined();
    expect(readSessionId(withCookie())).toBeUndefined();
  });

  it('over TLS reads only the __Host- cookie, and lists every candidate once', () => {
    const other = ID.replace('a', 'b');
    const secure = (cookie: string) => ({ headers: { cookie }, secure: true }) as IncomingMessage & { secure: boolean };
    expect(readSessionId(secure(`dsc_session=${ID}`))).toBeUndefined();
    expect(readSessionId(secure(`__Host-dsc_session=${ID}`))).toBe(ID);
    expect(sessionIdCandidates(withCookie(`dsc_session=${other}; dsc_session=${ID}; dsc_session=${other}`))).toEqual([other, ID]);
  });

  it('sets HttpOnly, SameSite=Strict, Path=/ and Secure only on TLS', () => {
    expect(sessionCookie(ID, { secure: false, maxAgeSeconds: 60 })).toBe(
      `dsc_session=${ID}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60`,
    );
    expect(sessionCookie(ID, { secure: true, maxAgeSeconds: 60 })).toBe(
      `__Host-dsc_session=${ID}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure`,
    );
    expect(clearedSessionCookie({ secure: false })).toBe(
      'dsc_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0',
    );
  });
});
