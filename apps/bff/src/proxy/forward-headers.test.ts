import { describe, expect, it } from 'vitest';
import { forwardableClientHeaders } from './forward-headers.ts';

describe('forwardableClientHeaders', () => {
  it('drops credentials, signing, routing, hop-by-hop and browser headers', () => {
    const hostile = {
      authorization: 'SDK-HMAC-SHA256 Access=EVIL',
      cookie: 'sid=1',
      'x-sdk-date': '20200101T000000Z',
      'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD',
      'x-project-id': 'ffffffffffffffffffffffffffffffff',
      'x-security-token': 'stolen',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'evil.example.com',
      forwarded: 'for=10.0.0.1',
      host: 'evil.example.com',
      connection: 'keep-alive, x-extra',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      te: 'trailers',
      upgrade: 'websocket',
      'proxy-authorization': 'Basic x',
      origin: 'https://evil.example.com',
      referer: 'https://evil.example.com/',
      'sec-fetch-site': 'same-origin',
      'user-agent': 'Mozilla/5.0',
      'x-csrf': '1',
      'content-type': 'text/plain',
      'content-length': '3',
      accept: 'text/html',
    };
    expect(forwardableClientHeaders(hostile)).toEqual({});
  });

  it('passes a well-formed Accept-Language and nothing odd in it', () => {
    expect(forwardableClientHeaders({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })).toEqual({
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
    });
    expect(forwardableClientHeaders({ 'accept-language': 'en\r\nX-Evil: 1' })).toEqual({});
  });
});
