import type { Response } from 'express';

const JSON_TYPE = 'application/json;charset=UTF-8';

/**
 * The one place responses are written. A pending `truncate` fault sends half the body under the
 * full Content-Length and then drops the connection, as a proxy dying mid-response would.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  if (body === undefined) {
    res.status(status).end();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  if (res.locals.truncate === true) {
    res.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': String(bytes.length) });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.status(status).setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

export function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(html);
}
