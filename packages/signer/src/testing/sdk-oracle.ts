// Test helper: runs the provider's own Node signer (@huaweicloud/huaweicloud-sdk-core,
// auth/AKSKSigner) on the decoded ground truth of a generated request.
//
// Where the SDK differs from upstream-api.md, it is fed so that only that exact edge is
// sidestepped; everything else it computes itself (encoding, sorting, header canon, hashing):
// - Path: AKSKSigner.CanonicalURI encodes url.parse(endpoint).pathname as it stands, with no
//   decoding, so an escape already in the URL is encoded twice ('%41' → '%2541'), and
//   url.parse itself rewrites spaces and quotes. The doc (and the Go SDK, which splits the
//   decoded r.URL.Path) decodes first. So CanonicalURI is handed the decoded path text.
//   An encoded slash is the other path edge: after decoding it is a '/', which the SDK would
//   take as a separator, while we keep it inside its segment (%2F); the generator never puts
//   '/' in a segment's text. Both edges are pinned in canonical-url.test.ts.
// - Query: the SDK signs queryParams (a decoded object), never the URL's query; it is given the
//   decoded pairs. It sorts with Array#sort (UTF-16 order); the doc says byte order: they part
//   only for U+E000–U+FFFF against astral characters, which the generator keeps out of queries.
// - Header values: the SDK signs them untrimmed; the doc (and Go SDK, and what a server
//   receives, HTTP drops optional whitespace) trims them. It is handed trimmed values.
// - Headers: the SDK signs every header it is given, so it gets only the signed ones; it looks
//   up 'host' and 'X-Sdk-Date' by those exact spellings, so they are passed so spelled.
// - Body: it hashes JSON.stringify(request.data), so it is given the parsed JSON (the generator
//   only makes JSON bodies, always an object or array, since falsy data means "no body").
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import type { GeneratedRequest } from './request-generator.ts';

export function sdkAuthorization(g: GeneratedRequest): string {
  const decodedPath = g.decodedPath;
  const Signer = class extends AKSKSigner {
    protected static override CanonicalURI(): string | undefined {
      return super.CanonicalURI(decodedPath);
    }
  };

  const queryParams: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [key, value] of g.query) {
    const prev = queryParams[key];
    queryParams[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }

  const headers: Record<string, string> = { host: g.origin.host, 'X-Sdk-Date': g.sdkDate };
  for (const [name, value] of g.signedValues) headers[name] = value;
  if (g.creds.securityToken) headers['X-Security-Token'] = g.creds.securityToken;

  const credential = new BasicCredentials().withAk(g.creds.ak).withSk(g.creds.sk);
  const request = { method: g.method, endpoint: g.origin.url, headers, queryParams, data: g.bodyJson };
  const signed = Signer.sign(request, credential) as Record<string, string>;
  const authorization = signed.Authorization;
  if (authorization === undefined) throw new Error('the SDK produced no Authorization header');
  return authorization;
}
