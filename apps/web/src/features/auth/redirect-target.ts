// A placeholder origin: only used to let URL resolve the path the way a browser would.
const PROBE_ORIGIN = 'http://console.invalid';
const MAX_LENGTH = 2048;
export const SIGN_IN_PATH = '/sign-in';

/**
 * Where to go after signing in, taken from the `redirect` search param. Only a same-origin
 * relative path is accepted; anything that a browser could resolve to another origin
 * ("//evil", "/\evil", "https://evil", "/\t/evil", an encoded "//" that a router might decode)
 * gives undefined, and the caller falls back to the home page. Returns the normalised
 * path + search + hash.
 */
export function safeRedirectTarget(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return undefined;
  if (!value.startsWith('/') || value.startsWith('//')) return undefined;
  // Browsers read "\" as "/" and silently drop tabs and newlines, so "/\evil" and "/\t/evil" are "//evil".
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  if (decodesToOtherOrigin(url.pathname)) return undefined;
  // Coming back to the sign-in page after signing in would be a loop.
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

function decodesToOtherOrigin(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.startsWith('//') || decoded.includes('\\');
}
