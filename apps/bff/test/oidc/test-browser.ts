import http from 'node:http';
import https from 'node:https';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The Location header resolved against the request URL. */
  location: string | undefined;
  setCookies: string[];
}

/**
 * Just enough of a browser for the OIDC tests: one cookie jar per host:port (names and values;
 * Max-Age=0 deletes), no automatic redirects (each hop is a step the test looks at), and trust in
 * the test CA for https. Chromium does the same journey in e2e/tests/oidc.spec.ts.
 */
export class TestBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  constructor(private readonly ca: string) {}

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }
  setCookie(url: string, name: string, value: string): void {
    this.jar(url).set(name, value);
  }

  get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request('GET', url, headers);
  }
  delete(url: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request('DELETE', url, headers);
  }
  postForm(url: string, fields: Record<string, string>): Promise<Answer> {
    return this.request(
      'POST',
      url,
      { 'content-type': 'application/x-www-form-urlencoded' },
      new URLSearchParams(fields).toString(),
    );
  }

  private jar(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jars.get(host);
    if (!jar) this.jars.set(host, (jar = new Map()));
    return jar;
  }

  private request(
    method: string,
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Answer> {
    const u = new URL(url);
    const jar = this.jar(url);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const options = {
      method,
      headers: { accept: 'text/html,application/json', ...(cookie ? { cookie } : {}), ...headers },
      ...(u.protocol === 'https:' ? { ca: this.ca } : {}),
    };
    return new Promise((resolve, reject) => {
      const req = (u.protocol === 'https:' ? https : http).request(u, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const setCookies = res.headers['set-cookie'] ?? [];
          for (const line of setCookies) {
            const [pair, ...attrs] = line.split(';');
            const eq = pair!.indexOf('=');
            const name = pair!.slice(0, eq).trim();
            const value = pair!.slice(eq + 1).trim();
            if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '') jar.delete(name);
            else jar.set(name, value);
          }
          const location = res.headers.location;
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            location: location ? new URL(location, u).href : undefined,
            setCookies,
          });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}
